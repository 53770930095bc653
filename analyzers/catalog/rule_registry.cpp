// The central code table: every rule definition (one file each under analyzers/rules/), in code
// order, and lookups by code or name.
#include "analyzers/catalog/rule_registry.h"

#include <array>
#include <cstddef>
#include <cstdio>
#include <cstdlib>

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL001;
extern const RuleDefinition kRuleEL002;
extern const RuleDefinition kRuleEL003;
extern const RuleDefinition kRuleEL004;
extern const RuleDefinition kRuleEL101;
extern const RuleDefinition kRuleEL102;
extern const RuleDefinition kRuleEL201;
extern const RuleDefinition kRuleEL202;
extern const RuleDefinition kRuleEL203;
extern const RuleDefinition kRuleEL301;
extern const RuleDefinition kRuleEL302;
extern const RuleDefinition kRuleEL303;
extern const RuleDefinition kRuleEL401;
extern const RuleDefinition kRuleEL402;
extern const RuleDefinition kRuleEL403;
extern const RuleDefinition kRuleEL404;
extern const RuleDefinition kRuleEL501;
extern const RuleDefinition kRuleEL502;
extern const RuleDefinition kRuleEL503;
extern const RuleDefinition kRuleEL504;
extern const RuleDefinition kRuleEL505;
extern const RuleDefinition kRuleEL506;
extern const RuleDefinition kRuleEL507;
extern const RuleDefinition kRuleEL508;
extern const RuleDefinition kRuleEL509;
extern const RuleDefinition kRuleEL601;
extern const RuleDefinition kRuleEL602;
extern const RuleDefinition kRuleEL603;
extern const RuleDefinition kRuleEL701;
extern const RuleDefinition kRuleEL801;
extern const RuleDefinition kRuleEL802;
extern const RuleDefinition kRuleEL803;
extern const RuleDefinition kRuleEL804;
extern const RuleDefinition kRuleEL805;
extern const RuleDefinition kRuleEL806;
extern const RuleDefinition kRuleEL807;
extern const RuleDefinition kRuleEL808;
extern const RuleDefinition kRuleEL901;
extern const RuleDefinition kRuleEL902;
extern const RuleDefinition kRuleEL903;
extern const RuleDefinition kRuleEL904;
extern const RuleDefinition kRuleEL905;

namespace {

constinit const std::array<const RuleDefinition*, 42> kRules{
    &kRuleEL001,
    &kRuleEL002,
    &kRuleEL003,
    &kRuleEL004,
    &kRuleEL101,
    &kRuleEL102,
    &kRuleEL201,
    &kRuleEL202,
    &kRuleEL203,
    &kRuleEL301,
    &kRuleEL302,
    &kRuleEL303,
    &kRuleEL401,
    &kRuleEL402,
    &kRuleEL403,
    &kRuleEL404,
    &kRuleEL501,
    &kRuleEL502,
    &kRuleEL503,
    &kRuleEL504,
    &kRuleEL505,
    &kRuleEL506,
    &kRuleEL507,
    &kRuleEL508,
    &kRuleEL509,
    &kRuleEL601,
    &kRuleEL602,
    &kRuleEL603,
    &kRuleEL701,
    &kRuleEL801,
    &kRuleEL802,
    &kRuleEL803,
    &kRuleEL804,
    &kRuleEL805,
    &kRuleEL806,
    &kRuleEL807,
    &kRuleEL808,
    &kRuleEL901,
    &kRuleEL902,
    &kRuleEL903,
    &kRuleEL904,
    &kRuleEL905,
};

constexpr char ascii_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// Rule codes are ASCII ("EL301"), so "el301" and "El301" name the same rule.
constexpr bool code_equals(std::string_view code, std::string_view text) {
  if (code.size() != text.size()) {
    return false;
  }
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (ascii_upper(code[i]) != ascii_upper(text[i])) {
      return false;
    }
  }
  return true;
}

const RuleDefinition* find_by_code(std::string_view code) {
  for (const RuleDefinition* definition : kRules) {
    if (code_equals(definition->code, code)) {
      return definition;
    }
  }
  return nullptr;
}

}  // namespace

std::span<const RuleDefinition* const> all_rules() { return kRules; }

const RuleDefinition* find_rule(std::string_view code_or_name) {
  if (const RuleDefinition* definition = find_by_code(code_or_name)) {
    return definition;
  }
  for (const RuleDefinition* definition : kRules) {
    if (definition->name == code_or_name) {
      return definition;
    }
  }
  return nullptr;
}

const RuleDefinition& rule(std::string_view code) {
  if (const RuleDefinition* definition = find_by_code(code)) {
    return *definition;
  }
  std::fprintf(stderr, "eventlet-lsp: internal error: no rule with code \"%.*s\" in the catalog\n",
               static_cast<int>(code.size()), code.data());
  std::abort();
}

}  // namespace eventlet_lsp::analyzers
