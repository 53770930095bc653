// The catalog of Eventlet's public API: one row per qualified name. Data, not logic.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace eventlet_lsp::analyzers {

enum class ApiKind : std::uint8_t { Module, Class, Function, Method, Attribute, Exception };

// How the analyzer refines an API's rule from the code around the use.
enum class ApiContext : std::uint8_t {
  None,
  Spawn,        // result discarded (EL301) or kept (EL501)
  MonkeyPatch,  // unconditional (EL801) or behind a toggle (EL802)
  Sleep,        // sleep(0) / sleep() is a cooperative yield (EL505), else a real sleep (EL504)
  ImportPatched // import_patched of an HTTP client library is a network call (EL202)
};

struct ApiEntry {
  std::string_view qualified_name;  // canonical: where Eventlet defines it
  ApiKind kind;
  std::string_view rule_code;       // the rule a use reports, before context refinement
  std::string_view summary;         // what it does, one sentence
  std::string_view asyncio = {};    // replacement under asyncio (overrides the rule's)
  std::string_view threading = {};  // replacement under threading (overrides the rule's)
  std::string_view trap = {};       // semantic trap specific to this API
  std::string_view docs_url = {};   // Eventlet's API reference
  // For factories and classes: the class whose instance the call returns (instance tracking).
  std::string_view returns = {};
  ApiContext context = ApiContext::None;
  // A module whose every attribute is the drop-in stdlib clone (eventlet.green.*): any child
  // name is covered by this row instead of being unknown.
  bool open_namespace = false;
};

// A re-export: `eventlet.spawn` is `eventlet.greenthread.spawn`.
struct ApiAlias {
  std::string_view alias;
  std::string_view target;
};

std::span<const ApiEntry> api_entries();
std::span<const ApiAlias> api_aliases();

// The result of looking a dotted name up.
struct ApiMatch {
  const ApiEntry* entry = nullptr;  // the row that covers the name (exact, or an open module / class)
  std::string canonical;            // the name after aliases are followed
  bool exact = false;               // entry->qualified_name == canonical
  bool unknown = false;             // under eventlet but not in the catalog (EL002)
};

// Looks up any name starting with "eventlet". Returns entry == nullptr and unknown == false for
// names outside Eventlet.
ApiMatch lookup_api(std::string_view qualified_name);

// The row for exactly this canonical name, or nullptr.
const ApiEntry* find_api_exact(std::string_view canonical_name);

// Follows aliases: "eventlet.Timeout.cancel" -> "eventlet.timeout.Timeout.cancel".
std::string canonical_api_name(std::string_view qualified_name);

}  // namespace eventlet_lsp::analyzers
