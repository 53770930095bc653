// An `event.Event()` kept in a variable (EL402), rewritten with every use of the variable (the
// name in its scope and nested scopes, or `self.name` across the methods of its class):
// - a bare signal (no `send` carries a value (`send(None)` does not), no `send_exception`, no
//   `wait()` result is used):
//   `threading.Event()`, `send()` -> `set()`, `wait(...)` stays, `ready()` -> `is_set()`;
// - otherwise `concurrent.futures.Future()`: `send(v)` -> `set_result(v)` (`send()` sends None),
//   `send_exception(e)` -> `set_exception(e)`, `wait()` -> `result()`, `ready()` -> `done()`;
// - inside `async def`, only the bare signal, and only when every use is in a coroutine:
//   `asyncio.Event()`, `send()` -> `set()`, `wait()` -> `await ev.wait()`.
// A variable bound to a new Event more than once (re-created to start over) has all of its
// constructors rewritten together; any other binding refuses.
//
// Refused when a use is anything else (`reset`, `poll`, `has_result`, the event passed on or
// returned, `send(exc=...)`), when a Future's `wait` has a timeout (`wait(t)` returned None on
// timeout where `result(t)` raises TimeoutError), and when the threading rewrite would put a
// blocking call in a coroutine.
//
// Unsafe: Eventlet's Event is one-shot (a second `send` raised AssertionError): a threading or
// asyncio Event can be set again, a Future raises InvalidStateError and cannot be reset; under
// threads preemption makes the races real; an asyncio.Event must be set from the loop's thread.
#include "analyzers/catalog/rule.h"
#include "analyzers/core/finding.h"
#include "analyzers/fixes/rewrites/call_arguments.h"
#include "analyzers/fixes/rewrites/rewrites.h"
#include "analyzers/fixes/rewrites/variable_uses.h"
#include "analyzers/parse/python_grammar.h"
#include "analyzers/python/binding_collector.h"

