// The JSON boundary of the core: the request the page and `annotate --jsonl` send, and the
// "annotator/1" result every consumer reads. Offsets become UTF-16 code units here.
//
// Request:  {"documents": [{"id", "text", "date"?}], "reference_date"?: "YYYY-MM-DD"}
// Result:   {"schema": "annotator/1",
//            "documents": [{"id", "title", "date", "dateline", "text",
//                           "sentences": [{"start", "end", "role"}],
//                           "mentions": [{"start", "end", "text", "type", "entity", "value"}]}],
//            "entities": [{"id", "type", "name", "aliases": [{"text", "reason"}], "titles",
//                          "mentions" (count), "documents" (ids)}],
//            "events": [{"id", "type", "mode", "cameo", "label", "sources" (entity ids),
//                        "targets" (entity ids), "place" (entity id), "date", "status",
//                        "quote", "mentions": [{"document" (id), "sentence": {"start", "end"},
//                                               "trigger": {"start", "end"}, "text"}]}],
//            "warnings": [{"document", "message"}]}
// A mention's "entity" is the "id" of its entity (its index in "entities"), or null for
// dates and times.
// or, when the input cannot be analysed: {"error": "one-line message"}.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "analyse.h"
#include "document.h"
#include "outcome.h"

namespace annotator {

// One document of a request or one line of --jsonl: {"id", "text", "date"?}. `position`
// names it in errors and is its id when it has none.
Outcome<DocumentInput> parseDocumentJson(std::string_view json, size_t position);

std::string toJson(const Collection& collection, bool pretty);
std::string errorJson(std::string_view message);

// Parses a request, analyses it and returns the result or error JSON. Never throws.
// `onProgress`, when given, is told how far the analysis has got (see analyse.h).
std::string analyseRequestJson(std::string_view request, std::function<void(const Progress&)> onProgress = {});

}  // namespace annotator
