// The gazetteer (core/3-entities/gazetteer.tsv): known places (LOC) and organisations
// (ORG), for the tagger's features and for telling a title phrase ("Former Georgia
// Governor") from a name. Thread-safe; loaded once.
#pragma once

#include "3-entities/phrases.h"

namespace annotator {

const PhraseLexicon& gazetteer();

}  // namespace annotator
