// `# noqa` and `# noqa: EL301, spawn-fire-and-forget` comments, as flake8 and ruff read them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventlet_lsp::analyzers {

struct RuleDefinition;

struct NoqaDirective {
  bool all = false;                // bare `# noqa`
  std::vector<std::string> codes;  // as written: codes or rule names
  bool suppresses(const RuleDefinition& rule) const;
};

// Parses the text of one comment ("# noqa: EL301"); nullopt when it holds no directive.
std::optional<NoqaDirective> parse_noqa(std::string_view comment);

}  // namespace eventlet_lsp::analyzers
