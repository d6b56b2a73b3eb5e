// Finding date and time expressions in a sentence with the rules of 3-dates/date-rules.tsv
// and the words of 3-dates/date-words.tsv. Thread-safe; the tables are loaded once.
#pragma once

#include <vector>

#include "3-dates/date_value.h"
#include "document.h"

namespace annotator {

struct DateMatch {
    uint32_t firstToken = 0, endToken = 0;  // tokens [firstToken, endToken) of the mention
    DateExpression expression;
};

// The expressions in the sentence, left to right, not overlapping. A day and a time of
// day written together ("Tuesday at 10 a.m.", "10 a.m. on Monday") are one match.
std::vector<DateMatch> matchDates(const Document& document, const Sentence& sentence);

}  // namespace annotator
