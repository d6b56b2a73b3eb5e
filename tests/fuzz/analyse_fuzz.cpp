// libFuzzer target: any bytes as the text of the documents of one analysis, then the
// result as JSON. The input is split into documents at each 0x1E byte (ASCII's record
// separator), so that what ties documents together (entities across documents, events
// merged from several reports, repeated ids) is reached too. Every document gets the
// same id, so renaming repeated ids is fuzzed as well; the reference date is fixed, so
// relative dates resolve. A crash, a sanitizer finding or an exception is a bug: the
// core promises a result or an error for any bytes (analyse.h).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "analyse.h"
#include "json/json_io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::vector<annotator::DocumentInput> inputs;
    for (size_t start = 0;;) {
        const size_t end = bytes.find('\x1E', start);
        inputs.push_back({.id = "fuzz", .text = std::string(bytes.substr(start, end - start)), .date = std::nullopt});
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    annotator::AnalysisOptions options;
    options.referenceDate = annotator::CalendarDate{2024, 2, 29};
    const annotator::Outcome<annotator::Collection> result = annotator::analyse(std::move(inputs), options);
    if (result) (void)annotator::toJson(result.value(), false);
    return 0;
}
