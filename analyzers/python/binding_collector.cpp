#include "analyzers/python/binding_collector.h"

#include <algorithm>

#include "analyzers/parse/syntax_walk.h"

namespace eventlet_lsp::analyzers {

std::optional<Scope::Kind> scope_opened_by(NodeKind kind) {
  switch (kind) {
    case NodeKind::FunctionDefinition: return Scope::Kind::Function;
    case NodeKind::ClassDefinition: return Scope::Kind::Class;
    case NodeKind::Lambda: return Scope::Kind::Lambda;
    case NodeKind::ListComprehension:
    case NodeKind::SetComprehension:
    case NodeKind::DictionaryComprehension:
    case NodeKind::GeneratorExpression: return Scope::Kind::Comprehension;
    default: return std::nullopt;
  }
}

bool is_async_function(TSNode function_definition) {
  if (ts_node_child_count(function_definition) == 0) return false;
  return PythonGrammar::instance().kind(ts_node_child(function_definition, 0)) ==
         NodeKind::Keyword;
}

namespace {

// The value at the end of a chained assignment: `a = b = value`.
TSNode final_value(TSNode right, const PythonGrammar& g) {
  while (!ts_node_is_null(right) && g.kind(right) == NodeKind::Assignment) {
    right = ts_node_child_by_field_id(right, g.f_right);
  }
  return right;
}

// The identifier an expression's value flows from: `eventlet.GreenPool(4)` -> `eventlet`; also
// the attribute read right after it (`self.pool.spawn` -> `pool`), for self-attribute tracking.
struct ValueRoot {
  TSNode identifier{};
  TSNode first_attribute{};
};

ValueRoot value_root(TSNode node, const PythonGrammar& g) {
  ValueRoot root;
  for (int depth = 0; depth < 64 && !ts_node_is_null(node); ++depth) {
    switch (g.kind(node)) {
      case NodeKind::Identifier: root.identifier = node; return root;
      case NodeKind::Attribute:
        root.first_attribute = ts_node_child_by_field_id(node, g.f_attribute);
        node = ts_node_child_by_field_id(node, g.f_object);
        break;
      case NodeKind::Call: node = ts_node_child_by_field_id(node, g.f_function); break;
      case NodeKind::ParenthesizedExpression:
      case NodeKind::Await:
      case NodeKind::ConditionalExpression: node = ts_node_named_child(node, 0); break;
      default: return ValueRoot{};
    }
  }
  return ValueRoot{};
}

class BindingCollector {
 public:
  explicit BindingCollector(const SyntaxTree& tree)
      : tree_(tree), g_(PythonGrammar::instance()) {
    model_.scopes.push_back(Scope{});
    stack_.push_back(0);
  }

  bool enter(TSNode node, TSFieldId /*field*/) {
    const NodeKind kind = g_.kind(node);
    switch (kind) {
      case NodeKind::ImportStatement: on_import(node); return false;
      case NodeKind::ImportFromStatement: on_import_from(node); return false;
      case NodeKind::FutureImportStatement: return false;
      case NodeKind::FunctionDefinition:
      case NodeKind::ClassDefinition: {
        TSNode name = ts_node_child_by_field_id(node, g_.f_name);
        if (!ts_node_is_null(name)) bind_opaque(tree_.text(name), node);
        break;
      }
      case NodeKind::Assignment: on_assignment(node); break;
      case NodeKind::AugmentedAssignment:
        bind_targets(ts_node_child_by_field_id(node, g_.f_left), node);
        break;
      case NodeKind::ForStatement:
      case NodeKind::ForInClause:
        bind_targets(ts_node_child_by_field_id(node, g_.f_left), node);
        break;
      case NodeKind::AsPattern: on_as_pattern(node); break;
      case NodeKind::ExceptClause: {
        TSNode alias = ts_node_child_by_field_id(node, g_.f_alias);
        if (!ts_node_is_null(alias)) bind_targets(alias, node);
        break;
      }
      case NodeKind::NamedExpression: {
        TSNode name = ts_node_child_by_field_id(node, g_.f_name);
        TSNode value = ts_node_child_by_field_id(node, g_.f_value);
        if (!ts_node_is_null(name) && g_.kind(name) == NodeKind::Identifier)
          bind_value(tree_.text(name), value, node);
        break;
      }
      case NodeKind::GlobalStatement:
      case NodeKind::NonlocalStatement: {
        auto& list = kind == NodeKind::GlobalStatement ? current().globals : current().nonlocals;
        const std::uint32_t count = ts_node_named_child_count(node);
        for (std::uint32_t i = 0; i < count; ++i) list.push_back(tree_.text(ts_node_named_child(node, i)));
        return false;
      }
      default: break;
    }
    if (auto scope_kind = scope_opened_by(kind)) open_scope(*scope_kind, node);
    return true;
  }

