// evaluate-events: scores the event extractor (core/5-events, through analyse()) on the
// PLOVER gold-standard records (default: ../shared/data/plover/gsr-dev.json, 164 records of
// one sentence each, coded with PLOVER 0.5b1). Each record's text is analysed alone, as one
// document dated by the record's date, so that nothing merges across records. The rules
// (docs/events.md, "Evaluation on PLOVER", says why):
// - types: the gold's 0.5b1 names are read as the 2021 ontology the extractor emits
//   (DEMAND → REQUEST, DISAPPROVE → ACCUSE, INVESTIGATE → ACCUSE, FIGHT → ASSAULT); the
//   system's type is read through the same table. STATEMENT events (reported speech) are
//   not PLOVER events: they never count as found, and are listed only in the errors;
// - detected: some non-STATEMENT event of the gold type has a mention in the record's
//   document (the record is one sentence, even where the segmenter splits it). Recall per
//   gold type and overall, over all records;
// - the record's event: among the events of the gold type, the one whose actors match the
//   gold best (source and target matches counted), then the first by trigger; when none
//   has the gold type, the first non-STATEMENT event by trigger. Type accuracy: the share
//   of records with at least one non-STATEMENT event whose event has the gold type (also
//   printed, stricter: the share whose first event by trigger has it);
// - actor match: an entity matches a gold actor text when, as words (case folded, periods
//   and possessive 's dropped, split at anything not a letter or digit), one contains the
//   other: the gold text and any of the entity's mentions in the record, its canonical name
//   or its aliases. So "Hungarian" matches the entity Hungary (its mention "Hungarian"),
//   "Israeli soldiers" the entity Israel (mention "Israeli"), "U.N. Security Council" an
//   entity written "UN Security Council" or "Security Council". A person named in
//   apposition right after the gold words matches too ("Quatar's emir, Sheikh Hamad bin
//   Khalifa al-Thani": the entity al-Thani). Source match: of the
//   detected records with a gold source, the share where one of the record's event's
//   source entities matches one gold source; target match likewise with the targets
//   (records whose gold target is a list of actors), a visit's place counting as its
//   target as PLOVER codes it. Also printed: the stricter share where
//   every gold actor is matched.
// Prints per-type recall, the overall figures, the events per record, the error kinds and
// the type confusions; --errors N lists N records of each kind of error (missed, wrong
// type, source and target mismatches) with the gold and what was found.
// usage: evaluate-events [--data FILE] [--errors N] [--min-recall R] [--min-type T]
//                        [--min-source S] [--min-target T]
// Exit 1 when the data cannot be read or a figure is below its floor, 2 on bad arguments.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "1-text/unicode.h"
#include "analyse.h"

using namespace annotator;
using Json = nlohmann::json;

