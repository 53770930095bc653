// The migration inventory of the workspace (the guide's audit in numbers): usages per scenario,
// per rule and per file, for the eventletLsp/inventory request and the status bar count that
// eventletLsp/inventoryChanged keeps current.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzers/config/settings.h"
#include "analyzers/core/finding.h"

namespace eventlet_lsp::server {

// Rule code -> number of findings, per enabled rule: those published, and those a `# noqa`
// hides (counted so that nothing is hidden without saying so).
struct RuleCounts {
  std::map<std::string, std::size_t, std::less<>> reported;
  std::map<std::string, std::size_t, std::less<>> suppressed;
  bool operator==(const RuleCounts&) const = default;
};

RuleCounts count_rules(const std::vector<analyzers::Finding>& findings, const analyzers::Settings& settings);
std::size_t total_usages(const RuleCounts& counts);

struct InventoryFile {
  std::string_view uri;
  const RuleCounts* rules;
};

struct InventoryTotals {
  std::size_t usages = 0;
  std::size_t files_affected = 0;
  bool indexing = false;
  bool operator==(const InventoryTotals&) const = default;
};

// The eventletLsp/inventory result: totals, then scenarios in the guide's order, rules by
// usages, files by usages (every list holds only what has usages), and what `# noqa` hides.
nlohmann::json inventory_report(const std::vector<InventoryFile>& files, bool indexing);

// The eventletLsp/inventoryChanged parameters.
nlohmann::json inventory_totals_json(const InventoryTotals& totals);

}  // namespace eventlet_lsp::server
