// Every use of one variable, for rewrites that change what the variable holds (a GreenPool that
// becomes an executor, an Event that becomes a Future): such a rewrite is honest only when it
// sees, and rewrites, every place the value is reached through.
//
// A variable is either a name bound by `name = value` in a module or function (its reads are
// those that resolve to that scope, from nested scopes too, as Python's scoping says), or an
// attribute bound by `self.name = value` in a method (its reads are `self.name` in the methods of
// that class). Both come from the binding pass (collect_bindings), which records every
// occurrence of a name an Eventlet value flows into.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/scope_model.h"

namespace eventlet_lsp::analyzers {

// `variable.method(arguments)`.
struct MethodCall {
  TSNode method{};     // the attribute identifier (`wait`)
  TSNode call{};
  TSNode arguments{};  // the argument list, parentheses included
  bool is_statement = false;  // the call is a whole expression statement: its value is unused
  std::string_view name;      // the method's name
  bool no_arguments = false;
};

struct VariableUse {
  SyntaxPath path;  // root .. the variable's expression (the identifier, or `self.name`)
  std::uint32_t scope = 0;
  bool in_async_def = false;           // the innermost function around the use is `async def`
  std::optional<MethodCall> method_call;  // set when the use is a method call on the variable
  TSNode node() const { return path.back().node; }
};

struct Variable {
  std::string_view name;  // the name, or the attribute of `self.name`
  bool is_attribute = false;
  std::uint32_t scope = 0;            // the module or function binding the name; the class for an attribute
  // Other modules may reach it (a public module-level name or attribute): they are not rewritten.
  bool visible_elsewhere = false;
  std::vector<TSNode> assignments;    // every Assignment that binds it (including the one asked about)
  std::vector<VariableUse> uses;      // every read, in source order
};

// The variable an assignment statement binds (`assignment` is the Assignment node of an
// expression statement), with all its bindings and uses. nullopt when the variable may be
// reached in ways this cannot follow: the target is not a plain name or `self.name`, the name is
// also bound otherwise (a parameter, a loop target, an import, `nonlocal`), the attribute is used
// through something other than the method's `self`, or the binding is in a class body.
std::optional<Variable> variable_assigned_by(const SyntaxTree& tree, const ScopeModel& model, TSNode assignment);

// The variable a value is assigned to as a whole statement (`name = value`), with its bindings
// and uses: assignment_of_value, the binding pass and variable_assigned_by in one step.
std::optional<Variable> variable_holding(const SyntaxTree& tree, TSNode value);

// The caveat a title adds for a variable other modules may reach ("; other modules using `pool`
// are not rewritten", "`.pool`" for an attribute), or "".
std::string elsewhere_caveat(const Variable& variable);

// The Assignment node whose right side is exactly `value` (`name = value` as a whole statement);
// null otherwise.
TSNode assignment_of_value(TSNode value);

}  // namespace eventlet_lsp::analyzers
