// The pipeline: documents in, an analysed Collection out. The one entry point of the core
// for the CLI, the WebAssembly module and the tests.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
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

// How far an analysis has got: `done` of `total` steps of the named stage ("documents"
// while each document is read and tagged, then "entities", then "events").
struct Progress {
    std::string_view stage;
    std::size_t done = 0;
    std::size_t total = 0;
};

struct AnalysisOptions {
    // The reference date for documents that have neither a given date nor a dateline.
    std::optional<CalendarDate> referenceDate;
    // Told after each document and each collection-wide stage, for a progress bar.
    std::function<void(const Progress&)> onProgress;
};

// Analyses the documents together. Fails, with a message naming the document, only on
// input that is not text; everything else gives a result, with warnings for repairs.
// Documents keep their order; a repeated id gets " (2)", " (3)", … and a warning.
// Thread-safe (no shared mutable state).
Outcome<Collection> analyse(std::vector<DocumentInput> inputs, const AnalysisOptions& options);

}  // namespace annotator
