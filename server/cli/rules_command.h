// `eventlet-lsp rules` (the catalog) and `eventlet-lsp rule CODE` (one rule explained).
#pragma once

#include <iosfwd>
#include <string>

namespace eventlet_lsp::server {

enum class RulesFormat { Text, Json, Markdown };

int run_rules_command(RulesFormat format, std::ostream& out);
int run_rule_command(const std::string& code_or_name, std::ostream& out, std::ostream& err);

// docs/rules.md: generated from the catalog; a test fails when the committed file is stale.
std::string render_rules_markdown();

}  // namespace eventlet_lsp::server
