// The entities stage: PERSON, ORG, LOCATION, NORP and MISC mentions from the trained
// tagger (a linear model over features.h, decoded with Viterbi under BIO constraints).
#pragma once

#include <vector>

#include "3-entities/features.h"
#include "3-entities/tagger_model.h"
#include "document.h"
#include "outcome.h"

namespace annotator {

// The best tag sequence for emission scores (tokens × kTagCount) and transition scores
// ((kTagCount + 1) × kTagCount, the last row from the start), never breaking BIO.
std::vector<int> viterbi(const std::vector<float>& emissions, const float* transitions);

// The tags of each token of the sentence, as tag indices (tagger_model.h).
std::vector<int> tagSentence(const TaggerModel& model, const std::vector<std::vector<uint64_t>>& features);

// The two stages' models (features.h: kTaggerStages), and both stages' weight rows of each
// bucket side by side, which the first pass reads together: one cache line, not two, for
// each feature of every token (the rows are 4 MB, read at random).
struct EntityTagger {
    TaggerModel stages[kTaggerStages];
    std::vector<int8_t> pairedRows;  // per bucket: stage 1's row, then stage 2's
};

// The tagger of two stages' models, which must have as many buckets.
Outcome<EntityTagger> makeEntityTagger(TaggerModel first, TaggerModel second);

// The models compiled into the core (models/entity-tagger-1.bin, -2.bin), loaded once.
Outcome<const EntityTagger*> builtInEntityTagger();

// The tag of every token of the document: the first stage, then the second with the
// first one's labels in view.
std::vector<int> tagDocument(const Document& document, const EntityTagger& tagger);

// Adds the tagger's mentions to document.mentions, keeping them sorted by start; a span
// that overlaps a DATE or TIME mention already there is left out. Needs tokens, blocks
// and sentences.
void findEntities(Document& document, const EntityTagger& tagger);

}  // namespace annotator
