#include "server/features/hover.h"

#include <optional>

#include "analyzers/catalog/api_table.h"
#include "analyzers/catalog/rule_registry.h"
#include "analyzers/explain/usage_explanation.h"
#include "analyzers/parse/python_grammar.h"
#include "analyzers/python/syntax_path.h"
#include "protocol/lsp/positions.h"

namespace eventlet_lsp::server {

using nlohmann::json;

namespace {

// In `from eventlet.green import socket as s` or `import eventlet.greenthread`, the Eventlet
// name the word under the cursor imports: the module for a module path segment, module + name
// for an imported name. The import's own finding (EL001) only says that the module is imported.
std::optional<analyzers::Finding> imported_name_at(const Document& document, std::uint32_t offset,
                                                   const analyzers::Finding& import) {
  using analyzers::NodeKind;
  const analyzers::PythonGrammar& g = analyzers::PythonGrammar::instance();
  const analyzers::SyntaxPath path = analyzers::syntax_path_at(document.tree, offset);
  if (path.empty() || path.back().kind != NodeKind::Identifier) return std::nullopt;
  std::size_t dotted = path.size();
  for (std::size_t i = path.size(); i-- > 0;) {
    if (path[i].kind == NodeKind::DottedName) {
      dotted = i;
      break;
    }
  }
  if (dotted == path.size() || dotted == 0) return std::nullopt;
  auto text = [&](TSNode node) { return std::string(document.tree.text(node)); };
  // The segments of the dotted name up to and including the one under the cursor.
  std::string name;
  const TSNode dotted_node = path[dotted].node;
  for (std::uint32_t k = 0; k < ts_node_named_child_count(dotted_node); ++k) {
    const TSNode segment = ts_node_named_child(dotted_node, k);
    if (!name.empty()) name += '.';
    name += text(segment);
    if (ts_node_end_byte(segment) > offset) break;
  }
  std::size_t statement = dotted;
  while (statement > 0 && path[statement].kind != NodeKind::ImportFromStatement &&
         path[statement].kind != NodeKind::ImportStatement) {
    --statement;
  }
  if (path[statement].kind == NodeKind::ImportFromStatement) {
    const TSNode module = ts_node_child_by_field_id(path[statement].node, g.f_module_name);
    if (!ts_node_eq(module, dotted_node)) name = text(module) + "." + name;
  }
  const analyzers::ApiMatch match = analyzers::lookup_api(name);
  if (match.entry == nullptr) return std::nullopt;
  analyzers::Finding finding = import;
  finding.rule = &analyzers::rule(match.unknown ? "EL002" : match.entry->rule_code);
  finding.qualified_name = match.canonical;
  finding.range = analyzers::range_of(path.back().node);
  return finding;
}

}  // namespace

json hover_at(const Document& document, std::uint32_t offset, const analyzers::Settings& settings, bool markdown,
              protocol::PositionEncoding encoding) {
  const analyzers::Finding* best = nullptr;
  for (const analyzers::Finding& finding : document.findings) {
    if (!settings.reports(finding)) continue;
    if (offset < finding.range.start_byte || offset >= finding.range.end_byte) continue;
    // The innermost use under the cursor (`pool.imap` rather than a whole import statement);
    // between equal ranges, the scenario rule rather than the async-def note.
    const auto width = [](const analyzers::Finding& f) { return f.range.end_byte - f.range.start_byte; };
    if (best == nullptr || width(finding) < width(*best) ||
        (width(finding) == width(*best) && best->rule->code == "EL004")) {
      best = &finding;
    }
  }
  if (best == nullptr) return nullptr;
  std::optional<analyzers::Finding> imported;
  if (best->rule->code == "EL001" && document.is_python()) {
    imported = imported_name_at(document, offset, *best);
    if (imported) best = &*imported;
  }
  analyzers::ExplanationOptions options;
  options.format = markdown ? analyzers::TextFormat::Markdown : analyzers::TextFormat::PlainText;
  options.guide_base_url = settings.guide_base_url;
  options.target = settings.target;
  const auto& range = best->range;
  return json{{"contents", {{"kind", markdown ? "markdown" : "plaintext"},
                            {"value", analyzers::explain_finding(*best, options)}}},
              {"range", protocol::range_to_json(document.index->position(range.start_byte, encoding),
                                                document.index->position(range.end_byte, encoding))}};
}

}  // namespace eventlet_lsp::server
