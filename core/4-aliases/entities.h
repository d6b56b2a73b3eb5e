// Gathers the named mentions of all documents of a collection into entities: every
// spelling of one person, organisation or place becomes one Entity with a canonical name
// and its aliases, and each mention names its entity (Mention::entity).
//
// Reads only the mentions' text, type and order, so it also runs on mentions that did not
// come from the tagger (the coreference evaluation feeds it gold mentions). Nationality
// adjectives (NORP) join the entity of their country ("Russian" → Russia), created if the
// country itself is not mentioned. Candidates are found through keys of the names' words,
// so the work grows with the number of distinct spellings, not with its square.
// Thread-safe (no shared mutable state).
#pragma once

#include "document.h"

namespace annotator {

void resolveEntities(Collection& collection);

}  // namespace annotator
