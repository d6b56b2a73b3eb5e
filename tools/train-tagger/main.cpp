// train-tagger: trains the two-stage entity tagger (core/3-entities; docs/entities.md argues
// the choices): an averaged structured perceptron over the features of features.h with
// first-order Viterbi decoding, per stage. The second stage sees the first stage's labels
// of each word elsewhere in its document; on the training data those labels come from a
// 4-fold jackknife (each fold tagged by a first stage trained without it), so that the
// second stage learns how far to trust labels that are as good as they will be on new text.
// Epochs are chosen by F1 on the development file. Deterministic for the same inputs.
//
// usage: train-tagger --train eng.train --dev eng.testa --out-prefix models/entity-tagger
//                     [--epochs 15] [--bits 17] [--seed 1]
// writes PREFIX-1.bin and PREFIX-2.bin.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "3-entities/features.h"
#include "3-entities/tagger.h"
#include "3-entities/tagger_model.h"
#include "conll/conll.h"

using namespace annotator;

namespace {

// Headlines in news pages are often in Title Case, which CoNLL-2003 (ALL-CAPS headlines)
// never shows. So a share of the training sentences is added again in Title Case, in the
// same document: the tagger learns that capitals there say little, and that a word the
// document writes in lower case elsewhere is not a name.
constexpr unsigned kTitleCasePercent = 15;
constexpr int kFolds = 4;

conll::Sentence inTitleCase(conll::Sentence sentence) {
    for (conll::Token& token : sentence) {
        std::string& word = token.word;
        if (!word.empty() && word[0] >= 'a' && word[0] <= 'z' && !isTitleCaseSmallWord(word)) word[0] -= 32;
    }
    return sentence;
}

struct CorpusDocument {
    Document document;
    std::vector<std::vector<conll::Span>> goldSpans;  // per sentence, NORP relabelled
    std::vector<int> goldTags;                        // per token
};

std::vector<CorpusDocument> loadCorpus(const std::string& path, bool augment) {
    std::ifstream input(path);
    if (!input) {
        std::cerr << "train-tagger: cannot read " << path << "\n";
        std::exit(1);
    }
    const conll::File file = conll::read(input);
    std::vector<CorpusDocument> corpus;
    unsigned counter = 0;
    for (conll::DocumentSentences sentences : file.documents) {
        const size_t original = sentences.size();
        for (size_t s = 0; augment && s < original; ++s) {
            if (++counter % 100 < kTitleCasePercent) sentences.push_back(inTitleCase(sentences[s]));
        }
        CorpusDocument& entry = corpus.emplace_back();
        entry.document = conll::toDocument(sentences);
        for (const conll::Sentence& sentence : sentences) {
            std::vector<std::string> tags;
            for (const conll::Token& token : sentence) tags.push_back(token.tag);
            std::vector<conll::Span> spans = conll::spansOf(tags);
            conll::relabelDemonyms(sentence, spans);
            for (const std::string& tag : conll::tagsOf(spans, tags.size())) entry.goldTags.push_back(conll::tagIndex(tag));
            entry.goldSpans.push_back(std::move(spans));
        }
    }
    return corpus;
}

struct Example {
    std::vector<std::vector<uint32_t>> buckets;  // per token
    std::vector<int> gold;
    const std::vector<conll::Span>* goldSpans;
    size_t document, firstToken;
};

// The examples (sentences) of the given documents for one stage; `firstPass` holds the
// first stage's tags per document for stage 2.
std::vector<Example> examplesOf(const std::vector<CorpusDocument>& corpus, const std::vector<size_t>& documents,
                                uint32_t bits, const std::vector<std::vector<int>>* firstPass) {
    std::vector<Example> examples;
    const uint32_t mask = (1u << bits) - 1;
    std::vector<std::vector<uint64_t>> features;
    for (const size_t d : documents) {
        const Document& document = corpus[d].document;
        FeatureExtractor extractor(document);
        if (firstPass) extractor.setFirstPass((*firstPass)[d]);
        for (size_t s = 0; s < document.sentences.size(); ++s) {
            const Sentence& sentence = document.sentences[s];
            extractor.extract(sentence, features);
            if (firstPass) extractor.appendSecondStage(sentence, features);
            Example& example = examples.emplace_back();
            for (const auto& token : features) {
                auto& buckets = example.buckets.emplace_back();
                for (const uint64_t hash : token) buckets.push_back(static_cast<uint32_t>(hash ^ (hash >> 32)) & mask);
            }
            example.gold.assign(corpus[d].goldTags.begin() + sentence.firstToken,
                                corpus[d].goldTags.begin() + sentence.endToken);
            example.goldSpans = &corpus[d].goldSpans[s];
            example.document = d;
            example.firstToken = sentence.firstToken;
        }
    }
    return examples;
}

// Weights with the averaging trick: the average is w - u / c.
struct Averaged {
    std::vector<float> w;
    std::vector<double> u;
    explicit Averaged(size_t size) : w(size, 0), u(size, 0) {}
    void add(size_t i, float delta, long step) {
        w[i] += delta;
        u[i] += double(delta) * step;
    }
    std::vector<float> average(long step) const {
        std::vector<float> out(w.size());
        for (size_t i = 0; i < w.size(); ++i) out[i] = static_cast<float>(w[i] - u[i] / step);
        return out;
    }
};

struct Weights {
    std::vector<float> emission, transition;
    int epoch = 0;  // the epoch they are the average after
};

std::vector<int> decode(const Example& example, const Weights& weights) {
    std::vector<float> emissions(example.buckets.size() * kTagCount, 0);
    for (size_t i = 0; i < example.buckets.size(); ++i) {
        for (const uint32_t bucket : example.buckets[i]) {
            const float* row = &weights.emission[size_t{bucket} * kTagCount];
            for (int tag = 0; tag < kTagCount; ++tag) emissions[i * kTagCount + tag] += row[tag];
        }
    }
    return viterbi(emissions, weights.transition.data());
}

// CoNLL F1, NORP folded into MISC as CoNLL-2003 has no NORP.
double score(const std::vector<Example>& examples, const Weights& weights) {
    conll::Scorer scorer;
    for (const Example& example : examples) {
        scorer.add(conll::asConll(*example.goldSpans), conll::asConll(conll::spansOfTags(decode(example, weights))));
    }
    return scorer.f1();
}

// Trains for `epochs` and returns the average after the epoch best on `dev`, or after the
// last epoch when there is no dev.
Weights train(const std::vector<Example>& examples, const std::vector<Example>* dev, uint32_t bits, int epochs,
              unsigned seed, const std::string& name) {
    Averaged emission((size_t{1} << bits) * kTagCount), transition((kTagCount + 1) * kTagCount);
    std::vector<size_t> order(examples.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937 random(seed);
    long step = 1;
    double bestF1 = -1;
    Weights best;
    int bestEpoch = 0;
    for (int epoch = 1; epoch <= epochs; ++epoch) {
        std::shuffle(order.begin(), order.end(), random);
        for (const size_t index : order) {
            const Example& example = examples[index];
            const std::vector<int> predicted = decode(example, {emission.w, transition.w});
            ++step;
            if (predicted == example.gold) continue;
            for (size_t i = 0; i < predicted.size(); ++i) {
                const int gold = example.gold[i], guess = predicted[i];
                if (gold != guess) {
                    for (const uint32_t bucket : example.buckets[i]) {
                        emission.add(size_t{bucket} * kTagCount + gold, 1, step);
                        emission.add(size_t{bucket} * kTagCount + guess, -1, step);
                    }
                }
                const int goldBefore = i == 0 ? kTagCount : example.gold[i - 1];
                const int guessBefore = i == 0 ? kTagCount : predicted[i - 1];
                if (goldBefore != guessBefore || gold != guess) {
                    transition.add(goldBefore * kTagCount + gold, 1, step);
                    transition.add(guessBefore * kTagCount + guess, -1, step);
                }
            }
        }
        if (!dev && epoch < epochs) continue;
        Weights averaged{emission.average(step), transition.average(step), epoch};
        const double f1 = dev ? score(*dev, averaged) : 0;
        if (f1 > bestF1) bestF1 = f1, best = std::move(averaged), bestEpoch = epoch;
    }
    std::cerr << "train-tagger: " << name << ": " << bestEpoch << " epochs";
    if (dev) std::cerr << ", dev F1 " << bestF1;
    std::cerr << "\n";
    return best;
}

// The tags of every token of each document the examples cover.
void tagInto(const std::vector<Example>& examples, const Weights& weights, std::vector<std::vector<int>>& tags) {
    for (const Example& example : examples) {
        const std::vector<int> predicted = decode(example, weights);
        std::copy(predicted.begin(), predicted.end(), tags[example.document].begin() + example.firstToken);
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::string trainPath, devPath, prefix;
    int epochs = 15;
    uint32_t bits = 17;
    unsigned seed = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--train") trainPath = argv[i + 1];
        else if (option == "--dev") devPath = argv[i + 1];
        else if (option == "--out-prefix") prefix = argv[i + 1];
        else if (option == "--epochs") epochs = std::stoi(argv[i + 1]);
        else if (option == "--bits") bits = static_cast<uint32_t>(std::stoi(argv[i + 1]));
        else if (option == "--seed") seed = static_cast<unsigned>(std::stoi(argv[i + 1]));
    }
    if (trainPath.empty() || devPath.empty() || prefix.empty() || argc % 2 == 0) {
        std::cerr << "usage: train-tagger --train FILE --dev FILE --out-prefix PREFIX [--epochs N] [--bits B] [--seed S]\n";
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    const std::vector<CorpusDocument> trainCorpus = loadCorpus(trainPath, true);
    const std::vector<CorpusDocument> devCorpus = loadCorpus(devPath, false);
    std::vector<size_t> allTrain(trainCorpus.size()), allDev(devCorpus.size());
    for (size_t i = 0; i < allTrain.size(); ++i) allTrain[i] = i;
    for (size_t i = 0; i < allDev.size(); ++i) allDev[i] = i;

    // Stage 1 on all the training data, and its labels of the development data.
    const std::vector<Example> devFirst = examplesOf(devCorpus, allDev, bits, nullptr);
    const Weights first = train(examplesOf(trainCorpus, allTrain, bits, nullptr), &devFirst, bits, epochs, seed, "stage 1");
    std::vector<std::vector<int>> devFirstPass(devCorpus.size());
    for (size_t d = 0; d < devCorpus.size(); ++d) devFirstPass[d].assign(devCorpus[d].document.tokens.size(), 0);
    tagInto(devFirst, first, devFirstPass);

    // Stage-1 labels of the training data, each fold tagged by a model that never saw it.
    std::vector<std::vector<int>> trainFirstPass(trainCorpus.size());
    for (size_t d = 0; d < trainCorpus.size(); ++d) trainFirstPass[d].assign(trainCorpus[d].document.tokens.size(), 0);
    for (int fold = 0; fold < kFolds; ++fold) {
        std::vector<size_t> in, out;
        for (const size_t d : allTrain) (d % kFolds == static_cast<size_t>(fold) ? out : in).push_back(d);
        const Weights foldModel = train(examplesOf(trainCorpus, in, bits, nullptr), nullptr, bits, first.epoch, seed,
                                        "stage 1, fold " + std::to_string(fold + 1));
        tagInto(examplesOf(trainCorpus, out, bits, nullptr), foldModel, trainFirstPass);
    }

    // Stage 2.
    const std::vector<Example> devSecond = examplesOf(devCorpus, allDev, bits, &devFirstPass);
    const Weights second =
        train(examplesOf(trainCorpus, allTrain, bits, &trainFirstPass), &devSecond, bits, epochs, seed, "stage 2");

    // Write both, then score them as the core runs them, quantised, end to end.
    TaggerModel models[kTaggerStages];
    const Weights* stages[kTaggerStages] = {&first, &second};
    for (int stage = 1; stage <= kTaggerStages; ++stage) {
        const std::string bytes = serializeTaggerModel(stage, bits, stages[stage - 1]->transition, stages[stage - 1]->emission);
        const std::string path = prefix + "-" + std::to_string(stage) + ".bin";
        std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        Outcome<TaggerModel> model = loadTaggerModel(bytes, stage);
        if (!model) {
            std::cerr << "train-tagger: " << path << " does not load: " << model.error().message << "\n";
            return 1;
        }
        models[stage - 1] = std::move(model.value());
        std::cerr << "train-tagger: wrote " << path << " (" << bytes.size() << " bytes)\n";
    }
    const Outcome<EntityTagger> made = makeEntityTagger(std::move(models[0]), std::move(models[1]));
    if (!made) {
        std::cerr << "train-tagger: " << made.error().message << "\n";
        return 1;
    }
    const EntityTagger& tagger = made.value();
    conll::Scorer scorer;
    for (const CorpusDocument& entry : devCorpus) {
        const std::vector<int> tags = tagDocument(entry.document, tagger);
        for (size_t s = 0; s < entry.document.sentences.size(); ++s) {
            const Sentence& sentence = entry.document.sentences[s];
            const std::vector<int> sentenceTags(tags.begin() + sentence.firstToken, tags.begin() + sentence.endToken);
            scorer.add(conll::asConll(entry.goldSpans[s]), conll::asConll(conll::spansOfTags(sentenceTags)));
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "shipped models (int8, both stages) on " << devPath << ", " << seconds << " s of training:\n"
              << scorer.report();
    return 0;
}
