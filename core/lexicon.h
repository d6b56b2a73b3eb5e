// Reading the plain-text tables (lexicons, rule lists) embedded in the core.
// Format: one entry a line, fields separated by tabs; '#' starts a comment line; blank
// lines are skipped. Each table's own header comment says what its fields mean.
#pragma once

#include <initializer_list>
#include <string_view>
#include <vector>

#include "string_index.h"

namespace annotator {

using TableRow = std::vector<std::string_view>;

// A set of words looked up for nearly every token (a StringIndex: no allocation per word,
// a cheap hash; std::unordered_set's cost more than the rest of some stages in wasm). Its
// words are views: of embedded tables or string literals, which live as long as the program.
class WordSet {
public:
    WordSet() = default;
    WordSet(std::initializer_list<std::string_view> words) : index_(words.size()) {
        for (const std::string_view word : words) insert(word);
    }
    void insert(std::string_view word) { index_.insert(word, 0); }
    bool contains(std::string_view word) const { return index_.find(word).has_value(); }

private:
    StringIndex index_;
};

// The rows of the embedded table at `path` (see resources.h). The views point into the
// embedded bytes and live as long as the program.
std::vector<TableRow> readTable(std::string_view path);

// The first field of every row of the embedded table at `path`: a word list.
WordSet readWordSet(std::string_view path);

}  // namespace annotator
