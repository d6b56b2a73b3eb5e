// The WebAssembly face of the core: one call, JSON in and JSON out, so that results cross
// into JavaScript as plain values and every failure is an {"error"} field, never a C++
// exception or a handle the page must free.
#include <emscripten/bind.h>

#include <string>

#include "json/json_io.h"

namespace {

// Request and result as in core/json/json_io.h.
std::string analyze(const std::string& request) { return annotator::analyseRequestJson(request); }

// The same, telling `onProgress(stage, done, total)` how far it has got: the page runs the
// core in a worker and shows a progress bar for long collections.
std::string analyzeWithProgress(const std::string& request, emscripten::val onProgress) {
    return annotator::analyseRequestJson(request, [&onProgress](const annotator::Progress& progress) {
        onProgress(std::string(progress.stage), progress.done, progress.total);
    });
}

}  // namespace

EMSCRIPTEN_BINDINGS(annotator) {
    emscripten::function("analyze", &analyze);
    emscripten::function("analyzeWithProgress", &analyzeWithProgress);
}
