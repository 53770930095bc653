// How a handler refuses: a JSON-RPC error code and a message for the client.
#pragma once

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "protocol/jsonrpc/message.h"

namespace eventlet_lsp::server {

struct HandlerError : std::runtime_error {
  HandlerError(protocol::ErrorCode error_code, const std::string& message)
      : std::runtime_error(message), code(error_code) {}
  protocol::ErrorCode code;
};

// Reading params: each throws InvalidParams naming what is wrong.
const nlohmann::json& require_object(const nlohmann::json& value, const char* what);
const nlohmann::json& require_member(const nlohmann::json& object, const char* key, const char* what);
std::string require_string(const nlohmann::json& object, const char* key, const char* what);
std::int64_t require_integer(const nlohmann::json& object, const char* key, const char* what);
// params.textDocument.uri
std::string text_document_uri(const nlohmann::json& params);

}  // namespace eventlet_lsp::server
