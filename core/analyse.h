// The pipeline: documents in, an analysed Collection out. The one entry point of the core
// for the CLI, the WebAssembly module and the tests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calendar.h"
#include "document.h"
#include "outcome.h"

namespace annotator {

struct DocumentInput {
    std::string id;
    std::string text;                  // any bytes; checked and repaired by 1-text
    std::optional<CalendarDate> date;  // the date it was written, if the user knows it
};

struct AnalysisOptions {
    // The reference date for documents that have neither a given date nor a dateline.
    std::optional<CalendarDate> referenceDate;
};

// Analyses the documents together. Fails, with a message naming the document, only on
// input that is not text; everything else gives a result, with warnings for repairs.
// Documents keep their order; a repeated id gets " (2)", " (3)", … and a warning.
// Thread-safe (no shared mutable state).
Outcome<Collection> analyse(std::vector<DocumentInput> inputs, const AnalysisOptions& options);

}  // namespace annotator
