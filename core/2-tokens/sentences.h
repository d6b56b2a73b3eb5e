// Sentence boundaries inside each block (sentences never cross a blank line).
//
// A headline-like block (title, heading) is one sentence. In body text a sentence ends
// after . ! ? … (and any closing quotes or brackets glued to them) when the next token
// starts a sentence: a capital letter, a digit or an opening quote. A line break alone is
// a hard wrap, not a boundary, except before a bullet. An abbreviation's period ends a
// sentence only when its class allows it and the next word is a typical sentence starter
// (2-tokens/sentence-starters.tsv): "U.S. President" stays one sentence, "in the U.S. The
// talks" is two; "Dr. Smith" never splits.
#pragma once

#include "document.h"

namespace annotator {

// Fills document.sentences. Needs document.tokens and document.blocks.
void findSentences(Document& document);

}  // namespace annotator
