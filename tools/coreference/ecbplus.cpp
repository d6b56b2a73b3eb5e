// ECB+ for coreference (the contract is in corpus.h). ECB+ files are flat XML written by
// one tool: <token> elements, then <Markables> (mentions, each with <token_anchor>s, and
// instances, self-closing with an instance_id), then <Relations>. A small tag scanner reads
// them; nothing else in the format is needed.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "coreference/corpus.h"

namespace annotator::coreference {

namespace fs = std::filesystem;

namespace {

const std::set<std::string> kPronouns = {
    "i",        "me",      "my",      "we",     "us",         "our",     "you",     "your",
    "he",       "him",     "his",     "she",    "her",        "it",      "its",     "they",
    "them",     "their",   "who",     "whom",   "whose",      "which",   "what",    "that",
    "this",     "these",   "those",   "there",  "here",       "one",     "myself",  "ourselves",
    "yourself", "himself", "herself", "itself", "themselves", "someone", "everyone"};

std::string lowerCase(std::string_view word) {
    std::string lower(word);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

bool startsUpperCase(std::string_view word) {
    return !word.empty() && std::isupper(static_cast<unsigned char>(word[0]));
}

bool hasLetterOrDigit(std::string_view word) {
    return std::any_of(word.begin(), word.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

bool allCapitals(std::string_view word) {
    return word.size() > 1 && std::none_of(word.begin(), word.end(), [](char c) {
               return std::islower(static_cast<unsigned char>(c));
           });
}

// One tag: its name ("" past the last tag), the text after the name, and where it ends.
struct Tag {
    std::string_view name;
    std::string_view attributes;
    bool closing = false, selfClosing = false;
    size_t end = std::string_view::npos;  // just after '>'
};

Tag nextTag(std::string_view xml, size_t from) {
    Tag tag;
    const size_t open = xml.find('<', from), close = xml.find('>', open);
    if (open == std::string_view::npos || close == std::string_view::npos) return tag;
    std::string_view inside = xml.substr(open + 1, close - open - 1);
    tag.end = close + 1;
    if ((tag.closing = inside.starts_with('/'))) inside.remove_prefix(1);
    if ((tag.selfClosing = inside.ends_with('/'))) inside.remove_suffix(1);
    const size_t nameEnd = std::min(inside.find_first_of(" \t\r\n"), inside.size());
    tag.name = inside.substr(0, nameEnd);
    tag.attributes = inside.substr(nameEnd);
    return tag;
}

std::string attribute(const Tag& tag, std::string_view name) {
    const std::string key = " " + std::string(name) + "=\"";
    const size_t start = tag.attributes.find(key);
    if (start == std::string_view::npos) return {};
    const size_t from = start + key.size();
    return std::string(tag.attributes.substr(from, tag.attributes.find('"', from) - from));
}

std::string unescapeXml(std::string_view text) {
    static const std::pair<std::string_view, char> kEntities[] = {
        {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}, {"&amp;", '&'}};
    std::string plain;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto entity =
            std::find_if(std::begin(kEntities), std::end(kEntities),
                         [&](const auto& e) { return text.substr(i).starts_with(e.first); });
        if (entity == std::end(kEntities)) {
            plain += text[i];
        } else {
            plain += entity->second;
            i += entity->first.size() - 1;
        }
    }
    return plain;
}

struct SourceToken {
    int sentence = 0;
    std::string text;
};

struct Markable {
    std::string type;         // the element's name: HUMAN_PART_PER, LOC_GEO, ACTION_OCCURRENCE, …
    std::vector<int> tokens;  // t_ids
};

struct EcbFile {
    std::string name;                           // "12_1ecb"
    std::map<int, SourceToken> tokens;          // by t_id, in text order
    std::map<std::string, Markable> markables;  // mentions by m_id
    std::map<std::string, std::string> chains;  // m_id of a mention in a relation → its chain
};

Outcome<EcbFile> parseFile(const fs::path& path) {
    std::ifstream input(path, std::ios::binary);
    if (!input) return Error{"cannot read " + path.string()};
    std::stringstream buffer;
    buffer << input.rdbuf();
    const std::string xml = buffer.str();
    EcbFile file{.name = path.stem().string()};
    std::map<std::string, std::string> instances;  // m_id of an instance → instance_id
    bool inMarkables = false;
    Markable* open = nullptr;  // the mention whose token anchors come next
    std::vector<std::string> sources;
    std::string target;
    for (Tag tag = nextTag(xml, 0); !tag.name.empty(); tag = nextTag(xml, tag.end)) {
        if (tag.name == "token" && !tag.closing) {
            const size_t textEnd = xml.find('<', tag.end);
            file.tokens[std::stoi(attribute(tag, "t_id"))] = {
                std::stoi(attribute(tag, "sentence")),
                unescapeXml(std::string_view(xml).substr(tag.end, textEnd - tag.end))};
        } else if (tag.name == "Markables") {
            inMarkables = !tag.closing;
        } else if (tag.name == "token_anchor") {
            if (open) open->tokens.push_back(std::stoi(attribute(tag, "t_id")));
        } else if (tag.name == "source") {
            sources.push_back(attribute(tag, "m_id"));
        } else if (tag.name == "target") {
            target = attribute(tag, "m_id");
        } else if (tag.name == "CROSS_DOC_COREF" || tag.name == "INTRA_DOC_COREF") {
            if (!tag.closing) {
                sources.clear(), target.clear();
                continue;
            }
            const bool cross = tag.name == "CROSS_DOC_COREF";
            std::string chain = cross ? instances[target] : "";
            if (chain.empty()) chain = file.name + "#" + target;
            for (const std::string& source : sources) file.chains[source] = chain;
        } else if (inMarkables) {
            const std::string id = attribute(tag, "m_id");
            if (tag.closing)
                open = nullptr;
            else if (tag.selfClosing)
                instances[id] = attribute(tag, "instance_id");
            else if (!id.empty())
                open = &(file.markables[id] = {std::string(tag.name), {}});
        }
    }
    return file;
}

// The file, or what is wrong with it (an id that is not a number).
Outcome<EcbFile> readFile(const fs::path& path) {
    try {
        return parseFile(path);
    } catch (const std::logic_error&) {
        return Error{"malformed ECB+ file " + path.string()};
    }
}

bool isEntity(std::string_view type) {
    return !type.starts_with("ACTION_") && !type.starts_with("NEG_") &&
           !type.starts_with("TIME_") && type != "UNKNOWN_INSTANCE_TAG";
}

MentionType mentionType(std::string_view type) {
    if (type == "HUMAN_PART_PER") return MentionType::Person;
    if (type == "HUMAN_PART_ORG") return MentionType::Org;
    if (type.starts_with("LOC_") || type == "HUMAN_PART_GPE") return MentionType::Location;
    return MentionType::Misc;
}

// Sentences as word lists, by sentence number.
std::map<int, std::vector<std::string>> sentencesOf(const EcbFile& file) {
    std::map<int, std::vector<std::string>> sentences;
    for (const auto& [id, token] : file.tokens) sentences[token.sentence].push_back(token.text);
    return sentences;
}

// Words written in lower case anywhere in the topic, outside sentences holding a URL
// (ECB+ splits URLs into words: "ellen - degeneres").
std::set<std::string> lowerCaseWords(const std::vector<EcbFile>& files) {
    std::set<std::string> words;
    for (const EcbFile& file : files) {
        for (const auto& [number, sentence] : sentencesOf(file)) {
            const bool url = std::any_of(
                sentence.begin(), sentence.end(),
                [](const std::string& w) { return w == "http" || w == "https" || w == "www"; });
            if (url) continue;
            for (const std::string& word : sentence) {
                if (hasLetterOrDigit(word) && lowerCase(word) == word) words.insert(word);
            }
        }
    }
    return words;
}

// The topic's documents and gold mentions from its parsed files.
Topic topicOf(const std::string& name, const std::vector<EcbFile>& files,
              const std::map<std::string, std::set<int>>& annotatedSentences) {
    Topic topic{.name = "ecbplus/" + name};
    const std::set<std::string> lowerCaseForms = lowerCaseWords(files);
    for (const EcbFile& file : files) {
        const auto annotated = annotatedSentences.find(file.name);
        if (annotated == annotatedSentences.end()) continue;
        TextBuilder text;
        std::map<int, Span> spans;         // of the annotated tokens, by t_id
        std::map<int, int> sentenceStart;  // first t_id of each sentence
        int sentence = -1;
        for (const auto& [id, token] : file.tokens) {
            if (token.sentence != sentence) {
                sentenceStart[token.sentence] = id;
                text.startSentence();
                sentence = token.sentence;
            }
            if (annotated->second.count(token.sentence)) spans[id] = text.add(token.text);
        }
        const auto sentences = sentencesOf(file);
        const size_t document = topic.documents.size();
        topic.documents.push_back({file.name, text.take(), std::nullopt});
        for (const auto& [id, markable] : file.markables) {
            if (!isEntity(markable.type) || markable.tokens.empty()) continue;
            const auto [first, last] =
                std::minmax_element(markable.tokens.begin(), markable.tokens.end());
            if (!spans.count(*first) || !spans.count(*last))
                continue;  // outside the annotated sentences
            MentionInSentence words;
            std::vector<int> ids;
            for (auto token = file.tokens.find(*first);
                 token != file.tokens.end() && token->first <= *last; ++token) {
                words.words.push_back(token->second.text);
                ids.push_back(token->first);
            }
            const int number = file.tokens.at(*first).sentence;
            words.startsSentence = sentenceStart.at(number) == *first;
            words.inHeadline = isHeadline(sentences.at(number));
            if (!isProperName(words, lowerCaseForms)) continue;
            const auto chain = file.chains.find(id);
            const auto [nameBegin, nameEnd] = nameRun(words.words, ecbPlusHead(words.words));
            topic.mentions.push_back(
                {.document = document,
                 .bytes = {spans[ids[leadingFunctionWords(words.words)]].begin, spans[*last].end},
                 .name = {spans[ids[nameBegin]].begin, spans[ids[nameEnd - 1]].end},
                 .type = mentionType(markable.type),
                 .chain = chain != file.chains.end() ? chain->second : file.name + "#" + id});
        }
    }
    sortMentions(topic);
    return topic;
}

}  // namespace

bool isHeadline(const std::vector<std::string>& sentence) {
    size_t words = 0, capitalised = 0;
    for (const std::string& word : sentence) {
        if (word.empty() || !std::isalpha(static_cast<unsigned char>(word[0]))) continue;
        ++words;
        capitalised += startsUpperCase(word);
    }
    return words >= 3 && 2 * capitalised > words;
}

size_t ecbPlusHead(const std::vector<std::string>& words) {
    const size_t begin = leadingFunctionWords(words);
    size_t end = begin + 1;
    while (end < words.size() &&
           !(isPreposition(words[end]) && lowerCase(words[end]) == words[end]) &&
           words[end] != "," && words[end] != "(") {
        ++end;
    }
    while (end > begin + 1 && !hasLetterOrDigit(words[end - 1])) --end;
    return end - 1;
}

bool isProperName(const MentionInSentence& mention, const std::set<std::string>& lowerCaseWords) {
    const std::vector<std::string>& words = mention.words;
    if (words.empty()) return false;
    const size_t head = ecbPlusHead(words);
    const std::string& word = words[head];
    if (kPronouns.count(lowerCase(word.substr(0, word.find('\'')))) && !allCapitals(word))
        return false;
    if (std::isdigit(static_cast<unsigned char>(word[0])))
        return head > leadingFunctionWords(words) && startsUpperCase(words[head - 1]);
    if (!startsUpperCase(word)) return false;
    const bool caseSaysLittle = (mention.startsSentence && head == 0) || mention.inHeadline;
    return !caseSaysLittle || !lowerCaseWords.count(lowerCase(word));
}

const std::vector<std::string>& ecbPlusDevTopics() {
    static const std::vector<std::string> topics = {"2", "5", "12", "18", "21", "23", "34", "35"};
    return topics;
}

Outcome<std::vector<Topic>> readEcbPlus(const fs::path& root,
                                        const std::vector<std::string>& topics) {
    const fs::path csvPath = root / "ECBplus_coreference_sentences.csv";
    std::ifstream csv(csvPath);
    if (!csv) return Error{"cannot read " + csvPath.string()};
    std::map<std::string, std::map<std::string, std::set<int>>>
        annotated;  // topic → file → sentences
    std::string line;
    std::getline(csv, line);  // header
    while (std::getline(csv, line)) {
        std::stringstream fields(line);
        std::string topic, file, sentence;
        if (std::getline(fields, topic, ',') && std::getline(fields, file, ',') &&
            std::getline(fields, sentence, ',')) {
            annotated[topic][topic + "_" + file].insert(std::stoi(sentence));
        }
    }
    std::vector<Topic> result;
    for (const std::string& topic : topics) {
        std::vector<fs::path> paths;
        std::error_code error;
        for (const auto& entry : fs::directory_iterator(root / "ECB+" / topic, error)) {
            if (entry.path().extension() == ".xml") paths.push_back(entry.path());
        }
        if (error || paths.empty())
            return Error{"no ECB+ files in " + (root / "ECB+" / topic).string()};
        std::sort(paths.begin(), paths.end());
        std::vector<EcbFile> files;
        for (const fs::path& path : paths) {
            Outcome<EcbFile> file = readFile(path);
            if (!file) return file.error();
            files.push_back(std::move(file.value()));
        }
        result.push_back(topicOf(topic, files, annotated[topic]));
    }
    return result;
}

}  // namespace annotator::coreference
