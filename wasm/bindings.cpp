// The WebAssembly face of the core: one call, JSON in and JSON out, so that results cross
// into JavaScript as plain values and every failure is an {"error"} field, never a C++
// exception or a handle the page must free.
#include <emscripten/bind.h>

#include <string>

#include "json/json_io.h"

namespace {

// Request and result as in core/json/json_io.h.
std::string analyze(const std::string& request) { return annotator::analyseRequestJson(request); }

}  // namespace

EMSCRIPTEN_BINDINGS(annotator) { emscripten::function("analyze", &analyze); }
