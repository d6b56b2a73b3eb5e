// Checking and repairing the text of a document before anything reads it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "outcome.h"

namespace annotator {

// The largest document accepted, in bytes. Larger input is refused, never cut silently.
constexpr size_t kMaxDocumentBytes = 64u << 20;

// Returns the text ready for the pipeline, or an error for input that is not text:
// binary data (a NUL byte, or many control characters) and documents over the size
// limit. Invalid UTF-8 is repaired (see repairUtf8) and reported as a warning; a leading
// byte-order mark is dropped, as browsers do.
Outcome<std::string> prepareText(std::string_view documentId, std::string bytes, std::vector<Warning>& warnings);

}  // namespace annotator
