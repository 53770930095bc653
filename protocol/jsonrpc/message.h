// JSON-RPC 2.0 messages: what came in, and how answers are built.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace eventlet_lsp::protocol {

using json = nlohmann::json;

enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  UnknownErrorCode = -32001,
  RequestFailed = -32803,
  ServerCancelled = -32802,
  ContentModified = -32801,
  RequestCancelled = -32800,
};

struct IncomingMessage {
  enum class Kind { Request, Notification, Response, Invalid };
  Kind kind = Kind::Invalid;
  json id;  // Request, Response; null when unknown (Invalid)
  std::string method;
  json params;  // object, array or null
  json result;  // Response
  json error;   // Response with an error
  std::string problem;  // Invalid: why
};

// Classifies a parsed JSON value as a JSON-RPC 2.0 message. A batch (array) is Invalid: LSP
// does not use batches.
IncomingMessage classify_message(const json& value);

json make_response(const json& id, json result);
json make_error_response(const json& id, ErrorCode code, std::string message, json data = nullptr);
json make_notification(std::string method, json params);
json make_request(const json& id, std::string method, json params);

// Serialises for the wire: invalid UTF-8 in strings is replaced rather than thrown on.
std::string to_wire(const json& value);

}  // namespace eventlet_lsp::protocol
