#include "3-entities/tagger_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "3-entities/features.h"

static_assert(annotator::kTagCount <= annotator::kRowStride);

namespace annotator {
namespace {

constexpr char kMagic[4] = {'N', 'A', 'T', 'G'};
constexpr uint32_t kFormatVersion = 1;
constexpr size_t kHeaderBytes = 4 + 4 * 4 + 4;  // magic, 4 × uint32, scale

uint32_t checksum(std::string_view bytes) {
    uint32_t hash = 2166136261u;
    for (const char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    return hash;
}

template <class T>
void put(std::string& out, T value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

template <class T>
T get(std::string_view bytes, size_t offset) {
    T value;
    std::memcpy(&value, bytes.data() + offset, sizeof value);
    return value;
}

}  // namespace

Outcome<TaggerModel> loadTaggerModel(std::string_view bytes, int stage) {
    if (bytes.size() < kHeaderBytes + 4 || std::memcmp(bytes.data(), kMagic, 4) != 0) {
        return Error{"not an entity tagger model (no NATG header)"};
    }
    const auto version = get<uint32_t>(bytes, 4);
    if (version != kFormatVersion) {
        return Error{"entity model format " + std::to_string(version) + ", this build reads format " +
                     std::to_string(kFormatVersion)};
    }
    const auto fingerprint = get<uint32_t>(bytes, 8);
    if (fingerprint != featureFingerprint(stage)) {
        return Error{"entity model (stage " + std::to_string(stage) + ") was trained on other features (fingerprint " +
                     std::to_string(fingerprint) + ", this build has " + std::to_string(featureFingerprint(stage)) +
                     "): retrain it"};
    }
    TaggerModel model;
    model.bucketBits = get<uint32_t>(bytes, 12);
    const auto tags = get<uint32_t>(bytes, 16);
    model.scale = get<float>(bytes, 20);
    if (tags != kTagCount || model.bucketBits < 8 || model.bucketBits > 26) {
        return Error{"entity model has an unexpected shape (" + std::to_string(tags) + " tags, " +
                     std::to_string(model.bucketBits) + " bucket bits)"};
    }
    const size_t transitionCount = (kTagCount + 1) * kTagCount;
    const size_t weightCount = (size_t{1} << model.bucketBits) * kTagCount;
    const size_t expected = kHeaderBytes + transitionCount * 4 + weightCount + 4;
    if (bytes.size() != expected) {
        return Error{"entity model is " + std::to_string(bytes.size()) + " bytes, expected " +
                     std::to_string(expected) + " (truncated or damaged)"};
    }
    if (checksum(bytes.substr(0, expected - 4)) != get<uint32_t>(bytes, expected - 4)) {
        return Error{"entity model checksum does not match (damaged file)"};
    }
    model.transitions.resize(transitionCount);
    std::memcpy(model.transitions.data(), bytes.data() + kHeaderBytes, transitionCount * 4);
    const size_t buckets = size_t{1} << model.bucketBits;
    model.weights.assign(buckets * kRowStride, 0);
    const char* stored = bytes.data() + kHeaderBytes + transitionCount * 4;
    for (size_t bucket = 0; bucket < buckets; ++bucket) {
        std::memcpy(&model.weights[bucket * kRowStride], stored + bucket * kTagCount, kTagCount);
    }
    return model;
}

std::string serializeTaggerModel(int stage, uint32_t bucketBits, const std::vector<float>& transitions,
                                 const std::vector<float>& weights) {
    float largest = 0;
    for (const float w : weights) largest = std::max(largest, std::fabs(w));
    const float scale = largest > 0 ? largest / 127.0f : 1.0f;
    std::string out(kMagic, 4);
    put(out, kFormatVersion);
    put(out, featureFingerprint(stage));
    put(out, bucketBits);
    put(out, static_cast<uint32_t>(kTagCount));
    put(out, scale);
    for (const float t : transitions) put(out, t);
    for (const float w : weights) put(out, static_cast<int8_t>(std::lround(std::clamp(w / scale, -127.0f, 127.0f))));
    put(out, checksum(out));
    return out;
}

}  // namespace annotator
