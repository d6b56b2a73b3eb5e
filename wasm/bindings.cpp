// The WebAssembly face of the core: one call, JSON in and JSON out, so that results cross
// into JavaScript as plain values and every failure is an {"error"} field, never a C++
// exception or a handle the page must free.
//
// The JSON crosses as UTF-8 bytes in the module's memory, which JavaScript encodes and
// decodes natively (TextEncoder, TextDecoder, analyze.post.js): Embind's std::string
// conversions walk every byte in JavaScript, which cost a tenth of an analysis of a large
// collection (8 MB of JSON out for 1,162 CoNLL articles).
#include <emscripten/bind.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "json/json_io.h"

namespace {

// The last result, kept until JavaScript has decoded it (releaseResult).
std::string lastResult;

// Analyses the request (json_io.h), `length` UTF-8 bytes at `request` in the module's
// memory, telling `onProgress(stage, done, total)` how far it has got when it is a
// function. Returns a view of the result's UTF-8 bytes, valid until releaseResult().
emscripten::val analyzeUtf8(uintptr_t request, size_t length, emscripten::val onProgress) {
    const std::string_view text(reinterpret_cast<const char*>(request), length);
    std::function<void(const annotator::Progress&)> progress;
    if (onProgress.typeOf().as<std::string>() == "function") {
        progress = [&onProgress](const annotator::Progress& step) { onProgress(std::string(step.stage), step.done, step.total); };
    }
    lastResult = annotator::analyseRequestJson(text, progress);
    return emscripten::val(emscripten::typed_memory_view(lastResult.size(), reinterpret_cast<const uint8_t*>(lastResult.data())));
}

// Gives the last result's memory back.
void releaseResult() { std::string().swap(lastResult); }

}  // namespace

EMSCRIPTEN_BINDINGS(annotator) {
    emscripten::function("analyzeUtf8", &analyzeUtf8);
    emscripten::function("releaseResult", &releaseResult);
}
