// libFuzzer target: any bytes as an entity tagger model file (3-entities/tagger_model.h),
// for both stages; a model that loads then tags a made-up sentence, so that what a
// model's numbers can do to the tagger (NaN, infinite or huge weights) is reached too.
//
// Built twice. model_fuzz reads the bytes as they are: it mostly meets the magic,
// version, fingerprint and checksum checks. model_checksummed_fuzz (ANNOTATOR_FUZZ_REPAIR)
// first writes this build's stage-1 fingerprint and a matching checksum into the bytes, as
// a model file damaged on purpose would have, so that the mutations reach the reader
// behind those checks.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "3-entities/features.h"
#include "3-entities/tagger.h"
#include "3-entities/tagger_model.h"

namespace {

// The FNV-1a checksum that closes a model file (tagger_model.h).
uint32_t checksum(std::string_view bytes) {
    uint32_t hash = 2166136261u;
    for (const char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    return hash;
}

// Feature hashes of a sentence of five tokens, a dozen each, spread over all buckets.
const std::vector<std::vector<uint64_t>>& sentenceFeatures() {
    static const std::vector<std::vector<uint64_t>> features = [] {
        std::vector<std::vector<uint64_t>> tokens(5);
        uint64_t hash = 0x9E3779B97F4A7C15u;
        for (auto& token : tokens) {
            for (int i = 0; i < 12; ++i) token.push_back(hash = hash * 6364136223846793005u + 1442695040888963407u);
        }
        return tokens;
    }();
    return features;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
#ifdef ANNOTATOR_FUZZ_REPAIR
    if (bytes.size() >= 16) {
        const uint32_t fingerprint = annotator::featureFingerprint(1);
        std::memcpy(&bytes[8], &fingerprint, 4);
        const uint32_t sum = checksum(std::string_view(bytes).substr(0, bytes.size() - 4));
        std::memcpy(&bytes[bytes.size() - 4], &sum, 4);
    }
#endif
    for (int stage = 1; stage <= annotator::kTaggerStages; ++stage) {
        const annotator::Outcome<annotator::TaggerModel> model = annotator::loadTaggerModel(bytes, stage);
        if (!model) continue;
        const std::vector<int> tags = annotator::tagSentence(model.value(), sentenceFeatures());
        if (tags.size() != sentenceFeatures().size()) __builtin_trap();
        for (int i = 0; i < static_cast<int>(tags.size()); ++i) {
            const int previous = i == 0 ? 0 : tags[i - 1];
            if (tags[i] < 0 || tags[i] >= annotator::kTagCount || !annotator::isAllowedAfter(previous, tags[i])) {
                __builtin_trap();  // Viterbi must keep to BIO whatever the weights
            }
        }
    }
    return 0;
}
