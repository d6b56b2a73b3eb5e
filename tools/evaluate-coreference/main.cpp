// evaluate-coreference: scores cross-document entity coreference (core/4-aliases/entities.h,
// resolveEntities) on the ECB+ development topics and on MEANTIME (airbus, apple), with the
// gold proper-name mentions of tools/coreference/corpus.h (which also says how ECB+ proper
// names are told apart, and how the name inside each gold mention is found). Each topic's
// documents are analysed together. Two modes:
// - gold mentions (the resolver alone): each document's mentions are replaced by the names
//   inside its gold mentions (with the gold type, the covering tokens; dates and times
//   dropped), then resolveEntities runs on the collection. Gold mentions whose names have
//   one span are read once and all take its entity. Also printed: the same with the gold
//   mentions' whole spans, the noun phrases the corpora mark ("whole noun phrases");
// - predicted mentions (end to end): the analysis's own name mentions, then
//   resolveEntities. A gold mention is found when a system mention has exactly its name's
//   span. Scored as the CoNLL-2012 reference scorer does: unfound gold mentions cost
//   recall, system mentions that are not gold cost precision (tools/coreference/metrics.h).
// Beside each, the baseline: the same mentions clustered by their last token (the surface
// token, case-sensitive) across the topic. Prints MUC, B³, CEAF-e and the CoNLL F1 (their
// mean), in percent, and the number of entities.
// usage: evaluate-coreference [--corpus ecbplus|meantime] [--min-conll F] [--errors N] [--data DIR]
// (--errors N lists the N largest splits and joins of gold entities, gold-mention mode)
// Exit 1 when a corpus cannot be read or its gold-mention CoNLL F1 is below F (percent),
// 2 on bad arguments.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "4-aliases/entities.h"
#include "analyse.h"
#include "coreference/corpus.h"
#include "coreference/metrics.h"

namespace fs = std::filesystem;
using namespace annotator;
using namespace annotator::coreference;

namespace {

bool isName(MentionType type) { return type != MentionType::Date && type != MentionType::Time; }

// The tokens [first, end) that cover a span.
std::pair<uint32_t, uint32_t> coveringTokens(const Document& document, Span bytes) {
    uint32_t first = 0;
    while (first < document.tokens.size() && document.tokens[first].bytes.end <= bytes.begin)
        ++first;
    uint32_t end = first;
    while (end < document.tokens.size() && document.tokens[end].bytes.begin < bytes.end) ++end;
    return {first, end};
}

// One mode on one corpus: the system's and the baseline's clusters of the scored mentions,
// against the key (gold mentions have the same ids in both modes).
struct Run {
    Clustering system, baseline;
    size_t mentions = 0, foundGold = 0;
};

// Adds a topic's clusters to a run: the entity of each mention from resolveEntities, and
// the baseline's by last token. `idsOf` gives each name mention the ids it stands for.
template <class IdsOf>
void addClusters(const Collection& collection, IdsOf idsOf, Run& run) {
    std::map<uint32_t, size_t> systemCluster;
    std::map<std::string, size_t, std::less<>> baselineCluster;
    for (size_t d = 0; d < collection.documents.size(); ++d) {
        const Document& document = collection.documents[d];
        for (const Mention& mention : document.mentions) {
            if (!isName(mention.type)) continue;
            const std::vector<size_t> ids = idsOf(d, mention.bytes);
            ++run.mentions;
            if (!mention.entity) {
                for (size_t id : ids) run.system.push_back({id});
            } else {
                const auto [at, added] =
                    systemCluster.try_emplace(*mention.entity, run.system.size());
                if (added) run.system.emplace_back();
                run.system[at->second].insert(run.system[at->second].end(), ids.begin(), ids.end());
            }
            const Span last = mention.endToken > mention.firstToken
                                  ? document.tokens[mention.endToken - 1].bytes
                                  : mention.bytes;
            const auto [at, added] = baselineCluster.try_emplace(
                std::string(last.of(document.text)), run.baseline.size());
            if (added) run.baseline.emplace_back();
            run.baseline[at->second].insert(run.baseline[at->second].end(), ids.begin(), ids.end());
        }
    }
}

// Clears what resolveEntities fills and runs it.
void resolve(Collection& collection) {
    collection.entities.clear();
    for (Document& document : collection.documents) {
        for (Mention& mention : document.mentions) mention.entity.reset();
    }
    resolveEntities(collection);
}

// The ids of a topic's gold mentions (from firstId on, in order) by the span of each that
// the resolver reads (&GoldMention::name or ::bytes): document, begin, end.
using GoldIds = std::map<std::tuple<size_t, uint32_t, uint32_t>, std::vector<size_t>>;
GoldIds goldIds(const Topic& topic, size_t firstId, Span GoldMention::*span) {
    GoldIds ids;
    for (size_t i = 0; i < topic.mentions.size(); ++i) {
        const GoldMention& gold = topic.mentions[i];
        ids[{gold.document, (gold.*span).begin, (gold.*span).end}].push_back(firstId + i);
    }
    return ids;
}

// The analysis with each document's mentions replaced by the given span of its gold
// mentions, each span once (with the type of its first gold mention), in text order.
Collection withGoldMentions(Collection collection, const Topic& topic, Span GoldMention::*span) {
    for (Document& document : collection.documents) document.mentions.clear();
    for (const GoldMention& gold : topic.mentions) {
        Document& document = collection.documents[gold.document];
        const Span bytes = gold.*span;
        if (std::any_of(document.mentions.begin(), document.mentions.end(),
                        [&](const Mention& read) { return read.bytes == bytes; })) {
            continue;
        }
        const auto [first, end] = coveringTokens(document, bytes);
        document.mentions.push_back(
            {.bytes = bytes, .firstToken = first, .endToken = end, .type = gold.type});
    }
    for (Document& document : collection.documents) {
        std::stable_sort(
            document.mentions.begin(), document.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.bytes.begin < b.bytes.begin; });
    }
    return collection;
}

