#include "4-aliases/nicknames.h"

#include <string>
#include <unordered_set>

#include "lexicon.h"

namespace annotator {

namespace {

struct Nicknames {
    std::unordered_set<std::string> pairs;       // each pair both ways, as "name\tnickname"
    std::unordered_set<std::string_view> names;  // every name and nickname
};

const Nicknames& nicknames() {
    static const Nicknames table = [] {
        Nicknames made;
        for (const TableRow& row : readTable("core/4-aliases/nicknames.tsv")) {
            if (row.size() < 2) continue;
            made.pairs.insert(std::string(row[0]) + '\t' + std::string(row[1]));
            made.pairs.insert(std::string(row[1]) + '\t' + std::string(row[0]));
            made.names.insert(row[0]);
            made.names.insert(row[1]);
        }
        return made;
    }();
    return table;
}

}  // namespace

bool isCommonGivenName(std::string_view word) { return nicknames().names.contains(word); }

bool areNicknames(std::string_view a, std::string_view b) {
    if (a == b || a.empty() || b.empty()) return false;
    std::string pair;
    pair.reserve(a.size() + b.size() + 1);
    pair.append(a).append(1, '\t').append(b);
    return nicknames().pairs.contains(pair);
}

}  // namespace annotator
