// The entity tagger's model: a weight per (feature bucket, tag) and a weight per tag
// transition, as a versioned binary that the core reads from memory.
//
// File layout (little-endian): magic "NATG", format version, feature fingerprint of its
// stage (features.h),
// bucket bits, tag count, weight scale (float), transitions ((tags + 1) × tags floats, the
// last row from the sentence start), then buckets × tags int8 weights (weight = int8 × scale),
// then a 32-bit FNV-1a checksum of everything before it. A model whose version, fingerprint,
// size or checksum does not match is refused with a message that says which.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "outcome.h"

namespace annotator {

// Tags: 0 is O (outside), then B- and I- of each type in this order.
inline constexpr MentionType kEntityTypes[] = {MentionType::Person, MentionType::Org, MentionType::Location,
                                               MentionType::Misc, MentionType::Norp};
inline constexpr int kEntityTypeCount = 5;
inline constexpr int kTagCount = 1 + 2 * kEntityTypeCount;
inline constexpr int beginTag(int type) { return 1 + 2 * type; }
inline constexpr int insideTag(int type) { return 2 + 2 * type; }
inline constexpr int typeOfTag(int tag) { return (tag - 1) / 2; }
inline constexpr bool isBeginTag(int tag) { return tag > 0 && tag % 2 == 1; }
// I-X may only follow B-X or I-X.
inline constexpr bool isAllowedAfter(int previous, int tag) {
    return tag == 0 || isBeginTag(tag) || (previous > 0 && typeOfTag(previous) == typeOfTag(tag));
}

// In memory a bucket's row of kTagCount weights is padded to kRowStride bytes, so that
// one aligned 16-byte load reads it (the file stores rows unpadded).
inline constexpr int kRowStride = 16;

struct TaggerModel {
    uint32_t bucketBits = 0;
    float scale = 1;
    std::vector<float> transitions;  // (kTagCount + 1) × kTagCount; row kTagCount: from the start
    std::vector<int8_t> weights;     // (1 << bucketBits) × kRowStride, the padding zero

    const int8_t* row(uint32_t bucket) const { return &weights[size_t{bucket} * kRowStride]; }

    uint32_t bucketOf(uint64_t featureHash) const {
        return static_cast<uint32_t>(featureHash ^ (featureHash >> 32)) & ((1u << bucketBits) - 1);
    }
};

// `stage` is 1 or 2 (features.h): each stage's model has its own fingerprint.
Outcome<TaggerModel> loadTaggerModel(std::string_view bytes, int stage);

// The model file for float weights, quantised to int8 with one scale (used by the trainer).
std::string serializeTaggerModel(int stage, uint32_t bucketBits, const std::vector<float>& transitions,
                                 const std::vector<float>& weights);

}  // namespace annotator
