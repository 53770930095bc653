// Byte offsets <-> (line, character) in UTF-8, UTF-16 or UTF-32 code units. Tree-sitter and the
// analyzers speak bytes; LSP clients speak the negotiated encoding (UTF-16 by default); the CLI
// prints characters. Every conversion goes through this one index.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "analyzers/core/utf8.h"

namespace eventlet_lsp::protocol {

enum class PositionEncoding : std::uint8_t { Utf8, Utf16, Utf32 };

struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  std::size_t line_count() const { return line_starts_.size(); }

  // A byte offset (clamped to the text) as a position in `encoding`. An offset inside a
  // multi-byte character maps to that character's start.
  Position position(std::uint32_t byte_offset, PositionEncoding encoding) const;

  // A (line, byte column) point, as tree-sitter reports it, in `encoding`.
  Position position(std::uint32_t line, std::uint32_t byte_column, PositionEncoding encoding) const;

  // A client position as a byte offset. A line past the end clamps to the end of the text; a
  // character past the end of its line clamps to the line's end (before its newline), as the
  // LSP specification asks. Returns false in `exact` when clamping happened.
  std::uint32_t offset(Position position, PositionEncoding encoding, bool* exact = nullptr) const;

  std::uint32_t line_start(std::uint32_t line) const;
  // End of the line's content, before "\n" or "\r\n".
  std::uint32_t line_end(std::uint32_t line) const;

 private:
  std::string_view text_;
  std::vector<std::uint32_t> line_starts_;
};

// Units of one code point in `encoding`, given its UTF-8 lead byte; invalid bytes count as one.
std::uint32_t units_of_sequence(unsigned char lead, PositionEncoding encoding);

using analyzers::is_valid_utf8;
using analyzers::utf8_sequence_length;

}  // namespace eventlet_lsp::protocol