struct CorpusResult {
    Clustering key;
    Run gold, wholeSpans, predicted;    // gold: the names inside the gold mentions
    std::vector<std::string> goldText;  // the name, by gold mention id
    size_t documents = 0, goldMentions = 0, repeatedSpans = 0, sharedNames = 0;
};

Outcome<CorpusResult> evaluate(const std::vector<Topic>& topics) {
    CorpusResult result;
    size_t nextSystemId = size_t(1) << 40;  // ids of system mentions that are not gold
    for (const Topic& topic : topics) {
        Outcome<Collection> analysed = analyse(topic.documents, {});
        if (!analysed) return Error{topic.name + ": " + analysed.error().message};
        for (size_t d = 0; d < topic.documents.size(); ++d) {
            if (analysed.value().documents[d].text != topic.documents[d].text) {
                return Error{topic.name + ": the analysis changed the text of " +
                             topic.documents[d].id};
            }
        }
        const size_t firstId = result.goldMentions;
        std::map<std::string, size_t> keyCluster;
        for (const GoldMention& gold : topic.mentions) {
            const size_t id = result.goldMentions++;
            result.goldText.emplace_back(gold.name.of(topic.documents[gold.document].text));
            const auto [at, added] = keyCluster.try_emplace(gold.chain, result.key.size());
            if (added) result.key.emplace_back();
            result.key[at->second].push_back(id);
        }

        const auto resolveGold = [&](Span GoldMention::*span, Run& run) {
            const GoldIds ids = goldIds(topic, firstId, span);
            Collection collection = withGoldMentions(analysed.value(), topic, span);
            resolve(collection);
            addClusters(
                collection,
                [&](size_t d, Span bytes) {
                    return ids.at({d, bytes.begin, bytes.end});
                },
                run);
            return ids;
        };
        const GoldIds byName = resolveGold(&GoldMention::name, result.gold);
        resolveGold(&GoldMention::bytes, result.wholeSpans);
        result.sharedNames += topic.mentions.size() - byName.size();

        Collection& predicted = analysed.value();
        resolve(predicted);
        addClusters(
            predicted,
            [&](size_t d, Span bytes) {
                const auto found = byName.find({d, bytes.begin, bytes.end});
                if (found == byName.end()) return std::vector<size_t>{nextSystemId++};
                result.predicted.foundGold += found->second.size();
                return found->second;
            },
            result.predicted);
        result.documents += topic.documents.size();
        result.repeatedSpans += topic.repeatedSpans;
    }
    return result;
}

void printRow(const char* name, const Clustering& key, const Clustering& response) {
    const Scores s = score(key, response);
    std::printf("  %-17s", name);
    for (const Score& part : {s.muc, s.bCubed, s.ceafEntity}) {
        std::printf(" %5.1f %5.1f %5.1f  ", 100 * part.precision, 100 * part.recall,
                    100 * part.f1());
    }
    std::printf(" %5.1f %8zu\n", 100 * s.conllF1(), response.size());
}

// Prints a corpus's scores; returns the system's gold-mention CoNLL F1 in percent.
double report(const std::string& title, const CorpusResult& result) {
    std::printf("%s: %zu documents, %zu gold proper-name mentions in %zu entities", title.c_str(),
                result.documents, result.goldMentions, result.key.size());
    if (result.repeatedSpans) std::printf(" (%zu repeated spans left out)", result.repeatedSpans);
    if (result.sharedNames)
        std::printf(";\n  %zu share their name's span with another, read once", result.sharedNames);
    std::printf("\n  %-17s %-19s %-19s %-19s %5s\n", "", "  MUC", "  B3", "  CEAF-e", "CoNLL");
    std::printf("  %-17s", "");
    for (int i = 0; i < 3; ++i) std::printf(" %5s %5s %5s  ", "P", "R", "F1");
    std::printf(" %5s %8s\n", "F1", "entities");
    std::printf("gold mentions, the names inside them\n");
    printRow("resolveEntities", result.key, result.gold.system);
    printRow("same last token", result.key, result.gold.baseline);
    std::printf("gold mentions, whole noun phrases\n");
    printRow("resolveEntities", result.key, result.wholeSpans.system);
    printRow("same last token", result.key, result.wholeSpans.baseline);
    const size_t gold = result.goldMentions;
    std::printf(
        "predicted mentions: %zu system name mentions, %zu of %zu gold mentions found (%.1f%%)\n",
        result.predicted.mentions, result.predicted.foundGold, gold,
        gold ? 100.0 * result.predicted.foundGold / gold : 0.0);
    printRow("resolveEntities", result.key, result.predicted.system);
    printRow("same last token", result.key, result.predicted.baseline);
    std::printf("\n");
    return 100 * score(result.key, result.gold.system).conllF1();
}

