// Hover text for findings: gathers the catalog facts about the finding's API and rule, then
// renders them as markdown or as plain text. The catalog text is prose with inline code in
// backticks; markdown shows it as given, plain text drops the backticks.
#include "analyzers/explain/usage_explanation.h"

#include <string_view>
#include <vector>

#include "analyzers/catalog/api_table.h"

namespace eventlet_lsp::analyzers {

namespace {

struct Replacement {
  std::string_view label;  // "threading" / "asyncio"
  std::string_view text;
};

// The facts of one hover, before formatting.
struct Explanation {
  std::string title;  // the resolved qualified name, or the rule name
  bool title_is_code = false;
  std::string rule_line;     // "EL301 spawn-fire-and-forget · Background execution of long tasks"
  std::string_view summary;  // what the API (or, failing that, the rule) is about
  std::vector<Replacement> replacements;  // the configured target first
  std::string_view trap;
  std::string guide_url;
  std::string_view docs_url;
};

std::string_view first_non_empty(std::string_view preferred, std::string_view fallback) {
  return preferred.empty() ? fallback : preferred;
}

std::string guide_url(std::string_view base, std::string_view path) {
  if (path.empty()) return {};
  if (base.empty()) base = kDefaultGuideBaseUrl;
  while (base.ends_with('/')) base.remove_suffix(1);
  std::string url(base);
  if (!path.starts_with('/')) url += '/';
  url += path;
  return url;
}

Explanation collect(const Finding& finding, const ExplanationOptions& options) {
  Explanation explanation;
  const RuleDefinition* rule = finding.rule;

  // The row that describes the name: the exact one, else the row covering it (an open module,
  // the class of a member). A name the catalog does not know (EL002) borrows nothing from the
  // module around it except the link to its docs.
  const ApiEntry* entry = nullptr;
  const ApiEntry* docs_entry = nullptr;
  if (!finding.qualified_name.empty()) {
    ApiMatch match = lookup_api(finding.qualified_name);
    docs_entry = match.entry;
    if (match.entry != nullptr && !match.unknown) entry = match.entry;
    explanation.title = match.canonical.empty() ? finding.qualified_name : match.canonical;
    explanation.title_is_code = true;
  } else if (rule != nullptr) {
    explanation.title = rule->name;
  }

  if (rule != nullptr) {
    explanation.rule_line = std::string(rule->code) + " " + std::string(rule->name) + " · " +
                            std::string(to_string(rule->scenario));
  }

  explanation.summary = entry != nullptr ? entry->summary : std::string_view();
  if (explanation.summary.empty() && rule != nullptr) explanation.summary = rule->docs.what_it_does;

  // When a context rule chose another rule than the row's (EL301 for a discarded `spawn`), that
  // rule's advice fits the code better than the row's general one.
  const ApiEntry* advice = entry;
  if (advice != nullptr && rule != nullptr && advice->rule_code != rule->code) advice = nullptr;
  const std::string_view threading = first_non_empty(
      advice != nullptr ? advice->threading : std::string_view(),
      rule != nullptr ? rule->threading_replacement : std::string_view());
  const std::string_view asyncio = first_non_empty(
      advice != nullptr ? advice->asyncio : std::string_view(),
      rule != nullptr ? rule->asyncio_replacement : std::string_view());
  const Replacement threading_item{to_string(MigrationTarget::Threading), threading};
  const Replacement asyncio_item{to_string(MigrationTarget::Asyncio), asyncio};
  const bool asyncio_first = options.target == MigrationTarget::Asyncio;
  for (const Replacement& item : asyncio_first ? std::vector{asyncio_item, threading_item}
                                               : std::vector{threading_item, asyncio_item}) {
    if (!item.text.empty()) explanation.replacements.push_back(item);
  }

  explanation.trap = first_non_empty(advice != nullptr ? advice->trap : std::string_view(),
                                     rule != nullptr ? rule->trap : std::string_view());

  if (rule != nullptr) explanation.guide_url = guide_url(options.guide_base_url, rule->guide_path);
  if (docs_entry != nullptr) explanation.docs_url = docs_entry->docs_url;
  return explanation;
}

// --- markdown ------------------------------------------------------------------------------

// A link destination that survives markdown: spaces, parentheses and angle brackets escaped.
std::string markdown_url(std::string_view url) {
  std::string out;
  out.reserve(url.size());
  for (const char c : url) {
    switch (c) {
      case ' ': out += "%20"; break;
      case '(': out += "%28"; break;
      case ')': out += "%29"; break;
      case '<': out += "%3C"; break;
      case '>': out += "%3E"; break;
      default: out += c;
    }
  }
  return out;
}

// Paragraphs are separated by blank lines: a single newline is a soft break in markdown, and a
// `---` right under a paragraph would turn it into a heading.
std::string render_markdown(const Explanation& explanation) {
  std::vector<std::string> blocks;
  if (!explanation.title.empty()) {
    blocks.push_back(explanation.title_is_code ? "**`" + explanation.title + "`**"
                                               : "**" + explanation.title + "**");
  }
  if (!explanation.rule_line.empty()) blocks.push_back(explanation.rule_line);
  if (!explanation.summary.empty()) blocks.emplace_back(explanation.summary);
  if (!explanation.replacements.empty()) {
    std::string block = "**Replacements**";
    for (const Replacement& item : explanation.replacements) {
      block += "\n- **" + std::string(item.label) + "**: " + std::string(item.text);
    }
    blocks.push_back(std::move(block));
  }
  if (!explanation.trap.empty()) blocks.push_back("**Watch out:** " + std::string(explanation.trap));

  std::string links;
  if (!explanation.guide_url.empty())
    links += "[Migration guide](" + markdown_url(explanation.guide_url) + ")";
  if (!explanation.docs_url.empty()) {
    if (!links.empty()) links += " · ";
    links += "[Eventlet API](" + markdown_url(explanation.docs_url) + ")";
  }
  if (!links.empty()) {
    blocks.emplace_back("---");
    blocks.push_back(std::move(links));
  }

  std::string text;
  for (const std::string& block : blocks) {
    if (!text.empty()) text += "\n\n";
    text += block;
  }
  return text;
}

// --- plain text ----------------------------------------------------------------------------

// The catalog's inline code without its backticks.
std::string plain(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c != '`') out += c;
  }
  return out;
}

