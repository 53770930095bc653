#include "server/features/inventory.h"

#include <algorithm>

#include "analyzers/catalog/rule.h"
#include "analyzers/catalog/rule_registry.h"

namespace eventlet_lsp::server {

using nlohmann::json;

RuleCounts count_rules(const std::vector<analyzers::Finding>& findings, const analyzers::Settings& settings) {
  // Counted per rule first (a dozen at most, hundreds of findings on every keystroke), then
  // asked of the settings and named once each.
  std::vector<std::pair<const analyzers::RuleDefinition*, std::size_t>> per_rule;
  for (const analyzers::Finding& finding : findings) {
    auto it = std::find_if(per_rule.begin(), per_rule.end(), [&](const auto& entry) { return entry.first == finding.rule; });
    if (it == per_rule.end()) it = per_rule.insert(per_rule.end(), {finding.rule, 0});
    ++it->second;
  }
  RuleCounts counts;
  for (const auto& [rule, count] : per_rule) {
    if (settings.is_enabled(*rule)) counts[std::string(rule->code)] += count;
  }
  return counts;
}

std::size_t total_usages(const RuleCounts& counts) {
  std::size_t total = 0;
  for (const auto& [code, count] : counts) total += count;
  return total;
}

namespace {

struct Tally {
  std::size_t usages = 0;
  std::size_t files = 0;
};

}  // namespace

json inventory_report(const std::vector<InventoryFile>& files, bool indexing) {
  std::map<analyzers::Scenario, Tally> scenarios;
  std::map<std::string, Tally, std::less<>> rules;
  std::vector<std::pair<std::size_t, const InventoryFile*>> affected;
  std::size_t usages = 0;
  for (const InventoryFile& file : files) {
    const std::size_t file_usages = total_usages(*file.rules);
    if (file_usages == 0) continue;
    usages += file_usages;
    affected.emplace_back(file_usages, &file);
    std::map<analyzers::Scenario, std::size_t> file_scenarios;
    for (const auto& [code, count] : *file.rules) {
      if (count == 0) continue;
      Tally& rule = rules[code];
      rule.usages += count;
      ++rule.files;
      if (const analyzers::RuleDefinition* definition = analyzers::find_rule(code)) {
        file_scenarios[definition->scenario] += count;
      }
    }
    for (const auto& [scenario, count] : file_scenarios) {
      scenarios[scenario].usages += count;
      ++scenarios[scenario].files;
    }
  }

  json scenario_list = json::array();
  for (const auto& [scenario, tally] : scenarios) {  // the enum follows the guide's order
    scenario_list.push_back({{"scenario", analyzers::scenario_slug(scenario)},
                             {"title", analyzers::to_string(scenario)},
                             {"usages", tally.usages},
                             {"files", tally.files}});
  }

  std::vector<std::pair<std::string_view, Tally>> ranked_rules(rules.begin(), rules.end());
  std::stable_sort(ranked_rules.begin(), ranked_rules.end(),
                   [](const auto& a, const auto& b) { return a.second.usages > b.second.usages; });
  json rule_list = json::array();
  for (const auto& [code, tally] : ranked_rules) {
    const analyzers::RuleDefinition* definition = analyzers::find_rule(code);
    rule_list.push_back({{"code", code},
                         {"name", definition ? definition->name : std::string_view()},
                         {"scenario", definition ? analyzers::scenario_slug(definition->scenario) : std::string_view()},
                         {"usages", tally.usages},
                         {"files", tally.files}});
  }

  std::stable_sort(affected.begin(), affected.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second->uri < b.second->uri;
  });
  json file_list = json::array();
  for (const auto& [file_usages, file] : affected) {
    json per_rule = json::object();
    for (const auto& [code, count] : *file->rules) {
      if (count > 0) per_rule[code] = count;
    }
    file_list.push_back({{"uri", file->uri}, {"usages", file_usages}, {"rules", std::move(per_rule)}});
  }

  return json{{"indexing", indexing},
              {"filesScanned", files.size()},
              {"filesAffected", affected.size()},
              {"usages", usages},
              {"scenarios", std::move(scenario_list)},
              {"rules", std::move(rule_list)},
              {"files", std::move(file_list)}};
}

json inventory_totals_json(const InventoryTotals& totals) {
  return json{{"usages", totals.usages}, {"filesAffected", totals.files_affected}, {"indexing", totals.indexing}};
}

}  // namespace eventlet_lsp::server
