#include "coreference/corpus.h"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace annotator::coreference {

namespace {

const std::set<std::string> kPrepositions = {
    "about",   "above",   "across", "after", "against", "along",      "alongside", "amid",
    "among",   "around",  "as",     "at",    "before",  "behind",     "below",     "beneath",
    "beside",  "between", "beyond", "by",    "down",    "during",     "for",       "from",
    "in",      "inside",  "into",   "near",  "of",      "off",        "on",        "onto",
    "outside", "over",    "past",   "since", "through", "throughout", "to",        "toward",
    "towards", "under",   "up",     "upon",  "via",     "with",       "within",    "without"};
const std::set<std::string> kDeterminers = {
    "the",   "a",   "an", "this", "that", "these",   "those", "his",  "her", "its",
    "their", "our", "my", "your", "some", "another", "every", "each", "both"};

const std::set<std::string> kNameConnectors = {"of", "and", "&", "de", "du", "la", "von", "van"};

std::string lowerCase(std::string_view word) {
    std::string lower(word);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

// An upper-case first letter, or a lower-case one before a capital ("iPod").
bool capitalised(std::string_view word) {
    const auto upper = [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; };
    return !word.empty() && (upper(word[0]) || (std::islower(static_cast<unsigned char>(word[0])) &&
                                                std::any_of(word.begin(), word.end(), upper)));
}

}  // namespace

bool isPreposition(std::string_view word) { return kPrepositions.count(lowerCase(word)) > 0; }
bool isDeterminer(std::string_view word) { return kDeterminers.count(lowerCase(word)) > 0; }

size_t leadingFunctionWords(const std::vector<std::string>& words) {
    size_t count = 0;
    while (count + 1 < words.size() && (isPreposition(words[count]) || isDeterminer(words[count])))
        ++count;
    return count;
}

std::pair<size_t, size_t> nameRun(const std::vector<std::string>& words, size_t head) {
    const size_t first = leadingFunctionWords(words);
    const auto nameWord = [&](size_t i) {
        while (i > first && !words[i].empty() &&
               std::isdigit(static_cast<unsigned char>(words[i][0])))
            --i;
        return capitalised(words[i]);
    };
    const auto inRun = [&](size_t i) {  // i > first
        if (i >= words.size()) return false;
        const bool connector = kNameConnectors.count(words[i]) ||
                               (words[i] == "." && words[i - 1].size() == 1);  // an initial
        return nameWord(i) ||
               (connector && nameWord(i - 1) && i + 1 < words.size() && nameWord(i + 1));
    };
    if (head < first || head >= words.size() || !nameWord(head)) {  // the last run instead
        head = words.size();
        while (head > first && !nameWord(head - 1)) --head;
        if (head == first) return {first, words.size()};
        --head;
    }
    size_t begin = head, end = head + 1;
    while (begin > first && inRun(begin - 1)) --begin;
    while (inRun(end)) ++end;
    return {begin, end};
}

Span TextBuilder::add(std::string_view token) {
    if (!text_.empty()) text_ += sentenceStart_ ? "\n\n" : " ";
    sentenceStart_ = false;
    const auto begin = static_cast<uint32_t>(text_.size());
    text_ += token;
    return {begin, static_cast<uint32_t>(text_.size())};
}

void sortMentions(Topic& topic) {
    const auto place = [](const GoldMention& m) {
        return std::tuple(m.document, m.bytes.begin, m.bytes.end);
    };
    std::stable_sort(
        topic.mentions.begin(), topic.mentions.end(),
        [&](const GoldMention& a, const GoldMention& b) { return place(a) < place(b); });
    const auto repeated = std::unique(
        topic.mentions.begin(), topic.mentions.end(),
        [&](const GoldMention& a, const GoldMention& b) { return place(a) == place(b); });
    topic.repeatedSpans += static_cast<size_t>(topic.mentions.end() - repeated);
    topic.mentions.erase(repeated, topic.mentions.end());
}

}  // namespace annotator::coreference
