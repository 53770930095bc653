// Lookup over the sorted catalog rows: aliases first, then the longest catalogued prefix.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "analyzers/catalog/api_table.h"

namespace eventlet_lsp::analyzers {

namespace {

bool is_eventlet_name(std::string_view name) {
  return name.starts_with("eventlet") && (name.size() == 8 || name[8] == '.');
}

// The alias whose name is the longest dotted prefix of `name`, if any.
const ApiAlias* longest_alias_prefix(std::string_view name) {
  const ApiAlias* best = nullptr;
  for (const ApiAlias& alias : api_aliases()) {
    if (!name.starts_with(alias.alias)) continue;
    if (name.size() != alias.alias.size() && name[alias.alias.size()] != '.') continue;
    if (best == nullptr || alias.alias.size() > best->alias.size()) best = &alias;
  }
  return best;
}

}  // namespace

std::string canonical_api_name(std::string_view qualified_name) {
  std::string name(qualified_name);
  // Aliases may chain (a re-export of a re-export); the bound stops a malformed table looping.
  for (int hops = 0; hops < 8; ++hops) {
    const ApiAlias* alias = longest_alias_prefix(name);
    if (alias == nullptr) break;
    name = std::string(alias->target) + name.substr(alias->alias.size());
  }
  return name;
}

const ApiEntry* find_api_exact(std::string_view canonical_name) {
  const auto entries = api_entries();
  auto it = std::lower_bound(entries.begin(), entries.end(), canonical_name,
                             [](const ApiEntry& entry, std::string_view key) {
                               return entry.qualified_name < key;
                             });
  if (it != entries.end() && it->qualified_name == canonical_name) return &*it;
  return nullptr;
}

namespace {

ApiMatch compute_lookup(std::string_view qualified_name);

}  // namespace

ApiMatch lookup_api(std::string_view qualified_name) {
  if (!is_eventlet_name(qualified_name)) return {};
  // A file asks for the same few names over and over (every keystroke in the language server
  // analyses the file again): remember them, per thread, within a bound.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  thread_local std::unordered_map<std::string, ApiMatch, Hash, std::equal_to<>> memo;
  if (const auto it = memo.find(qualified_name); it != memo.end()) return it->second;
  if (memo.size() >= 4096) memo.clear();
  return memo.emplace(std::string(qualified_name), compute_lookup(qualified_name)).first->second;
}

namespace {

ApiMatch compute_lookup(std::string_view qualified_name) {
  ApiMatch match;
  match.canonical = canonical_api_name(qualified_name);
  std::string_view name = match.canonical;
  if (const ApiEntry* exact = find_api_exact(name)) {
    match.entry = exact;
    match.exact = true;
    return match;
  }
  // Longest catalogued prefix decides what covers the rest of the name.
  std::string_view prefix = name;
  while (true) {
    const auto dot = prefix.rfind('.');
    if (dot == std::string_view::npos) break;
    prefix = prefix.substr(0, dot);
    const ApiEntry* entry = find_api_exact(prefix);
    if (entry == nullptr) continue;
    match.entry = entry;
    // A drop-in module covers every attribute; a class or function covers its own members
    // and attributes. A module with an explicit public list does not know this name.
    if (entry->kind == ApiKind::Module && !entry->open_namespace) match.unknown = true;
    return match;
  }
  match.unknown = true;
  return match;
}

}  // namespace

}  // namespace eventlet_lsp::analyzers
