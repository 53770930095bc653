// The hover text of one finding: what the Eventlet API is, what replaces it under the configured
// migration target and the other one, the trap to watch, and where to read more. Pure text: no
// JSON, no LSP types. Every sentence comes from the catalog (api_table.h, the rule definitions),
// which paraphrases the migration guide; nothing here quotes the guide.
#pragma once

#include <cstdint>
#include <string>

#include "analyzers/catalog/rule.h"
#include "analyzers/config/settings.h"
#include "analyzers/core/finding.h"

namespace eventlet_lsp::analyzers {

// Markdown for clients that render it (hover contentFormat includes "markdown"); PlainText has
// the same information without any markdown syntax.
enum class TextFormat : std::uint8_t { Markdown, PlainText };

struct ExplanationOptions {
  TextFormat format = TextFormat::Markdown;
  std::string guide_base_url{kDefaultGuideBaseUrl};  // the rule's guide_path is appended to it
  MigrationTarget target = MigrationTarget::Threading;  // whose replacement is listed first
};

// The hover for one finding: what the Eventlet API is, what to use instead, the trap, links.
//
// In order: a title (the resolved qualified name, or the rule name for findings without one such
// as those of text files); "EL301 spawn-fire-and-forget · <scenario>"; the API's summary (the
// exact catalog row, else the row covering the name, else the rule's "what it does"); the
// replacements, the configured target first (the catalog row's text, else the rule's); the trap
// (the row's, else the rule's; omitted when there is none); links to the migration guide section
// and to Eventlet's API docs. The finding's own message is not repeated (the client shows it).
std::string explain_finding(const Finding& finding, const ExplanationOptions& options);

}  // namespace eventlet_lsp::analyzers
