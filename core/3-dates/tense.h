// The tense around a date expression, which decides whether "on Monday" or "in May" lies
// before or after the reference date. The nearest tense marker of the sentence wins
// (3-dates/tense-words.tsv: will, "going to", "is meeting" → future; said, met, -ed →
// past); with none, past, since news reports what happened. Thread-safe.
#pragma once

#include "3-dates/date_value.h"
#include "document.h"

namespace annotator {

Tense tenseAround(const Document& document, const Sentence& sentence, uint32_t firstToken, uint32_t endToken);

}  // namespace annotator
