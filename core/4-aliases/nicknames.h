// English nicknames (core/4-aliases/nicknames.tsv): "Bill" is a nickname of "William".
// Thread-safe; the table is loaded once.
#pragma once

#include <string_view>

namespace annotator {

// Whether one of the two case-folded given names is a nickname of the other.
bool areNicknames(std::string_view a, std::string_view b);

// Whether the case-folded word is a name or nickname of the table: a common given name.
bool isCommonGivenName(std::string_view word);

}  // namespace annotator