  void leave(TSNode node) {
    if (scope_opened_by(g_.kind(node))) stack_.pop_back();
  }

  ScopeModel finish() && {
    compute_candidates();
    return std::move(model_);
  }

 private:
  Scope& current() { return model_.scopes[stack_.back()]; }

  void open_scope(Scope::Kind kind, TSNode node) {
    Scope scope;
    scope.kind = kind;
    scope.parent = stack_.back();
    const auto index = static_cast<std::uint32_t>(model_.scopes.size());
    if (kind == Scope::Kind::Function) scope.is_async = is_async_function(node);
    model_.scopes.push_back(std::move(scope));
    stack_.push_back(index);
    if (kind == Scope::Kind::Function || kind == Scope::Kind::Lambda) {
      TSNode parameters = ts_node_child_by_field_id(node, g_.f_parameters);
      if (!ts_node_is_null(parameters)) bind_parameters(parameters, node);
      Scope& opened = model_.scopes[index];
      if (kind == Scope::Kind::Function && !opened.parameters.empty() &&
          model_.scopes[opened.parent].kind == Scope::Kind::Class) {
        opened.first_parameter = opened.parameters.front();
      }
    }
  }

  void bind_parameters(TSNode parameters, TSNode owner) {
    const std::uint32_t count = ts_node_named_child_count(parameters);
    for (std::uint32_t i = 0; i < count; ++i) {
      TSNode parameter = ts_node_named_child(parameters, i);
      TSNode name = parameter;
      switch (g_.kind(parameter)) {
        case NodeKind::Identifier: break;
        case NodeKind::DefaultParameter:
        case NodeKind::TypedDefaultParameter:
          name = ts_node_child_by_field_id(parameter, g_.f_name);
          break;
        case NodeKind::TypedParameter:
        case NodeKind::ListSplatPattern:
        case NodeKind::DictionarySplatPattern:
          name = ts_node_named_child(parameter, 0);
          if (!ts_node_is_null(name) && g_.kind(name) != NodeKind::Identifier)
            name = ts_node_named_child(name, 0);  // typed *args / **kwargs
          break;
        default: continue;
      }
      if (ts_node_is_null(name) || g_.kind(name) != NodeKind::Identifier) continue;
      const std::string_view text = tree_.text(name);
      current().parameters.push_back(text);
      bind_opaque(text, owner);
    }
  }

  std::uint32_t add_binding(Binding binding) {
    // A name declared `global` binds in the module scope.
    std::uint32_t scope = stack_.back();
    const auto& globals = model_.scopes[scope].globals;
    if (std::find(globals.begin(), globals.end(), binding.name) != globals.end()) scope = 0;
    const auto index = static_cast<std::uint32_t>(model_.bindings.size());
    model_.bindings.push_back(std::move(binding));
    model_.scopes[scope].bindings.push_back(index);
    return index;
  }

  void bind_opaque(std::string_view name, TSNode origin) {
    Binding binding;
    binding.name = name;
    binding.source = Binding::Source::Opaque;
    binding.origin = range_of(origin);
    add_binding(std::move(binding));
  }

  void bind_value(std::string_view name, TSNode value, TSNode origin) {
    if (ts_node_is_null(value)) return bind_opaque(name, origin);
    Binding binding;
    binding.name = name;
    binding.source = Binding::Source::Value;
    binding.value = value;
    binding.value_scope = stack_.back();
    binding.origin = range_of(origin);
    add_binding(std::move(binding));
  }

