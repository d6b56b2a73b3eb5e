#include "2-tokens/sentences.h"


#include "1-text/unicode.h"
#include "1-text/utf8.h"
#include "2-tokens/tokenizer.h"
#include "lexicon.h"

namespace annotator {
namespace {

const WordSet& sentenceStarters() {
    static const auto starters = readWordSet("core/2-tokens/sentence-starters.tsv");
    return starters;
}

char32_t firstCodePoint(std::string_view text) {
    size_t offset = 0;
    return text.empty() ? 0 : decodeUtf8(text, offset);
}

bool isTerminal(std::string_view text) {
    return text.find_first_not_of(".!?") == std::string_view::npos || text == "…" || text == "?!";
}

bool isCloser(std::string_view text) {
    const char32_t c = firstCodePoint(text);
    return c == ')' || c == ']' || c == '}' || c == 0x201D || c == 0x2019 || c == 0xBB || c == '"' ||
           c == '\'';
}

bool startsSentence(const Document& document, const Token& token) {
    const std::string_view text = token.bytes.of(document.text);
    const char32_t c = firstCodePoint(text);
    // Letters of scripts without case (Han, Arabic, …) count as capitals here.
    return (isLetter(c) && !isLowercase(c)) || isDecimalDigit(c) || isQuotationMark(c) || c == '(' ||
           c == '[' || token.kind == TokenKind::Emoji;
}

bool isBullet(const Document& document, const Token& token) {
    if (token.gapBefore != Gap::Line) return false;
    const std::string_view text = token.bytes.of(document.text);
    return text == "-" || text == "*" || text == "•" || text == "–" || text == "—";
}

}  // namespace

void findSentences(Document& document) {
    document.sentences.clear();
    auto add = [&](uint32_t block, uint32_t first, uint32_t end) {
        if (first >= end) return;
        document.sentences.push_back({.bytes = {document.tokens[first].bytes.begin, document.tokens[end - 1].bytes.end},
                                      .firstToken = first,
                                      .endToken = end,
                                      .block = block});
    };
    for (uint32_t b = 0; b < document.blocks.size(); ++b) {
        const Block& block = document.blocks[b];
        if (block.role != BlockRole::Body) {
            add(b, block.firstToken, block.endToken);
            continue;
        }
        uint32_t start = block.firstToken;
        for (uint32_t i = block.firstToken; i < block.endToken; ++i) {
            const Token& token = document.tokens[i];
            if (i > start && isBullet(document, token)) {
                add(b, start, i);
                start = i;
            }
            const std::string_view text = token.bytes.of(document.text);
            uint32_t last = i;  // the last token of the sentence if it ends here
            bool ends = false;
            if (token.kind == TokenKind::Punctuation && isTerminal(text)) {
                while (last + 1 < block.endToken && document.tokens[last + 1].gapBefore == Gap::None &&
                       isCloser(document.tokens[last + 1].bytes.of(document.text))) {
                    ++last;
                }
                const bool ellipsis = text == "..." || text == "…";
                ends = last + 1 < block.endToken &&
                       (ellipsis ? isUppercase(firstCodePoint(document.tokens[last + 1].bytes.of(document.text)))
                                 : startsSentence(document, document.tokens[last + 1]));
            } else if (token.kind == TokenKind::Word && i + 1 < block.endToken) {
                const AbbreviationClass kind = abbreviationClass(text);
                ends = kind == AbbreviationClass::Other &&
                       sentenceStarters().contains(document.tokens[i + 1].bytes.of(document.text));
            }
            if (ends) {
                add(b, start, last + 1);
                start = last + 1;
                i = last;
            }
        }
        add(b, start, block.endToken);
    }
}

}  // namespace annotator
