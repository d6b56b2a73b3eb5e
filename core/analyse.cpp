#include "analyse.h"

#include <unordered_map>

#include "1-text/text_input.h"
#include "1-text/unicode.h"
#include "2-tokens/blocks.h"
#include "2-tokens/sentences.h"
#include "2-tokens/tokenizer.h"
#include "3-dates/dates.h"
#include "3-entities/tagger.h"
#include "4-aliases/entities.h"
#include "5-events/events.h"

namespace annotator {

Outcome<Collection> analyse(std::vector<DocumentInput> inputs, const AnalysisOptions& options) {
    if (const Outcome<bool> ready = initUnicodeData(); !ready) return ready.error();
    const Outcome<const EntityTagger*> tagger = builtInEntityTagger();
    if (!tagger) return tagger.error();
    const auto report = [&](std::string_view stage, std::size_t done, std::size_t total) {
        if (options.onProgress) options.onProgress({stage, done, total});
    };
    Collection collection;
    collection.documents.reserve(inputs.size());
    std::unordered_map<std::string, int> seen;  // ids must tell documents apart
    for (DocumentInput& input : inputs) {
        if (const int copies = seen[input.id]++; copies > 0) {
            const std::string unique = input.id + " (" + std::to_string(copies + 1) + ")";
            collection.warnings.push_back({unique, "a second document named '" + input.id + "' was renamed"});
            input.id = unique;
        }
        Outcome<std::string> text = prepareText(input.id, std::move(input.text), collection.warnings);
        if (!text) return text.error();
        Document& document = collection.documents.emplace_back();
        document.id = std::move(input.id);
        document.text = std::move(text.value());
        document.tokens = tokenize(document.text);
        foldTokens(document);
        findBlocks(document);
        findSentences(document);
        findDates(document, input.date, options.referenceDate);
        findEntities(document, *tagger.value());
        report("documents", collection.documents.size(), inputs.size());
    }
    report("entities", 0, 1);
    resolveEntities(collection);
    report("events", 0, 1);
    findEvents(collection);
    report("events", 1, 1);
    return collection;
}

}  // namespace annotator
