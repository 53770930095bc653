#include "server/features/code_actions.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "analyzers/catalog/rule.h"
#include "analyzers/fixes/fix_engine.h"
#include "analyzers/fixes/noqa_comment.h"
#include "protocol/lsp/positions.h"
#include "server/features/diagnostics.h"

namespace eventlet_lsp::server {

using nlohmann::json;

namespace {

constexpr const char* kFixAllKind = "source.fixAll.eventlet-lsp";

json lsp_edits(const Document& document, const std::vector<analyzers::TextEdit>& edits,
               protocol::PositionEncoding encoding) {
  json result = json::array();
  for (const analyzers::TextEdit& edit : edits) {
    result.push_back({{"range", protocol::range_to_json(document.index->position(edit.start, encoding),
                                                        document.index->position(edit.end, encoding))},
                      {"newText", edit.replacement}});
  }
  return result;
}

json workspace_edit(const Document& document, json edits) {
  return json{{"changes", {{document.uri, std::move(edits)}}}};
}

bool wanted(const json& only, std::string_view kind) {
  if (!only.is_array()) return true;
  for (const json& item : only) {
    if (!item.is_string()) continue;
    const std::string prefix = item.get<std::string>();
    if (kind == prefix || (kind.starts_with(prefix) && kind.size() > prefix.size() && kind[prefix.size()] == '.'))
      return true;
  }
  return false;
}

// Whether a fix-all would do anything: stops at the first finding with a safe fix.
bool has_safe_fix(const Document& document, const std::vector<analyzers::Finding>& findings,
                  const analyzers::Settings& settings, analyzers::PythonParser& parser) {
  for (const analyzers::Finding& finding : findings) {
    for (const analyzers::Fix& fix : analyzers::fixes_for_finding(document.tree, finding, findings, settings.target, parser)) {
      if (fix.target == settings.target && settings.fix_is_safe(*finding.rule, fix.safety == analyzers::FixSafety::Safe))
        return true;
    }
  }
  return false;
}

// The whole document replaced by `text`, as one edit.
json replace_all(const Document& document, const std::string& text, protocol::PositionEncoding encoding) {
  return json::array({{{"range", protocol::range_to_json(document.index->position(0, encoding),
                                                         document.index->position(
                                                             static_cast<std::uint32_t>(document.source().size()), encoding))},
                       {"newText", text}}});
}

}  // namespace

json code_actions(const Document& document, const CodeActionRequest& request, const analyzers::Settings& settings,
                  const protocol::ClientCapabilities& client, analyzers::PythonParser& parser) {
  json actions = json::array();
  if (!document.is_python()) return actions;
  const protocol::PositionEncoding encoding = client.encoding;
  std::vector<analyzers::Finding> findings;
  for (const analyzers::Finding& finding : document.findings) {
    if (settings.reports(finding)) findings.push_back(finding);
  }
  std::set<std::string_view> rules_here;
  for (const analyzers::Finding& finding : findings) {
    const bool overlaps = finding.range.start_byte <= request.end && request.start <= finding.range.end_byte;
    if (!overlaps) continue;
    const json diagnostic = to_lsp_diagnostics({finding}, *document.index, document.uri,
                                               DiagnosticOptions{settings, client, true})[0];
    if (wanted(request.only, "quickfix")) {
      for (const analyzers::Fix& fix :
           analyzers::fixes_for_finding(document.tree, finding, findings, settings.target, parser)) {
        actions.push_back({{"title", fix.title},
                           {"kind", "quickfix"},
                           {"diagnostics", json::array({diagnostic})},
                           {"isPreferred", settings.fix_is_safe(*finding.rule, fix.safety == analyzers::FixSafety::Safe) &&
                                               fix.target == settings.target},
                           {"edit", workspace_edit(document, lsp_edits(document, fix.edits, encoding))}});
      }
      // `# noqa: EL301` at the end of the finding's line (or joined to the line's coded noqa).
      const std::string code(finding.rule->code);
      const analyzers::TextEdit noqa = analyzers::noqa_comment_edit(document.tree, finding);
      actions.push_back({{"title", "Disable " + code + " for this line"},
                         {"kind", "quickfix"},
                         {"diagnostics", json::array({diagnostic})},
                         {"edit", workspace_edit(document, lsp_edits(document, {noqa}, encoding))}});
      rules_here.insert(finding.rule->code);
    }
  }
  // Fix every usage of a rule under the cursor in this file (safe fixes only, as fix-all). A
  // whole-file pass costs more than a quick fix: clients that resolve get the edit on demand.
  for (std::string_view code : rules_here) {
    const std::size_t count = std::count_if(findings.begin(), findings.end(),
                                            [&](const analyzers::Finding& f) { return f.rule->code == code; });
    if (count < 2) continue;
    json action{{"title", "Fix all " + std::string(code) + " in this file (safe fixes)"}, {"kind", "quickfix"},
                {"data", {{"uri", document.uri}, {"rule", std::string(code)}, {"version", document.version}}}};
    if (!client.code_action_resolve) {
      action = resolve_code_action(document, action, settings, client, parser);
      if (!action.contains("edit")) continue;
    }
    actions.push_back(std::move(action));
  }
  if (wanted(request.only, kFixAllKind) && request.only.is_array()) {
    json action{{"title", "Fix all Eventlet usages with safe fixes"}, {"kind", kFixAllKind},
                {"data", {{"uri", document.uri}, {"rule", nullptr}, {"version", document.version}}}};
    if (!client.code_action_resolve) {
      action = resolve_code_action(document, action, settings, client, parser);
      if (action.contains("edit")) actions.push_back(std::move(action));
    } else if (has_safe_fix(document, findings, settings, parser)) {
      actions.push_back(std::move(action));  // its edit comes with codeAction/resolve
    }
  }
  return actions;
}

json resolve_code_action(const Document& document, json action, const analyzers::Settings& settings,
                         const protocol::ClientCapabilities& client, analyzers::PythonParser& parser) {
  const json data = action.value("data", json::object());
  std::optional<std::string> rule;
  if (data.is_object() && data.contains("rule") && data["rule"].is_string()) rule = data["rule"].get<std::string>();
  const analyzers::FileFixResult result =
      analyzers::fix_file(document.source(), analyzers::FileFixOptions{settings, false, rule}, parser);
  if (result.text != document.source()) {
    action["edit"] = workspace_edit(document, replace_all(document, result.text, client.encoding));
  }
  return action;
}

}  // namespace eventlet_lsp::server
