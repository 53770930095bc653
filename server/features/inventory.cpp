#include "server/features/inventory.h"

#include <algorithm>

#include "analyzers/catalog/rule.h"
#include "analyzers/catalog/rule_registry.h"

namespace eventlet_lsp::server {

using nlohmann::json;

RuleCounts count_rules(const std::vector<analyzers::Finding>& findings, const analyzers::Settings& settings) {
  // Counted per rule and mark first (a dozen at most, hundreds of findings on every keystroke),
  // then asked of the settings and named once each.
  struct PerRule {
    const analyzers::RuleDefinition* rule;
    analyzers::Suppression suppression;
    std::size_t count;
  };
  std::vector<PerRule> per_rule;
  for (const analyzers::Finding& finding : findings) {
    auto it = std::find_if(per_rule.begin(), per_rule.end(), [&](const PerRule& entry) {
      return entry.rule == finding.rule && entry.suppression == finding.suppression;
    });
    if (it == per_rule.end()) it = per_rule.insert(per_rule.end(), {finding.rule, finding.suppression, 0});
    ++it->count;
  }
  RuleCounts counts;
  for (const PerRule& entry : per_rule) {
    if (!settings.is_enabled(*entry.rule)) continue;
    auto& into = settings.hides(entry.suppression) ? counts.suppressed : counts.reported;
    into[std::string(entry.rule->code)] += entry.count;
  }
  return counts;
}

std::size_t total_usages(const RuleCounts& counts) {
  std::size_t total = 0;
  for (const auto& [code, count] : counts.reported) total += count;
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
  std::map<std::string, std::size_t, std::less<>> suppressed;
  std::size_t suppressed_total = 0;
  for (const InventoryFile& file : files) {
    for (const auto& [code, count] : file.rules->suppressed) {
      suppressed[code] += count;
      suppressed_total += count;
    }
    const std::size_t file_usages = total_usages(*file.rules);
    if (file_usages == 0) continue;
    usages += file_usages;
    affected.emplace_back(file_usages, &file);
    std::map<analyzers::Scenario, std::size_t> file_scenarios;
    for (const auto& [code, count] : file.rules->reported) {
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
    for (const auto& [code, count] : file->rules->reported) {
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
              {"files", std::move(file_list)},
              {"suppressed", {{"usages", suppressed_total}, {"rules", suppressed}}}};
}

json inventory_totals_json(const InventoryTotals& totals) {
  return json{{"usages", totals.usages}, {"filesAffected", totals.files_affected}, {"indexing", totals.indexing}};
}

}  // namespace eventlet_lsp::server
