#include <nlohmann/json.hpp>

#include <map>
#include <ostream>

#include "analyzers/catalog/rule_registry.h"
#include "protocol/lsp/uri.h"
#include "server/cli/report/check_report.h"

namespace eventlet_lsp::server {

namespace {

const char* sarif_level(analyzers::Severity severity) {
  switch (severity) {
    case analyzers::Severity::Error: return "error";
    case analyzers::Severity::Warning: return "warning";
    default: return "note";
  }
}

// Up to the first ". " that ends a sentence (followed by a capital), not one inside code.
std::string first_sentence(std::string_view text) {
  for (std::size_t end = text.find(". "); end != std::string_view::npos; end = text.find(". ", end + 1)) {
    const std::size_t next = end + 2;
    if (next < text.size() && std::isupper(static_cast<unsigned char>(text[next]))) {
      return std::string(text.substr(0, end + 1));
    }
  }
  return std::string(text);
}

// SARIF wants URI references: relative paths stay relative (to the run's working directory).
std::string artifact_uri(const std::string& path) { return protocol::percent_encode_path(path); }

}  // namespace

void write_sarif_report(std::ostream& out, const CheckReport& report, const std::string& guide_base_url) {
  using json = nlohmann::ordered_json;
  json rules = json::array();
  std::map<std::string_view, std::size_t> rule_index;
  for (const analyzers::RuleDefinition* rule : analyzers::all_rules()) {
    rule_index[rule->code] = rules.size();
    rules.push_back({
        {"id", rule->code},
        {"name", rule->name},
        {"shortDescription", {{"text", first_sentence(rule->docs.what_it_does)}}},
        {"fullDescription", {{"text", std::string(rule->docs.why_is_this_bad)}}},
        {"helpUri", rule_url(*rule, guide_base_url)},
        {"defaultConfiguration", {{"level", sarif_level(rule->default_severity)}}},
        {"properties", {{"scenario", analyzers::scenario_slug(rule->scenario)}}},
    });
  }
  json results = json::array();
  for (const ReportedFinding* row : rows_in_order(report)) {
    const ReportedFinding& finding = *row;
    results.push_back({
        {"ruleId", finding.rule->code},
        {"ruleIndex", rule_index[finding.rule->code]},
        {"level", sarif_level(finding.severity)},
        {"message", {{"text", finding.message}}},
        {"locations",
         json::array({{{"physicalLocation",
                        {{"artifactLocation", {{"uri", artifact_uri(finding.path)}}},
                         {"region",
                          {{"startLine", finding.line},
                           {"startColumn", finding.column},
                           {"endLine", finding.end_line},
                           {"endColumn", finding.end_column}}}}}}})},
        {"properties", {{"qualifiedName", finding.qualified_name}}},
    });
    // A `# noqa` in the source: SARIF viewers list it as suppressed, not as an open alert.
    if (finding.suppressed) results.back()["suppressions"] = json::array({{{"kind", "inSource"}}});
  }
  json notifications = json::array();
  for (const ReportedProblem& problem : report.problems) {
    notifications.push_back({
        {"level", "warning"},
        {"message", {{"text", problem.message}}},
        {"locations", json::array({{{"physicalLocation", {{"artifactLocation", {{"uri", artifact_uri(problem.path)}}}}}}})},
    });
  }
  json sarif = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       json::array({{
           {"tool",
            {{"driver",
              {{"name", "eventlet-lsp"},
               {"version", EVENTLET_LSP_VERSION},
               {"informationUri", guide_base_url + "/guide/preparing-for-migration/"},
               {"rules", rules}}}}},
           {"columnKind", "unicodeCodePoints"},
           {"results", results},
           {"invocations", json::array({{{"executionSuccessful", true},
                                         {"toolExecutionNotifications", notifications}}})},
       }})},
  };
  out << sarif.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace eventlet_lsp::server
