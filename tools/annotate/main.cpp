// annotate: the command-line face of the core. Reads documents, analyses them together
// and prints the "annotator/1" JSON (core/json/json_io.h). Exit codes: 0 success, 1 bad
// or unreadable input (one line on stderr), 2 bad arguments (usage on stderr).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "3-entities/tagger.h"
#include "4-aliases/name_match.h"
#include "analyse.h"
#include "conll/conll.h"
#include "json/json_io.h"

namespace {

constexpr const char* kUsage =
    "usage: annotate [--date YYYY-MM-DD] [--jsonl] [--pretty] [FILE... | -]\n"
    "       annotate --conll FILE\n"
    "       annotate --names FILE\n"
    "  Analyses the files together (standard input if none, or -) and prints JSON.\n"
    "  --date YYYY-MM-DD  reference date for documents without a dateline\n"
    "  --jsonl            each input line is a document: {\"id\", \"text\", \"date\"?}\n"
    "  --pretty           indent the JSON\n"
    "  --conll FILE       read CoNLL-2003 columns (token first) and print each line with\n"
    "                     one more column: the predicted entity tag in IOB2 (NORP as MISC)\n"
    "  --names FILE       read lines name1<TAB>name2 (a header line name1... is skipped) and\n"
    "                     print name1<TAB>name2<TAB>score<TAB>same|different\n";

struct Arguments {
    std::vector<std::string> files;
    std::string conll;
    std::string names;
    std::optional<annotator::CalendarDate> date;
    bool jsonl = false;
    bool pretty = false;
};

int usageError(const std::string& message) {
    std::cerr << "annotate: " << message << "\n" << kUsage;
    return 2;
}

bool readAll(const std::string& path, std::string& bytes) {
    if (path == "-") {
        bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        return true;
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) return false;
    std::ostringstream buffer;
    buffer << file.rdbuf();
    bytes = buffer.str();
    return !file.bad();
}

std::string baseName(const std::string& path) {
    if (path == "-") return "stdin";
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Writes every line of the CoNLL file with the predicted tag appended; blank lines stay
// blank and -DOCSTART- lines get O, so that any CoNLL scorer reads the output.
int tagConll(const std::string& path) {
    std::ifstream input(path, std::ios::binary);
    if (!input) {
        std::cerr << "annotate: cannot read " << path << ": " << std::strerror(errno) << "\n";
        return 1;
    }
    const annotator::conll::File file = annotator::conll::read(input);
    const auto model = annotator::builtInEntityTagger();
    if (!model) {
        std::cerr << "annotate: " << model.error().message << "\n";
        return 1;
    }
    std::vector<std::string> predicted(file.lines.size(), "O");
    for (const auto& sentences : file.documents) {
        const annotator::Document document = annotator::conll::toDocument(sentences);
        const std::vector<int> tags = annotator::tagDocument(document, *model.value());
        for (size_t s = 0; s < sentences.size(); ++s) {
            const annotator::Sentence& sentence = document.sentences[s];
            const auto spans = annotator::conll::asConll(annotator::conll::spansOfTags(
                std::vector<int>(tags.begin() + sentence.firstToken, tags.begin() + sentence.endToken)));
            const auto tags = annotator::conll::tagsOf(spans, sentences[s].size());
            for (size_t t = 0; t < tags.size(); ++t) predicted[sentences[s][t].line] = tags[t];
        }
    }
    std::string out;
    for (size_t i = 0; i < file.lines.size(); ++i) {
        const std::string& line = file.lines[i];
        out += line.find_first_not_of(" \t") == std::string::npos ? line : line + " " + predicted[i];
        out += '\n';
    }
    std::cout << out;
    return 0;
}

// Scores each pair of person names of the file (core/4-aliases/name_match.h).
int matchNames(const std::string& path) {
    std::ifstream input(path, std::ios::binary);
    if (!input) {
        std::cerr << "annotate: cannot read " << path << ": " << std::strerror(errno) << "\n";
        return 1;
    }
    std::string line, out;
    for (size_t number = 1; std::getline(input, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        std::istringstream fields(line);
        std::string first, second;
        std::getline(fields, first, '\t');
        if (number == 1 && first == "name1") continue;
        if (!std::getline(fields, second, '\t')) {
            std::cerr << "annotate: " << path << ": line " << number << " has no second name (name1<TAB>name2)\n";
            return 1;
        }
        const double score =
            annotator::nameSimilarity(annotator::analysePersonName(first), annotator::analysePersonName(second));
        char formatted[16];
        std::snprintf(formatted, sizeof formatted, "%.3f", score);
        out += first + '\t' + second + '\t' + formatted + '\t' +
               (score >= annotator::kSameNameThreshold ? "same" : "different") + '\n';
    }
    std::cout << out;
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Arguments arguments;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--help" || argument == "-h") {
            std::cout << kUsage;
            return 0;
        } else if (argument == "--jsonl") {
            arguments.jsonl = true;
        } else if (argument == "--conll") {
            if (i + 1 >= argc) return usageError("--conll needs a file");
            arguments.conll = argv[++i];
        } else if (argument == "--names") {
            if (i + 1 >= argc) return usageError("--names needs a file");
            arguments.names = argv[++i];
        } else if (argument == "--pretty") {
            arguments.pretty = true;
        } else if (argument == "--date") {
            if (i + 1 >= argc) return usageError("--date needs a date, YYYY-MM-DD");
            arguments.date = annotator::parseIsoDate(argv[++i]);
            if (!arguments.date) return usageError(std::string("not a date (YYYY-MM-DD): ") + argv[i]);
        } else if (argument.size() > 1 && argument[0] == '-') {
            return usageError("unknown option " + argument);
        } else {
            arguments.files.push_back(argument);
        }
    }
    if (!arguments.names.empty()) {
        if (!arguments.files.empty() || arguments.jsonl || !arguments.conll.empty()) {
            return usageError("--names takes one file and no other input");
        }
        return matchNames(arguments.names);
    }
    if (!arguments.conll.empty()) {
        if (!arguments.files.empty() || arguments.jsonl) return usageError("--conll takes one file and no other input");
        return tagConll(arguments.conll);
    }
    if (arguments.files.empty()) arguments.files.push_back("-");

    std::vector<annotator::DocumentInput> inputs;
    for (const std::string& path : arguments.files) {
        std::string bytes;
        if (!readAll(path, bytes)) {
            std::cerr << "annotate: cannot read " << path << ": " << std::strerror(errno) << "\n";
            return 1;
        }
        if (!arguments.jsonl) {
            inputs.push_back({baseName(path), std::move(bytes), std::nullopt});
            continue;
        }
        std::istringstream lines(bytes);
        std::string line;
        for (size_t number = 0; std::getline(lines, line); ++number) {
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            auto input = annotator::parseDocumentJson(line, number);
            if (!input) {
                std::cerr << "annotate: " << path << ": " << input.error().message << "\n";
                return 1;
            }
            inputs.push_back(std::move(input.value()));
        }
    }

    const auto collection = annotator::analyse(std::move(inputs), {arguments.date});
    if (!collection) {
        std::cerr << "annotate: " << collection.error().message << "\n";
        return 1;
    }
    for (const auto& warning : collection.value().warnings) {
        std::cerr << "annotate: warning: " << warning.document << ": " << warning.message << "\n";
    }
    std::cout << annotator::toJson(collection.value(), arguments.pretty);
    if (!arguments.pretty) std::cout << "\n";
    return 0;
}
