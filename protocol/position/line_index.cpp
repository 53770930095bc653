#include "protocol/position/line_index.h"

#include <algorithm>

#include "analyzers/core/utf8.h"

namespace eventlet_lsp::protocol {

using analyzers::utf8_sequence_length;

std::uint32_t units_of_sequence(unsigned char lead, PositionEncoding encoding) {
  // Only a valid 4-byte lead (F0..F4) starts a character outside the BMP: a surrogate pair.
  return encoding == PositionEncoding::Utf16 && lead >= 0xF0 && lead <= 0xF4 ? 2 : 1;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  // LSP's line ends: "\n", "\r\n" and a lone "\r". Most texts have no "\r": their lines are
  // found with memchr (rebuilt on every keystroke, so this matters on large files).
  if (text.find('\r') == std::string_view::npos) {
    for (std::size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1))
      line_starts_.push_back(static_cast<std::uint32_t>(at + 1));
    return;
  }
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
      line_starts_.push_back(i + 1);
  }
}

std::uint32_t LineIndex::line_start(std::uint32_t line) const {
  if (line >= line_starts_.size()) return static_cast<std::uint32_t>(text_.size());
  return line_starts_[line];
}

std::uint32_t LineIndex::line_end(std::uint32_t line) const {
  if (line >= line_starts_.size()) return static_cast<std::uint32_t>(text_.size());
  std::uint32_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] - 1
                                                     : static_cast<std::uint32_t>(text_.size());
  // Before "\r\n": end points at the "\n" here; step back over the "\r" too.
  if (line + 1 < line_starts_.size() && end > line_starts_[line] && text_[end] == '\n' && text_[end - 1] == '\r')
    --end;
  return end;
}

Position LineIndex::position(std::uint32_t line, std::uint32_t byte_column,
                             PositionEncoding encoding) const {
  if (line >= line_starts_.size()) {
    return position(static_cast<std::uint32_t>(text_.size()), encoding);
  }
  const std::uint32_t start = line_starts_[line];
  const std::uint32_t target = start + std::min(byte_column, line_end(line) - start);
  // ASCII up to the column (most lines): one unit a byte in every encoding.
  if (std::all_of(text_.begin() + start, text_.begin() + target, [](char c) { return (c & 0x80) == 0; }))
    return Position{line, target - start};
  std::uint32_t units = 0;
  for (std::uint32_t i = start; i < target;) {
    const std::uint32_t length = utf8_sequence_length(text_, i);
    if (i + length > target) break;  // inside a character: its start
    units += encoding == PositionEncoding::Utf8    ? length
             : encoding == PositionEncoding::Utf16 ? (length == 4 ? 2 : 1)
                                                   : 1;
    i += length;
  }
  return Position{line, units};
}

Position LineIndex::position(std::uint32_t byte_offset, PositionEncoding encoding) const {
  byte_offset = std::min<std::uint32_t>(byte_offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
  const auto line = static_cast<std::uint32_t>(it - line_starts_.begin() - 1);
  return position(line, byte_offset - line_starts_[line], encoding);
}

std::uint32_t LineIndex::offset(Position position, PositionEncoding encoding, bool* exact) const {
  if (exact != nullptr) *exact = true;
  if (position.line >= line_starts_.size()) {
    if (exact != nullptr) *exact = false;
    return static_cast<std::uint32_t>(text_.size());
  }
  const std::uint32_t start = line_starts_[position.line];
  const std::uint32_t end = line_end(position.line);
  if (encoding == PositionEncoding::Utf8) {
    if (start + static_cast<std::uint64_t>(position.character) > end) {
      if (exact != nullptr) *exact = false;
      return end;
    }
    return start + position.character;
  }
  std::uint32_t units = 0;
  std::uint32_t i = start;
  while (i < end && units < position.character) {
    const std::uint32_t length = utf8_sequence_length(text_, i);
    units += length == 4 && encoding == PositionEncoding::Utf16 ? 2 : 1;
    i += length;
  }
  if (units < position.character && exact != nullptr) *exact = false;
  return i;
}

}  // namespace eventlet_lsp::protocol
