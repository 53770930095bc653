// Requirements passed to setup() in setup.py (EL901). setup.py is Python, so the text audits
// never read it; its requirement lists are found from the setup() keywords that hold them:
//   setup(install_requires=["eventlet>=0.30"], extras_require={"green": ["eventlet"]})
//   requires = ["eventlet>=0.30"]  ...  setup(install_requires=requires)
// A name is followed to its assignments in the scope of the call (the module, or the function
// that calls setup()), not further: the language server re-analyses one function at a time,
// and a list in another scope would tie findings to an edit it does not look at.
#include <set>

#include "analyzers/parse/python_grammar.h"
#include "analyzers/python/deployment_findings.h"
#include "analyzers/python/search_area.h"
#include "analyzers/python/literals.h"
#include "analyzers/text_files/text_findings.h"

namespace eventlet_lsp::analyzers {

namespace {

// setup(), setuptools.setup(), distutils.core.setup(), and dict() for `setup(**dict(...))`.
bool is_setup_call(const SyntaxTree& tree, TSNode call, const PythonGrammar& g) {
  const TSNode function = ts_node_child_by_field_id(call, g.f_function);
  if (ts_node_is_null(function)) return false;
  if (g.kind(function) == NodeKind::Identifier) return tree.text(function) == "setup" || tree.text(function) == "dict";
  if (g.kind(function) == NodeKind::Attribute)
    return tree.text(ts_node_child_by_field_id(function, g.f_attribute)) == "setup";
  return false;
}

// The block whose statements bind the names a node reads: the enclosing function's or class's
// body, or the module.
TSNode scope_block(TSNode node, const PythonGrammar& g) {
  for (TSNode n = ts_node_parent(node); !ts_node_is_null(n); n = ts_node_parent(n)) {
    const NodeKind kind = g.kind(n);
    if (kind == NodeKind::FunctionDefinition || kind == NodeKind::ClassDefinition)
      return ts_node_child_by_field_id(n, g.f_body);
    if (kind == NodeKind::Module) return n;
  }
  return TSNode{};
}

class SetupRequirements {
 public:
  SetupRequirements(const SyntaxTree& tree, const SearchArea& area, std::vector<Finding>& findings)
      : tree_(tree), area_(area), findings_(findings), g_(PythonGrammar::instance()) {}

  // The value of one requirements keyword of a setup() call.
  void value(TSNode node, TSNode scope, bool extras, int depth = 0) {
    if (ts_node_is_null(node) || depth > 4) return;  // `a = a + [...]` must end
    const NodeKind kind = g_.kind(node);
    const std::string_view type = ts_node_type(node);
    if (kind == NodeKind::Identifier) {
      for (TSNode assigned : assignments(scope, tree_.text(node))) value(assigned, scope, extras, depth + 1);
    } else if (kind == NodeKind::ParenthesizedExpression) {
      value(ts_node_named_child(node, 0), scope, extras, depth + 1);
    } else if (type == "binary_operator") {  // base_requires + ["eventlet"]
      value(ts_node_child_by_field_id(node, g_.f_left), scope, extras, depth + 1);
      value(ts_node_child_by_field_id(node, g_.f_right), scope, extras, depth + 1);
    } else if (extras) {  // {"green": ["eventlet"], ...}
      if (type != "dictionary") return;
      for (std::uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
        const TSNode pair = ts_node_named_child(node, i);
        if (std::string_view(ts_node_type(pair)) == "pair")
          value(ts_node_child_by_field_id(pair, g_.f_value), scope, false, depth + 1);
      }
    } else if (kind == NodeKind::List || kind == NodeKind::Tuple) {
      for (std::uint32_t i = 0; i < ts_node_named_child_count(node); ++i)
        value(ts_node_named_child(node, i), scope, false, depth + 1);
    } else if (kind == NodeKind::String) {  // setuptools also takes a single string
      requirement(node);
    }
  }

 private:
  void requirement(TSNode string) {
    const std::uint32_t start = ts_node_start_byte(string);
    if (!area_.contains(start) || !reported_.insert(start).second) return;
    const auto text = plain_string_value(tree_, string);
    if (!text || !requirement_names_eventlet(*text)) return;
    findings_.push_back(deployment_finding("EL901", tree_, string, start, ts_node_end_byte(string), *text, ""));
  }

  // The values assigned to `name` by the statements of `block`, in nested if/try/with/for
  // blocks too, not in nested definitions (another scope).
  std::vector<TSNode> assignments(TSNode block, std::string_view name) const {
    std::vector<TSNode> found;
    if (!ts_node_is_null(block)) collect(block, name, found);
    return found;
  }

  void collect(TSNode block, std::string_view name, std::vector<TSNode>& found) const {
    for (std::uint32_t i = 0; i < ts_node_named_child_count(block); ++i) {
      const TSNode child = ts_node_named_child(block, i);
      const NodeKind kind = g_.kind(child);
      if (kind == NodeKind::ExpressionStatement) {
        // `name = [...]`, `a = name = [...]`, `name: list[str] = [...]`
        for (TSNode assignment = ts_node_named_child(child, 0);
             !ts_node_is_null(assignment) && g_.kind(assignment) == NodeKind::Assignment;
             assignment = ts_node_child_by_field_id(assignment, g_.f_right)) {
          const TSNode target = ts_node_child_by_field_id(assignment, g_.f_left);
          TSNode assigned = ts_node_child_by_field_id(assignment, g_.f_right);
          while (!ts_node_is_null(assigned) && g_.kind(assigned) == NodeKind::Assignment)
            assigned = ts_node_child_by_field_id(assigned, g_.f_right);
          if (g_.kind(target) == NodeKind::Identifier && tree_.text(target) == name && !ts_node_is_null(assigned))
            found.push_back(assigned);
        }
        continue;
      }
      if (kind == NodeKind::FunctionDefinition || kind == NodeKind::ClassDefinition ||
          kind == NodeKind::DecoratedDefinition)
        continue;
      const std::string_view type = ts_node_type(child);
      if (type == "block" || type.ends_with("_statement") || type.ends_with("_clause")) collect(child, name, found);
    }
  }

  const SyntaxTree& tree_;
  const SearchArea& area_;
  std::vector<Finding>& findings_;
  const PythonGrammar& g_;
  std::set<std::uint32_t> reported_;  // a list passed under two keywords is reported once
};

}  // namespace

void report_setup_requirements(const SyntaxTree& tree, const SearchArea& area, const SyntaxPathFinder& paths,
                               std::vector<Finding>& findings) {
  const PythonGrammar& g = PythonGrammar::instance();
  SetupRequirements requirements(tree, area, findings);
  for (const std::string_view keyword : kSetupRequirementKeywords) {
    for (const std::uint32_t at : area.find_word(tree.source(), keyword)) {
      const SyntaxPath path = paths.at(at);
      const std::size_t n = path.size() - 1;
      // The name of a keyword argument of a setup() call.
      if (n < 3 || path[n].kind != NodeKind::Identifier || path[n].field != g.f_name ||
          path[n - 1].kind != NodeKind::KeywordArgument || path[n - 2].kind != NodeKind::ArgumentList ||
          path[n - 3].kind != NodeKind::Call || !is_setup_call(tree, path[n - 3].node, g))
        continue;
      const TSNode call = path[n - 3].node;
      requirements.value(ts_node_child_by_field_id(path[n - 1].node, g.f_value), scope_block(call, g),
                         keyword == "extras_require");
    }
  }
}

}  // namespace eventlet_lsp::analyzers
