#include "3-entities/tagger.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "3-entities/features.h"
#include "resources.h"

namespace annotator {

namespace {

// Viterbi scores every tag at once from each previous tag, in 4-lane vectors (GCC/Clang
// vector extensions: SSE on x86, SIMD128 in wasm); the first best previous tag wins, as
// in a scalar loop.
using Floats = float __attribute__((vector_size(16)));
using Ints = int32_t __attribute__((vector_size(16)));
constexpr int kVectors = (kTagCount + 3) / 4, kLanes = 4 * kVectors;
constexpr float kImpossible = -std::numeric_limits<float>::infinity();

// The transition scores laid out for that: from each tag to every tag, with the ones BIO
// forbids impossible instead of skipped, and from the sentence start.
struct Lattice {
    Floats allowed[kTagCount][kVectors];
    float start[kLanes];
};

Lattice latticeOf(const float* transitions) {
    Lattice lattice;
    for (int previous = 0; previous < kTagCount; ++previous) {
        float row[kLanes];
        for (int tag = 0; tag < kLanes; ++tag) {
            row[tag] = tag < kTagCount && isAllowedAfter(previous, tag) ? transitions[previous * kTagCount + tag] : kImpossible;
        }
        std::memcpy(lattice.allowed[previous], row, sizeof row);
    }
    for (int tag = 0; tag < kLanes; ++tag) {
        const bool starts = tag < kTagCount && (tag == 0 || isBeginTag(tag));
        lattice.start[tag] = starts ? transitions[kTagCount * kTagCount + tag] : kImpossible;
    }
    return lattice;
}

std::vector<int> bestPath(const std::vector<float>& emissions, const Lattice& lattice) {
    const size_t length = emissions.size() / kTagCount;
    std::vector<int> tags(length);
    if (length == 0) return tags;
    thread_local std::vector<int32_t> back;  // per token and tag: the best previous tag
    back.resize(length * kLanes);
    float score[kLanes];
    for (int tag = 0; tag < kLanes; ++tag) score[tag] = tag < kTagCount ? lattice.start[tag] + emissions[tag] : kImpossible;
    for (size_t i = 1; i < length; ++i) {
        Floats best[kVectors];
        Ints from[kVectors];
        for (int v = 0; v < kVectors; ++v) best[v] = Floats{} + kImpossible, from[v] = Ints{};
        for (int previous = 0; previous < kTagCount; ++previous) {
            const Floats before = Floats{} + score[previous];
            for (int v = 0; v < kVectors; ++v) {
                const Floats candidate = before + lattice.allowed[previous][v];
                const Ints better = candidate > best[v];  // all ones where better
                best[v] = (Floats)(((Ints)candidate & better) | ((Ints)best[v] & ~better));
                from[v] = (better & previous) | (from[v] & ~better);
            }
        }
        float bestScores[kLanes];
        std::memcpy(bestScores, best, sizeof bestScores);
        std::memcpy(&back[i * kLanes], from, sizeof from);
        for (int tag = 0; tag < kLanes; ++tag) {
            score[tag] = tag < kTagCount ? bestScores[tag] + emissions[i * kTagCount + tag] : kImpossible;
        }
    }
    tags[length - 1] = static_cast<int>(std::max_element(score, score + kTagCount) - score);
    for (size_t i = length - 1; i > 0; --i) tags[i - 1] = back[i * kLanes + tags[i]];
    return tags;
}

}  // namespace

std::vector<int> viterbi(const std::vector<float>& emissions, const float* transitions) {
    return bestPath(emissions, latticeOf(transitions));
}

namespace {

// A token's weights summed over its features: one bucket's row (16 int8 lanes, kTagCount
// of them used) widened to 16 int16 lanes and added at once (GCC/Clang vector extensions;
// plain scalar code where the target has no SIMD). At most ~50 features of |w| <= 127:
// int16 cannot overflow.
using Row = int8_t __attribute__((vector_size(kRowStride)));
using Sums = int16_t __attribute__((vector_size(2 * kRowStride)));

// Adds the weights of the feature's bucket, widened to the sums' lanes.
void addRow(Sums& sums, const TaggerModel& model, uint64_t featureHash) {
    Row row;
    std::memcpy(&row, model.row(model.bucketOf(featureHash)), sizeof row);
    sums += __builtin_convertvector(row, Sums);
}

// Adds the weights of each token's features to its sums.
void addWeights(const TaggerModel& model, const std::vector<std::vector<uint64_t>>& features, Sums* sums) {
    for (size_t i = 0; i < features.size(); ++i) {
        Sums total = sums[i];
        for (const uint64_t hash : features[i]) addRow(total, model, hash);
        sums[i] = total;
    }
}

// The same for both stages at once, reading each feature once, from the paired rows.
void addWeights(const EntityTagger& tagger, Sums* firstSums, Sums* secondSums, const std::vector<std::vector<uint64_t>>& features) {
    for (size_t i = 0; i < features.size(); ++i) {
        Sums a = firstSums[i], b = secondSums[i];
        for (const uint64_t hash : features[i]) {
            Row rows[2];
            std::memcpy(rows, &tagger.pairedRows[size_t{tagger.stages[0].bucketOf(hash)} * 2 * kRowStride], sizeof rows);
            a += __builtin_convertvector(rows[0], Sums);
            b += __builtin_convertvector(rows[1], Sums);
        }
        firstSums[i] = a, secondSums[i] = b;
    }
}

// The best tags for `count` tokens' sums under the model, whose lattice is given.
std::vector<int> decode(const TaggerModel& model, const Lattice& lattice, const Sums* sums, size_t count) {
    thread_local std::vector<float> emissions;
    emissions.resize(count * kTagCount);
    for (size_t i = 0; i < count; ++i) {
        for (int tag = 0; tag < kTagCount; ++tag) emissions[i * kTagCount + tag] = sums[i][tag] * model.scale;
    }
    return bestPath(emissions, lattice);
}

}  // namespace

std::vector<int> tagSentence(const TaggerModel& model, const std::vector<std::vector<uint64_t>>& features) {
    std::vector<Sums> sums(features.size(), Sums{});
    addWeights(model, features, sums.data());
    return decode(model, latticeOf(model.transitions.data()), sums.data(), sums.size());
}

Outcome<EntityTagger> makeEntityTagger(TaggerModel first, TaggerModel second) {
    if (first.bucketBits != second.bucketBits) {
        return Error{"the two stages' models have " + std::to_string(first.bucketBits) + " and " +
                     std::to_string(second.bucketBits) + " bucket bits; they must have as many"};
    }
    EntityTagger tagger;
    const size_t buckets = size_t{1} << first.bucketBits;
    tagger.pairedRows.resize(buckets * 2 * kRowStride);
    for (size_t bucket = 0; bucket < buckets; ++bucket) {
        std::memcpy(&tagger.pairedRows[bucket * 2 * kRowStride], first.row(static_cast<uint32_t>(bucket)), kRowStride);
        std::memcpy(&tagger.pairedRows[(bucket * 2 + 1) * kRowStride], second.row(static_cast<uint32_t>(bucket)), kRowStride);
    }
    tagger.stages[0] = std::move(first);
    tagger.stages[1] = std::move(second);
    return tagger;
}

Outcome<const EntityTagger*> builtInEntityTagger() {
    static const Outcome<EntityTagger> tagger = []() -> Outcome<EntityTagger> {
        TaggerModel loaded[kTaggerStages];
        for (int stage = 1; stage <= kTaggerStages; ++stage) {
            const std::string path = "models/entity-tagger-" + std::to_string(stage) + ".bin";
            Outcome<TaggerModel> model = loadTaggerModel(embeddedFile(path), stage);
            if (!model) return Error{"the built-in entity model " + path + ": " + model.error().message};
            loaded[stage - 1] = std::move(model.value());
        }
        return makeEntityTagger(std::move(loaded[0]), std::move(loaded[1]));
    }();
    if (!tagger) return tagger.error();
    return &tagger.value();
}

std::vector<int> tagDocument(const Document& document, const EntityTagger& tagger) {
    static_assert(kTaggerStages == 2);
    // The second stage's features are the first stage's and a few more, so its sums over
    // the first stage's features are made while those are at hand (an int16 row a token),
    // and only the few features that need the first stage's labels are added later.
    FeatureExtractor extractor(document);
    const Lattice lattices[kTaggerStages] = {latticeOf(tagger.stages[0].transitions.data()), latticeOf(tagger.stages[1].transitions.data())};
    // Each token's features, reused from sentence to sentence and document to document (a
    // token's list keeps its room), and given back after a sentence of unusual length.
    thread_local std::vector<std::vector<uint64_t>> features;
    // A token's own features (those of its spelling alone: the word, its affixes, its
    // shape) weigh the same wherever it is written: weighed once per spelling, for both
    // stages; most tokens repeat a spelling ("the", ",", a name).
    const std::vector<uint32_t>& spellings = extractor.spellings();
    std::vector<Sums> ownSums[kTaggerStages] = {std::vector<Sums>(spellings.size(), Sums{}), std::vector<Sums>(spellings.size(), Sums{})};
    features.resize(1);
    for (size_t s = 0; s < spellings.size(); ++s) {
        features[0].clear();
        extractor.ownFeatures(spellings[s], features[0]);
        addWeights(tagger, &ownSums[0][s], &ownSums[1][s], features);
    }
    std::vector<Sums> firstSums, secondSums(document.tokens.size());
    std::vector<int> tags(document.tokens.size(), 0);
    for (const Sentence& sentence : document.sentences) {
        extractor.extractContext(sentence, features);
        firstSums.resize(features.size());
        for (uint32_t t = sentence.firstToken; t < sentence.endToken; ++t) {
            firstSums[t - sentence.firstToken] = ownSums[0][extractor.spellingOf(t)];
            secondSums[t] = ownSums[1][extractor.spellingOf(t)];
        }
        addWeights(tagger, firstSums.data(), secondSums.data() + sentence.firstToken, features);
        const std::vector<int> first = decode(tagger.stages[0], lattices[0], firstSums.data(), firstSums.size());
        std::copy(first.begin(), first.end(), tags.begin() + sentence.firstToken);
    }
    extractor.setFirstPass(tags);
    for (const Sentence& sentence : document.sentences) {
        features.resize(sentence.endToken - sentence.firstToken);
        for (std::vector<uint64_t>& token : features) token.clear();
        extractor.appendSecondStage(sentence, features);
        Sums* sums = secondSums.data() + sentence.firstToken;
        addWeights(tagger.stages[1], features, sums);
        const std::vector<int> second = decode(tagger.stages[1], lattices[1], sums, features.size());
        std::copy(second.begin(), second.end(), tags.begin() + sentence.firstToken);
    }
    if (features.capacity() > 1024) std::vector<std::vector<uint64_t>>().swap(features);
    return tags;
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