namespace eventlet_lsp::analyzers {

namespace {

enum class Use : std::uint8_t { Send, SendValue, SendException, Wait, WaitForValue, Ready };

// What one use is; nullopt when it has no counterpart.
std::optional<Use> classify(const RewriteSite& site, const VariableUse& use) {
  if (!use.method_call) return std::nullopt;
  const MethodCall& call = *use.method_call;
  const auto arguments = split_arguments(site.tree, call.call);
  if (!arguments || arguments->has_splat) return std::nullopt;
  const std::size_t count = arguments->positional.size() + arguments->keywords.size();
  if (call.name == "send") {
    if (count == 0 || (arguments->positional.size() == 1 && arguments->positional.front() == "None" &&
                       arguments->keywords.empty()))
      return Use::Send;  // `send()` and `send(None)` carry no value
    if (arguments->positional.size() == 1 && arguments->keywords.empty()) return Use::SendValue;
    return std::nullopt;
  }
  if (call.name == "send_exception") {
    if (arguments->positional.size() == 1 && arguments->keywords.empty()) return Use::SendException;
    return std::nullopt;
  }
  if (call.name == "wait") {
    if (count > 1 || (!arguments->keywords.empty() && arguments->keywords.front().first != "timeout"))
      return std::nullopt;
    return call.is_statement ? Use::Wait : Use::WaitForValue;
  }
  if (call.name == "ready" && count == 0) return Use::Ready;
  return std::nullopt;
}

// `Event()` with no arguments, resolved to eventlet.event.Event by the analysis.
bool is_event_constructor(const RewriteSite& site, TSNode value) {
  const PythonGrammar& g = PythonGrammar::instance();
  if (ts_node_is_null(value) || g.kind(value) != NodeKind::Call) return false;
  const TSNode arguments = ts_node_child_by_field_id(value, g.f_arguments);
  if (ts_node_is_null(arguments) || g.kind(arguments) != NodeKind::ArgumentList ||
      ts_node_named_child_count(arguments) != 0)
    return false;
  if (ts_node_eq(value, site.call)) return true;
  if (site.all_findings == nullptr) return false;
  const TSNode function = ts_node_child_by_field_id(value, g.f_function);
  for (const Finding& finding : *site.all_findings) {
    if (finding.rule->code == "EL402" && finding.qualified_name == "eventlet.event.Event" &&
        finding.range.start_byte == ts_node_start_byte(function) &&
        finding.range.end_byte == ts_node_end_byte(function))
      return true;
  }
  return false;
}

TextEdit rename(const MethodCall& call, std::string name) {
  return {ts_node_start_byte(call.method), ts_node_end_byte(call.method), std::move(name)};
}

// A valueless `send()` / `send(None)` as `set()` or `set_result(None)`.
void rewrite_send(std::vector<TextEdit>& edits, const MethodCall& call, std::string name, std::string arguments) {
  edits.push_back(rename(call, std::move(name)));
  edits.push_back({ts_node_start_byte(call.arguments), ts_node_end_byte(call.arguments), std::move(arguments)});
}

}  // namespace

std::vector<Rewrite> rewrite_event(const RewriteSite& site) {
  if (site.finding.rule->code != "EL402" || site.finding.qualified_name != "eventlet.event.Event" ||
      ts_node_is_null(site.call))
    return {};
  const auto variable = variable_holding(site.tree, site.call);
  if (!variable) return {};
  // Every binding must be a new Event (`self.done = Event()` again to "reset" it): all change together.
  std::vector<TSNode> constructors;
  for (const TSNode other : variable->assignments) {
    const TSNode value = ts_node_child_by_field_id(other, PythonGrammar::instance().f_right);
    if (!is_event_constructor(site, value)) return {};
    constructors.push_back(value);
  }

  std::vector<Use> kinds;
  bool carries_value = false;
  bool all_in_coroutines = true;
  bool any_in_coroutine = false;
  for (const VariableUse& use : variable->uses) {
    const auto kind = classify(site, use);
    if (!kind) return {};
    kinds.push_back(*kind);
    carries_value = carries_value || *kind == Use::SendValue || *kind == Use::SendException ||
                    *kind == Use::WaitForValue;
    all_in_coroutines = all_in_coroutines && use.in_async_def;
    any_in_coroutine = any_in_coroutine || use.in_async_def;
  }
  const std::string elsewhere = elsewhere_caveat(*variable);
  std::vector<TextEdit> edits;
  const auto construct = [&](const std::string& replacement) {
    for (const TSNode call : constructors)
      edits.push_back({ts_node_start_byte(call), ts_node_end_byte(call), replacement});
  };

  if (site.in_async_def) {
    if (carries_value || !all_in_coroutines) return {};
    construct("asyncio.Event()");
    for (std::size_t i = 0; i < kinds.size(); ++i) {
      const MethodCall& call = *variable->uses[i].method_call;
      if (kinds[i] == Use::Send) rewrite_send(edits, call, "set", "()");
      if (kinds[i] == Use::Ready) edits.push_back(rename(call, "is_set"));
      if (kinds[i] == Use::Wait) {
        if (!call.no_arguments) return {};  // asyncio.Event.wait takes no timeout
        const std::uint32_t start = ts_node_start_byte(call.call);
        edits.push_back({start, start, "await "});
      }
    }
    return {Rewrite{"Replace with `asyncio.Event` (unsafe: Eventlet's Event could be sent only once, an asyncio.Event "
                    "can be set again; it must be set from the event loop's thread" + elsewhere + ")",
                    FixSafety::Unsafe, MigrationTarget::Asyncio, std::move(edits), {{"asyncio", ""}}}};
  }

  if (any_in_coroutine) return {};  // a blocking wait inside a coroutine
  if (!carries_value) {
    construct("threading.Event()");
    for (std::size_t i = 0; i < kinds.size(); ++i) {
      const MethodCall& call = *variable->uses[i].method_call;
      if (kinds[i] == Use::Send) rewrite_send(edits, call, "set", "()");
      if (kinds[i] == Use::Ready) edits.push_back(rename(call, "is_set"));
    }
    return {Rewrite{"Replace with `threading.Event` (unsafe: Eventlet's Event could be sent only once, a "
                    "threading.Event can be set again; preemptive threads make races real" + elsewhere + ")",
                    FixSafety::Unsafe, MigrationTarget::Threading, std::move(edits), {{"threading", ""}}}};
  }

  construct("concurrent.futures.Future()");
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    const MethodCall& call = *variable->uses[i].method_call;
    switch (kinds[i]) {
      case Use::Send: rewrite_send(edits, call, "set_result", "(None)"); break;
      case Use::SendValue: edits.push_back(rename(call, "set_result")); break;
      case Use::SendException: edits.push_back(rename(call, "set_exception")); break;
      case Use::Wait:
      case Use::WaitForValue:
        if (!call.no_arguments) return {};  // wait(timeout) returned None, result(timeout) raises
        edits.push_back(rename(call, "result"));
        break;
      case Use::Ready: edits.push_back(rename(call, "done")); break;
    }
  }
  return {Rewrite{"Replace with a `concurrent.futures.Future` (unsafe: it can be set only once and never reset, "
                  "a second `set_result` raises InvalidStateError; preemptive threads make races real" +
                      elsewhere + ")",
                  FixSafety::Unsafe, MigrationTarget::Threading, std::move(edits), {{"concurrent.futures", ""}}}};
}

}  // namespace eventlet_lsp::analyzers
