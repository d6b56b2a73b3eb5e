// The trigger lexicon (core/5-events/triggers.tsv, inflected with irregular-verbs.tsv):
// the words and phrases that say an event happened, with its PLOVER type and mode, its
// CAMEO code, what the word after them names, and the verb of the card's label.
// Thread-safe; loaded once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document.h"

namespace annotator {

// What follows a trigger: the one it is done to ("praised Xi"), the place it leads to
// ("visited China", "a visit to Moscow"), or nothing of the kind ("protested", "said").
enum class TriggerObject : uint8_t { Actor, Place, None };

struct Trigger {
    std::vector<std::string> words;  // case-folded; a verb's first word is its lemma
    bool verb = true;
    std::string_view type, mode, cameo, label;
    TriggerObject object = TriggerObject::Actor;
};

// The form a verb trigger is written in.
enum class VerbForm : uint8_t { Base, ThirdPerson, Past, Participle, Gerund, Noun };

struct TriggerMatch {
    const Trigger* trigger = nullptr;
    uint32_t firstToken = 0, endToken = 0;  // the trigger's words, tokens [firstToken, endToken)
    VerbForm form = VerbForm::Base;
};

// The triggers in the sentence's tokens [firstToken, endToken), longest first where two
// overlap, in text order.
std::vector<TriggerMatch> findTriggers(const Document& document, uint32_t firstToken, uint32_t endToken);

}  // namespace annotator