namespace {

const std::string kStatement = "STATEMENT";

// PLOVER 0.5b1 names (the gold's) as the 2021 ontology names them (CAMEO2PLOVER-2021.txt:
// 09 is ACCUSE/investigate, 10 REQUEST, 11 ACCUSE, 19 ASSAULT).
std::string plover2021(const std::string& type) {
    static const std::map<std::string, std::string> renamed = {
        {"DEMAND", "REQUEST"},
        {"DISAPPROVE", "ACCUSE"},
        {"INVESTIGATE", "ACCUSE"},
        {"FIGHT", "ASSAULT"},
    };
    const auto found = renamed.find(type);
    return found == renamed.end() ? type : found->second;
}

struct Record {
    std::string id, text, type;  // type as written in the gold (0.5b1)
    std::optional<CalendarDate> date;
    std::vector<std::string> sources, targets;  // actor texts; empty when the gold has none
};

// The actor texts of a gold "source" or "target": a list of {actorText}; anything else
// ("", "diplomatic", missing) is no actor.
std::vector<std::string> actorTexts(const Json& record, const char* field) {
    std::vector<std::string> texts;
    const auto found = record.find(field);
    if (found == record.end() || !found->is_array()) return texts;
    for (const Json& actor : *found) {
        if (actor.is_object() && actor.contains("actorText") && actor["actorText"].is_string()) {
            const std::string text = actor["actorText"].get<std::string>();
            if (text.find_first_not_of(" ") != std::string::npos) texts.push_back(text);
        }
    }
    return texts;
}

Outcome<std::vector<Record>> readRecords(const std::string& path) {
    std::ifstream input(path);
    if (!input) return Error{"cannot read " + path};
    const Json data = Json::parse(input, nullptr, false);
    if (!data.is_array()) return Error{path + " is not a JSON array of records"};
    std::vector<Record> records;
    for (const Json& item : data) {
        if (!item.is_object() || !item.contains("text") || !item["text"].is_string() ||
            !item.contains("event") || !item["event"].is_string()) {
            return Error{path + ": a record without text or event"};
        }
        Record record;
        record.id = item.value("id", "record " + std::to_string(records.size() + 1));
        record.text = item["text"].get<std::string>();
        record.type = item["event"].get<std::string>();
        if (item.contains("date") && item["date"].is_string())
            record.date = parseIsoDate(item["date"].get<std::string>());
        record.sources = actorTexts(item, "source");
        record.targets = actorTexts(item, "target");
        records.push_back(std::move(record));
    }
    return records;
}

// The words of a name as actor texts are compared: case folded, periods and possessive
// 's dropped ("U.N." → "un", "Iraq's" → "iraq"), split at anything that is not a letter
// or digit (bytes of non-ASCII characters count as letters, except the apostrophe ’).
std::vector<std::string> words(std::string_view text) {
    std::string folded = foldCase(text);
    const std::string_view curly = "\xE2\x80\x99";  // ’, read as '
    for (size_t at; (at = folded.find(curly)) != std::string::npos;)
        folded.replace(at, curly.size(), "'");
    std::vector<std::string> result;
    std::string word;
    const auto flush = [&] {
        if (!word.empty()) result.push_back(word);
        word.clear();
    };
    for (size_t i = 0; i < folded.size(); ++i) {
        const unsigned char c = folded[i];
        if (c == '.') continue;
        if (c == '\'') {
            if (i + 1 < folded.size() && folded[i + 1] == 's' &&
                (i + 2 == folded.size() || !std::isalnum(static_cast<unsigned char>(folded[i + 2])))) {
                ++i;  // possessive 's
            }
            continue;  // "Workers'" → "workers"
        }
        if (c >= 0x80 || std::isalnum(c)) word += char(c);
        else flush();
    }
    flush();
    return result;
}

// Whether `inner` is a run of consecutive words of `outer`.
bool containsWords(const std::vector<std::string>& outer, const std::vector<std::string>& inner) {
    if (inner.empty() || inner.size() > outer.size()) return false;
    return std::search(outer.begin(), outer.end(), inner.begin(), inner.end()) != outer.end();
}

bool wordsMatch(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return containsWords(a, b) || containsWords(b, a);
}

// What the extractor found in one record.
struct Found {
    std::string type, mode, trigger;  // type through plover2021
    uint32_t position = 0;            // where its first trigger in the record starts
    std::vector<uint32_t> sources, targets;
};

struct Result {
    const Record* record = nullptr;
    std::vector<Found> events;  // non-STATEMENT, by trigger position
    std::vector<Found> statements;
    std::map<uint32_t, std::vector<std::vector<std::string>>> entityWords;  // by entity id
    std::map<uint32_t, std::string> entityNames;
    std::map<std::string, std::set<uint32_t>> appositives;  // by gold actor text
    std::optional<size_t> chosen;  // the record's event, into events
    bool detected = false;
    std::optional<bool> sourceMatch, targetMatch;  // set when scored
    bool allSources = false, allTargets = false;
};

// How many of the gold actor texts one of the entities matches.
size_t matchedActors(const Result& result, const std::vector<uint32_t>& entities,
                     const std::vector<std::string>& gold) {
    size_t matched = 0;
    for (const std::string& text : gold) {
        const std::vector<std::string> goldWords = words(text);
        const auto appositive = result.appositives.find(text);
        const bool found = std::any_of(entities.begin(), entities.end(), [&](uint32_t entity) {
            if (appositive != result.appositives.end() && appositive->second.count(entity))
                return true;
            const auto forms = result.entityWords.find(entity);
            if (forms == result.entityWords.end()) return false;
            return std::any_of(forms->second.begin(), forms->second.end(),
                               [&](const auto& form) { return wordsMatch(form, goldWords); });
        });
        matched += found;
    }
    return matched;
}

// The entities of the people named in apposition right after a gold actor's words in the
// text: a comma, then PERSON mentions that begin within four words (titles, "Sheikh")
// ("Quatar's emir, Sheikh Hamad bin Khalifa al-Thani"; "A member of the Syrian parliament,
// Mohammed Mamoun"). The coder marked the description; the name is the same actor.
std::set<uint32_t> appositives(const Document& document, std::string_view actor) {
    const auto lower = [](std::string_view text) {
        std::string result(text);
        for (char& c : result) c = char(std::tolower(static_cast<unsigned char>(c)));
        return result;
    };
    const size_t first = actor.find_first_not_of(' '), last = actor.find_last_not_of(' ');
    std::set<uint32_t> entities;
    if (first == std::string_view::npos) return entities;
    const std::string text = lower(document.text), needle = lower(actor.substr(first, last + 1 - first));
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
        const size_t end = at + needle.size();
        size_t comma = 0;
        while (comma < document.tokens.size() && document.tokens[comma].bytes.begin < end) ++comma;
        if (comma == document.tokens.size() || document.tokens[comma].bytes.of(document.text) != ",")
            continue;
        for (const Mention& mention : document.mentions) {
            if (mention.type == MentionType::Person && mention.entity &&
                mention.firstToken > comma && mention.firstToken <= comma + 4) {
                entities.insert(*mention.entity);  // each, should the tagger split the name
            }
        }
    }
    return entities;
}

