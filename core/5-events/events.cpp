#include "5-events/events.h"

#include <algorithm>
#include <unordered_map>

#include <set>
#include <string>

#include "1-text/unicode.h"
#include "3-dates/dates.h"
#include "5-events/reports.h"
#include "lexicon.h"

namespace annotator {
namespace {

// "country\tcapital", case-folded, from core/5-events/capitals.tsv.
const std::set<std::string>& capitals() {
    static const auto pairs = [] {
        std::set<std::string> made;
        for (const TableRow& row : readTable("core/5-events/capitals.tsv")) {
            if (row.size() >= 2) made.insert(foldCase(row[0]) + '\t' + foldCase(row[1]));
        }
        return made;
    }();
    return pairs;
}

// The names of an entity: its canonical name and aliases, case-folded.
std::vector<std::string> foldedNames(const Entity& entity) {
    std::vector<std::string> names{foldCase(entity.name)};
    for (const Alias& alias : entity.aliases) names.push_back(foldCase(alias.text));
    return names;
}

// Whether `city` is the capital of `country`, by any of their names.
bool isCapitalOf(const Entity& city, const Entity& country) {
    for (const std::string& countryName : foldedNames(country)) {
        for (const std::string& cityName : foldedNames(city)) {
            if (capitals().contains(countryName + '\t' + cityName)) return true;
        }
    }
    return false;
}

bool shares(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    return std::any_of(a.begin(), a.end(), [&](uint32_t x) { return std::find(b.begin(), b.end(), x) != b.end(); });
}

std::vector<uint32_t> participants(const Event& event) {
    std::vector<uint32_t> all = event.sources;
    all.insert(all.end(), event.targets.begin(), event.targets.end());
    return all;
}

// Dates agree when equal, when one is unknown, or when one is the other at a finer
// precision ("2018-04" and "2018-04-09").
bool datesAgree(const std::string& a, const std::string& b) {
    return a.empty() || b.empty() || a.starts_with(b) || b.starts_with(a);
}

bool statusesAgree(EventStatus a, EventStatus b) {
    const auto unsure = [](EventStatus s) { return s == EventStatus::Planned || s == EventStatus::Possible; };
    return a == b || (unsure(a) && unsure(b));
}

// Places agree when one is unknown, when they are one, or when one is the other's capital
// ("Ri visits Russia", "Ri visits Moscow").
bool placesAgree(const Collection& collection, std::optional<uint32_t> a, std::optional<uint32_t> b) {
    if (!a || !b || *a == *b) return true;
    const Entity &x = collection.entities[*a], &y = collection.entities[*b];
    return isCapitalOf(x, y) || isCapitalOf(y, x);
}

// Whether a report tells of the card's event: same type and mode, someone in common and
// no other one on the side acted upon, and agreeing status, date and place.
bool tellsOf(const Collection& collection, const Event& card, const Event& report) {
    if (card.type != report.type || card.mode != report.mode || !statusesAgree(card.status, report.status)) return false;
    const std::vector<uint32_t> a = participants(card), b = participants(report);
    if (!shares(a, b)) return false;
    // Of two events with two sides, the same two: Ri's talks with Lavrov are not his talks
    // with Patrushev.
    const auto within = [](const std::vector<uint32_t>& x, const std::vector<uint32_t>& y) {
        return std::all_of(x.begin(), x.end(), [&](uint32_t id) { return std::find(y.begin(), y.end(), id) != y.end(); });
    };
    if (a.size() > 1 && b.size() > 1 && !within(a, b) && !within(b, a)) return false;
    // Only a meeting has no direction: who invites is not who accepts.
    if (card.type != "CONSULT" && !card.sources.empty() && !report.sources.empty() && !shares(card.sources, report.sources)) return false;
    if (!card.targets.empty() && !report.targets.empty() && !shares(card.targets, report.targets)) return false;
    if (!placesAgree(collection, card.place, report.place)) return false;
    if (card.type == "STATEMENT" && card.quote != report.quote) return false;
    return datesAgree(card.date, report.date);
}

void addAll(std::vector<uint32_t>& to, const std::vector<uint32_t>& from) {
    for (const uint32_t id : from) {
        if (std::find(to.begin(), to.end(), id) == to.end()) to.push_back(id);
    }
}

void merge(const Collection& collection, Event& card, Event&& report) {
    addAll(card.sources, report.sources);
    addAll(card.targets, report.targets);
    std::erase_if(card.targets, [&](uint32_t id) { return std::find(card.sources.begin(), card.sources.end(), id) != card.sources.end(); });
    // The finer place: the city over its country.
    if (!card.place || (report.place && isCapitalOf(collection.entities[*report.place], collection.entities[*card.place]))) {
        card.place = report.place ? report.place : card.place;
    }
    if (report.date.size() > card.date.size()) card.date = report.date;
    // Planned beats possible: one report knows more.
    if (report.status == EventStatus::Planned && card.status == EventStatus::Possible) card.status = EventStatus::Planned;
    card.mentions.push_back(report.mentions.front());
}

std::string namesOf(const Collection& collection, const std::vector<uint32_t>& ids) {
    std::string names;
    for (size_t i = 0; i < ids.size(); ++i) {
        if (i > 0) names += i + 1 == ids.size() ? " and " : ", ";
        names += collection.entities[ids[i]].name;
    }
    return names;
}

// A verb phrase's first word in its base form: "holds talks with" → "hold talks with".
std::string baseForm(std::string_view phrase) {
    const size_t space = phrase.find(' ');
    std::string first(phrase.substr(0, space));
    if (first.ends_with("ies")) first = first.substr(0, first.size() - 3) + "y";
    else if (first.ends_with("shes") || first.ends_with("ches") || first.ends_with("sses") || first.ends_with("xes")) first.resize(first.size() - 2);
    else if (first.ends_with("s")) first.pop_back();
    return first + std::string(space == std::string_view::npos ? "" : phrase.substr(space));
}

// "Ri Yong Ho visits Moscow", "Ri Yong Ho and Sergei Lavrov hold talks".
std::string labelOf(const Collection& collection, const Event& event, std::string_view verb) {
    std::string label = namesOf(collection, event.sources);
    // With no one acted upon, a preposition waiting for one goes: "accepts the invitation".
    if (event.targets.empty()) {
        for (const std::string_view preposition : {" of", " with", " to", " from", " on", " against", " by", " for"}) {
            if (verb.ends_with(preposition)) {
                verb.remove_suffix(preposition.size());
                break;
            }
        }
    }
    // Several act together: "meets" → "meet".
    const std::string phrase = event.sources.size() > 1 && event.targets.empty() ? baseForm(verb) : std::string(verb);
    if (!label.empty()) label += ' ';
    label += phrase;
    if (!event.targets.empty()) label.append(" ").append(namesOf(collection, event.targets));
    else if (event.place && event.mode == "visit") label.append(" ").append(collection.entities[*event.place].name);
    return label;
}

// "pledges to provide aid to": the intent, then the act in its base form.
std::string intentLabel(const Trigger& intent, const Trigger& act) { return std::string(intent.label) + " " + baseForm(act.label); }

// A card still undated, told by an undated article with a relative date ("met on
// Tuesday") and by a dated one: the relative date read against the dated article's date.
void completeDate(const Collection& collection, Event& card, const std::vector<std::pair<uint32_t, uint32_t>>& relativeDates) {
    std::optional<CalendarDate> reference;
    for (const EventMention& mention : card.mentions) {
        if (!reference) reference = collection.documents[mention.document].date;
    }
    if (!reference) return;
    for (const auto& [document, mention] : relativeDates) {
        const Document& undated = collection.documents[document];
        if (undated.date) continue;
        if (std::string value = valueAgainst(undated, undated.mentions[mention], *reference); !value.empty()) {
            card.date = std::move(value);
            return;
        }
    }
}

}  // namespace

void findEvents(Collection& collection) {
    collection.events.clear();
    std::vector<std::string> verbs;  // each card's label verb
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> relativeDates;  // per card: (document, date mention) left unresolved
    // "type/mode" → participant entity id → the cards of that kind with that participant:
    // a report is compared only with the cards it shares someone with (tellsOf asks for
    // that), so the cost grows with the cards that may match, not with all of them.
    std::unordered_map<std::string, std::unordered_map<uint32_t, std::vector<size_t>>> cardsByParticipant;
    for (EventReport& report : findReports(collection)) {
        const Trigger& kind = report.intent ? *report.intent : *report.trigger;
        const bool unresolved = report.dateMention && report.date.empty();
        Event event;
        event.type = kind.type;
        event.mode = kind.mode;
        event.cameo = kind.cameo;
        event.sources = std::move(report.sources);
        event.targets = std::move(report.targets);
        std::erase_if(event.targets, [&](uint32_t id) { return std::find(event.sources.begin(), event.sources.end(), id) != event.sources.end(); });
        event.place = report.place;
        event.date = std::move(report.date);
        event.status = report.status;
        event.quote = std::move(report.quote);
        event.mentions.push_back(report.mention);
        auto& byParticipant = cardsByParticipant[event.type + '/' + event.mode];
        const std::vector<uint32_t> involved = participants(event);
        // The first card, in the order cards were made, that the report tells of.
        std::vector<size_t> candidates;
        for (const uint32_t id : involved) {
            if (const auto found = byParticipant.find(id); found != byParticipant.end()) {
                candidates.insert(candidates.end(), found->second.begin(), found->second.end());
            }
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        const auto card = std::find_if(candidates.begin(), candidates.end(), [&](size_t c) { return tellsOf(collection, collection.events[c], event); });
        size_t index = collection.events.size();
        if (card != candidates.end()) {
            index = *card;
            const std::vector<uint32_t> known = participants(collection.events[index]);
            for (const uint32_t id : involved) {
                if (std::find(known.begin(), known.end(), id) == known.end()) byParticipant[id].push_back(index);
            }
            merge(collection, collection.events[index], std::move(event));
        } else {
            for (const uint32_t id : involved) byParticipant[id].push_back(index);
            collection.events.push_back(std::move(event));
            verbs.push_back(report.intent ? intentLabel(*report.intent, *report.trigger) : std::string(report.trigger->label));
            relativeDates.emplace_back();
        }
        if (unresolved) relativeDates[index].push_back({report.mention.document, *report.dateMention});
    }
    for (size_t i = 0; i < collection.events.size(); ++i) {
        if (collection.events[i].date.empty()) completeDate(collection, collection.events[i], relativeDates[i]);
    }
    for (size_t i = 0; i < collection.events.size(); ++i) collection.events[i].label = labelOf(collection, collection.events[i], verbs[i]);
}

}  // namespace annotator
