#include "2-tokens/tokenizer.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "1-text/unicode.h"
#include "1-text/utf8.h"
#include "lexicon.h"

namespace annotator {
namespace {

// A URL or e-mail address is looked for within this many bytes of its start, so that a
// megabyte without spaces stays linear.
constexpr size_t kMaxChunk = 2048;

struct Lexicons {
    std::unordered_map<std::string_view, AbbreviationClass> abbreviations;
    std::unordered_set<std::string_view> domains;
};

const Lexicons& lexicons() {
    static const Lexicons loaded = [] {
        Lexicons lexicons;
        for (const TableRow& row : readTable("core/2-tokens/abbreviations.tsv")) {
            if (row.size() < 2) continue;
            lexicons.abbreviations[row[0]] =
                row[1] == "title" ? AbbreviationClass::Title : AbbreviationClass::Other;
        }
        for (const TableRow& row : readTable("core/2-tokens/web-domains.tsv")) lexicons.domains.insert(row[0]);
        return lexicons;
    }();
    return loaded;
}

class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    size_t size() const { return text_.size(); }
    // The code point at byte `at` (0 past the end) and where the next one starts.
    char32_t at(size_t offset) const {
        if (offset >= text_.size()) return 0;
        size_t cursor = offset;
        return decodeUtf8(text_, cursor);
    }
    size_t after(size_t offset) const {
        size_t cursor = offset;
        decodeUtf8(text_, cursor);
        return cursor;
    }

    bool isWordPart(size_t offset) const {
        const char32_t c = at(offset);
        return offset < text_.size() && (isLetter(c) || isDecimalDigit(c) || isMark(c));
    }

    // A possessive 's or ’s glued to the word before it; returns its end, or 0.
    size_t possessiveEnd(size_t start) const {
        if (start == 0 || !isApostrophe(at(start)) || !isWordPart(codePointStartBefore(text_, start))) return 0;
        const size_t s = after(start);
        if (at(s) != 's' && at(s) != 'S') return 0;
        return isWordPart(s + 1) ? 0 : s + 1;
    }

    // An initialism: single letters each followed by a period (U.S., e.g., a.m.); returns
    // its end, or 0.
    size_t initialismEnd(size_t start) const {
        size_t cursor = start;
        int letters = 0;
        while (cursor < text_.size() && isLetter(at(cursor))) {
            const size_t next = after(cursor);
            if (at(next) != '.') break;
            if (isWordPart(next + 1) && !isLetter(at(next + 1))) break;
            ++letters;
            cursor = next + 1;
            if (isWordPart(cursor) && isWordPart(after(cursor))) break;  // "U.Sa": not a letter alone
        }
        return letters >= 2 ? cursor : 0;
    }

    // The end of a word or number starting at `start` (see tokenizer.h for what joins).
    size_t wordEnd(size_t start) const {
        size_t cursor = start;
        while (true) {
            while (isWordPart(cursor)) cursor = after(cursor);
            if (cursor >= text_.size()) break;
            const char32_t c = at(cursor);
            const size_t next = after(cursor);
            const char32_t following = at(next);
            const bool digitBefore = isDecimalDigit(codePointBefore(text_, cursor));
            if ((c == '-' || c == 0x2010 || c == 0x2011) && isWordPart(next) && !isMark(following)) {
                cursor = next;
                continue;
            }
            if (isApostrophe(c) && isLetter(following)) {
                const bool possessive = (following == 's' || following == 'S') && !isWordPart(next + 1);
                if (possessive) break;
                cursor = next;
                continue;
            }
            if (digitBefore && isDecimalDigit(following)) {
                if (c == '.' || c == ':' || c == '/') {
                    cursor = next;
                    continue;
                }
                if (c == ',' && isThousandsGroup(next)) {
                    cursor = next;
                    continue;
                }
            }
            break;
        }
        // A final period stays with initials and listed abbreviations.
        if (at(cursor) == '.') {
            const std::string_view word = text_.substr(start, cursor - start);
            const bool initial = after(start) == cursor && isLetter(at(start));
            const std::string withPeriod = std::string(word) + '.';
            if (initial || lexicons().abbreviations.count(withPeriod) > 0) ++cursor;
        }
        return cursor;
    }

    bool isThousandsGroup(size_t offset) const {
        for (size_t i = 0; i < 3; ++i) {
            if (offset + i >= text_.size() || !isDecimalDigit(at(offset + i))) return false;
        }
        return !isDecimalDigit(at(offset + 3));
    }

