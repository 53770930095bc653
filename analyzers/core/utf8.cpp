#include "analyzers/core/utf8.h"

namespace eventlet_lsp::analyzers {

std::uint32_t utf8_sequence_length(std::string_view text, std::uint32_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::uint32_t length = 1;
  if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
  } else if (lead >= 0xE0) {
    length = lead <= 0xEF ? 3 : 1;
  } else if (lead >= 0xC2) {
    length = 2;
  }
  if (length == 1) return 1;
  if (at + length > text.size()) return 1;
  for (std::uint32_t i = 1; i < length; ++i) {
    if ((static_cast<unsigned char>(text[at + i]) & 0xC0) != 0x80) return 1;
  }
  // Overlong forms and surrogates are invalid: each byte then stands alone.
  const auto second = static_cast<unsigned char>(text[at + 1]);
  if (lead == 0xE0 && second < 0xA0) return 1;
  if (lead == 0xED && second >= 0xA0) return 1;
  if (lead == 0xF0 && second < 0x90) return 1;
  if (lead == 0xF4 && second >= 0x90) return 1;
  return length;
}

bool is_valid_utf8(std::string_view text, std::uint32_t* first_invalid) {
  for (std::uint32_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      ++i;
      continue;
    }
    const std::uint32_t length = utf8_sequence_length(text, i);
    if (length == 1) {
      if (first_invalid != nullptr) *first_invalid = i;
      return false;
    }
    i += length;
  }
  return true;
}

}  // namespace eventlet_lsp::analyzers
