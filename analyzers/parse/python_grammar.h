// The tree-sitter-python language and the node kinds the analyzers look at, resolved once to
// symbol ids so that a tree walk compares integers, never strings.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace eventlet_lsp::analyzers {

enum class NodeKind : std::uint8_t {
  Other,
  Module,
  Identifier,
  Attribute,
  Call,
  ArgumentList,
  KeywordArgument,
  ImportStatement,
  ImportFromStatement,
  FutureImportStatement,
  AliasedImport,
  DottedName,
  RelativeImport,
  WildcardImport,
  FunctionDefinition,
  ClassDefinition,
  Lambda,
  LambdaParameters,
  Parameters,
  DefaultParameter,
  TypedParameter,
  TypedDefaultParameter,
  ListSplatPattern,
  DictionarySplatPattern,
  ListComprehension,
  SetComprehension,
  DictionaryComprehension,
  GeneratorExpression,
  ForInClause,
  Assignment,
  AugmentedAssignment,
  ExpressionStatement,
  PatternList,
  TuplePattern,
  ListPattern,
  Tuple,
  List,
  ParenthesizedExpression,
  ForStatement,
  WithItem,
  AsPattern,
  AsPatternTarget,
  ExceptClause,
  GlobalStatement,
  NonlocalStatement,
  IfStatement,
  ElifClause,
  ElseClause,
  ConditionalExpression,
  BooleanOperator,
  NotOperator,
  Comparison,
  Block,
  String,
  StringContent,
  Interpolation,
  ConcatenatedString,
  Comment,
  Decorator,
  DecoratedDefinition,
  Integer,
  Float,
  Await,
  NamedExpression,
  ReturnStatement,
  DeleteStatement,
  Subscript,
  Keyword,  // anonymous keyword tokens we care about: "async"
  Error,
  Count
};

class PythonGrammar {
 public:
  static const PythonGrammar& instance();

  const TSLanguage* language() const { return language_; }
  NodeKind kind(TSNode node) const {
    TSSymbol symbol = ts_node_symbol(node);
    return symbol < kinds_.size() ? kinds_[symbol] : NodeKind::Other;
  }
  TSFieldId field(std::string_view name) const;

  // Field ids used on hot paths.
  TSFieldId f_name, f_alias, f_module_name, f_object, f_attribute, f_function, f_arguments,
      f_left, f_right, f_value, f_body, f_condition, f_consequence, f_alternative, f_parameters,
      f_definition, f_superclasses;

 private:
  PythonGrammar();
  const TSLanguage* language_;
  std::vector<NodeKind> kinds_;
};

}  // namespace eventlet_lsp::analyzers