    // The end of the non-space run starting at `start`, looked at up to kMaxChunk bytes.
    // The run's end is found once and kept: every token of a run asks, and markup pasted
    // as text (100,000 <div>s, 1.1 MB with no space) made each of its 300,000 tokens walk
    // 2 KB twice, 12 s for the whole.
    size_t chunkEnd(size_t start) const {
        if (start < runStart_ || start >= runEnd_) {
            size_t cursor = start;
            runMarks_ = {};
            while (cursor < text_.size() && !isWhiteSpace(at(cursor))) {
                const char c = text_[cursor];
                runMarks_.dotOrColon = runMarks_.dotOrColon || c == '.' || c == ':';
                runMarks_.at = runMarks_.at || c == '@';
                cursor = after(cursor);
            }
            runStart_ = start;
            runEnd_ = cursor;
        }
        if (runEnd_ - start <= kMaxChunk) return runEnd_;
        size_t limit = start + kMaxChunk;  // the first code point that starts there or after
        while (limit < runEnd_ && (static_cast<unsigned char>(text_[limit]) & 0xC0) == 0x80) ++limit;
        return limit;
    }

    size_t urlEnd(size_t start) const {
        const char32_t first = at(start);
        if (first >= 0x80 || !(isLetter(first) || isDecimalDigit(first))) return 0;
        const size_t end = chunkEnd(start);
        if (!runMarks_.dotOrColon) return 0;  // every URL has one: "www.", "://", a domain's dot
        std::string_view chunk = text_.substr(start, end - start);
        std::string lower(chunk.substr(0, 8));
        for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        const bool schemed = lower.starts_with("http://") || lower.starts_with("https://") ||
                             lower.starts_with("ftp://") || lower.starts_with("www.");
        if (!schemed && !isBareDomain(chunk)) return 0;
        // Trailing punctuation belongs to the sentence; a closing bracket only if unopened.
        while (!chunk.empty()) {
            const size_t lastStart = codePointStartBefore(chunk, chunk.size());
            const char32_t last = at(start + lastStart);
            const auto count = [&](char c) { return std::count(chunk.begin(), chunk.end(), c); };
            const bool opened = (last == ')' && count('(') >= count(')')) || (last == ']' && count('[') >= count(']'));
            const bool trailing = last < 0x80 ? std::string_view(".,;:!?'\")]}>").find(static_cast<char>(last)) !=
                                                    std::string_view::npos
                                              : isPunctuation(last);
            if (!trailing || opened) break;
            chunk = chunk.substr(0, lastStart);
        }
        const size_t minimum = schemed ? lower.find('/') + 3 : 4;
        return chunk.size() > minimum ? start + chunk.size() : 0;
    }

    // "name.tld" or "a.b.tld/path" in lower-case ASCII, with a known top-level domain.
    bool isBareDomain(std::string_view chunk) const {
        const size_t slash = chunk.find('/');
        std::string_view host = chunk.substr(0, slash);
        while (!host.empty() && std::string_view(".,;:!?'\")").find(host.back()) != std::string_view::npos) {
            host.remove_suffix(1);
        }
        const size_t lastDot = host.rfind('.');
        if (lastDot == std::string_view::npos || lastDot == 0) return false;
        for (const char c : host) {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
        }
        if (host.find("..") != std::string_view::npos) return false;
        return lexicons().domains.count(host.substr(lastDot + 1)) > 0;
    }

    // local@domain.tld in ASCII; returns its end, or 0.
    size_t emailEnd(size_t start) const {
        const size_t end = chunkEnd(start);
        if (!runMarks_.at) return 0;
        const std::string_view chunk = text_.substr(start, end - start);
        const size_t at = chunk.find('@');
        if (at == std::string_view::npos || at == 0) return 0;
        for (size_t i = 0; i < at; ++i) {
            const char c = chunk[i];
            const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                 std::string_view("._%+-").find(c) != std::string_view::npos;
            if (!allowed) return 0;
        }
        size_t cursor = at + 1, lastDot = 0;
        while (cursor < chunk.size()) {
            const char c = chunk[cursor];
            const bool label = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (c == '.' && cursor + 1 < chunk.size() && chunk[cursor + 1] != '.' && cursor > at + 1) {
                lastDot = cursor;
            } else if (!label) {
                break;
            }
            ++cursor;
        }
        if (chunk[cursor - 1] == '.') --cursor;
        if (lastDot == 0 || cursor - lastDot < 3) return 0;
        return start + cursor;
    }

