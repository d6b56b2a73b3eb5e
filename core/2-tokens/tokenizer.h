// Splitting text into tokens: words, numbers, punctuation, URLs, e-mail addresses, emoji.
//
// Rules, in the order they apply at each position:
//  - white space separates tokens; the line breaks in it set Token::gapBefore;
//  - a URL (scheme://…, www.…, name.tld/…) or an e-mail address is one token, never split;
//  - a word is letters, marks and digits joined by inner hyphens (Yong-ho, Kim Jong-un) and
//    inner apostrophes (O'Brien), but a possessive 's / ’s is its own token;
//  - a word keeps its final period when it is an initial (J.), an initialism (U.S., a.m.) or
//    listed in 2-tokens/abbreviations.tsv (Dr., Gen., Jan.);
//  - a number keeps its separators (10,000 3.5 14:30 2018-04-10 10/04/2018) but a comma is a
//    thousands separator only before exactly three digits, so "10,2018" is 10 , 2018;
//  - an emoji sequence (ZWJ, modifiers, flags) is one token; other punctuation and symbols
//    are one token each, except runs of the same mark ("...", "--", "''").
// Thread-safe; the lexicons are loaded once.
#pragma once

#include <string_view>
#include <vector>

#include "document.h"

namespace annotator {

std::vector<Token> tokenize(std::string_view text);

// Fills the document's folded layer (Document::foldedText, foldedEnds) from its tokens.
void foldTokens(Document& document);

enum class AbbreviationClass : uint8_t { None, Title, Other };

// How a word token that ends in a period behaves at a sentence end: Title never ends a
// sentence, Other (initialisms, initials, listed abbreviations) ends one only when the
// next word clearly starts a sentence; None for words without a final period.
AbbreviationClass abbreviationClass(std::string_view tokenText);

}  // namespace annotator