Outcome<Result> evaluate(const Record& record) {
    DocumentInput input{.id = record.id, .text = record.text, .date = record.date};
    Outcome<Collection> analysed = analyse({input}, {});
    if (!analysed) return Error{record.id + ": " + analysed.error().message};
    const Collection& collection = analysed.value();
    const Document& document = collection.documents.front();

    Result result;
    result.record = &record;
    for (const Mention& mention : document.mentions) {
        if (!mention.entity || *mention.entity >= collection.entities.size()) continue;
        result.entityWords[*mention.entity].push_back(words(mention.bytes.of(document.text)));
    }
    for (auto& [id, forms] : result.entityWords) {
        const Entity& entity = collection.entities[id];
        result.entityNames[id] = entity.name;
        forms.push_back(words(entity.name));
        for (const Alias& alias : entity.aliases) forms.push_back(words(alias.text));
    }
    for (const std::vector<std::string>* actors : {&record.sources, &record.targets}) {
        for (const std::string& actor : *actors) {
            std::set<uint32_t> named = appositives(document, actor);
            if (!named.empty()) result.appositives[actor] = std::move(named);
        }
    }
    for (const Event& event : collection.events) {
        std::optional<EventMention> first;
        for (const EventMention& mention : event.mentions) {
            if (mention.document == 0 && (!first || mention.trigger.begin < first->trigger.begin))
                first = mention;
        }
        if (!first) continue;
        // A visit's place is what PLOVER calls its target ("visited Russia": target Russia).
        std::vector<uint32_t> targets = event.targets;
        if (event.mode == "visit" && event.place) targets.push_back(*event.place);
        Found found{.type = plover2021(event.type), .mode = event.mode,
                    .trigger = std::string(first->trigger.of(document.text)),
                    .position = first->trigger.begin, .sources = event.sources,
                    .targets = targets};
        for (uint32_t id : event.sources) {
            if (id < collection.entities.size()) result.entityNames[id] = collection.entities[id].name;
        }
        for (uint32_t id : targets) {
            if (id < collection.entities.size()) result.entityNames[id] = collection.entities[id].name;
        }
        (found.type == kStatement ? result.statements : result.events).push_back(std::move(found));
    }
    const auto byPosition = [](const Found& a, const Found& b) { return a.position < b.position; };
    std::stable_sort(result.events.begin(), result.events.end(), byPosition);
    std::stable_sort(result.statements.begin(), result.statements.end(), byPosition);

    const std::string gold = plover2021(record.type);
    size_t bestMatches = 0;
    for (size_t i = 0; i < result.events.size(); ++i) {
        if (result.events[i].type != gold) continue;
        const size_t matches = matchedActors(result, result.events[i].sources, record.sources) +
                               matchedActors(result, result.events[i].targets, record.targets);
        if (!result.chosen || matches > bestMatches) {
            result.chosen = i;
            bestMatches = matches;
        }
    }
    result.detected = result.chosen.has_value();
    if (!result.chosen && !result.events.empty()) result.chosen = 0;
    if (result.detected) {
        const Found& event = result.events[*result.chosen];
        if (!record.sources.empty()) {
            const size_t matched = matchedActors(result, event.sources, record.sources);
            result.sourceMatch = matched > 0;
            result.allSources = matched == record.sources.size();
        }
        if (!record.targets.empty()) {
            const size_t matched = matchedActors(result, event.targets, record.targets);
            result.targetMatch = matched > 0;
            result.allTargets = matched == record.targets.size();
        }
    }
    return result;
}

