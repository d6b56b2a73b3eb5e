#include "lexicon.h"

#include "resources.h"

namespace annotator {

std::vector<TableRow> readTable(std::string_view path) {
    std::vector<TableRow> rows;
    std::string_view rest = embeddedFile(path);
    while (!rest.empty()) {
        const size_t newline = rest.find('\n');
        std::string_view line = rest.substr(0, newline);
        rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        TableRow row;
        for (size_t start = 0;;) {
            const size_t tab = line.find('\t', start);
            row.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
            if (tab == std::string_view::npos) break;
            start = tab + 1;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

WordSet readWordSet(std::string_view path) {
    WordSet words;
    for (const TableRow& row : readTable(path)) words.insert(row[0]);
    return words;
}

}  // namespace annotator
