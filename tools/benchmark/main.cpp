// benchmark: how fast the core runs, natively or as WebAssembly (the same source is built
// for node with direct file access). Single thread; each figure is the best of five runs,
// timed in CPU time of the process, so that other work on a shared machine counts less.
//   tagger     the entity tagger alone (both stages, features included) on CoNLL-2003
//              eng.train's documents, pre-tokenised: tokens per second
//   pipeline   the whole analysis (text checks, tokens, sentences, dates, entities,
//              aliases, JSON) of the same text as plain articles, all analysed together:
//              words per second
//   aliases    alias resolution alone over those ~950 articles' name mentions: the time
//              it adds to one analysis of them all
// usage: benchmark [CoNLL file] (default ../shared/data/conll2003/eng.train)
#include <algorithm>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "3-entities/tagger.h"
#include "4-aliases/entities.h"
#include "analyse.h"
#include "conll/conll.h"
#include "json/json_io.h"

using namespace annotator;

namespace {

double cpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

template <class Work>
double bestSeconds(int runs, Work work) {
    double best = 1e9;
    for (int run = 0; run < runs; ++run) {
        const double start = cpuSeconds();
        work();
        best = std::min(best, cpuSeconds() - start);
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : ANNOTATOR_DATA_DIR "/conll2003/eng.train";
    std::ifstream input(path);
    if (!input) {
        std::cerr << "benchmark: cannot read " << path << "\n";
        return 1;
    }
    const conll::File file = conll::read(input);
    std::vector<Document> documents;
    std::vector<DocumentInput> articles;
    size_t tokens = 0;
    for (const conll::DocumentSentences& sentences : file.documents) {
        documents.push_back(conll::toDocument(sentences));
        tokens += documents.back().tokens.size();
        articles.push_back({"doc" + std::to_string(articles.size()), documents.back().text, CalendarDate{1996, 8, 30}});
    }
    const auto tagger = builtInEntityTagger();
    if (!tagger) {
        std::cerr << "benchmark: " << tagger.error().message << "\n";
        return 1;
    }
    size_t sink = 0;
    const double tagging = bestSeconds(5, [&] {
        for (const Document& document : documents) sink += tagDocument(document, *tagger.value()).size();
    });
    std::string failure;
    const double pipeline = bestSeconds(5, [&] {
        const auto collection = analyse(articles, {});
        if (!collection) failure = collection.error().message;
        else sink += toJson(collection.value(), false).size();
    });
    if (!failure.empty()) {
        std::cerr << "benchmark: " << failure << "\n";
        return 1;
    }
    Collection analysed = analyse(articles, {}).value();
    size_t names = 0;
    for (const Document& document : analysed.documents) {
        names += std::count_if(document.mentions.begin(), document.mentions.end(), [](const Mention& m) { return m.entity.has_value(); });
    }
    const double aliases = bestSeconds(5, [&] { resolveEntities(analysed); });
    std::cout << "documents " << documents.size() << ", tokens " << tokens << "\n"
              << "tagger    " << static_cast<long>(tokens / tagging) << " tokens/s (" << tagging << " s)\n"
              << "pipeline  " << static_cast<long>(tokens / pipeline) << " words/s (" << pipeline << " s)\n"
              << "aliases   " << names << " name mentions into " << analysed.entities.size() << " entities in "
              << static_cast<long>(aliases * 1000) << " ms\n";
    return sink == 0;
}
