// MEANTIME for coreference (the contract is in corpus.h): tokens from meantime.conll
// (document key, sentence, token number, token, chains), mentions from
// entities_mentions.json, which name their tokens by document key, sentence and number.
#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "coreference/corpus.h"

namespace annotator::coreference {

namespace fs = std::filesystem;

namespace {

MentionType mentionType(std::string_view type) {
    if (type == "PER") return MentionType::Person;
    if (type == "ORG") return MentionType::Org;
    if (type == "LOC") return MentionType::Location;
    return MentionType::Misc;  // PRO (products), FIN (financial)
}

// The chain without its prefix; a mention without one is a chain of its own.
std::string chainOf(const nlohmann::json& mention) {
    const std::string chain = mention.value("coref_chain", "");
    if (chain.empty()) return "mention " + mention.value("mention_id", "");
    for (const std::string_view prefix : {"cross_intra_", "cross_", "intra_"}) {
        if (chain.starts_with(prefix)) return chain.substr(prefix.size());
    }
    return chain;
}

struct ConllDocument {
    std::string key;                                    // "corpus_airbus/100911"
    std::map<int, std::vector<std::string>> sentences;  // tokens by sentence number
};

std::vector<ConllDocument> readConll(std::istream& input) {
    std::vector<ConllDocument> documents;
    std::string line;
    while (std::getline(input, line)) {
        std::vector<std::string> fields;
        std::stringstream columns(line);
        for (std::string field; std::getline(columns, field, '\t');) fields.push_back(field);
        if (fields.size() < 4 || line.starts_with("#")) continue;
        if (documents.empty() || documents.back().key != fields[0])
            documents.push_back({fields[0], {}});
        std::vector<std::string>& sentence = documents.back().sentences[std::stoi(fields[1])];
        sentence.resize(std::max<size_t>(sentence.size(), std::stoul(fields[2]) + 1));
        sentence[std::stoul(fields[2])] = fields[3];
    }
    return documents;
}

Outcome<std::vector<Topic>> readFiles(const fs::path& root) {
    std::ifstream conll(root / "meantime.conll"), mentionsFile(root / "entities_mentions.json");
    if (!conll || !mentionsFile)
        return Error{"cannot read meantime.conll and entities_mentions.json in " + root.string()};
    std::vector<Topic> topics;
    // Where each token of each document is: topic, document and byte span by sentence and number.
    struct Place {
        size_t topic, document;
        std::map<int, std::vector<Span>> spans;
    };
    std::map<std::string, Place> places;
    for (const ConllDocument& source : readConll(conll)) {
        const size_t slash = source.key.find('/');
        std::string topicName = "meantime/" + source.key.substr(0, slash);
        if (topicName.starts_with("meantime/corpus_")) topicName.erase(9, 7);
        if (topics.empty() || topics.back().name != topicName)
            topics.push_back({.name = topicName});
        Place& place = places[source.key] = {topics.size() - 1, topics.back().documents.size(), {}};
        TextBuilder text;
        for (const auto& [number, sentence] : source.sentences) {
            text.startSentence();
            for (const std::string& token : sentence)
                place.spans[number].push_back(text.add(token));
        }
        topics.back().documents.push_back(
            {source.key.substr(slash + 1), text.take(), std::nullopt});
    }
    nlohmann::json mentions = nlohmann::json::parse(mentionsFile, nullptr, false);
    if (!mentions.is_array()) return Error{"entities_mentions.json is not a JSON array"};
    for (const nlohmann::json& mention : mentions) {
        if (mention.value("mention_head_pos", "") != "PROPN") continue;
        const auto place = places.find(mention.value("conll_doc_key", ""));
        const std::vector<int> tokens = mention.value("tokens_number", std::vector<int>{});
        if (place == places.end() || tokens.empty())
            return Error{"a MEANTIME mention outside meantime.conll"};
        const auto sentence = place->second.spans.find(mention.value("sent_id", -1));
        const auto [first, last] = std::minmax_element(tokens.begin(), tokens.end());
        if (sentence == place->second.spans.end() || *first < 0 ||
            size_t(*last) >= sentence->second.size()) {
            return Error{"a MEANTIME mention outside its sentence: " +
                         mention.value("mention_id", "")};
        }
        Topic& topic = topics[place->second.topic];
        std::vector<std::string> words;
        for (int token = *first; token <= *last; ++token) {
            words.emplace_back(
                sentence->second[token].of(topic.documents[place->second.document].text));
        }
        const std::string headText = mention.value("mention_head", "");
        size_t head = size_t(mention.value("mention_head_id", -1) - *first);
        if (head >= words.size() || words[head] != headText) {
            const auto written = std::find(words.rbegin(), words.rend(), headText);
            head = written == words.rend() ? words.size() : size_t(words.rend() - written) - 1;
        }
        const auto [nameBegin, nameEnd] = nameRun(words, head);
        topic.mentions.push_back(
            {.document = place->second.document,
             .bytes = {sentence->second[*first + leadingFunctionWords(words)].begin,
                       sentence->second[*last].end},
             .name = {sentence->second[*first + nameBegin].begin,
                      sentence->second[*first + nameEnd - 1].end},
             .type = mentionType(mention.value("mention_type", "")),
             .chain = chainOf(mention)});
    }
    for (Topic& topic : topics) sortMentions(topic);
    return topics;
}

}  // namespace

Outcome<std::vector<Topic>> readMeantime(const fs::path& root) {
    try {
        return readFiles(root);
    } catch (const std::exception& error) {  // a number or JSON value of the wrong kind
        return Error{"malformed MEANTIME data in " + root.string() + ": " + error.what()};
    }
}

}  // namespace annotator::coreference
