#include "analyzers/fixes/rewrites/variable_uses.h"

#include "analyzers/python/binding_collector.h"

#include <algorithm>
#include <set>

#include "analyzers/parse/python_grammar.h"
#include "analyzers/python/syntax_path.h"

namespace eventlet_lsp::analyzers {

namespace {

bool contains(const std::vector<std::string_view>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool binds_name(const ScopeModel& model, std::uint32_t scope, std::string_view name) {
  for (const std::uint32_t binding : model.scopes[scope].bindings) {
    if (model.bindings[binding].name == name) return true;
  }
  return contains(model.scopes[scope].parameters, name);
}

// The scope whose binding of `name` a read in `from` sees (LEGB, class scopes invisible from
// nested functions, `global` and `nonlocal`); nullopt for a builtin or an unbound name.
std::optional<std::uint32_t> resolving_scope(const ScopeModel& model, std::string_view name, std::uint32_t from) {
  bool skip_class = false;
  std::uint32_t index = from;
  for (;;) {
    const Scope& scope = model.scopes[index];
    const bool visible = !(skip_class && scope.kind == Scope::Kind::Class);
    if (visible) {
      if (index != 0 && contains(scope.globals, name))
        return binds_name(model, 0, name) ? std::optional(0u) : std::nullopt;
      if (!contains(scope.nonlocals, name) && binds_name(model, index, name)) return index;
    }
    if (index == 0) return std::nullopt;
    if (scope.kind != Scope::Kind::Class) skip_class = true;
    index = scope.parent;
  }
}

bool in_async_function(const ScopeModel& model, std::uint32_t scope) {
  for (std::uint32_t index = scope;; index = model.scopes[index].parent) {
    const Scope& current = model.scopes[index];
    if (current.kind == Scope::Kind::Comprehension && index != 0) continue;
    return current.kind == Scope::Kind::Function && current.is_async;
  }
}

std::optional<MethodCall> method_call_at(const SyntaxTree& tree, const SyntaxPath& path) {
  const PythonGrammar& g = PythonGrammar::instance();
  const std::size_t n = path.size() - 1;
  if (n < 2 || path[n - 1].kind != NodeKind::Attribute || path[n].field != g.f_object) return std::nullopt;
  if (path[n - 2].kind != NodeKind::Call || path[n - 1].field != g.f_function) return std::nullopt;
  MethodCall call;
  call.method = ts_node_child_by_field_id(path[n - 1].node, g.f_attribute);
  call.call = path[n - 2].node;
  call.arguments = ts_node_child_by_field_id(call.call, g.f_arguments);
  if (ts_node_is_null(call.method) || ts_node_is_null(call.arguments) ||
      g.kind(call.arguments) != NodeKind::ArgumentList)
    return std::nullopt;  // `f(x for x in y)` passes a generator expression
  call.name = tree.text(call.method);
  call.no_arguments = ts_node_named_child_count(call.arguments) == 0;
  call.is_statement = n >= 3 && path[n - 3].kind == NodeKind::ExpressionStatement &&
                      ts_node_named_child_count(path[n - 3].node) == 1;
  return call;
}

// The Assignment statement recorded as a binding's origin; null when the binding is anything
// else (a walrus, a `with ... as`, a chained assignment, an assignment inside an expression).
TSNode statement_assignment(const SyntaxTree& tree, const SourceRange& origin) {
  const PythonGrammar& g = PythonGrammar::instance();
  TSNode node = ts_node_descendant_for_byte_range(tree.root(), origin.start_byte, origin.end_byte);
  while (!ts_node_is_null(node) && ts_node_start_byte(node) == origin.start_byte &&
         ts_node_end_byte(node) == origin.end_byte) {
    if (g.kind(node) == NodeKind::Assignment) break;
    node = ts_node_parent(node);
  }
  if (ts_node_is_null(node) || g.kind(node) != NodeKind::Assignment || ts_node_start_byte(node) != origin.start_byte ||
      ts_node_end_byte(node) != origin.end_byte)
    return TSNode{};
  const TSNode parent = ts_node_parent(node);
  if (ts_node_is_null(parent) || g.kind(parent) != NodeKind::ExpressionStatement ||
      ts_node_named_child_count(parent) != 1)
    return TSNode{};
  const TSNode right = ts_node_child_by_field_id(node, g.f_right);
  if (ts_node_is_null(right) || g.kind(right) == NodeKind::Assignment) return TSNode{};
  return node;
}

bool same_range(const SourceRange& range, TSNode node) {
  return range.start_byte == ts_node_start_byte(node) && range.end_byte == ts_node_end_byte(node);
}

std::optional<Variable> name_variable(const SyntaxTree& tree, const ScopeModel& model, TSNode assignment,
                                      std::string_view name) {
  std::optional<std::uint32_t> scope;
  for (std::uint32_t index = 0; index < model.scopes.size() && !scope; ++index) {
    for (const std::uint32_t binding : model.scopes[index].bindings) {
      const Binding& candidate = model.bindings[binding];
      if (candidate.name == name && candidate.source == Binding::Source::Value &&
          same_range(candidate.origin, assignment))
        scope = index;
    }
  }
  if (!scope) return std::nullopt;
  const Scope::Kind kind = model.scopes[*scope].kind;
  if (kind != Scope::Kind::Module && kind != Scope::Kind::Function) return std::nullopt;
  if (contains(model.scopes[*scope].parameters, name)) return std::nullopt;
  for (const Scope& other : model.scopes) {
    if (contains(other.nonlocals, name)) return std::nullopt;  // rebound from a nested function
  }
  Variable variable;
  variable.name = name;
  variable.scope = *scope;
  variable.visible_elsewhere = *scope == 0 && !name.starts_with("_");
  for (const std::uint32_t binding : model.scopes[*scope].bindings) {
    const Binding& other = model.bindings[binding];
    if (other.name != name) continue;
    if (other.source != Binding::Source::Value) return std::nullopt;
    const TSNode node = statement_assignment(tree, other.origin);
    if (ts_node_is_null(node)) return std::nullopt;
    const TSNode left = ts_node_child_by_field_id(node, PythonGrammar::instance().f_left);
    if (PythonGrammar::instance().kind(left) != NodeKind::Identifier || tree.text(left) != name) return std::nullopt;
    variable.assignments.push_back(node);
  }
  for (const NameUse& use : model.uses) {
    if (use.kind != NameUse::Kind::Name || tree.text(use.path.back().node) != name) continue;
    if (resolving_scope(model, name, use.scope) != scope) continue;
    variable.uses.push_back(VariableUse{use.path, use.scope, in_async_function(model, use.scope), std::nullopt});
  }
  return variable;
}

// The method scope whose first parameter `object` is, around `scope`; nullopt outside methods.
std::optional<std::uint32_t> method_of(const ScopeModel& model, std::string_view object, std::uint32_t scope) {
  for (std::uint32_t index = scope;; index = model.scopes[index].parent) {
    const Scope& current = model.scopes[index];
    if (current.kind == Scope::Kind::Function && current.first_parameter == object) return index;
    if (index == 0 || current.kind == Scope::Kind::Class) return std::nullopt;
  }
}

std::optional<Variable> attribute_variable(const SyntaxTree& tree, const ScopeModel& model, TSNode assignment,
                                           TSNode target) {
  const PythonGrammar& g = PythonGrammar::instance();
  const TSNode object = ts_node_child_by_field_id(target, g.f_object);
  const TSNode attribute = ts_node_child_by_field_id(target, g.f_attribute);
  if (ts_node_is_null(object) || g.kind(object) != NodeKind::Identifier || ts_node_is_null(attribute))
    return std::nullopt;
  const std::string_view name = tree.text(attribute);
  std::optional<std::uint32_t> class_scope;
  for (const AttributeBinding& binding : model.attribute_bindings) {
    const Binding& candidate = model.bindings[binding.binding];
    if (candidate.name == name && same_range(candidate.origin, assignment)) class_scope = binding.class_scope;
  }
  if (!class_scope) return std::nullopt;
  if (binds_name(model, *class_scope, name)) return std::nullopt;  // also a class attribute
  Variable variable;
  variable.name = name;
  variable.is_attribute = true;
  variable.scope = *class_scope;
  variable.visible_elsewhere = !name.starts_with("_");
  std::set<std::uint32_t> accepted;  // start bytes of the attribute identifiers seen through `self`
  for (const AttributeBinding& binding : model.attribute_bindings) {
    const Binding& other = model.bindings[binding.binding];
    if (binding.class_scope != *class_scope || other.name != name) continue;
    const TSNode node = statement_assignment(tree, other.origin);
    if (ts_node_is_null(node)) return std::nullopt;
    const TSNode left = ts_node_child_by_field_id(node, g.f_left);
    if (g.kind(left) != NodeKind::Attribute) return std::nullopt;
    accepted.insert(ts_node_start_byte(ts_node_child_by_field_id(left, g.f_attribute)));
    variable.assignments.push_back(node);
  }
  for (const NameUse& use : model.uses) {
    if (use.kind != NameUse::Kind::SelfAttribute) continue;
    const TSNode node = use.path.back().node;
    const TSNode use_attribute = ts_node_child_by_field_id(node, g.f_attribute);
    const TSNode use_object = ts_node_child_by_field_id(node, g.f_object);
    if (tree.text(use_attribute) != name) continue;
    const auto method = method_of(model, tree.text(use_object), use.scope);
    if (!method || model.scopes[*method].parent != *class_scope) continue;  // checked below
    accepted.insert(ts_node_start_byte(use_attribute));
    variable.uses.push_back(VariableUse{use.path, use.scope, in_async_function(model, use.scope), std::nullopt});
  }
  // Any other `<something>.name` in the file may be this attribute reached another way
  // (`other.pool`, `self.owner.pool`, a subclass's method): the rewrite would miss it.
  for (const std::uint32_t at : find_word(tree.source(), name)) {
    const SyntaxPath path = syntax_path_at(tree, at);
    const std::size_t n = path.size() - 1;
    if (n == 0 || path[n].kind != NodeKind::Identifier || ts_node_start_byte(path[n].node) != at) continue;
    if (path[n - 1].kind != NodeKind::Attribute || path[n].field != g.f_attribute) continue;
    if (!accepted.contains(at)) return std::nullopt;
  }
  return variable;
}

}  // namespace

TSNode assignment_of_value(TSNode value) {
  const PythonGrammar& g = PythonGrammar::instance();
  const TSNode assignment = ts_node_parent(value);
  if (ts_node_is_null(assignment) || g.kind(assignment) != NodeKind::Assignment) return TSNode{};
  const TSNode right = ts_node_child_by_field_id(assignment, g.f_right);
  if (ts_node_is_null(right) || !ts_node_eq(right, value)) return TSNode{};
  const TSNode statement = ts_node_parent(assignment);
  if (ts_node_is_null(statement) || g.kind(statement) != NodeKind::ExpressionStatement ||
      ts_node_named_child_count(statement) != 1)
    return TSNode{};
  return assignment;
}

std::string elsewhere_caveat(const Variable& variable) {
  if (!variable.visible_elsewhere) return {};
  return "; other modules using `" + std::string(variable.is_attribute ? "." : "") + std::string(variable.name) +
         "` are not rewritten";
}

std::optional<Variable> variable_assigned_by(const SyntaxTree& tree, const ScopeModel& model, TSNode assignment) {
  const PythonGrammar& g = PythonGrammar::instance();
  if (ts_node_is_null(assignment) || g.kind(assignment) != NodeKind::Assignment) return std::nullopt;
  if (!ts_node_is_null(ts_node_child_by_field_id(assignment, g.field("type")))) return std::nullopt;  // `x: T = v`
  const TSNode target = ts_node_child_by_field_id(assignment, g.f_left);
  std::optional<Variable> variable;
  if (g.kind(target) == NodeKind::Identifier) {
    variable = name_variable(tree, model, assignment, tree.text(target));
  } else if (g.kind(target) == NodeKind::Attribute) {
    variable = attribute_variable(tree, model, assignment, target);
  }
  if (!variable) return std::nullopt;
  for (VariableUse& use : variable->uses) use.method_call = method_call_at(tree, use.path);
  std::sort(variable->uses.begin(), variable->uses.end(), [](const VariableUse& a, const VariableUse& b) {
    return ts_node_start_byte(a.node()) < ts_node_start_byte(b.node());
  });
  std::sort(variable->assignments.begin(), variable->assignments.end(),
            [](TSNode a, TSNode b) { return ts_node_start_byte(a) < ts_node_start_byte(b); });
  return variable;
}

std::optional<Variable> variable_holding(const SyntaxTree& tree, TSNode value) {
  const TSNode assignment = assignment_of_value(value);
  if (ts_node_is_null(assignment)) return std::nullopt;
  const ScopeModel model = collect_bindings(tree);
  return variable_assigned_by(tree, model, assignment);
}

}  // namespace eventlet_lsp::analyzers
