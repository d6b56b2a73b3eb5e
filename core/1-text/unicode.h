// Character classes and case folding, backed by ICU. Thread-safe after the first call.
#pragma once

#include <string>
#include <string_view>

#include "outcome.h"

namespace annotator {

// Hands ICU the data the core uses (1-text/icudt72l.dat, embedded) before anything else
// reads ICU data. Safe to call many times; fails only if the embedded data is unusable.
// The functions below that need ICU data call it themselves.
Outcome<bool> initUnicodeData();

// The classes of characters beyond ASCII, from ICU; the inline functions below answer
// ASCII themselves, since every stage asks of nearly every character.
bool isLetterBeyondAscii(char32_t c);
bool isMarkBeyondAscii(char32_t c);
bool isDecimalDigitBeyondAscii(char32_t c);
bool isWhiteSpaceBeyondAscii(char32_t c);
bool isUppercaseBeyondAscii(char32_t c);
bool isLowercaseBeyondAscii(char32_t c);
bool isPunctuationBeyondAscii(char32_t c);

// Alphabetic: letters of every script.
inline bool isLetter(char32_t c) { return c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : isLetterBeyondAscii(c); }
// Combining marks (Mn, Mc, Me).
inline bool isMark(char32_t c) { return c >= 0x80 && isMarkBeyondAscii(c); }
inline bool isDecimalDigit(char32_t c) { return c < 0x80 ? c >= '0' && c <= '9' : isDecimalDigitBeyondAscii(c); }
// White_Space, including no-break spaces.
inline bool isWhiteSpace(char32_t c) { return c < 0x80 ? c == ' ' || (c >= 0x09 && c <= 0x0D) : isWhiteSpaceBeyondAscii(c); }
bool isLineBreak(char32_t c);   // LF, CR, VT, FF, NEL, LS, PS
// An uppercase or titlecase letter.
inline bool isUppercase(char32_t c) { return c < 0x80 ? c >= 'A' && c <= 'Z' : isUppercaseBeyondAscii(c); }
inline bool isLowercase(char32_t c) { return c < 0x80 ? c >= 'a' && c <= 'z' : isLowercaseBeyondAscii(c); }
bool isDash(char32_t c);        // hyphen-minus, hyphen, en dash, …
bool isApostrophe(char32_t c);  // ' and ’ (also the modifier letter apostrophe)
bool isQuotationMark(char32_t c);
// General category P; in ASCII !"#%&'()*,-./:;?@[\]_{} (not the symbols $+<=>^`|~).
inline bool isPunctuation(char32_t c) {
    if (c >= 0x80) return isPunctuationBeyondAscii(c);
    constexpr std::string_view kAscii = "!\"#%&'()*,-./:;?@[\\]_{}";
    return c > ' ' && kAscii.find(static_cast<char>(c)) != std::string_view::npos;
}
bool isEmojiPart(char32_t c);   // Extended_Pictographic, modifiers, ZWJ, VS16, keycap, tags
bool isRegionalIndicator(char32_t c);
bool isControl(char32_t c);     // Cc other than whitespace: what binary data is made of

// The text on one line: each run of spaces, tabs and line breaks one space, none at the
// ends ("Vladimir\nPutin" → "Vladimir Putin").
std::string singleLine(std::string_view text);

// NFKC_Casefold of the text: the matching key of a word ("APRIL", "April", "Ａｐｒｉｌ" → "april").
std::string foldCase(std::string_view text);

}  // namespace annotator
