// Writes a small valid entity tagger model of each stage (256 buckets, made-up weights)
// into the folder given, as seeds for the model fuzzers: a model of this build's features,
// which a committed file would stop being at the next change of features.h.
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "3-entities/features.h"
#include "3-entities/tagger_model.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_model_seeds FOLDER\n");
        return 2;
    }
    constexpr uint32_t kBucketBits = 8;
    std::vector<float> transitions((annotator::kTagCount + 1) * annotator::kTagCount);
    std::vector<float> weights((size_t{1} << kBucketBits) * annotator::kTagCount);
    for (size_t i = 0; i < transitions.size(); ++i) transitions[i] = static_cast<float>(i % 7) - 3.0f;
    for (size_t i = 0; i < weights.size(); ++i) weights[i] = static_cast<float>((i * 37) % 255) / 127.0f - 1.0f;
    for (int stage = 1; stage <= annotator::kTaggerStages; ++stage) {
        const std::string path = std::string(argv[1]) + "/tiny-stage" + std::to_string(stage) + ".bin";
        std::ofstream(path, std::ios::binary) << annotator::serializeTaggerModel(stage, kBucketBits, transitions, weights);
    }
    return 0;
}
