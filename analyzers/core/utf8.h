// UTF-8 decoding facts shared by the analyzers (file checks) and the protocol (positions).
#pragma once

#include <cstdint>
#include <string_view>

namespace eventlet_lsp::analyzers {

// The length of the UTF-8 sequence starting at text[at], 1 for an invalid byte (overlong forms,
// surrogates and truncated sequences included).
std::uint32_t utf8_sequence_length(std::string_view text, std::uint32_t at);

// Whether `text` is valid UTF-8; `first_invalid` gets the offset of the first bad byte.
bool is_valid_utf8(std::string_view text, std::uint32_t* first_invalid = nullptr);

}  // namespace eventlet_lsp::analyzers
