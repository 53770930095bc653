#include "analyzers/python/binding_collector.h"

#include <algorithm>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "analyzers/catalog/api_table.h"
#include "analyzers/python/literals.h"

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

class BindingCollector {
 public:
  BindingCollector(const SyntaxTree& tree, const SearchArea& area)
      : tree_(tree), area_(area), paths_(tree), g_(PythonGrammar::instance()) {
    model_.scopes.push_back(Scope{});
  }

  ScopeModel run() && {
    enqueue_name("eventlet");
    while (!names_.empty() || !attributes_.empty()) {
      if (!names_.empty()) {
        const std::string_view name = names_.front();
        names_.pop_front();
        for (std::uint32_t at : area_.find_word(tree_.source(), name)) on_name_occurrence(at, name);
      } else {
        const std::string_view attribute = attributes_.front();
        attributes_.pop_front();
        for (std::uint32_t at : area_.find_word(tree_.source(), attribute))
          on_attribute_occurrence(at, attribute);
      }
    }
    move_global_bindings();
    return std::move(model_);
  }

  // A binding can be recorded before the `global` statement of its name is seen (the name
  // became a candidate later): bindings of names a scope declares global live in the module.
  void move_global_bindings() {
    for (std::uint32_t index = 1; index < model_.scopes.size(); ++index) {
      Scope& scope = model_.scopes[index];
      if (scope.globals.empty()) continue;
      std::erase_if(scope.bindings, [&](std::uint32_t binding) {
        const std::string_view name = model_.bindings[binding].name;
        if (std::find(scope.globals.begin(), scope.globals.end(), name) == scope.globals.end()) return false;
        model_.scopes[0].bindings.push_back(binding);
        return true;
      });
    }
  }

 private:
  void enqueue_name(std::string_view name) {
    if (model_.candidate_names.insert(name).second) names_.push_back(name);
  }
  void enqueue_attribute(std::string_view name) {
    if (model_.candidate_attributes.insert(name).second) attributes_.push_back(name);
  }

  // --- scopes -------------------------------------------------------------------------------

  std::uint32_t scope_for(TSNode node, Scope::Kind kind, std::uint32_t parent) {
    const std::uint64_t key =
        (static_cast<std::uint64_t>(ts_node_start_byte(node)) << 32) | ts_node_end_byte(node);
    if (auto it = scope_by_node_.find(key); it != scope_by_node_.end()) return it->second;
    Scope scope;
    scope.kind = kind;
    scope.parent = parent;
    if (kind == Scope::Kind::Function) scope.is_async = is_async_function(node);
    if (kind == Scope::Kind::Function || kind == Scope::Kind::Lambda) {
      TSNode parameters = ts_node_child_by_field_id(node, g_.f_parameters);
      if (!ts_node_is_null(parameters)) scope.parameters = parameter_names(parameters);
      if (kind == Scope::Kind::Function && !scope.parameters.empty() &&
          model_.scopes[parent].kind == Scope::Kind::Class) {
        scope.first_parameter = scope.parameters.front();
      }
    }
    const auto index = static_cast<std::uint32_t>(model_.scopes.size());
    model_.scopes.push_back(std::move(scope));
    scope_by_node_.emplace(key, index);
    return index;
  }

  // Whether code at path[i + 1...] runs inside the scope that path[i] opens. Parameter
  // defaults and annotations, class bases and return annotations are evaluated outside it.
  bool runs_inside(const SyntaxPath& path, std::size_t i, std::size_t last) const {
    if (i + 1 > last) return true;
    const SyntaxFrame& next = path[i + 1];
    switch (path[i].kind) {
      case NodeKind::FunctionDefinition:
      case NodeKind::Lambda: {
        if (next.field == g_.f_body) return true;
        if (next.field != g_.f_parameters) return false;  // name, return type
        // Inside the parameter list: names bind inside, defaults and annotations do not.
        for (std::size_t k = i + 2; k <= last; ++k) {
          if (path[k].field == g_.f_value || path[k].field == type_field_) return false;
        }
        return true;
      }
      case NodeKind::ClassDefinition: return next.field == g_.f_body;
      default: return true;
    }
  }

  // The scope of code at path[last] (the scopes opened by path[1..last] that it runs in).
  std::uint32_t scope_of(const SyntaxPath& path, std::size_t last) {
    std::uint32_t scope = 0;
    for (std::size_t i = 1; i <= last && i < path.size(); ++i) {
      auto kind = scope_opened_by(path[i].kind);
      if (!kind || !runs_inside(path, i, last)) continue;
      scope = scope_for(path[i].node, *kind, scope);
    }
    return scope;
  }

