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
//        benchmark --request FILE [RUNS]
//   request    the page module's call, JSON in and JSON out (core/json/json_io.h), on a
//              request file ({"documents": [...]}) after a warm-up on one short document;
//              one line of JSON per run (default 3): wall and CPU seconds, the wall and
//              CPU time at which each stage ended (from the progress callbacks), the
//              result's bytes and the peak RSS so far. Used by tools/benchmarks (docs/benchmarks.md).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
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

// The measured call, apart from the warm-up, so that callgrind can collect it alone
// (--toggle-collect=*timedAnalysis*).
[[gnu::noinline]] std::string timedAnalysis(const std::string& request, std::function<void(const Progress&)> onProgress) {
    return analyseRequestJson(request, std::move(onProgress));
}

int benchmarkRequest(const std::string& path, int runs) {
    std::ifstream input(path, std::ios::binary);
    if (!input) {
        std::cerr << "benchmark: cannot read " << path << "\n";
        return 1;
    }
    std::ostringstream buffer;
    buffer << input.rdbuf();
    const std::string request = buffer.str();
    analyseRequestJson(R"({"documents": [{"id": "warm-up", "text": "Ready."}]})");
    using Clock = std::chrono::steady_clock;
    for (int run = 0; run < runs; ++run) {
        const auto start = Clock::now();
        const double cpuStart = cpuSeconds();
        const auto since = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
        // Stage ends, wall clock and CPU time (the latter less disturbed by other work).
        double documents = 0, entitiesStart = 0, eventsStart = 0, eventsEnd = 0;
        double cpuDocuments = 0, cpuEntitiesStart = 0, cpuEventsStart = 0, cpuEventsEnd = 0;
        const std::string result = timedAnalysis(request, [&](const Progress& progress) {
            const double wall = since(), cpu = cpuSeconds() - cpuStart;
            if (progress.stage == "documents") documents = wall, cpuDocuments = cpu;
            else if (progress.stage == "entities") entitiesStart = wall, cpuEntitiesStart = cpu;
            else if (progress.done == 0) eventsStart = wall, cpuEventsStart = cpu;
            else eventsEnd = wall, cpuEventsEnd = cpu;
        });
        const double wall = since(), cpu = cpuSeconds() - cpuStart;
        if (result.rfind("{\"error\"", 0) == 0) {
            std::cerr << "benchmark: " << result << "\n";
            return 1;
        }
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::cout << "{\"wall\": " << wall << ", \"cpu\": " << cpu << ", \"documents\": " << documents
                  << ", \"entities_start\": " << entitiesStart << ", \"events_start\": " << eventsStart
                  << ", \"events_end\": " << eventsEnd << ", \"cpu_documents\": " << cpuDocuments
                  << ", \"cpu_entities_start\": " << cpuEntitiesStart << ", \"cpu_events_start\": " << cpuEventsStart
                  << ", \"cpu_events_end\": " << cpuEventsEnd << ", \"result_bytes\": " << result.size()
                  << ", \"max_rss_kb\": " << usage.ru_maxrss << "}" << std::endl;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 2 && std::string(argv[1]) == "--request") return benchmarkRequest(argv[2], argc > 3 ? std::atoi(argv[3]) : 3);
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
