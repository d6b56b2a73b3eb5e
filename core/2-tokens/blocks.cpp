#include "2-tokens/blocks.h"

#include "1-text/unicode.h"
#include "1-text/utf8.h"

namespace annotator {
namespace {

// A headline is short, at most this many lines and words, and does not end like a sentence.
constexpr int kMaxTitleLines = 3;
constexpr int kMaxTitleWords = 30;
constexpr int kMaxHeadingLines = 2;
constexpr int kMaxHeadingWords = 20;

bool isHeadlineShaped(const Document& document, const Block& block, int maxLines, int maxWords) {
    int lines = 1, words = 0;
    for (uint32_t i = block.firstToken; i < block.endToken; ++i) {
        const Token& token = document.tokens[i];
        if (i > block.firstToken && token.gapBefore == Gap::Line) ++lines;
        if (token.kind == TokenKind::Word) ++words;
    }
    if (words == 0 || lines > maxLines || words > maxWords) return false;
    const std::string_view last = document.tokens[block.endToken - 1].bytes.of(document.text);
    // A sentence-final period, a colon or comma means running text, not a headline; so
    // does a sentence break inside the block ("Word. Word").
    if (last == "." || last == "," || last == ":" || last == ";") return false;
    for (uint32_t i = block.firstToken; i + 1 < block.endToken; ++i) {
        const std::string_view text = document.tokens[i].bytes.of(document.text);
        if (text == "." || text == "!" || text == "?") return false;
    }
    return true;
}

// The words of a block, case-folded and with apostrophes unified, for spotting a title
// that the text repeats ("… Russia's Foreign Minister" / "… Russia’s Foreign Minister").
std::string foldedWords(const Document& document, const Block& block) {
    std::string folded;
    for (uint32_t i = block.firstToken; i < block.endToken; ++i) {
        const Token& token = document.tokens[i];
        std::string_view text = token.bytes.of(document.text);
        if (token.kind == TokenKind::Punctuation) {
            size_t offset = 0;
            if (!isApostrophe(decodeUtf8(text, offset))) continue;
            text = "'";
        }
        folded += foldCase(text);
        folded += ' ';
    }
    return folded;
}

}  // namespace

void findBlocks(Document& document) {
    document.blocks.clear();
    document.title.reset();
    for (uint32_t i = 0; i < document.tokens.size(); ++i) {
        if (i == 0 || document.tokens[i].gapBefore == Gap::Paragraph) {
            document.blocks.push_back({.bytes = {document.tokens[i].bytes.begin, 0}, .firstToken = i});
        }
        document.blocks.back().endToken = i + 1;
        document.blocks.back().bytes.end = document.tokens[i].bytes.end;
    }
    if (document.blocks.empty()) return;

    Block& first = document.blocks.front();
    if (document.blocks.size() > 1 && isHeadlineShaped(document, first, kMaxTitleLines, kMaxTitleWords)) {
        first.role = BlockRole::Title;
        document.title = first.bytes;
    }
    const std::string titleWords = document.title ? foldedWords(document, first) : std::string();
    for (size_t b = 1; b < document.blocks.size(); ++b) {
        Block& block = document.blocks[b];
        const bool repeatsTitle = !titleWords.empty() && foldedWords(document, block) == titleWords;
        if (repeatsTitle || isHeadlineShaped(document, block, kMaxHeadingLines, kMaxHeadingWords)) {
            block.role = BlockRole::Heading;
        }
    }
}

}  // namespace annotator
