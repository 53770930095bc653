// An edit as tree-sitter should hear of it to reuse the rest of the file.
//
// tree-sitter 0.20.7 with the Python grammar reparses everything after a statement typed at the
// end of an indented block (ten milliseconds for 5,000 lines, 60 for nova's test_driver.py). The
// block's closing tokens (a newline and a dedent, zero-width at the end of its last code token)
// touch the edit, so they are lexed again; but before they are, the parser meets the next
// statement, which starts (with its padding) at that same byte. Its recorded scanner state (after
// the dedent) differs from the parser's (inside the block), so the parser skips that statement
// whole, lexes it again, and meets the same situation at its end: the whole rest of the file.
//
// Told that the edit began inside the code token before it and replaced the rest of its line and
// its line break too (with the same text), tree-sitter gives the inserted text to the block and
// moves the next statement's start to the end of the widened edit, past the closing tokens: the
// parser lexes them first, then reuses everything after the next statement's first token. The
// description stays exact (the widened parts are the same text before and after), so the tree is
// the one a full parse gives.
#pragma once

#include <tree_sitter/api.h>

#include <string_view>

namespace eventlet_lsp::analyzers {

// `edit` (of `old_text`, the text before it) widened back to the last byte of code before it
// and forward to the start of the next line, each when that lies within a few kilobytes.
TSInputEdit widen_for_reuse(const TSInputEdit& edit, std::string_view old_text);

}  // namespace eventlet_lsp::analyzers
