#include "analyzers/parse/python_grammar.h"

#include <cstring>
#include <string>
#include <unordered_map>

extern "C" const TSLanguage* tree_sitter_python(void);

namespace eventlet_lsp::analyzers {

namespace {

// Several symbols can share one name (aliases); the table maps every one of them.
const std::unordered_map<std::string, NodeKind>& named_kinds() {
  static const std::unordered_map<std::string, NodeKind> kinds{
      {"module", NodeKind::Module},
      {"identifier", NodeKind::Identifier},
      {"attribute", NodeKind::Attribute},
      {"call", NodeKind::Call},
      {"argument_list", NodeKind::ArgumentList},
      {"keyword_argument", NodeKind::KeywordArgument},
      {"import_statement", NodeKind::ImportStatement},
      {"import_from_statement", NodeKind::ImportFromStatement},
      {"future_import_statement", NodeKind::FutureImportStatement},
      {"aliased_import", NodeKind::AliasedImport},
      {"dotted_name", NodeKind::DottedName},
      {"relative_import", NodeKind::RelativeImport},
      {"wildcard_import", NodeKind::WildcardImport},
      {"function_definition", NodeKind::FunctionDefinition},
      {"class_definition", NodeKind::ClassDefinition},
      {"lambda", NodeKind::Lambda},
      {"lambda_parameters", NodeKind::LambdaParameters},
      {"parameters", NodeKind::Parameters},
      {"default_parameter", NodeKind::DefaultParameter},
      {"typed_parameter", NodeKind::TypedParameter},
      {"typed_default_parameter", NodeKind::TypedDefaultParameter},
      {"list_splat_pattern", NodeKind::ListSplatPattern},
      {"dictionary_splat_pattern", NodeKind::DictionarySplatPattern},
      {"list_comprehension", NodeKind::ListComprehension},
      {"set_comprehension", NodeKind::SetComprehension},
      {"dictionary_comprehension", NodeKind::DictionaryComprehension},
      {"generator_expression", NodeKind::GeneratorExpression},
      {"for_in_clause", NodeKind::ForInClause},
      {"assignment", NodeKind::Assignment},
      {"augmented_assignment", NodeKind::AugmentedAssignment},
      {"expression_statement", NodeKind::ExpressionStatement},
      {"pattern_list", NodeKind::PatternList},
      {"tuple_pattern", NodeKind::TuplePattern},
      {"list_pattern", NodeKind::ListPattern},
      {"tuple", NodeKind::Tuple},
      {"list", NodeKind::List},
      {"parenthesized_expression", NodeKind::ParenthesizedExpression},
      {"for_statement", NodeKind::ForStatement},
      {"with_item", NodeKind::WithItem},
      {"as_pattern", NodeKind::AsPattern},
      {"as_pattern_target", NodeKind::AsPatternTarget},
      {"except_clause", NodeKind::ExceptClause},
      {"global_statement", NodeKind::GlobalStatement},
      {"nonlocal_statement", NodeKind::NonlocalStatement},
      {"if_statement", NodeKind::IfStatement},
      {"elif_clause", NodeKind::ElifClause},
      {"else_clause", NodeKind::ElseClause},
      {"conditional_expression", NodeKind::ConditionalExpression},
      {"boolean_operator", NodeKind::BooleanOperator},
      {"not_operator", NodeKind::NotOperator},
      {"comparison_operator", NodeKind::Comparison},
      {"block", NodeKind::Block},
      {"string", NodeKind::String},
      {"string_content", NodeKind::StringContent},
      {"interpolation", NodeKind::Interpolation},
      {"concatenated_string", NodeKind::ConcatenatedString},
      {"comment", NodeKind::Comment},
      {"decorator", NodeKind::Decorator},
      {"decorated_definition", NodeKind::DecoratedDefinition},
      {"integer", NodeKind::Integer},
      {"float", NodeKind::Float},
      {"await", NodeKind::Await},
      {"named_expression", NodeKind::NamedExpression},
      {"return_statement", NodeKind::ReturnStatement},
      {"delete_statement", NodeKind::DeleteStatement},
      {"subscript", NodeKind::Subscript},
      {"ERROR", NodeKind::Error},
  };
  return kinds;
}

}  // namespace

const PythonGrammar& PythonGrammar::instance() {
  static const PythonGrammar grammar;
  return grammar;
}

PythonGrammar::PythonGrammar() : language_(tree_sitter_python()) {
  const auto& named = named_kinds();
  const std::uint32_t count = ts_language_symbol_count(language_);
  kinds_.assign(count, NodeKind::Other);
  for (std::uint32_t symbol = 0; symbol < count; ++symbol) {
    const char* name = ts_language_symbol_name(language_, static_cast<TSSymbol>(symbol));
    if (name == nullptr) continue;
    const TSSymbolType type = ts_language_symbol_type(language_, static_cast<TSSymbol>(symbol));
    if (type == TSSymbolTypeRegular) {
      if (auto it = named.find(name); it != named.end()) kinds_[symbol] = it->second;
    } else if (type == TSSymbolTypeAnonymous && std::strcmp(name, "async") == 0) {
      kinds_[symbol] = NodeKind::Keyword;
    }
  }
  // ERROR is a builtin symbol (65535), outside the table; kind() maps it to Other, so look it
  // up through ts_node_is_error where it matters.
  f_name = field("name");
  f_alias = field("alias");
  f_module_name = field("module_name");
  f_object = field("object");
  f_attribute = field("attribute");
  f_function = field("function");
  f_arguments = field("arguments");
  f_left = field("left");
  f_right = field("right");
  f_value = field("value");
  f_body = field("body");
  f_condition = field("condition");
  f_consequence = field("consequence");
  f_alternative = field("alternative");
  f_parameters = field("parameters");
  f_definition = field("definition");
  f_superclasses = field("superclasses");
}

TSFieldId PythonGrammar::field(std::string_view name) const {
  return ts_language_field_id_for_name(language_, name.data(),
                                       static_cast<std::uint32_t>(name.size()));
}

}  // namespace eventlet_lsp::analyzers
