// A lexical outline of Python source: logical lines grouped into statements and blocks by
// indentation, without parsing. It picks the statements worth parsing for the audit (those that
// contain given lines, with the headers of the blocks around them), so that the rest of a file
// costs a scan instead of a parse. A mistake here never changes results: a selection that does
// not parse cleanly sends the caller back to a full parse.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace eventlet_lsp::analyzers {

struct ByteSpan {
  std::uint32_t start;  // at a line start
  std::uint32_t end;    // just after a newline, or the end of the text
};

// The smallest set of whole logical lines that keeps every line containing one of `offsets`,
// every enclosing block header (with its decorators and the other clauses of its if/try chain),
// and at least one statement in every kept block: valid Python whenever the source is. nullopt
// when the outline cannot be trusted (inconsistent indentation, unterminated brackets).
std::optional<std::vector<ByteSpan>> select_statements(std::string_view source,
                                                       const std::vector<std::uint32_t>& offsets);

}  // namespace eventlet_lsp::analyzers
