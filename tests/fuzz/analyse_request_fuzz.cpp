// libFuzzer target: any bytes as a JSON request to the core, the path the page and
// `annotate --jsonl` take (json/json_io.h). It must answer with a result or an error
// field, never crash or throw.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "json/json_io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    (void)annotator::analyseRequestJson(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