  // Every name a target pattern binds: `a`, `a, b`, `[a, *b]`, `(a, b)`.
  void bind_targets(TSNode target, TSNode origin, int depth = 0) {
    if (ts_node_is_null(target) || depth > 32) return;
    switch (g_.kind(target)) {
      case NodeKind::Identifier: bind_opaque(tree_.text(target), origin); return;
      case NodeKind::PatternList:
      case NodeKind::TuplePattern:
      case NodeKind::ListPattern:
      case NodeKind::Tuple:
      case NodeKind::List:
      case NodeKind::ParenthesizedExpression:
      case NodeKind::ListSplatPattern:
      case NodeKind::AsPatternTarget: {
        const std::uint32_t count = ts_node_named_child_count(target);
        if (count == 0 && g_.kind(target) == NodeKind::AsPatternTarget) {
          bind_opaque(tree_.text(target), origin);
          return;
        }
        for (std::uint32_t i = 0; i < count; ++i)
          bind_targets(ts_node_named_child(target, i), origin, depth + 1);
        return;
      }
      default: return;  // attributes and subscripts bind no name
    }
  }

  void on_assignment(TSNode node) {
    TSNode left = ts_node_child_by_field_id(node, g_.f_left);
    TSNode right = final_value(ts_node_child_by_field_id(node, g_.f_right), g_);
    if (ts_node_is_null(left)) return;
    if (ts_node_is_null(right)) return;  // `x: int` annotates without binding
    switch (g_.kind(left)) {
      case NodeKind::Identifier: bind_value(tree_.text(left), right, node); return;
      case NodeKind::Attribute: on_attribute_assignment(left, right, node); return;
      default: bind_targets(left, node); return;
    }
  }

  // `self.pool = eventlet.GreenPool()` inside a method of a class.
  void on_attribute_assignment(TSNode left, TSNode right, TSNode origin) {
    const Scope& scope = current();
    if (scope.first_parameter.empty()) return;
    TSNode object = ts_node_child_by_field_id(left, g_.f_object);
    TSNode attribute = ts_node_child_by_field_id(left, g_.f_attribute);
    if (ts_node_is_null(object) || ts_node_is_null(attribute)) return;
    if (g_.kind(object) != NodeKind::Identifier || tree_.text(object) != scope.first_parameter)
      return;
    Binding binding;
    binding.name = tree_.text(attribute);
    binding.source = Binding::Source::Value;
    binding.value = right;
    binding.value_scope = stack_.back();
    binding.origin = range_of(origin);
    const auto index = static_cast<std::uint32_t>(model_.bindings.size());
    model_.bindings.push_back(std::move(binding));
    model_.attribute_bindings.push_back({scope.parent, index});
  }

  // `with eventlet.Timeout(5) as timeout:` binds the value of the context manager.
  void on_as_pattern(TSNode node) {
    TSNode alias = ts_node_child_by_field_id(node, g_.f_alias);
    if (ts_node_is_null(alias)) return;
    TSNode value = ts_node_named_child(node, 0);
    TSNode name = alias;
    if (g_.kind(alias) == NodeKind::AsPatternTarget && ts_node_named_child_count(alias) == 1)
      name = ts_node_named_child(alias, 0);
    if (g_.kind(name) == NodeKind::Identifier ||
        (g_.kind(name) == NodeKind::AsPatternTarget && ts_node_named_child_count(name) == 0)) {
      bind_value(tree_.text(name), value, node);
    } else {
      bind_targets(alias, node);
    }
  }

  std::string dotted_text(TSNode dotted) {
    if (g_.kind(dotted) != NodeKind::DottedName) return std::string(tree_.text(dotted));
    std::string name;
    const std::uint32_t count = ts_node_named_child_count(dotted);
    for (std::uint32_t i = 0; i < count; ++i) {
      if (i > 0) name += '.';
      name += tree_.text(ts_node_named_child(dotted, i));
    }
    return name;
  }

  void on_import(TSNode node) {
    const std::uint32_t count = ts_node_named_child_count(node);
    for (std::uint32_t i = 0; i < count; ++i) {
      TSNode item = ts_node_named_child(node, i);
      TSNode dotted = item;
      TSNode alias{};
      if (g_.kind(item) == NodeKind::AliasedImport) {
        dotted = ts_node_child_by_field_id(item, g_.f_name);
        alias = ts_node_child_by_field_id(item, g_.f_alias);
      }
      if (ts_node_is_null(dotted) || g_.kind(dotted) != NodeKind::DottedName) continue;
      const std::string module = dotted_text(dotted);
      const bool eventlet = is_eventlet_module_name(module);
      if (eventlet) model_.eventlet_imports.push_back({range_of(node), range_of(dotted), module});
      Binding binding;
      binding.origin = range_of(node);
      if (!ts_node_is_null(alias)) {
        binding.name = tree_.text(alias);
        binding.qualified_name = module;
      } else {
        // `import a.b.c` binds `a`.
        binding.name = tree_.text(ts_node_named_child(dotted, 0));
        binding.qualified_name = std::string(binding.name);
      }
      binding.source = eventlet ? Binding::Source::EventletImport : Binding::Source::OtherImport;
      add_binding(std::move(binding));
    }
  }

