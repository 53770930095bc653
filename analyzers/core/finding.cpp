// Names of severities and scenarios, as the CLI, the LSP and the generated docs show them.
#include "analyzers/core/finding.h"

#include <cstddef>

namespace eventlet_lsp::analyzers {

namespace {

constexpr char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (ascii_lower(text[i]) != lower[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Information:
      return "information";
    case Severity::Hint:
      return "hint";
  }
  return "warning";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (equals_ignoring_case(text, "error")) {
    return Severity::Error;
  }
  if (equals_ignoring_case(text, "warning") || equals_ignoring_case(text, "warn")) {
    return Severity::Warning;
  }
  if (equals_ignoring_case(text, "information") || equals_ignoring_case(text, "info")) {
    return Severity::Information;
  }
  if (equals_ignoring_case(text, "hint")) {
    return Severity::Hint;
  }
  return std::nullopt;
}

// The titles follow the audit cards of the migration guide ("Audit your Code"), in its order.
std::string_view to_string(Scenario scenario) {
  switch (scenario) {
    case Scenario::Inventory:
      return "Inventory";
    case Scenario::WsgiServer:
      return "WSGI server";
    case Scenario::NetworkCalls:
      return "Asynchronous network calls";
    case Scenario::BackgroundTasks:
      return "Background execution of long tasks";
    case Scenario::DeferredTasks:
      return "Deferred task management";
    case Scenario::GreenThreads:
      return "Green thread management";
    case Scenario::Sockets:
      return "Socket compatibility";
    case Scenario::WebSocket:
      return "WebSocket support";
    case Scenario::Integration:
      return "Integration with other libraries";
    case Scenario::Planning:
      return "Migration planning";
  }
  return "Inventory";
}

std::string_view scenario_slug(Scenario scenario) {
  switch (scenario) {
    case Scenario::Inventory:
      return "inventory";
    case Scenario::WsgiServer:
      return "wsgi-server";
    case Scenario::NetworkCalls:
      return "network-calls";
    case Scenario::BackgroundTasks:
      return "background-tasks";
    case Scenario::DeferredTasks:
      return "deferred-tasks";
    case Scenario::GreenThreads:
      return "green-threads";
    case Scenario::Sockets:
      return "sockets";
    case Scenario::WebSocket:
      return "websocket";
    case Scenario::Integration:
      return "integration";
    case Scenario::Planning:
      return "planning";
  }
  return "inventory";
}

}  // namespace eventlet_lsp::analyzers