    size_t emojiEnd(size_t start) const {
        size_t cursor = start;
        if (isRegionalIndicator(at(cursor))) {
            cursor = after(cursor);
            return isRegionalIndicator(at(cursor)) ? after(cursor) : cursor;
        }
        while (cursor < text_.size() && (isEmojiPart(at(cursor)) || isMark(at(cursor)))) cursor = after(cursor);
        return cursor;
    }

    // Punctuation: one mark, or a run of the same one from this set.
    size_t punctuationEnd(size_t start) const {
        const char32_t c = at(start);
        size_t cursor = after(start);
        if (std::u32string_view(U".-!?'\"*=_~`").find(c) != std::u32string_view::npos) {
            while (cursor < text_.size() && at(cursor) == c) cursor = after(cursor);
        }
        return cursor;
    }

private:
    std::string_view text_;
    mutable size_t runStart_ = 0, runEnd_ = 0;  // the last non-space run chunkEnd found
    struct RunMarks {
        bool dotOrColon = false, at = false;  // whether the run has a '.' or ':', an '@'
    };
    mutable RunMarks runMarks_;
};

}  // namespace

AbbreviationClass abbreviationClass(std::string_view tokenText) {
    if (tokenText.size() < 2 || tokenText.back() != '.') return AbbreviationClass::None;
    const auto found = lexicons().abbreviations.find(tokenText);
    if (found != lexicons().abbreviations.end()) return found->second;
    return AbbreviationClass::Other;  // initials and initialisms
}

void foldTokens(Document& document) {
    document.foldedText.clear();
    document.foldedText.reserve(document.text.size());
    document.foldedEnds.clear();
    document.foldedEnds.reserve(document.tokens.size());
    for (const Token& token : document.tokens) {
        document.foldedText += foldCase(token.bytes.of(document.text));
        document.foldedEnds.push_back(static_cast<uint32_t>(document.foldedText.size()));
    }
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    const Scanner scanner(text);
    size_t cursor = 0;
    int lineBreaks = 2;  // the start of the text counts as a paragraph start
    bool spaced = false;
    while (cursor < text.size()) {
        const char32_t c = scanner.at(cursor);
        if (isWhiteSpace(c)) {
            const size_t next = scanner.after(cursor);
            if (c == 0x2029) lineBreaks += 2;
            else if (isLineBreak(c) && !(c == '\r' && scanner.at(next) == '\n')) ++lineBreaks;
            spaced = true;
            cursor = next;
            continue;
        }
        Token token;
        token.gapBefore = lineBreaks >= 2 ? Gap::Paragraph
                          : lineBreaks == 1 ? Gap::Line
                          : spaced          ? Gap::Space
                                            : Gap::None;
        lineBreaks = 0;
        spaced = false;

        size_t end;
        if ((end = scanner.urlEnd(cursor)) != 0) {
            token.kind = TokenKind::Url;
        } else if ((end = scanner.emailEnd(cursor)) != 0) {
            token.kind = TokenKind::Email;
        } else if ((end = scanner.possessiveEnd(cursor)) != 0 || (end = scanner.initialismEnd(cursor)) != 0) {
            token.kind = TokenKind::Word;
        } else if (isLetter(c) || isDecimalDigit(c) || isMark(c)) {
            end = scanner.wordEnd(cursor);
            token.kind = TokenKind::Number;
            for (size_t i = cursor; i < end; i = scanner.after(i)) {
                if (!isDecimalDigit(scanner.at(i)) && !isPunctuation(scanner.at(i))) {
                    token.kind = TokenKind::Word;
                    break;
                }
            }
        } else if (isEmojiPart(c) || isRegionalIndicator(c)) {
            end = scanner.emojiEnd(cursor);
            token.kind = TokenKind::Emoji;
        } else if (isPunctuation(c)) {
            end = scanner.punctuationEnd(cursor);
            token.kind = TokenKind::Punctuation;
        } else {
            end = scanner.after(cursor);
            token.kind = TokenKind::Symbol;
        }
        token.bytes = {static_cast<uint32_t>(cursor), static_cast<uint32_t>(end)};
        tokens.push_back(token);
        cursor = end;
    }
    return tokens;
}

}  // namespace annotator
