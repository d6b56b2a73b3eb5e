#include "4-aliases/titles.h"

#include "1-text/unicode.h"
#include "4-aliases/person_name.h"

namespace annotator {

bool isTitleToken(const Document& document, uint32_t token) {
    const Token& t = document.tokens[token];
    return t.kind == TokenKind::Word && isTitleWord(foldedToken(document, token));
}

TokenRange titleBefore(const Document& document, const Mention& mention, uint32_t previousEnd) {
    uint32_t first = mention.firstToken, last = mention.firstToken;  // the title: tokens [first, last)
    while (last < mention.endToken && isTitleToken(document, last)) ++last;
    if (last == mention.firstToken) {
        while (first > previousEnd && isTitleToken(document, first - 1) && document.tokens[first].gapBefore <= Gap::Space) --first;
        last = mention.firstToken;
    }
    // Words that only join a title to what it serves do not start or end one.
    const auto joining = [&](uint32_t token) {
        const std::string_view word = foldedToken(document, token);
        return word == "the" || word == "of" || word == "state" || word == "us" || word == "u.s." || word == "un" || word == "uk";
    };
    while (first < last && joining(first)) ++first;
    while (last > first && joining(last - 1)) --last;
    return {first, last};
}

std::string titleText(const Document& document, TokenRange title) {
    if (title.empty()) return {};
    const uint32_t begin = document.tokens[title.first].bytes.begin, end = document.tokens[title.end - 1].bytes.end;
    return document.text.substr(begin, end - begin);
}

}  // namespace annotator
