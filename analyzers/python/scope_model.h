// What the binding pass learns about a Python file: its scopes, every name binding in them, and
// the Eventlet import statements. Flow-insensitive, as Python's own scoping is per scope.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyzers/core/finding.h"
#include "analyzers/python/syntax_path.h"

namespace eventlet_lsp::analyzers {

struct Binding {
  enum class Source : std::uint8_t {
    EventletImport,  // `import eventlet as ev`, `from eventlet import sleep`
    OtherImport,     // any other import: shadows
    Value,           // `x = <expression>`: evaluated on demand (aliases, instances)
    Opaque,          // parameters, loop targets, defs, classes: shadows
  };
  std::string_view name;
  Source source = Source::Opaque;
  std::string qualified_name;  // EventletImport: the Eventlet name bound
  TSNode value{};              // Value: the expression bound to the name
  std::uint32_t value_scope = 0;
  SourceRange origin;          // the statement that binds
};

struct Scope {
  enum class Kind : std::uint8_t { Module, Class, Function, Lambda, Comprehension };
  Kind kind = Kind::Module;
  std::uint32_t parent = 0;
  bool is_async = false;
  std::string_view first_parameter;  // a method's `self`: set when the parent is a class
  std::vector<std::string_view> parameters;
  std::vector<std::string_view> globals;
  std::vector<std::string_view> nonlocals;
  std::vector<std::string> wildcard_modules;  // `from eventlet import *`
  std::vector<std::uint32_t> bindings;        // indices into ScopeModel::bindings
};

struct ImportSite {
  SourceRange statement;
  SourceRange module;  // the dotted name of the Eventlet module in the statement
  std::string module_name;
};

// `self.<attribute> = value` inside a method: instance tracking across methods of one class.
struct AttributeBinding {
  std::uint32_t class_scope;
  std::uint32_t binding;  // index into ScopeModel::bindings; its name is the attribute
};

// A place where a name that may be bound to Eventlet is read.
struct NameUse {
  enum class Kind : std::uint8_t {
    Name,           // path.back() is the identifier
    SelfAttribute,  // path.back() is `self.<attribute>`: an instance kept on the object
  };
  Kind kind = Kind::Name;
  SyntaxPath path;
  std::uint32_t scope = 0;
};

struct ScopeModel {
  std::vector<Scope> scopes;  // scopes[0] is the module
  std::vector<Binding> bindings;
  std::vector<AttributeBinding> attribute_bindings;
  std::vector<ImportSite> eventlet_imports;
  std::vector<NameUse> uses;  // in no particular order
  // Names and self-attributes that may resolve to Eventlet: only their occurrences are looked at.
  std::unordered_set<std::string_view> candidate_names;
  std::unordered_set<std::string_view> candidate_attributes;
};

// True when a dotted module name is Eventlet's ("eventlet", "eventlet.green.socket").
inline bool is_eventlet_module_name(std::string_view name) {
  return name.starts_with("eventlet") && (name.size() == 8 || name[8] == '.');
}

}  // namespace eventlet_lsp::analyzers
