// The title or role written with a person's name ("Russian Foreign Minister Sergei Lavrov"
// → "Foreign Minister"), which name matching sets aside, kept for the entity and for
// reading role references ("the Russian Foreign Minister" in 5-events).
#pragma once

#include <cstdint>
#include <string>

#include "document.h"

namespace annotator {

// Tokens [first, end) of a document.
struct TokenRange {
    uint32_t first = 0, end = 0;
    bool empty() const { return first == end; }
};

// The title words just before the mention (not before `previousEnd`, the end token of the
// mention before it, nor across a line break), or at its start when the tagger took them
// in, without the words that only join a title to what it serves ("the", "of", "U.S.").
TokenRange titleBefore(const Document& document, const Mention& mention, uint32_t previousEnd);

// Whether the token is a title word ("president", "minister", "leader"; name-words.tsv).
bool isTitleToken(const Document& document, uint32_t token);

// The tokens' text as written; empty for an empty range.
std::string titleText(const Document& document, TokenRange title);

}  // namespace annotator
