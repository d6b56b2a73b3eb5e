// One report of an event: what one sentence says happened, with its arguments attached by
// rules over tokens and mentions (docs/events.md says how). 5-events/events.cpp merges the
// reports of all documents into cards.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "5-events/triggers.h"
#include "document.h"

namespace annotator {

struct EventReport {
    const Trigger* trigger = nullptr;
    const Trigger* intent = nullptr;  // AGREE or THREATEN when the report states an intent to act
    EventMention mention;
    std::vector<uint32_t> sources, targets;  // entity ids
    std::optional<uint32_t> place;           // entity id
    std::string date;                        // the value of the date mention it is told with
    std::optional<uint32_t> dateMention;     // that mention (index into Document::mentions)
    EventStatus status = EventStatus::Occurred;
    std::string quote;                       // STATEMENT: the quotation of its sentence
};

// The reports of all documents, in document and text order. Needs the collection's
// entities (4-aliases) and dates; role references ("the Russian Foreign Minister") are
// read with the roles of all documents.
std::vector<EventReport> findReports(const Collection& collection);

}  // namespace annotator
