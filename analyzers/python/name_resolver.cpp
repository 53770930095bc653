#include "analyzers/python/name_resolver.h"

#include <algorithm>

#include "analyzers/catalog/api_table.h"

namespace eventlet_lsp::analyzers {

namespace {
constexpr int kMaxDepth = 48;  // aliases of aliases; deeper chains are not worth following

bool contains(const std::vector<std::string_view>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}
}  // namespace

NameResolver::NameResolver(const ScopeModel& model, const SyntaxTree& tree)
    : model_(model), tree_(tree), g_(PythonGrammar::instance()) {
  wildcard_ = std::any_of(model.scopes.begin(), model.scopes.end(),
                          [](const Scope& scope) { return !scope.wildcard_modules.empty(); });
  for (std::uint32_t scope = 0; scope < model.scopes.size(); ++scope) {
    for (std::uint32_t binding : model.scopes[scope].bindings) {
      const std::string_view name = model.bindings[binding].name;
      if (wildcard_ || model.candidate_names.contains(name)) by_name_[name].emplace_back(scope, binding);
    }
  }
  state_.assign(model.bindings.size(), MemoState::Unvisited);
  memo_.resize(model.bindings.size());
}

Resolution NameResolver::evaluate_binding(std::uint32_t index) const {
  const Binding& binding = model_.bindings[index];
  switch (binding.source) {
    case Binding::Source::EventletImport:
      return Resolution{Resolution::Kind::Name, binding.qualified_name, &binding};
    case Binding::Source::OtherImport:
    case Binding::Source::Opaque: return {};
    case Binding::Source::Value: break;
  }
  if (state_[index] == MemoState::Done) return memo_[index];
  if (state_[index] == MemoState::InProgress) return {};  // `x = x.y`: a cycle
  state_[index] = MemoState::InProgress;
  Resolution result = evaluate(binding.value, binding.value_scope);
  if (result) result.via = &binding;
  state_[index] = MemoState::Done;
  memo_[index] = result;
  return result;
}

Resolution NameResolver::from_wildcard(const Scope& scope, std::string_view name) const {
  for (const std::string& module : scope.wildcard_modules) {
    std::string qualified = module + "." + std::string(name);
    const ApiMatch match = lookup_api(qualified);
    if (match.entry != nullptr && !match.unknown &&
        (match.exact || match.entry->open_namespace)) {
      return Resolution{Resolution::Kind::Name, std::move(qualified), nullptr};
    }
  }
  return {};
}

Resolution NameResolver::resolve_name(std::string_view name, std::uint32_t scope_index) const {
  const auto found = by_name_.find(name);
  const auto* bindings = found == by_name_.end() ? nullptr : &found->second;
  if (bindings == nullptr && !wildcard_) return {};

  bool skip_class = false;
  std::uint32_t index = scope_index;
  for (;;) {
    const Scope& scope = model_.scopes[index];
    const bool visible = !(skip_class && scope.kind == Scope::Kind::Class);
    if (visible) {
      if (index != 0 && contains(scope.globals, name)) {
        index = 0;
        continue;
      }
      if (!contains(scope.nonlocals, name)) {
        bool bound_here = false;
        if (bindings != nullptr) {
          for (const auto& [binding_scope, binding] : *bindings) {
            if (binding_scope != index) continue;
            bound_here = true;
            // Flow-insensitive: any Eventlet binding of the name in this scope counts
            // (`try: from eventlet.green import socket / except ImportError: import socket`).
            if (Resolution result = evaluate_binding(binding)) return result;
          }
        }
        if (bound_here) return {};  // shadowed by a binding that is not Eventlet
        if (!scope.wildcard_modules.empty()) {
          if (Resolution result = from_wildcard(scope, name)) return result;
        }
      }
    }
    if (index == 0) return {};
    if (scope.kind != Scope::Kind::Class) skip_class = true;
    index = scope.parent;
  }
}

Resolution NameResolver::resolve_self_attribute(std::string_view object, std::string_view attribute,
                                                std::uint32_t scope_index) const {
  // The nearest enclosing method whose first parameter is `object`.
  std::uint32_t index = scope_index;
  for (;;) {
    const Scope& scope = model_.scopes[index];
    if (scope.kind == Scope::Kind::Function && scope.first_parameter == object) break;
    if (index == 0 || scope.kind == Scope::Kind::Class) return {};
    index = scope.parent;
  }
  const std::uint32_t class_scope = model_.scopes[index].parent;
  // A class attribute: `queue_class = LightQueue` in the class body.
  for (std::uint32_t binding : model_.scopes[class_scope].bindings) {
    if (model_.bindings[binding].name != attribute) continue;
    if (Resolution result = evaluate_binding(binding)) return result;
  }
  for (const AttributeBinding& attribute_binding : model_.attribute_bindings) {
    if (attribute_binding.class_scope != class_scope) continue;
    if (model_.bindings[attribute_binding.binding].name != attribute) continue;
    if (Resolution result = evaluate_binding(attribute_binding.binding)) return result;
  }
  return {};
}

Resolution NameResolver::evaluate(TSNode node, std::uint32_t scope) const {
  if (ts_node_is_null(node) || depth_ > kMaxDepth) return {};
  struct DepthGuard {
    int& depth;
    explicit DepthGuard(int& d) : depth(d) { ++depth; }
    ~DepthGuard() { --depth; }
  } guard(depth_);

  switch (g_.kind(node)) {
    case NodeKind::Identifier: return resolve_name(tree_.text(node), scope);
    case NodeKind::Attribute: {
      TSNode object = ts_node_child_by_field_id(node, g_.f_object);
      TSNode attribute = ts_node_child_by_field_id(node, g_.f_attribute);
      if (ts_node_is_null(object) || ts_node_is_null(attribute)) return {};
      const std::string_view attribute_name = tree_.text(attribute);
      Resolution base = evaluate(object, scope);
      if (!base && g_.kind(object) == NodeKind::Identifier &&
          model_.candidate_attributes.contains(attribute_name)) {
        return resolve_self_attribute(tree_.text(object), attribute_name, scope);
      }
      if (!base) return {};
      // A member of an Eventlet module, class or instance is named by its qualified name.
      base.kind = Resolution::Kind::Name;
      base.qualified_name += '.';
      base.qualified_name += attribute_name;
      return base;
    }
    case NodeKind::Call: {
      Resolution callee = evaluate(ts_node_child_by_field_id(node, g_.f_function), scope);
      if (callee.kind != Resolution::Kind::Name) return {};
      const ApiMatch match = lookup_api(callee.qualified_name);
      if (match.entry == nullptr || !match.exact || match.entry->returns.empty()) return {};
      return Resolution{Resolution::Kind::Instance, std::string(match.entry->returns), callee.via};
    }
    case NodeKind::ParenthesizedExpression: return evaluate(ts_node_named_child(node, 0), scope);
    case NodeKind::ConditionalExpression: {
      // `a if cond else b`: either branch may be the value.
      if (Resolution first = evaluate(ts_node_named_child(node, 0), scope)) return first;
      return evaluate(ts_node_named_child(node, 2), scope);
    }
    default: return {};
  }
}

}  // namespace eventlet_lsp::analyzers