  std::vector<std::string_view> parameter_names(TSNode parameters) {
    std::vector<std::string_view> names;
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
      if (!ts_node_is_null(name) && g_.kind(name) == NodeKind::Identifier)
        names.push_back(tree_.text(name));
    }
    return names;
  }

  // --- bindings -----------------------------------------------------------------------------

  std::uint32_t add_binding(std::uint32_t scope, Binding binding) {
    // A name declared `global` binds in the module scope.
    const auto& globals = model_.scopes[scope].globals;
    if (std::find(globals.begin(), globals.end(), binding.name) != globals.end()) scope = 0;
    const auto index = static_cast<std::uint32_t>(model_.bindings.size());
    model_.bindings.push_back(std::move(binding));
    model_.scopes[scope].bindings.push_back(index);
    return index;
  }

  void bind_opaque(std::uint32_t scope, std::string_view name, TSNode origin) {
    Binding binding;
    binding.name = name;
    binding.origin = range_of(origin);
    add_binding(scope, std::move(binding));
  }

  void bind_value(std::uint32_t scope, std::string_view name, TSNode value, TSNode origin) {
    if (ts_node_is_null(value)) return bind_opaque(scope, name, origin);
    Binding binding;
    binding.name = name;
    binding.source = Binding::Source::Value;
    binding.value = value;
    binding.value_scope = scope;
    binding.origin = range_of(origin);
    add_binding(scope, std::move(binding));
  }

  std::string dotted_text(TSNode dotted) const { return dotted_name_text(tree_, dotted); }

  void on_import(const SyntaxPath& path, std::size_t statement_index) {
    TSNode statement = path[statement_index].node;
    if (!imports_seen_.insert(ts_node_start_byte(statement)).second) return;
    const std::uint32_t scope = scope_of(path, statement_index);
    if (path[statement_index].kind == NodeKind::ImportStatement) {
      on_import_statement(statement, scope);
    } else if (path[statement_index].kind == NodeKind::ImportFromStatement) {
      on_import_from(statement, scope);
    }
  }

  void on_import_statement(TSNode node, std::uint32_t scope) {
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
      if (eventlet) enqueue_name(binding.name);
      add_binding(scope, std::move(binding));
    }
  }

  void on_import_from(TSNode node, std::uint32_t scope) {
    TSNode module_node = ts_node_child_by_field_id(node, g_.f_module_name);
    if (ts_node_is_null(module_node)) return;
    // Relative imports name the project's own modules, never Eventlet's public API by name.
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
        if (eventlet) on_wildcard(module, scope);
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
        enqueue_name(binding.name);
      } else {
        binding.source = Binding::Source::OtherImport;
      }
      add_binding(scope, std::move(binding));
    }
  }

  // `from eventlet import *`: every public name of the module may be used unqualified.
  void on_wildcard(const std::string& module, std::uint32_t scope) {
    model_.scopes[scope].wildcard_modules.push_back(module);
    const std::string prefix = module + ".";
    auto consider = [&](std::string_view name) {
      if (!name.starts_with(prefix)) return;
      const std::string_view rest = name.substr(prefix.size());
      if (rest.empty() || rest.find('.') != std::string_view::npos || rest.front() == '_') return;
      enqueue_name(rest);
    };
    for (const ApiEntry& entry : api_entries()) consider(entry.qualified_name);
    for (const ApiAlias& alias : api_aliases()) consider(alias.alias);
  }

  // --- occurrences --------------------------------------------------------------------------

  void on_name_occurrence(std::uint32_t at, std::string_view name) {
    SyntaxPath path = paths_.at(at);
    const std::size_t n = path.size() - 1;
    if (n == 0 || path[n].kind != NodeKind::Identifier) return;  // in a string or comment
    if (ts_node_start_byte(path[n].node) != at || ts_node_end_byte(path[n].node) != at + name.size())
      return;
    for (std::size_t i = 1; i < n; ++i) {
      const NodeKind kind = path[i].kind;
      if (kind == NodeKind::ImportStatement || kind == NodeKind::ImportFromStatement) {
        on_import(path, i);
        return;
      }
      if (kind == NodeKind::FutureImportStatement) return;
    }
    const SyntaxFrame& parent = path[n - 1];
    const TSFieldId field = path[n].field;
    TSNode node = path[n].node;
    switch (parent.kind) {
      case NodeKind::GlobalStatement:
        model_.scopes[scope_of(path, n)].globals.push_back(name);
        return;
      case NodeKind::NonlocalStatement:
        model_.scopes[scope_of(path, n)].nonlocals.push_back(name);
        return;
      case NodeKind::FunctionDefinition:
      case NodeKind::ClassDefinition:
        if (field == g_.f_name) {
          bind_opaque(scope_of(path, n - 2), name, parent.node);
          return;
        }
        break;
      case NodeKind::Parameters:
      case NodeKind::LambdaParameters:
        bind_opaque(scope_of(path, n), name, node);
        return;
      case NodeKind::DefaultParameter:
      case NodeKind::TypedDefaultParameter:
        if (field == g_.f_name) {
          bind_opaque(scope_of(path, n), name, node);
          return;
        }
        break;
      case NodeKind::TypedParameter:
        if (field == 0) {
          bind_opaque(scope_of(path, n), name, node);
          return;
        }
        break;
      case NodeKind::ListSplatPattern:
      case NodeKind::DictionarySplatPattern:
        if (n >= 2 && (path[n - 2].kind == NodeKind::Parameters ||
                       path[n - 2].kind == NodeKind::LambdaParameters ||
                       path[n - 2].kind == NodeKind::TypedParameter)) {
          bind_opaque(scope_of(path, n), name, node);
          return;
        }
        break;
      case NodeKind::KeywordArgument:
        if (field == g_.f_name) return;
        break;
      case NodeKind::Attribute:
        if (field == g_.f_attribute) return;  // `x.eventlet`: an attribute, not the name
        break;
      default: break;
    }
    if (path[n].target) {
      on_target(path, n, name);
      return;
    }
    // `del name` unbinds; it is not a use.
    if (parent.kind == NodeKind::DeleteStatement ||
        (n >= 2 && path[n - 2].kind == NodeKind::DeleteStatement))
      return;
    const std::uint32_t scope = scope_of(path, n);
    follow_value(path, n);
    model_.uses.push_back(NameUse{NameUse::Kind::Name, std::move(path), scope});
  }

  // `except eventlet.Timeout as error:` binds the exception caught, not the class.
  static bool in_except_clause(const SyntaxPath& path, std::size_t as_pattern) {
    return as_pattern > 0 && path[as_pattern - 1].kind == NodeKind::ExceptClause;
  }

  // `name` is (part of) an assignment target.
  void on_target(const SyntaxPath& path, std::size_t n, std::string_view name) {
    std::size_t i = n;
    while (i > 1 && path[i - 1].target) --i;  // up through tuple/list patterns
    const SyntaxFrame& construct = path[i - 1];
    const std::uint32_t scope = scope_of(path, n);
    const bool direct = i == n || (i == n - 1 && path[n - 1].kind == NodeKind::AsPatternTarget);
    if (direct && construct.kind == NodeKind::Assignment) {
      bind_value(scope, name, final_value(ts_node_child_by_field_id(construct.node, g_.f_right), g_),
                 construct.node);
    } else if (direct && construct.kind == NodeKind::NamedExpression) {
      bind_value(scope, name, ts_node_child_by_field_id(construct.node, g_.f_value), construct.node);
    } else if (direct && construct.kind == NodeKind::AsPattern && !in_except_clause(path, i - 1)) {
      bind_value(scope, name, ts_node_named_child(construct.node, 0), construct.node);
    } else {
      bind_opaque(scope, name, construct.node);
    }
  }

  // A use whose value is assigned on: `pool = eventlet.GreenPool()` makes `pool` a candidate,
  // `self.pool = ...` makes the attribute `pool` one.
  void follow_value(const SyntaxPath& path, std::size_t j) {
    while (j > 0) {
      const SyntaxFrame& parent = path[j - 1];
      const TSFieldId field = path[j].field;
      const bool flows = (parent.kind == NodeKind::Attribute && field == g_.f_object) ||
                         (parent.kind == NodeKind::Call && field == g_.f_function) ||
                         parent.kind == NodeKind::ParenthesizedExpression ||
                         parent.kind == NodeKind::Await ||
                         parent.kind == NodeKind::ConditionalExpression;
      if (!flows) break;
      --j;
    }
    while (j > 0) {
      const SyntaxFrame& parent = path[j - 1];
      const TSFieldId field = path[j].field;
      if (parent.kind == NodeKind::Assignment && field == g_.f_right) {
        target_flows(ts_node_child_by_field_id(parent.node, g_.f_left));
        --j;  // `a = b = value` assigns on to `a` too
        continue;
      }
      if (parent.kind == NodeKind::NamedExpression && field == g_.f_value) {
        target_flows(ts_node_child_by_field_id(parent.node, g_.f_name));
      } else if (parent.kind == NodeKind::AsPattern && !in_except_clause(path, j - 1) &&
                 ts_node_eq(path[j].node, ts_node_named_child(parent.node, 0))) {
        TSNode alias = ts_node_child_by_field_id(parent.node, g_.f_alias);
        if (!ts_node_is_null(alias) && g_.kind(alias) == NodeKind::AsPatternTarget &&
            ts_node_named_child_count(alias) == 1)
          alias = ts_node_named_child(alias, 0);
        target_flows(alias);
      }
      break;
    }
  }

  void target_flows(TSNode target) {
    if (ts_node_is_null(target)) return;
    const NodeKind kind = g_.kind(target);
    if (kind == NodeKind::Identifier ||
        (kind == NodeKind::AsPatternTarget && ts_node_named_child_count(target) == 0)) {
      enqueue_name(tree_.text(target));
      // A class attribute (`queue_class = eventlet.queue.LightQueue` in a class body) is also
      // reached as `self.queue_class`.
      enqueue_attribute(tree_.text(target));
    } else if (kind == NodeKind::Attribute) {
      TSNode object = ts_node_child_by_field_id(target, g_.f_object);
      TSNode attribute = ts_node_child_by_field_id(target, g_.f_attribute);
      if (!ts_node_is_null(object) && g_.kind(object) == NodeKind::Identifier && !ts_node_is_null(attribute))
        enqueue_attribute(tree_.text(attribute));
    }
  }

  // `self.<attribute>`: a binding inside a method, or a use anywhere in the class.
  void on_attribute_occurrence(std::uint32_t at, std::string_view attribute) {
    SyntaxPath path = paths_.at(at);
    const std::size_t n = path.size() - 1;
    if (n < 2 || path[n].kind != NodeKind::Identifier) return;
    if (ts_node_start_byte(path[n].node) != at) return;
    const SyntaxFrame& holder = path[n - 1];
    if (holder.kind != NodeKind::Attribute || path[n].field != g_.f_attribute) return;
    TSNode object = ts_node_child_by_field_id(holder.node, g_.f_object);
    if (ts_node_is_null(object) || g_.kind(object) != NodeKind::Identifier) return;
    const std::uint32_t scope = scope_of(path, n);
    const SyntaxFrame& construct = path[n - 2];
    if (construct.kind == NodeKind::Assignment && holder.field == g_.f_left) {
      const Scope& method = model_.scopes[scope];
      if (method.kind != Scope::Kind::Function || method.first_parameter != tree_.text(object)) return;
      Binding binding;
      binding.name = attribute;
      binding.source = Binding::Source::Value;
      binding.value = final_value(ts_node_child_by_field_id(construct.node, g_.f_right), g_);
      binding.value_scope = scope;
      binding.origin = range_of(construct.node);
      if (ts_node_is_null(binding.value)) return;
      const auto index = static_cast<std::uint32_t>(model_.bindings.size());
      model_.bindings.push_back(std::move(binding));
      model_.attribute_bindings.push_back({method.parent, index});
      return;
    }
    if (holder.target) return;
    follow_value(path, n - 1);
    path.pop_back();  // the use is `self.<attribute>`
    model_.uses.push_back(NameUse{NameUse::Kind::SelfAttribute, std::move(path), scope});
  }

  const SyntaxTree& tree_;
  const SearchArea& area_;
  const SyntaxPathFinder paths_;
  const PythonGrammar& g_;
  ScopeModel model_;
  std::deque<std::string_view> names_;
  std::deque<std::string_view> attributes_;
  std::unordered_map<std::uint64_t, std::uint32_t> scope_by_node_;
  std::unordered_set<std::uint32_t> imports_seen_;
  const TSFieldId type_field_ = PythonGrammar::instance().field("type");
};

}  // namespace

ScopeModel collect_bindings(const SyntaxTree& tree, const SearchArea& area) {
  return BindingCollector(tree, area).run();
}

}  // namespace eventlet_lsp::analyzers
