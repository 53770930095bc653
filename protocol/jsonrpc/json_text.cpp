#include "protocol/jsonrpc/json_text.h"

#include <charconv>

#include <nlohmann/json.hpp>

namespace eventlet_lsp::protocol {

namespace {

bool is_plain(std::string_view value) {
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x80 || c == '"' || c == '\\') return false;
  }
  return true;
}

}  // namespace

void append_json_string(std::string& out, std::string_view value) {
  if (is_plain(value)) {  // the common case: ASCII with nothing to escape
    out.push_back('"');
    out.append(value);
    out.push_back('"');
    return;
  }
  // Escapes and UTF-8 checking exactly as the rest of the protocol output does them.
  out += nlohmann::json(std::string(value)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void append_json_number(std::string& out, std::int64_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

}  // namespace eventlet_lsp::protocol
