#include "analyzers/fixes/rewrites/call_arguments.h"

#include "analyzers/parse/python_grammar.h"

namespace eventlet_lsp::analyzers {

std::optional<CallArguments> split_arguments(const SyntaxTree& tree, TSNode call) {
  const PythonGrammar& g = PythonGrammar::instance();
  const TSNode arguments = ts_node_child_by_field_id(call, g.f_arguments);
  if (ts_node_is_null(arguments) || g.kind(arguments) != NodeKind::ArgumentList) return std::nullopt;
  CallArguments split;
  for (std::uint32_t i = 0; i < ts_node_named_child_count(arguments); ++i) {
    const TSNode argument = ts_node_named_child(arguments, i);
    const NodeKind kind = g.kind(argument);
    if (kind == NodeKind::Comment) {
      split.has_comment = true;
    } else if (kind == NodeKind::KeywordArgument) {
      split.keywords.emplace_back(std::string(tree.text(ts_node_child_by_field_id(argument, g.f_name))),
                                  std::string(tree.text(ts_node_child_by_field_id(argument, g.f_value))));
    } else if (kind == NodeKind::ListSplatPattern || kind == NodeKind::DictionarySplatPattern ||
               tree.text(argument).starts_with("*")) {
      split.has_splat = true;
    } else {
      split.positional.emplace_back(tree.text(argument));
    }
  }
  return split;
}

bool function_passed_by_position(TSNode call) {
  const PythonGrammar& g = PythonGrammar::instance();
  const TSNode arguments = ts_node_child_by_field_id(call, g.f_arguments);
  if (ts_node_is_null(arguments) || g.kind(arguments) != NodeKind::ArgumentList) return false;
  if (ts_node_named_child_count(arguments) == 0) return false;
  const NodeKind kind = g.kind(ts_node_named_child(arguments, 0));
  return kind != NodeKind::KeywordArgument && kind != NodeKind::ListSplatPattern &&
         kind != NodeKind::DictionarySplatPattern && kind != NodeKind::Comment &&
         std::string_view(ts_node_type(ts_node_named_child(arguments, 0))) != "list_splat" &&
         std::string_view(ts_node_type(ts_node_named_child(arguments, 0))) != "dictionary_splat";
}

std::string join_arguments(const std::vector<std::string>& positional,
                           const std::vector<std::pair<std::string, std::string>>& keywords) {
  std::string joined;
  for (const std::string& argument : positional) joined += (joined.empty() ? "" : ", ") + argument;
  for (const auto& [name, value] : keywords) joined += (joined.empty() ? "" : ", ") + name + "=" + value;
  return joined;
}

}  // namespace eventlet_lsp::analyzers
