#include "conll/conll.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

#include "2-tokens/tokenizer.h"
#include "3-entities/demonyms.h"
#include "3-entities/tagger_model.h"

namespace annotator::conll {

File read(std::istream& input) {
    File file;
    file.documents.emplace_back();
    Sentence sentence;
    const auto endSentence = [&] {
        if (!sentence.empty()) file.documents.back().push_back(std::move(sentence));
        sentence.clear();
    };
    std::string line;
    while (std::getline(input, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        file.lines.push_back(line);
        std::istringstream columns(line);
        std::vector<std::string> fields;
        for (std::string field; columns >> field;) fields.push_back(field);
        if (fields.empty()) {
            endSentence();
        } else if (fields[0] == "-DOCSTART-") {
            endSentence();
            if (!file.documents.back().empty()) file.documents.emplace_back();
        } else {
            sentence.push_back({file.lines.size() - 1, fields[0], fields.size() > 1 ? fields.back() : ""});
        }
    }
    endSentence();
    if (file.documents.back().empty() && file.documents.size() > 1) file.documents.pop_back();
    return file;
}

Document toDocument(const DocumentSentences& sentences) {
    Document document;
    for (const Sentence& sentence : sentences) {
        const uint32_t first = static_cast<uint32_t>(document.tokens.size());
        for (const Token& token : sentence) {
            const bool sentenceStart = document.tokens.size() == first;
            if (!document.text.empty()) document.text += sentenceStart ? "\n\n" : " ";
            const auto begin = static_cast<uint32_t>(document.text.size());
            document.text += token.word;
            document.tokens.push_back({.bytes = {begin, static_cast<uint32_t>(document.text.size())},
                                       .kind = TokenKind::Word,
                                       .gapBefore = sentenceStart ? Gap::Paragraph : Gap::Space});
        }
        const auto end = static_cast<uint32_t>(document.tokens.size());
        const annotator::Span bytes{document.tokens[first].bytes.begin, document.tokens[end - 1].bytes.end};
        const auto block = static_cast<uint32_t>(document.blocks.size());
        document.blocks.push_back({.bytes = bytes, .firstToken = first, .endToken = end, .role = BlockRole::Body});
        document.sentences.push_back({.bytes = bytes, .firstToken = first, .endToken = end, .block = block});
    }
    foldTokens(document);
    return document;
}

std::vector<Span> spansOf(const std::vector<std::string>& tags) {
    std::vector<Span> spans;
    for (size_t i = 0; i < tags.size(); ++i) {
        const std::string& tag = tags[i];
        if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') continue;
        const std::string type = tag.substr(2);
        const bool continues = tag[0] == 'I' && !spans.empty() && spans.back().end == i && spans.back().type == type;
        if (continues) {
            spans.back().end = i + 1;
        } else {
            spans.push_back({i, i + 1, type});
        }
    }
    return spans;
}

std::vector<std::string> tagsOf(const std::vector<Span>& spans, size_t length) {
    std::vector<std::string> tags(length, "O");
    for (const Span& span : spans) {
        for (size_t i = span.begin; i < span.end; ++i) tags[i] = (i == span.begin ? "B-" : "I-") + span.type;
    }
    return tags;
}

namespace {

// CoNLL names of the tagger's entity types, in the order of kEntityTypes.
const char* const kTypeNames[kEntityTypeCount] = {"PER", "ORG", "LOC", "MISC", "NORP"};

}  // namespace

int tagIndex(const std::string& tag) {
    if (tag.size() < 3) return 0;
    for (int type = 0; type < kEntityTypeCount; ++type) {
        if (tag.substr(2) == kTypeNames[type]) return tag[0] == 'B' ? beginTag(type) : insideTag(type);
    }
    return 0;
}

std::vector<Span> asConll(std::vector<Span> spans) {
    for (Span& span : spans) {
        if (span.type == "NORP") span.type = "MISC";
    }
    return spans;
}

std::vector<Span> spansOfTags(const std::vector<int>& tags) {
    std::vector<std::string> names;
    for (const int tag : tags) {
        names.push_back(tag == 0 ? "O" : std::string(isBeginTag(tag) ? "B-" : "I-") + kTypeNames[typeOfTag(tag)]);
    }
    return spansOf(names);
}

void relabelDemonyms(const Sentence& sentence, std::vector<Span>& spans) {
    for (Span& span : spans) {
        if (span.type != "MISC") continue;
        std::string form;
        for (size_t i = span.begin; i < span.end; ++i) form += (i > span.begin ? " " : "") + sentence[i].word;
        if (findDemonym(form)) span.type = "NORP";
    }
}

void Scorer::add(const std::vector<Span>& gold, const std::vector<Span>& predicted) {
    const std::set<Span> goldSet(gold.begin(), gold.end());
    for (const Span& span : gold) ++byType_[span.type].gold, ++all_.gold;
    for (const Span& span : predicted) {
        ++byType_[span.type].predicted, ++all_.predicted;
        if (goldSet.count(span)) {
            ++byType_[span.type].correct, ++all_.correct;
            continue;
        }
        const auto sameSpan = std::find_if(gold.begin(), gold.end(),
                                           [&](const Span& g) { return g.begin == span.begin && g.end == span.end; });
        const bool overlaps = std::any_of(gold.begin(), gold.end(),
                                          [&](const Span& g) { return g.begin < span.end && span.begin < g.end; });
        if (sameSpan != gold.end()) {
            ++wrongType_;
            ++confusions_[sameSpan->type + "→" + span.type];
        } else if (overlaps) {
            ++wrongBoundary_;
        } else {
            ++spurious_;
        }
    }
    for (const Span& span : gold) {
        const bool touched = std::any_of(predicted.begin(), predicted.end(),
                                         [&](const Span& p) { return p.begin < span.end && span.begin < p.end; });
        if (!touched) ++missed_;
    }
}

namespace {

std::string line(const std::string& name, size_t gold, size_t predicted, size_t correct) {
    const double precision = predicted ? 100.0 * correct / predicted : 0;
    const double recall = gold ? 100.0 * correct / gold : 0;
    const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "%-8s precision %6.2f  recall %6.2f  F1 %6.2f  (gold %zu, found %zu)\n",
                  name.c_str(), precision, recall, f1, gold, predicted);
    return buffer;
}

}  // namespace

double Scorer::f1() const {
    const double precision = all_.predicted ? double(all_.correct) / all_.predicted : 0;
    const double recall = all_.gold ? double(all_.correct) / all_.gold : 0;
    return precision + recall > 0 ? 100 * 2 * precision * recall / (precision + recall) : 0;
}

std::string Scorer::report() const {
    std::string out;
    for (const auto& [type, counts] : byType_) out += line(type, counts.gold, counts.predicted, counts.correct);
    out += line("overall", all_.gold, all_.predicted, all_.correct);
    out += "errors: " + std::to_string(wrongType_) + " right span with the wrong type, " +
           std::to_string(wrongBoundary_) + " wrong boundaries, " + std::to_string(missed_) + " missed, " +
           std::to_string(spurious_) + " spurious\n";
    if (!confusions_.empty()) {
        std::vector<std::pair<size_t, std::string>> sorted;
        for (const auto& [pair, count] : confusions_) sorted.push_back({count, pair});
        std::sort(sorted.rbegin(), sorted.rend());
        out += "type confusions (gold→found):";
        for (size_t i = 0; i < std::min<size_t>(8, sorted.size()); ++i) {
            out += " " + sorted[i].second + " " + std::to_string(sorted[i].first);
        }
        out += "\n";
    }
    return out;
}

}  // namespace annotator::conll
