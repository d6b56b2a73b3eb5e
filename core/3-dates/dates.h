// The dates stage: DATE and TIME mentions with their resolved values, the dateline, and
// the document date that relative expressions are resolved against.
#pragma once

#include <optional>
#include <string>

#include "calendar.h"
#include "document.h"

namespace annotator {

// Adds DATE/TIME mentions to document.mentions and sets document.date and
// document.dateline. The document date is `given` if set, else the date of the document's
// dateline, else `fallback` (the collection's reference date), else unknown; relative
// expressions resolve against it, or keep an empty value when it is unknown.
// Needs tokens, blocks and sentences; may turn a block's role into BlockRole::Dateline.
void findDates(Document& document, std::optional<CalendarDate> given, std::optional<CalendarDate> fallback);

// The value a DATE or TIME mention of the document takes against another reference date:
// an undated article's "on Tuesday" read beside a dated report of the same event. Empty
// when the mention is no date expression or cannot be resolved.
std::string valueAgainst(const Document& document, const Mention& mention, CalendarDate reference);

}  // namespace annotator
