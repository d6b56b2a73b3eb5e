#include "3-entities/tagger.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "3-entities/features.h"
#include "resources.h"

namespace annotator {

std::vector<int> viterbi(const std::vector<float>& emissions, const float* transitions) {
    const size_t length = emissions.size() / kTagCount;
    std::vector<int> tags(length);
    if (length == 0) return tags;
    constexpr float kImpossible = -std::numeric_limits<float>::infinity();
    std::vector<float> score(length * kTagCount, kImpossible);
    std::vector<int> back(length * kTagCount, 0);
    for (int tag = 0; tag < kTagCount; ++tag) {
        if (tag == 0 || isBeginTag(tag)) score[tag] = transitions[kTagCount * kTagCount + tag] + emissions[tag];
    }
    for (size_t i = 1; i < length; ++i) {
        for (int tag = 0; tag < kTagCount; ++tag) {
            float best = kImpossible;
            int from = 0;
            for (int previous = 0; previous < kTagCount; ++previous) {
                if (!isAllowedAfter(previous, tag)) continue;
                const float candidate = score[(i - 1) * kTagCount + previous] + transitions[previous * kTagCount + tag];
                if (candidate > best) best = candidate, from = previous;
            }
            score[i * kTagCount + tag] = best + emissions[i * kTagCount + tag];
            back[i * kTagCount + tag] = from;
        }
    }
    const float* last = &score[(length - 1) * kTagCount];
    tags[length - 1] = static_cast<int>(std::max_element(last, last + kTagCount) - last);
    for (size_t i = length - 1; i > 0; --i) tags[i - 1] = back[i * kTagCount + tags[i]];
    return tags;
}

std::vector<int> tagSentence(const TaggerModel& model, const std::vector<std::vector<uint64_t>>& features) {
    // Scratch reused from sentence to sentence (one set per thread).
    thread_local std::vector<float> emissions;
    thread_local std::vector<uint32_t> buckets;
    emissions.assign(features.size() * kTagCount, 0);
    for (size_t i = 0; i < features.size(); ++i) {
        // Find the rows first and ask for them early: the sums wait on memory, not on adds.
        buckets.clear();
        for (const uint64_t hash : features[i]) {
            buckets.push_back(model.bucketOf(hash));
            __builtin_prefetch(model.row(buckets.back()));
        }
        // One 16-byte row widened to 16 int16 lanes and added at once (GCC/Clang vector
        // extensions; plain scalar code where the target has no SIMD). At most ~50
        // features of |w| <= 127: int16 cannot overflow.
        using Row = int8_t __attribute__((vector_size(kRowStride)));
        using Sums = int16_t __attribute__((vector_size(2 * kRowStride)));
        Sums sums = {};
        for (const uint32_t bucket : buckets) {
            Row row;
            std::memcpy(&row, model.row(bucket), sizeof row);
            sums += __builtin_convertvector(row, Sums);
        }
        for (int tag = 0; tag < kTagCount; ++tag) emissions[i * kTagCount + tag] = sums[tag] * model.scale;
    }
    return viterbi(emissions, model.transitions.data());
}

Outcome<const EntityTagger*> builtInEntityTagger() {
    static const Outcome<EntityTagger> tagger = []() -> Outcome<EntityTagger> {
        EntityTagger loaded;
        for (int stage = 1; stage <= kTaggerStages; ++stage) {
            const std::string path = "models/entity-tagger-" + std::to_string(stage) + ".bin";
            Outcome<TaggerModel> model = loadTaggerModel(embeddedFile(path), stage);
            if (!model) return Error{"the built-in entity model " + path + ": " + model.error().message};
            loaded.stages[stage - 1] = std::move(model.value());
        }
        return loaded;
    }();
    if (!tagger) return tagger.error();
    return &tagger.value();
}

std::vector<int> tagDocument(const Document& document, const EntityTagger& tagger) {
    static_assert(kTaggerStages == 2);
    // The second stage reuses the first stage's features, kept in one flat buffer for
    // documents of up to this many tokens (about 350 bytes a token) and computed again for
    // larger ones.
    constexpr size_t kKeepFeaturesUpTo = 200000;
    const bool keep = document.tokens.size() <= kKeepFeaturesUpTo;
    FeatureExtractor extractor(document);
    std::vector<uint64_t> kept;
    std::vector<size_t> keptStart(keep ? document.tokens.size() + 1 : 0, 0);  // per token
    std::vector<std::vector<uint64_t>> features;
    std::vector<int> first(document.tokens.size(), 0);
    for (const Sentence& sentence : document.sentences) {
        extractor.extract(sentence, features);
        const std::vector<int> tags = tagSentence(tagger.stages[0], features);
        std::copy(tags.begin(), tags.end(), first.begin() + sentence.firstToken);
        for (size_t i = 0; keep && i < features.size(); ++i) {
            keptStart[sentence.firstToken + i] = kept.size();
            kept.insert(kept.end(), features[i].begin(), features[i].end());
            keptStart[sentence.firstToken + i + 1] = kept.size();
        }
    }
    extractor.setFirstPass(first);
    std::vector<int> second(document.tokens.size(), 0);
    for (const Sentence& sentence : document.sentences) {
        if (keep) {
            features.resize(sentence.endToken - sentence.firstToken);
            for (uint32_t t = sentence.firstToken; t < sentence.endToken; ++t) {
                features[t - sentence.firstToken].assign(kept.begin() + keptStart[t], kept.begin() + keptStart[t + 1]);
            }
        } else {
            extractor.extract(sentence, features);
        }
        extractor.appendSecondStage(sentence, features);
        const std::vector<int> tags = tagSentence(tagger.stages[1], features);
        std::copy(tags.begin(), tags.end(), second.begin() + sentence.firstToken);
    }
    return second;
}

void findEntities(Document& document, const EntityTagger& tagger) {
    const std::vector<int> tags = tagDocument(document, tagger);
    std::vector<Mention> found;
    for (const Sentence& sentence : document.sentences) {
        for (uint32_t i = sentence.firstToken; i < sentence.endToken;) {
            if (tags[i] == 0) {
                ++i;
                continue;
            }
            const int type = typeOfTag(tags[i]);
            uint32_t end = i + 1;
            while (end < sentence.endToken && tags[end] == insideTag(type)) ++end;
            found.push_back({.bytes = {document.tokens[i].bytes.begin, document.tokens[end - 1].bytes.end},
                             .firstToken = i,
                             .endToken = end,
                             .type = kEntityTypes[type],
                             .entity = std::nullopt,
                             .value = {}});
            i = end;
        }
    }
    // Dates were found by rules that know them better; an entity overlapping one yields.
    // Both lists are sorted and neither overlaps itself, so one pass finds the overlaps.
    size_t date = 0;
    std::erase_if(found, [&](const Mention& entity) {
        while (date < document.mentions.size() && document.mentions[date].bytes.end <= entity.bytes.begin) ++date;
        return date < document.mentions.size() && document.mentions[date].bytes.begin < entity.bytes.end;
    });
    document.mentions.insert(document.mentions.end(), found.begin(), found.end());
    std::stable_sort(document.mentions.begin(), document.mentions.end(),
                     [](const Mention& a, const Mention& b) { return a.bytes.begin < b.bytes.begin; });
}

}  // namespace annotator