  void on_import_from(TSNode node) {
    TSNode module_node = ts_node_child_by_field_id(node, g_.f_module_name);
    if (ts_node_is_null(module_node)) return;
    // Relative imports name the project's own modules: never Eventlet's public API by name.
    const bool relative = g_.kind(module_node) == NodeKind::RelativeImport;
    const std::string module = relative ? std::string() : dotted_text(module_node);
    const bool eventlet = !relative && is_eventlet_module_name(module);
    if (eventlet) model_.eventlet_imports.push_back({range_of(node), range_of(module_node), module});

    const std::uint32_t count = ts_node_named_child_count(node);
    for (std::uint32_t i = 0; i < count; ++i) {
      TSNode item = ts_node_named_child(node, i);
      if (ts_node_eq(item, module_node)) continue;
      const NodeKind kind = g_.kind(item);
      if (kind == NodeKind::WildcardImport) {
        if (eventlet) current().wildcard_modules.push_back(module);
        continue;
      }
      TSNode dotted = item;
      TSNode alias{};
      if (kind == NodeKind::AliasedImport) {
        dotted = ts_node_child_by_field_id(item, g_.f_name);
        alias = ts_node_child_by_field_id(item, g_.f_alias);
      }
      if (ts_node_is_null(dotted) || g_.kind(dotted) != NodeKind::DottedName) continue;
      Binding binding;
      binding.origin = range_of(node);
      binding.name = tree_.text(ts_node_is_null(alias) ? dotted : alias);
      if (eventlet) {
        binding.source = Binding::Source::EventletImport;
        binding.qualified_name = module + "." + dotted_text(dotted);
      } else {
        binding.source = Binding::Source::OtherImport;
      }
      add_binding(std::move(binding));
    }
  }

  // Names bound to Eventlet imports, then (to a fixed point) names whose value flows from one.
  void compute_candidates() {
    auto& names = model_.candidate_names;
    for (const Binding& binding : model_.bindings) {
      if (binding.source == Binding::Source::EventletImport) names.insert(binding.name);
    }
    for (const Scope& scope : model_.scopes) {
      if (!scope.wildcard_modules.empty()) {
        names.insert("*");  // marker: every unbound name may come from the wildcard
      }
    }
    if (names.empty()) return;
    const bool wildcard = names.contains("*");
    std::vector<bool> is_attribute(model_.bindings.size(), false);
    for (const AttributeBinding& attribute : model_.attribute_bindings)
      is_attribute[attribute.binding] = true;
    bool changed = true;
    while (changed) {
      changed = false;
      for (std::uint32_t i = 0; i < model_.bindings.size(); ++i) {
        const Binding& binding = model_.bindings[i];
        if (binding.source != Binding::Source::Value) continue;
        const ValueRoot root = value_root(binding.value, g_);
        if (ts_node_is_null(root.identifier)) continue;
        bool flows = wildcard || names.contains(tree_.text(root.identifier));
        if (!flows && !ts_node_is_null(root.first_attribute))
          flows = model_.candidate_attributes.contains(tree_.text(root.first_attribute));
        if (!flows) continue;
        auto& target = is_attribute[i] ? model_.candidate_attributes : names;
        if (target.insert(binding.name).second) changed = true;
      }
    }
  }

  const SyntaxTree& tree_;
  const PythonGrammar& g_;
  ScopeModel model_;
  std::vector<std::uint32_t> stack_;
};

}  // namespace

ScopeModel collect_bindings(const SyntaxTree& tree) {
  BindingCollector collector(tree);
  walk_syntax(tree.root(), collector);
  return std::move(collector).finish();
}

}  // namespace eventlet_lsp::analyzers
