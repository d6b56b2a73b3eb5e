// evaluate-dates: how well the dates stage finds date and time expressions, scored on the
// ECB+ development topics (the annotated sentences listed in its CSV). ECB+ marks dates
// (TIME_DATE) and times of day (TIME_OF_THE_DAY) by their tokens but gives no normalised
// values, so this scores detection: precision, recall and F1 of mention spans, exact (the
// same tokens) and overlapping. Usage: evaluate-dates [ECB+ folder] (default:
// ../shared/data/ecbplus beside the repository).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analyse.h"

namespace fs = std::filesystem;

namespace {

const std::set<std::string> kDevTopics = {"2", "5", "12", "18", "21", "23", "34", "35"};
const std::set<std::string> kGoldTypes = {"TIME_DATE", "TIME_OF_THE_DAY"};

struct SourceToken {
    int id;
    int sentence;
    std::string text;
};

struct Article {
    std::vector<SourceToken> tokens;
    std::vector<std::set<int>> gold;  // token ids of each gold mention
};

std::string attribute(const std::string& line, const std::string& name) {
    const size_t start = line.find(name + "=\"");
    if (start == std::string::npos) return {};
    const size_t from = start + name.size() + 2;
    return line.substr(from, line.find('"', from) - from);
}

std::string unescapeXml(std::string text) {
    const std::pair<const char*, const char*> entities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [entity, character] : entities) {
        for (size_t at; (at = text.find(entity)) != std::string::npos;) text.replace(at, std::string(entity).size(), character);
    }
    return text;
}

Article readArticle(const fs::path& path) {
    Article article;
    std::ifstream file(path);
    std::string line;
    std::set<int>* open = nullptr;
    while (std::getline(file, line)) {
        if (line.starts_with("<token ")) {
            const size_t start = line.find('>') + 1;
            article.tokens.push_back({std::stoi(attribute(line, "t_id")), std::stoi(attribute(line, "sentence")),
                                      unescapeXml(line.substr(start, line.rfind("</token>") - start))});
        } else if (open && line.find("<token_anchor") != std::string::npos) {
            open->insert(std::stoi(attribute(line, "t_id")));
        } else if (line.starts_with("</")) {
            open = nullptr;
        } else if (line.starts_with("<") && line.find("/>") == std::string::npos) {
            const std::string type = line.substr(1, line.find_first_of(" >") - 1);
            if (kGoldTypes.count(type)) open = &article.gold.emplace_back();
        }
    }
    return article;
}

struct Score {
    size_t gold = 0, predicted = 0, exact = 0, overlapGold = 0, overlapPredicted = 0;
};

void printScores(const std::string& name, size_t correctPredicted, size_t correctGold, const Score& s) {
    const double precision = s.predicted ? double(correctPredicted) / s.predicted : 0;
    const double recall = s.gold ? double(correctGold) / s.gold : 0;
    const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    std::cout << std::left << std::setw(12) << name << std::fixed << std::setprecision(1) << "precision "
              << 100 * precision << "  recall " << 100 * recall << "  F1 " << 100 * f1 << "\n";
}

}  // namespace

