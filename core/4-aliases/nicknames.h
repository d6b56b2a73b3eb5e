// English nicknames (core/4-aliases/nicknames.tsv): "Bill" is a nickname of "William".
// Thread-safe; the table is loaded once.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace annotator {

// Whether one of the two case-folded given names is a nickname of the other.
bool areNicknames(std::string_view a, std::string_view b);

// The same for two names by their numbers (givenNameNumber), for the loops that compare
// the words of many names: each word is looked up once.
bool areNicknames(uint32_t a, uint32_t b);

// The number of a case-folded name or nickname of the table (a common given name), if it is one.
std::optional<uint32_t> givenNameNumber(std::string_view word);

// Whether the case-folded word is a name or nickname of the table: a common given name.
bool isCommonGivenName(std::string_view word);

}  // namespace annotator