std::string join(const std::vector<std::string>& texts) {
    std::string joined;
    for (const std::string& text : texts) joined += (joined.empty() ? "" : "; ") + text;
    return joined.empty() ? "-" : joined;
}

std::string describe(const Result& result, const Found& event) {
    const auto names = [&](const std::vector<uint32_t>& ids) {
        std::vector<std::string> texts;
        for (uint32_t id : ids) {
            const auto found = result.entityNames.find(id);
            texts.push_back(found == result.entityNames.end() ? "#" + std::to_string(id) : found->second);
        }
        return join(texts);
    };
    return event.type + (event.mode.empty() ? "" : "/" + event.mode) + " \"" + event.trigger +
           "\"  source: " + names(event.sources) + "  target: " + names(event.targets);
}

void printRecord(const Result& result) {
    const Record& record = *result.record;
    std::printf("  %s\n    %s\n    gold:  %s  source: %s  target: %s\n", record.id.c_str(),
                record.text.c_str(), plover2021(record.type).c_str(),
                join(record.sources).c_str(), join(record.targets).c_str());
    if (result.events.empty() && result.statements.empty()) std::printf("    found: nothing\n");
    for (size_t i = 0; i < result.events.size(); ++i) {
        std::printf("    %s %s\n", result.chosen == i ? "found:" : "also: ",
                    describe(result, result.events[i]).c_str());
    }
    for (const Found& statement : result.statements)
        std::printf("    said:  %s\n", describe(result, statement).c_str());
}

double share(size_t part, size_t whole) { return whole ? double(part) / whole : 0; }

