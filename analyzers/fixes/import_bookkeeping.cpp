#include "analyzers/fixes/import_bookkeeping.h"

#include <algorithm>
#include <map>
#include <set>

#include "analyzers/parse/python_grammar.h"
#include "analyzers/python/binding_collector.h"
#include "analyzers/python/literals.h"
#include "analyzers/python/name_resolver.h"

namespace eventlet_lsp::analyzers {

namespace {

// The byte just after the line that ends the node.
std::uint32_t end_of_line(std::string_view text, std::uint32_t offset) {
  const std::size_t newline = text.find('\n', offset);
  return newline == std::string_view::npos ? static_cast<std::uint32_t>(text.size())
                                           : static_cast<std::uint32_t>(newline + 1);
}

std::uint32_t start_of_line(std::string_view text, std::uint32_t offset) {
  const std::size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  return newline == std::string_view::npos ? 0 : static_cast<std::uint32_t>(newline + 1);
}

bool only_spaces(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

}  // namespace

std::string_view newline_of(std::string_view text) {
  const std::size_t newline = text.find('\n');
  return newline != std::string_view::npos && newline > 0 && text[newline - 1] == '\r' ? "\r\n" : "\n";
}

std::optional<TextEdit> add_import(const SyntaxTree& tree, const ImportNeed& need) {
  const PythonGrammar& g = PythonGrammar::instance();
  const std::string_view text = tree.source();
  const TSNode root = tree.root();
  std::optional<std::uint32_t> after_imports;
  std::optional<std::uint32_t> after_preamble;  // docstring and __future__ imports
  TSNode mergeable{};
  bool leading = true;
  for (std::uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
    const TSNode statement = ts_node_named_child(root, i);
    const NodeKind kind = g.kind(statement);
    if (kind == NodeKind::Comment) continue;
    if (kind == NodeKind::ImportStatement) {
      for (std::uint32_t k = 0; k < ts_node_named_child_count(statement); ++k) {
        const TSNode item = ts_node_named_child(statement, k);
        if (need.name.empty() && need.alias.empty() && g.kind(item) == NodeKind::DottedName &&
            dotted_name_text(tree, item) == need.module)
          return std::nullopt;  // already imported
        if (need.name.empty() && !need.alias.empty() && g.kind(item) == NodeKind::AliasedImport &&
            dotted_name_text(tree, ts_node_child_by_field_id(item, g.f_name)) == need.module &&
            tree.text(ts_node_child_by_field_id(item, g.f_alias)) == need.alias)
          return std::nullopt;
      }
      if (leading) after_imports = end_of_line(text, ts_node_end_byte(statement));
      continue;
    }
    if (kind == NodeKind::ImportFromStatement) {
      const TSNode module = ts_node_child_by_field_id(statement, g.f_module_name);
      if (!need.name.empty() && dotted_name_text(tree, module) == need.module) {
        for (std::uint32_t k = 0; k < ts_node_named_child_count(statement); ++k) {
          const TSNode item = ts_node_named_child(statement, k);
          if (!ts_node_eq(item, module) && g.kind(item) == NodeKind::DottedName && dotted_name_text(tree, item) == need.name)
            return std::nullopt;
        }
        // A one-line `from module import a, b` takes the name; a parenthesised one is left alone.
        const std::string_view written = tree.text(statement);
        if (written.find('\n') == std::string_view::npos && written.find('(') == std::string_view::npos &&
            written.find('*') == std::string_view::npos)
          mergeable = statement;
      }
      if (leading) after_imports = end_of_line(text, ts_node_end_byte(statement));
      continue;
    }
    if (kind == NodeKind::FutureImportStatement) {
      after_preamble = end_of_line(text, ts_node_end_byte(statement));
      continue;
    }
    if (kind == NodeKind::ExpressionStatement && i == 0 && ts_node_named_child_count(statement) == 1 &&
        g.kind(ts_node_named_child(statement, 0)) == NodeKind::String) {
      after_preamble = end_of_line(text, ts_node_end_byte(statement));  // the module docstring
      continue;
    }
    leading = false;
  }
  if (!ts_node_is_null(mergeable)) {
    const std::uint32_t end = ts_node_end_byte(mergeable);
    return TextEdit{end, end, ", " + need.name};
  }
  const std::string line = (need.name.empty() ? "import " + need.module
                                              : "from " + need.module + " import " + need.name) +
                           (need.alias.empty() ? std::string() : " as " + need.alias) + std::string(newline_of(text));
  const std::uint32_t at = after_imports.value_or(after_preamble.value_or(0));
  // After a file's last line without a newline, start a new line first.
  if (at == text.size() && !text.empty() && text.back() != '\n') {
    return TextEdit{at, at, std::string(newline_of(text)) + line.substr(0, line.size() - newline_of(text).size())};
  }
  return TextEdit{at, at, line};
}

std::optional<TextEdit> add_module_line(const SyntaxTree& tree, std::string_view line) {
  const std::string_view text = tree.source();
  for (std::size_t at = text.find(line); at != std::string_view::npos; at = text.find(line, at + 1)) {
    if ((at == 0 || text[at - 1] == '\n') &&
        (at + line.size() == text.size() || text[at + line.size()] == '\n' || text[at + line.size()] == '\r'))
      return std::nullopt;
  }
  // Where `import x` would go: after the leading imports, then a blank line.
  const auto anchor = add_import(tree, ImportNeed{"\x01never-imported", "", ""});
  const std::uint32_t position = anchor ? anchor->start : 0;
  const std::string newline(newline_of(text));
  return TextEdit{position, position, newline + std::string(line) + newline};
}

bool module_name_taken(const SyntaxTree& tree, std::string_view name) {
  const PythonGrammar& g = PythonGrammar::instance();
  const ScopeModel model = collect_bindings(tree);
  for (const std::uint32_t index : model.scopes[0].bindings) {
    const Binding& binding = model.bindings[index];
    if (binding.name == name && binding.source == Binding::Source::EventletImport) return true;
  }
  const TSNode root = tree.root();
  for (std::uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
    TSNode statement = ts_node_named_child(root, i);
    if (g.kind(statement) == NodeKind::DecoratedDefinition)
      statement = ts_node_child_by_field_id(statement, g.f_definition);
    const NodeKind kind = g.kind(statement);
    if (kind == NodeKind::FunctionDefinition || kind == NodeKind::ClassDefinition) {
      if (tree.text(ts_node_child_by_field_id(statement, g.f_name)) == name) return true;
    } else if (kind == NodeKind::ExpressionStatement && ts_node_named_child_count(statement) == 1) {
      const TSNode assignment = ts_node_named_child(statement, 0);
      if (g.kind(assignment) == NodeKind::Assignment &&
          tree.text(ts_node_child_by_field_id(assignment, g.f_left)) == name)
        return true;
    }
  }
  return false;
}

std::vector<TextEdit> remove_unused_eventlet_imports(const SyntaxTree& tree) {
  const PythonGrammar& g = PythonGrammar::instance();
  const std::string_view text = tree.source();
  const ScopeModel model = collect_bindings(tree);
  const NameResolver resolver(model, tree);
  std::set<const Binding*> used;
  for (const NameUse& use : model.uses) {
    if (use.kind != NameUse::Kind::Name) continue;
    const Resolution resolution = resolver.resolve_name(tree.text(use.path.back().node), use.scope);
    if (resolution.via != nullptr) used.insert(resolution.via);
  }
  // Bindings of each Eventlet import statement, by the statement's start.
  std::map<std::uint32_t, std::vector<const Binding*>> by_statement;
  for (const Binding& binding : model.bindings) {
    if (binding.source == Binding::Source::EventletImport) by_statement[binding.origin.start_byte].push_back(&binding);
  }
  const bool has_all = text.find("__all__") != std::string_view::npos;
  std::vector<TextEdit> edits;
  for (const auto& [start, bindings] : by_statement) {
    std::vector<const Binding*> unused;
    for (const Binding* binding : bindings) {
      const bool exported = has_all && (text.find("'" + std::string(binding->name) + "'") != std::string_view::npos ||
                                        text.find("\"" + std::string(binding->name) + "\"") != std::string_view::npos);
      if (!used.contains(binding) && !exported) unused.push_back(binding);
    }
    if (unused.empty()) continue;
    const TSNode statement = ts_node_descendant_for_byte_range(tree.root(), start, start);
    TSNode node = statement;
    while (!ts_node_is_null(node) && g.kind(node) != NodeKind::ImportStatement &&
           g.kind(node) != NodeKind::ImportFromStatement)
      node = ts_node_parent(node);
    if (ts_node_is_null(node)) continue;
    const std::uint32_t node_start = ts_node_start_byte(node);
    const std::uint32_t node_end = ts_node_end_byte(node);
    const std::uint32_t line_start = start_of_line(text, node_start);
    const std::uint32_t line_end = end_of_line(text, node_end);
    const bool whole_lines = only_spaces(text.substr(line_start, node_start - line_start)) &&
                             text.substr(node_end, line_end - node_end).find_first_not_of(" \t\r\n") == std::string_view::npos;
    // Every name the statement binds (Eventlet or not) decides what is left of it.
    std::vector<std::pair<TSNode, bool>> items;  // item node, keep?
    const TSNode module = ts_node_child_by_field_id(node, g.f_module_name);
    for (std::uint32_t k = 0; k < ts_node_named_child_count(node); ++k) {
      const TSNode item = ts_node_named_child(node, k);
      const NodeKind kind = g.kind(item);
      if (ts_node_eq(item, module) || (kind != NodeKind::DottedName && kind != NodeKind::AliasedImport)) continue;
      TSNode name_node = item;
      if (kind == NodeKind::AliasedImport) name_node = ts_node_child_by_field_id(item, g.f_alias);
      std::string_view bound = tree.text(name_node);
      if (g.kind(node) == NodeKind::ImportStatement && kind == NodeKind::DottedName)
        bound = tree.text(ts_node_named_child(item, 0));  // `import a.b` binds `a`
      const bool drop = std::any_of(unused.begin(), unused.end(), [&](const Binding* b) { return b->name == bound; });
      items.emplace_back(item, !drop);
    }
    const bool keep_any = std::any_of(items.begin(), items.end(), [](const auto& item) { return item.second; });
    if (!keep_any) {
      if (whole_lines) {
        // The only statement of its block needs a `pass` in its place.
        const TSNode parent = ts_node_parent(node);
        if (!ts_node_is_null(parent) && g.kind(parent) == NodeKind::Block && ts_node_named_child_count(parent) == 1) {
          edits.push_back({node_start, node_end, "pass"});
        } else {
          edits.push_back({line_start, line_end, ""});
        }
      } else {
        edits.push_back({node_start, node_end, "pass"});
      }
      continue;
    }
    // Drop the unused names with their separating comma.
    for (std::size_t k = 0; k < items.size(); ++k) {
      if (items[k].second) continue;
      const TSNode item = items[k].first;
      std::uint32_t from = ts_node_start_byte(item);
      std::uint32_t to = ts_node_end_byte(item);
      if (k + 1 < items.size()) {
        to = ts_node_start_byte(items[k + 1].first);  // "a, " before the next name
      } else if (k > 0) {
        from = ts_node_end_byte(items[k - 1].first);  // ", a" after the previous one
      }
      edits.push_back({from, to, ""});
    }
  }
  return edits;
}

}  // namespace eventlet_lsp::analyzers
