#include "analyzers/python/definition_reanalysis.h"

#include <algorithm>

#include "analyzers/parse/python_grammar.h"
#include "analyzers/python/binding_collector.h"
#include "analyzers/python/python_analyzer.h"
#include "analyzers/python/search_area.h"
#include "analyzers/python/syntax_path.h"

namespace eventlet_lsp::analyzers {

namespace {

// A top-level function or class whose body starts on a line of its own.
struct Definition {
  TSNode statement;  // the module's child (a decorated definition includes its decorators)
  TSNode body;
};

std::optional<Definition> definition_of(TSNode statement, const PythonGrammar& g) {
  if (ts_node_is_null(statement)) return std::nullopt;
  TSNode definition = statement;
  if (g.kind(statement) == NodeKind::DecoratedDefinition) definition = ts_node_child_by_field_id(statement, g.f_definition);
  if (ts_node_is_null(definition)) return std::nullopt;
  const NodeKind kind = g.kind(definition);
  if (kind != NodeKind::FunctionDefinition && kind != NodeKind::ClassDefinition) return std::nullopt;
  const TSNode body = ts_node_child_by_field_id(definition, g.f_body);
  if (ts_node_is_null(body) || g.kind(body) != NodeKind::Block) return std::nullopt;
  if (ts_node_start_point(body).row <= ts_node_start_point(definition).row) return std::nullopt;
  return Definition{statement, body};
}

bool is_blank_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

// The module's statement that holds the last byte before `byte` that is not blank: the one an
// edit starting at `byte` lies in, or follows on blank lines.
TSNode top_level_statement_before(const SyntaxTree& tree, std::string_view text, std::uint32_t byte) {
  std::uint32_t at = std::min<std::uint32_t>(byte, static_cast<std::uint32_t>(text.size()));
  while (at > 0 && is_blank_byte(text[at - 1])) --at;
  if (at == 0) return TSNode{};
  const std::vector<TSNode>& statements = tree.top_level_statements();
  if (!statements.empty()) {
    // The first statement ending after the byte at - 1, if it starts at or before it.
    const auto it = std::partition_point(statements.begin(), statements.end(),
                                         [&](TSNode node) { return ts_node_end_byte(node) < at; });
    return it != statements.end() && ts_node_start_byte(*it) < at ? *it : TSNode{};
  }
  TSNode found{};
  TSTreeCursor cursor = ts_tree_cursor_new(tree.root());
  if (ts_tree_cursor_goto_first_child_for_byte(&cursor, at) >= 0) {
    const TSNode child = ts_tree_cursor_current_node(&cursor);
    if (ts_node_start_byte(child) < at) found = child;
  }
  ts_tree_cursor_delete(&cursor);
  return found;
}

// After the line break that ends the line holding `byte` (or the end of the text).
std::uint32_t end_of_line(std::string_view text, std::uint32_t byte) {
  const std::size_t line_break = text.find('\n', byte);
  return static_cast<std::uint32_t>(line_break == std::string_view::npos ? text.size() : line_break + 1);
}

bool is_blank(std::string_view text) { return std::all_of(text.begin(), text.end(), is_blank_byte); }

// Where a definition's findings can be, in one text: from its start to the end of its last line,
// and over the edit's region when that goes on past it on blank lines. Nullopt when the edit
// changed a byte of the header (up to the colon) or the region reaches outside the definition
// otherwise.
std::optional<ByteSpan> definition_zone(const Definition& definition, std::string_view text, ByteSpan region,
                                        std::uint32_t first_changed_byte) {
  // The header's text is the same in both (the symbols and body starts are compared too). A
  // syntax error between the header and the body (an ERROR child instead of the colon) holds
  // code the binding pass counts in the enclosing scope: then the way is closed.
  const TSNode colon = ts_node_prev_sibling(definition.body);
  if (ts_node_is_null(colon) || std::string_view(ts_node_type(colon)) != ":" ||
      first_changed_byte < ts_node_end_byte(colon))
    return std::nullopt;
  const std::uint32_t end = end_of_line(text, ts_node_end_byte(definition.statement));
  if (region.end > end && !is_blank(text.substr(std::max(region.start, end), region.end - std::max(region.start, end))))
    return std::nullopt;
  return ByteSpan{ts_node_start_byte(definition.statement), std::max(end, region.end)};
}

// The whole text but the bodies of the module's definitions other than `kept`.
SearchArea area_without_other_bodies(const SyntaxTree& tree, TSNode kept, const PythonGrammar& g,
                                     OccurrenceCache& occurrences) {
  const auto text_size = static_cast<std::uint32_t>(tree.source().size());
  std::vector<ByteSpan> spans;
  std::uint32_t from = 0;
  for (const TSNode statement : tree.top_level_statements()) {
    if (ts_node_eq(statement, kept)) continue;
    const std::optional<Definition> definition = definition_of(statement, g);
    if (!definition) continue;
    const std::uint32_t body_start = ts_node_start_byte(definition->body);
    if (body_start > from) spans.push_back({from, body_start});
    from = std::max(from, ts_node_end_byte(definition->body));
  }
  if (text_size > from) spans.push_back({from, text_size});
  return SearchArea(std::move(spans), occurrences);
}

bool overlaps(const SourceRange& range, ByteSpan span) {
  return range.start_byte < span.end && range.end_byte > span.start;
}

}  // namespace

std::optional<std::vector<Finding>> reanalyse_definition(std::vector<Finding>& previous, ReuseState& state,
                                                         const EditRegion& edit, std::string_view old_source,
                                                         const SyntaxTree& unedited_old_tree,
                                                         const SyntaxTree& new_tree) {
  if (!state.reusable || !unedited_old_tree.valid() || !new_tree.valid()) return std::nullopt;
  const PythonGrammar& g = PythonGrammar::instance();
  const std::string_view new_source = new_tree.source();

  // The same definition, with the same header, around the region in both texts.
  const std::optional<Definition> definition =
      definition_of(top_level_statement_before(new_tree, new_source, edit.first_changed_byte), g);
  const std::optional<Definition> old_definition =
      definition_of(top_level_statement_before(unedited_old_tree, old_source, edit.first_changed_byte), g);
  if (!definition || !old_definition) return std::nullopt;
  if (ts_node_symbol(definition->statement) != ts_node_symbol(old_definition->statement) ||
      ts_node_start_byte(definition->statement) != ts_node_start_byte(old_definition->statement) ||
      ts_node_start_byte(definition->body) != ts_node_start_byte(old_definition->body))
    return std::nullopt;
  const std::optional<ByteSpan> zone = definition_zone(*definition, new_source, edit.region, edit.first_changed_byte);
  const std::optional<ByteSpan> old_zone =
      definition_zone(*old_definition, old_source, edit.old_region, edit.first_changed_byte);
  if (!zone || !old_zone || old_zone->end + edit.delta != zone->end) return std::nullopt;
  // A `global` statement anywhere may bind a module name in a body: then the bodies matter.
  // (The state's occurrences already follow the new text.)
  if (!state.occurrences.words(new_source, "global").empty() ||
      !find_word(old_source.substr(old_zone->start, old_zone->end - old_zone->start), "global").empty())
    return std::nullopt;

  // A tree without its statement list (edited, or a bare copy) cannot say what to skip.
  if (new_tree.top_level_statements().empty()) return std::nullopt;
  const SearchArea area = area_without_other_bodies(new_tree, definition->statement, g, state.occurrences);
  const ScopeModel model = collect_bindings(new_tree, area);
  if (std::any_of(model.scopes.begin(), model.scopes.end(),
                  [](const Scope& scope) { return !scope.wildcard_modules.empty(); }))
    return std::nullopt;
  std::vector<Finding> fresh = analyze_python(new_tree, model, {}, area);

  // The old findings before the definition stay, those after it move; none may reach into it.
  for (const Finding& finding : previous) {
    const bool before = finding.range.start_byte < old_zone->start;
    if (!before && finding.range.start_byte < old_zone->end) continue;  // the definition's: redone
    if (overlaps(finding.range, *old_zone)) return std::nullopt;
    if (finding.related && overlaps(finding.related->range, *old_zone)) return std::nullopt;
  }
  std::vector<Finding> findings;
  findings.reserve(previous.size() + fresh.size());
  // (A finding's related location, where its name was bound, may lie on either side.)
  const auto moved = [&](Finding& finding) -> Finding&& {
    if (finding.range.start_byte >= old_zone->end) shift(finding.range, edit.delta, edit.rows);
    if (finding.related && finding.related->range.start_byte >= old_zone->end)
      shift(finding.related->range, edit.delta, edit.rows);
    return std::move(finding);
  };
  std::size_t next = 0;
  for (; next < previous.size() && previous[next].range.start_byte < old_zone->start; ++next)
    findings.push_back(moved(previous[next]));
  for (Finding& finding : fresh) {
    if (finding.range.start_byte >= zone->start && finding.range.start_byte < zone->end)
      findings.push_back(std::move(finding));
  }
  for (; next < previous.size(); ++next) {
    if (previous[next].range.start_byte >= old_zone->end) findings.push_back(moved(previous[next]));
  }
  for (std::string_view name : model.candidate_names) state.searched_words.emplace(name);
  for (std::string_view name : model.candidate_attributes) state.searched_words.emplace(name);
  if (std::any_of(findings.begin(), findings.end(), decided_by_the_whole_module)) state.reusable = false;
  return findings;
}

}  // namespace eventlet_lsp::analyzers