int usage() {
    std::cerr << "usage: evaluate-events [--data FILE] [--errors N] [--min-recall R] "
                 "[--min-type T] [--min-source S] [--min-target T]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string path = ANNOTATOR_DATA_DIR "/plover/gsr-dev.json";
    size_t errors = 0;
    double minimumRecall = 0, minimumType = 0, minimumSource = 0, minimumTarget = 0;
    if (argc % 2 == 0) return usage();  // an option without its value
    try {
        for (int i = 1; i + 1 < argc; i += 2) {
            const std::string argument = argv[i], value = argv[i + 1];
            if (argument == "--data") path = value;
            else if (argument == "--errors") errors = std::stoul(value);
            else if (argument == "--min-recall") minimumRecall = std::stod(value);
            else if (argument == "--min-type") minimumType = std::stod(value);
            else if (argument == "--min-source") minimumSource = std::stod(value);
            else if (argument == "--min-target") minimumTarget = std::stod(value);
            else return usage();
        }
    } catch (const std::logic_error&) {  // a number that is not one
        return usage();
    }

    const Outcome<std::vector<Record>> records = readRecords(path);
    if (!records) {
        std::cerr << "evaluate-events: " << records.error().message << "\n";
        return 1;
    }
    std::vector<Result> results;
    for (const Record& record : records.value()) {
        Outcome<Result> result = evaluate(record);
        if (!result) {
            std::cerr << "evaluate-events: " << result.error().message << "\n";
            return 1;
        }
        results.push_back(std::move(result.value()));
    }

    // Recall per gold type, in the order of the file.
    std::vector<std::string> typeOrder;
    std::map<std::string, std::pair<size_t, size_t>> byType;  // found, records
    size_t detected = 0, withEvents = 0, sourceScored = 0, sourceMatched = 0, allSources = 0,
           targetScored = 0, targetMatched = 0, allTargets = 0, events = 0, statements = 0,
           otherTypeEvents = 0, onlyStatements = 0, firstRight = 0;
    std::map<size_t, size_t> eventsPerRecord;
    std::map<std::pair<std::string, std::string>, size_t> confusions;  // gold, found
    for (const Result& result : results) {
        const std::string& type = result.record->type;
        if (!byType.count(type)) typeOrder.push_back(type);
        auto& [found, total] = byType[type];
        ++total;
        found += result.detected;
        detected += result.detected;
        withEvents += !result.events.empty();
        firstRight += !result.events.empty() && result.events.front().type == plover2021(type);
        if (result.events.empty() && !result.statements.empty()) ++onlyStatements;
        if (result.sourceMatch) {
            ++sourceScored;
            sourceMatched += *result.sourceMatch;
            allSources += result.allSources;
        }
        if (result.targetMatch) {
            ++targetScored;
            targetMatched += *result.targetMatch;
            allTargets += result.allTargets;
        }
        events += result.events.size();
        statements += result.statements.size();
        ++eventsPerRecord[std::min<size_t>(result.events.size(), 4)];
        for (const Found& event : result.events)
            otherTypeEvents += event.type != plover2021(type);
        if (!result.detected && result.chosen)
            ++confusions[{plover2021(type), result.events[*result.chosen].type}];
    }

    const size_t n = results.size();
    std::printf("Events on %s: %zu records\n", path.c_str(), n);
    std::printf("detection recall per gold type (0.5b1 name, as 2021):\n");
    for (const std::string& type : typeOrder) {
        const auto [found, total] = byType[type];
        const std::string mapped = plover2021(type);
        std::printf("  %-12s %-8s %3zu/%-3zu %.3f\n", type.c_str(),
                    mapped == type ? "" : mapped.c_str(), found, total, share(found, total));
    }
    const double recall = share(detected, n), typeAccuracy = share(detected, withEvents),
                 sourceMatch = share(sourceMatched, sourceScored),
                 targetMatch = share(targetMatched, targetScored);
    std::printf("detection recall  %.3f  (%zu of %zu records)\n", recall, detected, n);
    std::printf("type accuracy     %.3f  (%zu of the %zu records with an event; of their first events by trigger %.3f)\n",
                typeAccuracy, detected, withEvents, share(firstRight, withEvents));
    std::printf("source match      %.3f  (%zu of %zu detected with a gold source; all gold sources %.3f)\n",
                sourceMatch, sourceMatched, sourceScored, share(allSources, sourceScored));
    std::printf("target match      %.3f  (%zu of %zu detected with a gold target; all gold targets %.3f)\n",
                targetMatch, targetMatched, targetScored, share(allTargets, targetScored));
    std::printf("events per record (not STATEMENT): mean %.2f, %.2f not of the gold type;",
                share(events, n), share(otherTypeEvents, n));
    for (const auto& [count, records] : eventsPerRecord)
        std::printf(" %zu%s: %zu", count, count == 4 ? "+" : "", records);
    std::printf("\nSTATEMENT events: mean %.2f per record; %zu records with only a STATEMENT\n",
                share(statements, n), onlyStatements);

    // Error kinds, then the confusions of the records whose event has another type.
    std::vector<const Result*> nothing, statementOnly, wrongType, noSource, wrongSource, noTarget,
        wrongTarget;
    for (const Result& result : results) {
        if (!result.detected) {
            (result.chosen ? wrongType : result.statements.empty() ? nothing : statementOnly)
                .push_back(&result);
            continue;
        }
        const Found& event = result.events[*result.chosen];
        if (result.sourceMatch && !*result.sourceMatch)
            (event.sources.empty() ? noSource : wrongSource).push_back(&result);
        if (result.targetMatch && !*result.targetMatch)
            (event.targets.empty() ? noTarget : wrongTarget).push_back(&result);
    }
    const std::pair<const char*, std::vector<const Result*>*> kinds[] = {
        {"missed, no event", &nothing},
        {"missed, only a STATEMENT", &statementOnly},
        {"missed, another type", &wrongType},
        {"source mismatch, no source", &noSource},
        {"source mismatch, another source", &wrongSource},
        {"target mismatch, no target", &noTarget},
        {"target mismatch, another target", &wrongTarget},
    };
    std::printf("errors:");
    for (const auto& [name, list] : kinds) std::printf("  %s %zu;", name, list->size());
    std::vector<std::pair<size_t, std::string>> confusionLines;
    for (const auto& [pair, count] : confusions)
        confusionLines.push_back({count, pair.first + " as " + pair.second});
    std::stable_sort(confusionLines.begin(), confusionLines.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::printf("\ntypes found instead of the gold:");
    for (size_t i = 0; i < std::min<size_t>(10, confusionLines.size()); ++i)
        std::printf(" %s %zu;", confusionLines[i].second.c_str(), confusionLines[i].first);
    std::printf("\n");
    if (errors) {
        for (const auto& [name, list] : kinds) {
            if (list->empty()) continue;
            std::printf("\n%s (%zu):\n", name, list->size());
            for (size_t i = 0; i < std::min(errors, list->size()); ++i) printRecord(*(*list)[i]);
        }
    }

    bool below = false;
    const auto floor = [&](const char* what, double value, double minimum) {
        if (value >= minimum) return;
        std::cerr << "evaluate-events: " << what << " " << value << " is below " << minimum << "\n";
        below = true;
    };
    floor("detection recall", recall, minimumRecall);
    floor("type accuracy", typeAccuracy, minimumType);
    floor("source match", sourceMatch, minimumSource);
    floor("target match", targetMatch, minimumTarget);
    return below ? 1 : 0;
}
