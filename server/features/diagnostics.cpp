#include "server/features/diagnostics.h"

#include <algorithm>

#include "analyzers/catalog/rule.h"
#include "protocol/jsonrpc/json_text.h"
#include "protocol/lsp/positions.h"

namespace eventlet_lsp::server {

using nlohmann::json;

int lsp_severity(analyzers::Severity severity) {
  switch (severity) {
    case analyzers::Severity::Error: return 1;
    case analyzers::Severity::Warning: return 2;
    case analyzers::Severity::Information: return 3;
    case analyzers::Severity::Hint: return 4;
  }
  return 2;
}

namespace {

json lsp_range(const analyzers::SourceRange& range, const protocol::LineIndex& index,
               protocol::PositionEncoding encoding) {
  // From byte offsets: tree-sitter's rows count "\n" only, LSP also ends lines at a lone "\r".
  return protocol::range_to_json(index.position(range.start_byte, encoding), index.position(range.end_byte, encoding));
}

// Uses of Eventlet's API are deprecated code; inventory of imports and planning files are not.
bool is_api_use(const analyzers::RuleDefinition& rule) {
  return rule.scenario != analyzers::Scenario::Planning && rule.code != "EL001" &&
         rule.code != "EL003";
}

bool deprecated(const analyzers::RuleDefinition& rule, const DiagnosticOptions& options) {
  return options.deprecated_tags && options.client.diagnostic_deprecated_tag && is_api_use(rule);
}

bool with_related(const analyzers::Finding& finding, const DiagnosticOptions& options) {
  return finding.related && options.client.diagnostic_related_information;
}

void append_position(std::string& out, const protocol::Position& position) {
  out += "{\"character\":";
  protocol::append_json_number(out, position.character);
  out += ",\"line\":";
  protocol::append_json_number(out, position.line);
  out += '}';
}

void append_range(std::string& out, const analyzers::SourceRange& range, const protocol::LineIndex& index,
                  protocol::PositionEncoding encoding) {
  out += "{\"end\":";
  append_position(out, index.position(range.end_byte, encoding));
  out += ",\"start\":";
  append_position(out, index.position(range.start_byte, encoding));
  out += '}';
}

}  // namespace

namespace {

// What a diagnostic owes to its rule alone, written once per rule per publish: a dense file has
// hundreds of findings of a dozen rules, and the settings' answers cost lookups.
struct RuleText {
  const analyzers::RuleDefinition* rule = nullptr;
  bool enabled = false;
  std::string before_name;   // {"code":…,"codeDescription":{…},"data":{"qualifiedName":
  std::string before_message;  // ,"rule":…,"scenario":…},"message":
  std::string after_range;   // ,"severity":…,"source":…,"tags":…}  (after relatedInformation)
};

RuleText rule_text(const analyzers::RuleDefinition& rule, const DiagnosticOptions& options) {
  using protocol::append_json_string;
  RuleText text;
  text.rule = &rule;
  text.enabled = options.settings.is_enabled(rule);
  if (!text.enabled) return text;
  text.before_name = "{\"code\":";
  append_json_string(text.before_name, rule.code);
  text.before_name += ",\"codeDescription\":{\"href\":";
  append_json_string(text.before_name, options.settings.guide_base_url + std::string(rule.guide_path));
  text.before_name += "},\"data\":{\"qualifiedName\":";
  text.before_message = ",\"rule\":";
  append_json_string(text.before_message, rule.name);
  text.before_message += ",\"scenario\":";
  append_json_string(text.before_message, analyzers::scenario_slug(rule.scenario));
  text.before_message += "},\"message\":";
  text.after_range = ",\"severity\":";
  protocol::append_json_number(text.after_range, lsp_severity(options.settings.severity_of(rule)));
  text.after_range += ",\"source\":\"eventlet-lsp\"";
  if (deprecated(rule, options)) text.after_range += ",\"tags\":[2]";
  text.after_range += '}';
  return text;
}

}  // namespace

void append_lsp_diagnostics(std::string& out, const std::vector<analyzers::Finding>& findings,
                            const protocol::LineIndex& index, const std::string& uri,
                            const DiagnosticOptions& options) {
  // Keys in nlohmann's (sorted) order, so that both paths give the same bytes.
  using protocol::append_json_string;
  const protocol::PositionEncoding encoding = options.client.encoding;
  std::vector<RuleText> rules;  // a dozen at most: a scan beats hashing
  out += '[';
  bool first = true;
  for (const analyzers::Finding& finding : findings) {
    auto known = std::find_if(rules.begin(), rules.end(), [&](const RuleText& text) { return text.rule == finding.rule; });
    if (known == rules.end()) known = rules.insert(rules.end(), rule_text(*finding.rule, options));
    const RuleText& rule = *known;
    if (!rule.enabled || options.settings.hides(finding)) continue;
    if (!first) out += ',';
    first = false;
    out += rule.before_name;
    append_json_string(out, finding.qualified_name);
    out += rule.before_message;
    append_json_string(out, finding.message);
    out += ",\"range\":";
    append_range(out, finding.range, index, encoding);
    if (with_related(finding, options)) {
      out += ",\"relatedInformation\":[{\"location\":{\"range\":";
      append_range(out, finding.related->range, index, encoding);
      out += ",\"uri\":";
      append_json_string(out, uri);
      out += "},\"message\":";
      append_json_string(out, finding.related->message);
      out += "}]";
    }
    out += rule.after_range;
  }
  out += ']';
}

json to_lsp_diagnostics(const std::vector<analyzers::Finding>& findings, const protocol::LineIndex& index,
                        const std::string& uri, const DiagnosticOptions& options) {
  json diagnostics = json::array();
  const protocol::PositionEncoding encoding = options.client.encoding;
  for (const analyzers::Finding& finding : findings) {
    const analyzers::RuleDefinition& rule = *finding.rule;
    if (!options.settings.reports(finding)) continue;
    json diagnostic{
        {"range", lsp_range(finding.range, index, encoding)},
        {"severity", lsp_severity(options.settings.severity_of(rule))},
        {"code", rule.code},
        {"codeDescription", {{"href", options.settings.guide_base_url + std::string(rule.guide_path)}}},
        {"source", "eventlet-lsp"},
        {"message", finding.message},
        {"data", {{"scenario", analyzers::scenario_slug(rule.scenario)},
                  {"rule", rule.name},
                  {"qualifiedName", finding.qualified_name}}},
    };
    if (deprecated(rule, options)) diagnostic["tags"] = json::array({2});
    if (with_related(finding, options)) {
      diagnostic["relatedInformation"] = json::array(
          {{{"location", {{"uri", uri}, {"range", lsp_range(finding.related->range, index, encoding)}}},
            {"message", finding.related->message}}});
    }
    diagnostics.push_back(std::move(diagnostic));
  }
  return diagnostics;
}

}  // namespace eventlet_lsp::server