int main(int argc, char** argv) {
    fs::path root = fs::path(ANNOTATOR_DATA_DIR) / "ecbplus";
    double minimumOverlapF1 = 0;  // --min-overlap-f1: fail below this (the ctest floor)
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--min-overlap-f1" && i + 1 < argc) minimumOverlapF1 = std::stod(argv[++i]);
        else root = argument;
    }
    std::ifstream csv(root / "ECBplus_coreference_sentences.csv");
    if (!csv) {
        std::cerr << "evaluate-dates: cannot read " << (root / "ECBplus_coreference_sentences.csv") << "\n";
        return 1;
    }
    std::map<std::string, std::set<int>> annotated;  // file → sentence numbers
    std::string line;
    std::getline(csv, line);
    while (std::getline(csv, line)) {
        std::stringstream fields(line);
        std::string topic, file, sentence;
        std::getline(fields, topic, ',');
        std::getline(fields, file, ',');
        std::getline(fields, sentence, ',');
        if (kDevTopics.count(topic)) annotated[topic + "/" + topic + "_" + file + ".xml"].insert(std::stoi(sentence));
    }

    Score score;
    std::vector<std::string> missed, spurious;
    for (const auto& [name, sentences] : annotated) {
        const Article article = readArticle(root / "ECB+" / name);
        // The annotated sentences, one paragraph each, tokens joined by spaces.
        std::string text;
        std::vector<std::pair<uint32_t, uint32_t>> byteRange;  // per token, or {0,0} if left out
        std::map<int, size_t> indexOf;
        int previousSentence = -1;
        for (const SourceToken& token : article.tokens) {
            indexOf[token.id] = byteRange.size();
            if (!sentences.count(token.sentence)) {
                byteRange.push_back({0, 0});
                continue;
            }
            if (!text.empty()) text += token.sentence != previousSentence ? "\n\n" : " ";
            previousSentence = token.sentence;
            byteRange.push_back({static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size() + token.text.size())});
            text += token.text;
        }
        std::vector<std::set<int>> gold;
        for (const std::set<int>& mention : article.gold) {
            if (!mention.empty() && sentences.count(article.tokens[indexOf[*mention.begin()]].sentence)) gold.push_back(mention);
        }
        const auto result = annotator::analyse({{name, text, std::nullopt}}, {});
        if (!result) {
            std::cerr << "evaluate-dates: " << result.error().message << "\n";
            return 1;
        }
        std::vector<std::set<int>> predicted;
        const annotator::Document& document = result.value().documents[0];
        for (const annotator::Mention& mention : document.mentions) {
            // Names share the mention list since the tagger came; only dates and times count.
            if (mention.type != annotator::MentionType::Date && mention.type != annotator::MentionType::Time) continue;
            std::set<int> ids;
            for (const SourceToken& token : article.tokens) {
                const auto [begin, end] = byteRange[indexOf[token.id]];
                if (end > begin && begin < mention.bytes.end && end > mention.bytes.begin) ids.insert(token.id);
            }
            predicted.push_back(ids);
        }
        const auto overlaps = [](const std::set<int>& a, const std::set<int>& b) {
            return std::any_of(a.begin(), a.end(), [&](int id) { return b.count(id) > 0; });
        };
        const auto words = [&](const std::set<int>& ids) {
            std::string joined;
            for (int id : ids) joined += (joined.empty() ? "" : " ") + article.tokens[indexOf[id]].text;
            return joined;
        };
        score.gold += gold.size();
        score.predicted += predicted.size();
        for (const auto& g : gold) {
            score.exact += std::count(predicted.begin(), predicted.end(), g);
            const bool found = std::any_of(predicted.begin(), predicted.end(), [&](const auto& p) { return overlaps(g, p); });
            score.overlapGold += found;
            if (!found) missed.push_back(words(g));
        }
        for (const auto& p : predicted) {
            const bool found = std::any_of(gold.begin(), gold.end(), [&](const auto& g) { return overlaps(g, p); });
            score.overlapPredicted += found;
            if (!found) spurious.push_back(words(p));
        }
    }

    std::cout << "Dates on ECB+ dev topics (" << annotated.size() << " articles, annotated sentences): "
              << score.gold << " gold TIME_DATE/TIME_OF_THE_DAY mentions, " << score.predicted << " found\n";
    printScores("exact", score.exact, score.exact, score);
    printScores("overlap", score.overlapPredicted, score.overlapGold, score);
    const auto sample = [](const char* title, const std::vector<std::string>& items) {
        std::map<std::string, int> counts;
        for (const auto& item : items) ++counts[item];
        std::vector<std::pair<int, std::string>> sorted;
        for (const auto& [item, count] : counts) sorted.push_back({count, item});
        std::sort(sorted.rbegin(), sorted.rend());
        std::cout << title;
        for (size_t i = 0; i < std::min<size_t>(15, sorted.size()); ++i) {
            std::cout << (i ? ", " : " ") << '"' << sorted[i].second << '"' << (sorted[i].first > 1 ? " ×" + std::to_string(sorted[i].first) : "");
        }
        std::cout << "\n";
    };
    sample("most missed:", missed);
    sample("most spurious:", spurious);
    const double precision = score.predicted ? 100.0 * score.overlapPredicted / score.predicted : 0;
    const double recall = score.gold ? 100.0 * score.overlapGold / score.gold : 0;
    const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    if (f1 < minimumOverlapF1) {
        std::cerr << "evaluate-dates: overlap F1 " << f1 << " is below the floor " << minimumOverlapF1 << "\n";
        return 1;
    }
    return 0;
}
