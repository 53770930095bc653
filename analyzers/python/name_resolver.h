// Answers "which Eventlet name, if any, does this name or expression stand for here?" over the
// scope model of pass 1, following Python's scoping (LEGB, class scopes invisible from nested
// functions, global/nonlocal), aliases and instances.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/parse/python_grammar.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/scope_model.h"

namespace eventlet_lsp::analyzers {

struct Resolution {
  enum class Kind : std::uint8_t { None, Name, Instance };
  Kind kind = Kind::None;
  std::string qualified_name;      // Name: an Eventlet name; Instance: the Eventlet class
  const Binding* via = nullptr;    // the binding the name came through
  explicit operator bool() const { return kind != Kind::None; }
};

class NameResolver {
 public:
  NameResolver(const ScopeModel& model, const SyntaxTree& tree);

  Resolution resolve_name(std::string_view name, std::uint32_t scope) const;
  Resolution evaluate(TSNode expression, std::uint32_t scope) const;
  // `self.<attribute>` where `self` is the first parameter of an enclosing method.
  Resolution resolve_self_attribute(std::string_view object, std::string_view attribute,
                                    std::uint32_t scope) const;

 private:
  Resolution evaluate_binding(std::uint32_t index) const;
  Resolution from_wildcard(const Scope& scope, std::string_view name) const;

  const ScopeModel& model_;
  const SyntaxTree& tree_;
  const PythonGrammar& g_;
  bool wildcard_ = false;
  // Candidate name -> (scope, binding) pairs; lists are short, so a scan beats nested maps.
  std::unordered_map<std::string_view, std::vector<std::pair<std::uint32_t, std::uint32_t>>>
      by_name_;
  enum class MemoState : std::uint8_t { Unvisited, InProgress, Done };
  mutable std::vector<MemoState> state_;
  mutable std::vector<Resolution> memo_;
  mutable int depth_ = 0;
};

}  // namespace eventlet_lsp::analyzers
