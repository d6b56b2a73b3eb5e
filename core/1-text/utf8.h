// UTF-8 decoding, encoding and repair. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace annotator {

// Decodes the code point starting at byte `offset` of valid UTF-8 and moves `offset` past it.
// Inline for ASCII, which most text is: every stage walks its text by code points.
char32_t decodeUtf8Sequence(std::string_view text, size_t& offset);  // a lead byte of 0x80 or more
inline char32_t decodeUtf8(std::string_view text, size_t& offset) {
    const unsigned char lead = static_cast<unsigned char>(text[offset]);
    if (lead >= 0x80) return decodeUtf8Sequence(text, offset);
    ++offset;
    return lead;
}

// Where the code point that ends just before byte `offset` of valid UTF-8 starts (offset > 0).
size_t codePointStartBefore(std::string_view text, size_t offset);
// The code point that ends just before byte `offset` of valid UTF-8 (offset > 0).
char32_t codePointBefore(std::string_view text, size_t offset);

void appendUtf8(std::string& out, char32_t codePoint);

struct Utf8Repair {
    size_t replaced = 0;           // how many invalid sequences became U+FFFD
    size_t firstInvalidOffset = 0;  // byte offset of the first one in the original bytes
};

// Replaces every maximal invalid subsequence with U+FFFD, exactly as the WHATWG decoder
// (the browser's TextDecoder) does, so that a file read by the page and by the CLI gives
// the same text. Overlong forms, surrogates (CESU-8) and code points above U+10FFFF are
// invalid.
Utf8Repair repairUtf8(std::string& text);

}  // namespace annotator
