// `# noqa` and `# noqa: EL301, EL8, spawn-fire-and-forget` comments, as flake8 and ruff write them.
//
// A bare `# noqa` is almost always written for another linter (flake8's E402 on the imports that
// must follow `monkey_patch()`), never as a decision about Eventlet, so the analyzers only mark
// it: the settings decide whether it hides anything (`bare-noqa`, default "ignore").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/core/finding.h"

namespace eventlet_lsp::analyzers {

struct RuleDefinition;

struct NoqaDirective {
  bool bare = false;               // a `# noqa` without codes somewhere in the comment
  std::vector<std::string> codes;  // as written: codes, code prefixes, rule names, other tools' codes
  // In the parsed comment, just past the last code of its first coded directive, before any prose
  // that follows the codes: where another code joins (`# noqa: E402` -> `# noqa: E402, EL801`).
  std::optional<std::size_t> codes_end;
  // CodedNoqa when a code names the rule: the code itself or a prefix of it starting with "EL"
  // (`EL8` covers EL801, as flake8 matches prefixes), any case, or the rule's name. Otherwise
  // BareNoqa for a bare directive, else None (`# noqa: E402` says nothing about Eventlet).
  Suppression match(const RuleDefinition& rule) const;
};

// Parses the text of one comment ("# noqa: EL301"); nullopt when it holds no directive. Every
// `# noqa` of the comment counts: `# noqa  # noqa: EL001` keeps flake8's bare directive (it reads
// the first) and names an Eventlet code for this tool.
std::optional<NoqaDirective> parse_noqa(std::string_view comment);

// True when `code` is one of this tool's codes or a prefix of them: "EL", "EL8", "el801".
bool is_eventlet_code_selector(std::string_view code);

}  // namespace eventlet_lsp::analyzers
