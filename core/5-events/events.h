// Finds events in the sentences of all documents of a collection and merges the reports of
// one event into one card (Collection::events): who did what to whom (entities of
// 4-aliases), where, when (dates of 3-dates) and whether it happened. Needs entities
// resolved first. Thread-safe (no shared mutable state).
#pragma once

#include "document.h"

namespace annotator {

void findEvents(Collection& collection);

}  // namespace annotator