// The gold-mention mode's errors, largest first: gold entities the system splits, with the
// mentions of each part, and system entities that join gold entities.
void printErrors(const CorpusResult& result, size_t limit) {
    const auto indexOf = [](const Clustering& clustering) {
        std::map<size_t, size_t> cluster;
        for (size_t i = 0; i < clustering.size(); ++i) {
            for (size_t id : clustering[i]) cluster[id] = i;
        }
        return cluster;
    };
    const auto describe = [&](const std::vector<size_t>& ids) {
        std::map<std::string, size_t> counts;
        for (size_t id : ids) ++counts[result.goldText[id]];
        std::string text;
        for (const auto& [written, count] : counts) {
            text += (text.empty() ? "" : ", ") + written +
                    (count > 1 ? " x" + std::to_string(count) : "");
        }
        return text;
    };
    const auto list = [&](const char* what, const Clustering& clusters, const Clustering& other,
                          const char* joiner) {
        const auto otherOf = indexOf(other);
        std::vector<std::pair<size_t, std::string>> lines;
        for (const auto& cluster : clusters) {
            std::map<size_t, std::vector<size_t>> parts;
            for (size_t id : cluster) parts[otherOf.at(id)].push_back(id);
            if (parts.size() < 2) continue;
            std::string line;
            for (const auto& [part, ids] : parts)
                line += (line.empty() ? "" : joiner) + describe(ids);
            lines.push_back({cluster.size(), line});
        }
        std::stable_sort(lines.begin(), lines.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        std::printf("%s (%zu):\n", what, lines.size());
        for (size_t i = 0; i < std::min(limit, lines.size()); ++i)
            std::printf("  %s\n", lines[i].second.c_str());
    };
    list("gold entities split", result.key, result.gold.system, "  |  ");
    list("gold entities joined", result.gold.system, result.key, "  +  ");
    std::printf("\n");
}

int usage() {
    std::cerr << "usage: evaluate-coreference [--corpus ecbplus|meantime] [--min-conll F] "
                 "[--errors N] [--data DIR]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    fs::path data = ANNOTATOR_DATA_DIR;
    std::string corpus;
    double minimumConll = 0;
    size_t errors = 0;
    try {
        for (int i = 1; i + 1 < argc; i += 2) {
            const std::string argument = argv[i], value = argv[i + 1];
            if (argument == "--corpus") {
                corpus = value;
            } else if (argument == "--min-conll") {
                minimumConll = std::stod(value);
            } else if (argument == "--errors") {
                errors = std::stoul(value);
            } else if (argument == "--data") {
                data = value;
            } else {
                return usage();
            }
        }
    } catch (const std::logic_error&) {  // a number that is not one
        return usage();
    }
    if (argc % 2 == 0) return usage();  // an option without its value
    if (!corpus.empty() && corpus != "ecbplus" && corpus != "meantime") return usage();

    struct Corpus {
        std::string name, title;
        Outcome<std::vector<Topic>> (*read)(const fs::path&);
    };
    const Corpus corpora[] = {
        {"ecbplus", "ECB+ dev topics 2 5 12 18 21 23 34 35",
         [](const fs::path& root) { return readEcbPlus(root, ecbPlusDevTopics()); }},
        {"meantime", "MEANTIME airbus, apple", readMeantime},
    };
    bool belowFloor = false;
    for (const Corpus& c : corpora) {
        if (!corpus.empty() && corpus != c.name) continue;
        const Outcome<std::vector<Topic>> topics = c.read(data / c.name);
        const Outcome<CorpusResult> result =
            topics ? evaluate(topics.value()) : Outcome<CorpusResult>(topics.error());
        if (!result) {
            std::cerr << "evaluate-coreference: " << result.error().message << "\n";
            return 1;
        }
        const double conll = report(c.title, result.value());
        if (errors) printErrors(result.value(), errors);
        if (conll < minimumConll) {
            std::cerr << "evaluate-coreference: " << c.name << " gold-mention CoNLL F1 " << conll
                      << " is below " << minimumConll << "\n";
            belowFloor = true;
        }
    }
    return belowFloor ? 1 : 0;
}
