#include "1-text/utf8.h"

namespace annotator {

char32_t decodeUtf8Sequence(std::string_view text, size_t& offset) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(offset);
    if (lead < 0xE0) {
        const char32_t cp = ((lead & 0x1Fu) << 6) | (byte(offset + 1) & 0x3Fu);
        offset += 2;
        return cp;
    }
    if (lead < 0xF0) {
        const char32_t cp =
            ((lead & 0x0Fu) << 12) | ((byte(offset + 1) & 0x3Fu) << 6) | (byte(offset + 2) & 0x3Fu);
        offset += 3;
        return cp;
    }
    const char32_t cp = ((lead & 0x07u) << 18) | ((byte(offset + 1) & 0x3Fu) << 12) |
                        ((byte(offset + 2) & 0x3Fu) << 6) | (byte(offset + 3) & 0x3Fu);
    offset += 4;
    return cp;
}

size_t codePointStartBefore(std::string_view text, size_t offset) {
    size_t start = offset - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return start;
}

char32_t codePointBefore(std::string_view text, size_t offset) {
    size_t start = codePointStartBefore(text, offset);
    return decodeUtf8(text, start);
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

namespace {

// Length of the valid sequence at `offset`, or 0 with `invalidLength` set to the length of
// the maximal invalid subpart to replace (Unicode 15, table 3-7; WHATWG "UTF-8 decoder").
size_t validSequenceLength(std::string_view text, size_t offset, size_t& invalidLength) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(offset);
    invalidLength = 1;
    if (lead < 0x80) return 1;
    size_t needed;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        needed = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        needed = 2;
        if (lead == 0xE0) low = 0xA0;   // overlong
        if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        needed = 3;
        if (lead == 0xF0) low = 0x90;   // overlong
        if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    for (size_t i = 1; i <= needed; ++i) {
        if (offset + i >= text.size()) return 0;
        const unsigned char next = byte(offset + i);
        const bool inRange = i == 1 ? (next >= low && next <= high) : (next >= 0x80 && next <= 0xBF);
        if (!inRange) return 0;
        invalidLength = i + 1;  // a truncated sequence is replaced as one unit
    }
    invalidLength = 1;
    return needed + 1;
}

}  // namespace

Utf8Repair repairUtf8(std::string& text) {
    Utf8Repair repair;
    size_t offset = 0;
    // Fast path: most text is valid; copy only once the first invalid byte is seen.
    for (size_t invalid; offset < text.size();) {
        const size_t length = validSequenceLength(text, offset, invalid);
        if (length == 0) break;
        offset += length;
    }
    if (offset == text.size()) return repair;

    std::string repaired(text, 0, offset);
    repair.firstInvalidOffset = offset;
    while (offset < text.size()) {
        size_t invalid;
        const size_t length = validSequenceLength(text, offset, invalid);
        if (length > 0) {
            repaired.append(text, offset, length);
            offset += length;
        } else {
            appendUtf8(repaired, 0xFFFD);
            ++repair.replaced;
            offset += invalid;
        }
    }
    text = std::move(repaired);
    return repair;
}

}  // namespace annotator
