#include "json/utf16_index.h"

namespace annotator {
namespace {

// UTF-16 units contributed by a UTF-8 byte: a lead byte of a 4-byte sequence makes a
// surrogate pair, other lead bytes one unit, continuation bytes none.
uint32_t unitsOf(unsigned char byte) {
    if ((byte & 0xC0) == 0x80) return 0;
    return byte >= 0xF0 ? 2 : 1;
}

}  // namespace

Utf16Index::Utf16Index(std::string_view text) : text_(text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii_ = false;
            break;
        }
    }
    if (ascii_) return;
    checkpoints_.reserve(text.size() / kStride + 1);
    uint32_t units = 0;
    for (uint32_t i = 0; i <= text.size(); ++i) {
        if (i % kStride == 0) checkpoints_.push_back(units);
        if (i < text.size()) units += unitsOf(static_cast<unsigned char>(text[i]));
    }
}

uint32_t Utf16Index::toUtf16(uint32_t offset) const {
    if (ascii_) return offset;
    const uint32_t checkpoint = offset / kStride;
    uint32_t units = checkpoints_[checkpoint];
    for (uint32_t i = checkpoint * kStride; i < offset; ++i) units += unitsOf(static_cast<unsigned char>(text_[i]));
    return units;
}

}  // namespace annotator
