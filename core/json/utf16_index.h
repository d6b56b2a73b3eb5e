// Converting byte offsets of a UTF-8 text into UTF-16 code-unit offsets, the unit of
// JavaScript strings, so that text.slice(start, end) in the page gives the mention. This is
// the only place offsets change unit: inside the core every offset is a byte offset.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace annotator {

class Utf16Index {
public:
    explicit Utf16Index(std::string_view text);

    // The UTF-16 offset of byte `offset`, which must be on a code point boundary.
    uint32_t toUtf16(uint32_t offset) const;

private:
    static constexpr uint32_t kStride = 256;  // bytes between checkpoints
    std::string_view text_;
    bool ascii_ = true;                 // then both units agree
    std::vector<uint32_t> checkpoints_;  // UTF-16 offset of byte i * kStride
};

}  // namespace annotator
