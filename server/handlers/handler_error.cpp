#include "server/handlers/handler_error.h"

namespace eventlet_lsp::server {

using nlohmann::json;
using protocol::ErrorCode;

const json& require_object(const json& value, const char* what) {
  if (!value.is_object()) throw HandlerError(ErrorCode::InvalidParams, std::string(what) + " must be an object");
  return value;
}

const json& require_member(const json& object, const char* key, const char* what) {
  require_object(object, what);
  auto it = object.find(key);
  if (it == object.end()) throw HandlerError(ErrorCode::InvalidParams, std::string(what) + "." + key + " is missing");
  return *it;
}

std::string require_string(const json& object, const char* key, const char* what) {
  const json& value = require_member(object, key, what);
  if (!value.is_string()) throw HandlerError(ErrorCode::InvalidParams, std::string(what) + "." + key + " must be a string");
  return value.get<std::string>();
}

std::int64_t require_integer(const json& object, const char* key, const char* what) {
  const json& value = require_member(object, key, what);
  if (!value.is_number_integer()) {
    throw HandlerError(ErrorCode::InvalidParams, std::string(what) + "." + key + " must be an integer");
  }
  return value.get<std::int64_t>();
}

std::string text_document_uri(const json& params) {
  return require_string(require_member(params, "textDocument", "params"), "uri", "params.textDocument");
}

}  // namespace eventlet_lsp::server
