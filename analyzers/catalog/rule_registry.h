// The central code table: every rule, in code order.
#pragma once

#include <span>
#include <string_view>

#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

std::span<const RuleDefinition* const> all_rules();

// By code ("EL301") or name ("spawn-fire-and-forget"); nullptr when there is none.
const RuleDefinition* find_rule(std::string_view code_or_name);

// The rule for a code that must exist (the catalog refers to it); aborts on a programming error.
const RuleDefinition& rule(std::string_view code);

}  // namespace eventlet_lsp::analyzers
