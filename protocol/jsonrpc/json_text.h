// Writing JSON text directly, for the messages that are too big and too frequent to build as
// nlohmann::json values first (a dense file's publishDiagnostics on every keystroke). What it
// writes parses to the same value the nlohmann path would give, and is as valid: strings that
// are not valid UTF-8 get U+FFFD, as to_wire's error handler does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eventlet_lsp::protocol {

// `value` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view value);
void append_json_number(std::string& out, std::int64_t value);

}  // namespace eventlet_lsp::protocol
