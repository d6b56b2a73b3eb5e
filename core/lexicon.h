// Reading the plain-text tables (lexicons, rule lists) embedded in the core.
// Format: one entry a line, fields separated by tabs; '#' starts a comment line; blank
// lines are skipped. Each table's own header comment says what its fields mean.
#pragma once

#include <string_view>
#include <unordered_set>
#include <vector>

namespace annotator {

using TableRow = std::vector<std::string_view>;

// The rows of the embedded table at `path` (see resources.h). The views point into the
// embedded bytes and live as long as the program.
std::vector<TableRow> readTable(std::string_view path);

// The first field of every row of the embedded table at `path`: a word list.
std::unordered_set<std::string_view> readWordSet(std::string_view path);

}  // namespace annotator