std::string render_plain(const Explanation& explanation) {
  std::vector<std::string> blocks;
  std::string heading = plain(explanation.title);
  if (!explanation.rule_line.empty()) {
    if (!heading.empty()) heading += '\n';
    heading += explanation.rule_line;
  }
  if (!heading.empty()) blocks.push_back(std::move(heading));
  if (!explanation.summary.empty()) blocks.push_back(plain(explanation.summary));
  if (!explanation.replacements.empty()) {
    std::string block = "Replacements";
    for (const Replacement& item : explanation.replacements) {
      block += "\n- " + std::string(item.label) + ": " + plain(item.text);
    }
    blocks.push_back(std::move(block));
  }
  if (!explanation.trap.empty()) blocks.push_back("Watch out: " + plain(explanation.trap));

  std::string links;
  if (!explanation.guide_url.empty()) links += "Migration guide: " + explanation.guide_url;
  if (!explanation.docs_url.empty()) {
    if (!links.empty()) links += '\n';
    links += "Eventlet API: " + std::string(explanation.docs_url);
  }
  if (!links.empty()) blocks.push_back(std::move(links));

  std::string text;
  for (const std::string& block : blocks) {
    if (!text.empty()) text += "\n\n";
    text += block;
  }
  return text;
}

}  // namespace

std::string explain_finding(const Finding& finding, const ExplanationOptions& options) {
  const Explanation explanation = collect(finding, options);
  return options.format == TextFormat::Markdown ? render_markdown(explanation)
                                                : render_plain(explanation);
}

}  // namespace eventlet_lsp::analyzers
