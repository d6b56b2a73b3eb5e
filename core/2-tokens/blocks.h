// Paragraph blocks and their roles: which block is the document's title, which lines are
// other headings (a repeated title, a caption, "Related article: …"), which are body text.
// The dateline role is given later, by the dates stage, which knows what a date is.
#pragma once

#include "document.h"

namespace annotator {

// Fills document.blocks (one per paragraph: text between blank lines) and document.title.
// Needs document.tokens.
void findBlocks(Document& document);

}  // namespace annotator
