// Hover text of findings (explain_finding): the sections and their order, the replacement order
// per migration target, the catalog row vs rule fallbacks, the links, and plain text without any
// markdown syntax. Findings come from the real analyzers.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/catalog/api_table.h"
#include "analyzers/catalog/rule.h"
#include "analyzers/catalog/rule_registry.h"
#include "analyzers/explain/usage_explanation.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/python_analyzer.h"
#include "analyzers/text_files/text_file_analyzer.h"

namespace eventlet_lsp::analyzers {
namespace {

// The finding with rule `code` in a Python snippet (exactly one expected).
Finding python_finding(std::string_view source, std::string_view code) {
  PythonParser parser;
  const SyntaxTree tree = parser.parse(std::string(source));
  std::vector<Finding> matching;
  for (Finding& finding : analyze_python(tree)) {
    if (finding.rule != nullptr && finding.rule->code == code) matching.push_back(std::move(finding));
  }
  EXPECT_EQ(matching.size(), 1u) << code << " in:\n" << source;
  return matching.empty() ? Finding{} : matching.front();
}

Finding requirements_finding() {
  std::vector<FileProblem> problems;
  std::vector<Finding> findings =
      analyze_text_file(TextFileKind::Requirements, "eventlet>=0.33.0\ngreenlet>=3.0\n", problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(findings.size(), 1u);
  if (findings.empty()) return {};
  EXPECT_NE(findings.front().rule, nullptr);
  if (findings.front().rule != nullptr) {
    EXPECT_EQ(findings.front().rule->code, "EL901");
  }
  return findings.front();
}

const ApiEntry& row(std::string_view name) {
  const ApiEntry* entry = find_api_exact(name);
  EXPECT_NE(entry, nullptr) << name;
  static const ApiEntry kMissing{};
  return entry != nullptr ? *entry : kMissing;
}

std::string explain(const Finding& finding, TextFormat format = TextFormat::Markdown,
                    MigrationTarget target = MigrationTarget::Threading,
                    std::string base = std::string(kDefaultGuideBaseUrl)) {
  ExplanationOptions options;
  options.format = format;
  options.target = target;
  options.guide_base_url = std::move(base);
  return explain_finding(finding, options);
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::size_t line_count(std::string_view text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

std::string without_backticks(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c != '`') out += c;
  }
  return out;
}

// Plain text: no inline code, no bold, no [text](url) links. `**kwargs` is Python, not markdown,
// so it is taken out before looking for bold markers.
void expect_no_markdown(const std::string& text) {
  SCOPED_TRACE(text);
  EXPECT_FALSE(contains(text, "`"));
  std::string stripped = text;
  for (std::size_t at; (at = stripped.find("**kwargs")) != std::string::npos;) stripped.erase(at, 2);
  EXPECT_FALSE(contains(stripped, "**"));
  EXPECT_FALSE(contains(text, "]("));
  EXPECT_FALSE(contains(text, "[Migration guide"));
  EXPECT_FALSE(contains(text, "[Eventlet API"));
  EXPECT_FALSE(contains(text, "\n---"));
}

constexpr std::string_view kSpawn = "import eventlet\n\n\ndef f():\n    pass\n\n\neventlet.spawn(f)\n";

// --- markdown ------------------------------------------------------------------------------

TEST(UsageExplanationTest, SpawnFireAndForgetHasEverySectionInOrder) {
  const Finding finding = python_finding(kSpawn, "EL301");
  ASSERT_NE(finding.rule, nullptr);
  ASSERT_EQ(finding.qualified_name, "eventlet.greenthread.spawn");
  const ApiEntry& spawn = row("eventlet.greenthread.spawn");
  const std::string text = explain(finding);
  SCOPED_TRACE(text);

  // Title with the resolved name (not `eventlet.spawn` as written), then code, name, scenario.
  EXPECT_TRUE(text.starts_with("**`eventlet.greenthread.spawn`**\n\n"
                               "EL301 spawn-fire-and-forget · Background execution of long tasks\n\n"));
  // The catalog row's summary; the diagnostic message is the client's to show, not repeated.
  EXPECT_TRUE(contains(text, "\n\n" + std::string(spawn.summary) + "\n\n"));
  EXPECT_FALSE(contains(text, finding.message));
  EXPECT_FALSE(contains(text, "nobody reads"));

  // The row is filed under EL501; a discarded spawn was refined to EL301, whose replacements
  // fit better: the rule's, threading first by default, shown as given.
  const std::string threading = "- **threading**: " + std::string(finding.rule->threading_replacement);
  const std::string asyncio = "- **asyncio**: " + std::string(finding.rule->asyncio_replacement);
  EXPECT_TRUE(contains(text, "**Replacements**\n" + threading + "\n" + asyncio + "\n\n"));
  EXPECT_FALSE(contains(text, spawn.threading));
  EXPECT_FALSE(contains(text, "```"));  // inline code stays inline: no invented code blocks

  // And so does its trap.
  EXPECT_TRUE(contains(text, "**Watch out:** " + std::string(finding.rule->trap)));
  EXPECT_FALSE(contains(text, spawn.trap));

  EXPECT_TRUE(text.ends_with(
      "\n\n---\n\n"
      "[Migration guide](https://removal.eventlet.org/guide/migrating-to-threading/"
      "#key-migration-patterns) · "
      "[Eventlet API](https://eventlet.readthedocs.io/en/latest/modules/greenthread.html)"));

  // Order of the sections.
  const std::size_t summary_at = text.find(spawn.summary);
  const std::size_t replacements_at = text.find("**Replacements**");
  const std::size_t trap_at = text.find("**Watch out:**");
  const std::size_t rule_at = text.find("\n---\n");
  EXPECT_LT(summary_at, replacements_at);
  EXPECT_LT(replacements_at, trap_at);
  EXPECT_LT(trap_at, rule_at);
  EXPECT_LE(line_count(text), 15u);
}

TEST(UsageExplanationTest, TargetDecidesWhichReplacementComesFirst) {
  const Finding finding = python_finding(kSpawn, "EL301");
  const std::string threading_first = explain(finding, TextFormat::Markdown, MigrationTarget::Threading);
  const std::string asyncio_first = explain(finding, TextFormat::Markdown, MigrationTarget::Asyncio);
  EXPECT_LT(threading_first.find("- **threading**:"), threading_first.find("- **asyncio**:"));
  EXPECT_LT(asyncio_first.find("- **asyncio**:"), asyncio_first.find("- **threading**:"));
  EXPECT_NE(asyncio_first.find("- **threading**:"), std::string::npos);

  const std::string plain_asyncio = explain(finding, TextFormat::PlainText, MigrationTarget::Asyncio);
  EXPECT_LT(plain_asyncio.find("- asyncio: "), plain_asyncio.find("- threading: "));
  EXPECT_NE(plain_asyncio.find("- threading: "), std::string::npos);
}

TEST(UsageExplanationTest, SpawnKeptIsTheResultKeptRule) {
  const Finding finding =
      python_finding("import eventlet\n\n\ndef f():\n    pass\n\n\nt = eventlet.spawn(f)\n", "EL501");
  ASSERT_NE(finding.rule, nullptr);
  const std::string text = explain(finding, TextFormat::Markdown, MigrationTarget::Asyncio);
  SCOPED_TRACE(text);
  EXPECT_TRUE(text.starts_with("**`eventlet.greenthread.spawn`**\n\n"
                               "EL501 spawn-result-kept · Green thread management\n\n"));
  EXPECT_TRUE(contains(text, row("eventlet.greenthread.spawn").summary));
  EXPECT_TRUE(contains(text, "**Replacements**\n- **asyncio**: "));
  EXPECT_TRUE(contains(text, "[Migration guide](https://removal.eventlet.org" +
                                 std::string(finding.rule->guide_path) + ")"));
  EXPECT_LE(line_count(text), 15u);
}

TEST(UsageExplanationTest, QueueZeroTrapIsStated) {
  const Finding finding = python_finding("import eventlet\nq = eventlet.queue.Queue(0)\n", "EL508");
  ASSERT_EQ(finding.qualified_name, "eventlet.queue.Queue");
  const ApiEntry& queue = row("eventlet.queue.Queue");
  const std::string text = explain(finding);
  SCOPED_TRACE(text);
  EXPECT_TRUE(text.starts_with("**`eventlet.queue.Queue`**\n\nEL508 green-queue · "));
  EXPECT_TRUE(contains(text, queue.summary));
  EXPECT_TRUE(contains(text, "- **threading**: `queue.Queue`\n- **asyncio**: `asyncio.Queue`"));
  EXPECT_TRUE(contains(text, "**Watch out:** " + std::string(queue.trap)));
  EXPECT_TRUE(contains(text, "**Watch out:** `Queue(0)` is a rendezvous channel"));
  EXPECT_TRUE(contains(text, "[Eventlet API](https://eventlet.readthedocs.io/en/latest/modules/queue.html)"));
  EXPECT_LE(line_count(text), 15u);
}

TEST(UsageExplanationTest, TimeoutIsABaseException) {
  const Finding finding =
      python_finding("import eventlet\n\nwith eventlet.Timeout(5):\n    pass\n", "EL404");
  ASSERT_EQ(finding.qualified_name, "eventlet.timeout.Timeout");
  const std::string text = explain(finding);
  SCOPED_TRACE(text);
  EXPECT_TRUE(text.starts_with("**`eventlet.timeout.Timeout`**\n\n"
                               "EL404 eventlet-timeout · Deferred task management\n\n"));
  EXPECT_TRUE(contains(text, "**Watch out:** it subclasses `BaseException`"));
  EXPECT_TRUE(contains(text, "- **asyncio**: `async with asyncio.timeout(s)`"));
  EXPECT_TRUE(contains(
      text, "[Migration guide](https://removal.eventlet.org/guide/migrating-to-asyncio/#advanced-scenarios)"));
  EXPECT_TRUE(contains(text, "[Eventlet API](https://eventlet.readthedocs.io/en/latest/modules/timeout.html)"));
}

TEST(UsageExplanationTest, TextFileFindingUsesTheRule) {
  const Finding finding = requirements_finding();
  ASSERT_NE(finding.rule, nullptr);
  ASSERT_TRUE(finding.qualified_name.empty());
  const RuleDefinition& rule = *finding.rule;
  const std::string text =
      explain(finding, TextFormat::Markdown, MigrationTarget::Threading, "https://mirror.example/eventlet");
  SCOPED_TRACE(text);
  EXPECT_TRUE(text.starts_with("**eventlet-dependency**\n\n"
                               "EL901 eventlet-dependency · Migration planning\n\n"));
  EXPECT_TRUE(contains(text, "\n\n" + std::string(rule.docs.what_it_does) + "\n\n"));
  EXPECT_FALSE(contains(text, finding.message));
  EXPECT_TRUE(contains(text, "**Replacements**\n- **threading**: " +
                                 std::string(rule.threading_replacement) + "\n- **asyncio**: " +
                                 std::string(rule.asyncio_replacement) + "\n\n"));
  EXPECT_TRUE(contains(text, "**Watch out:** " + std::string(rule.trap)));
  // The guide link follows the configured base; no catalog row, so no Eventlet API link.
  EXPECT_TRUE(text.ends_with(
      "\n\n---\n\n"
      "[Migration guide](https://mirror.example/eventlet/guide/preparing-for-migration/#split-your-works)"));
  EXPECT_FALSE(contains(text, "removal.eventlet.org"));
  EXPECT_FALSE(contains(text, "Eventlet API"));
  EXPECT_LE(line_count(text), 15u);
}

TEST(UsageExplanationTest, GuideBaseUrlWithTrailingSlash) {
  const std::string text = explain(requirements_finding(), TextFormat::Markdown,
                                   MigrationTarget::Threading, "https://mirror.example/eventlet/");
  EXPECT_TRUE(contains(
      text, "(https://mirror.example/eventlet/guide/preparing-for-migration/#split-your-works)"))
      << text;
}

TEST(UsageExplanationTest, ImportWithoutReplacementsOmitsTheSection) {
  const Finding finding = python_finding("import eventlet\n", "EL001");
  ASSERT_NE(finding.rule, nullptr);
  const std::string text = explain(finding);
  SCOPED_TRACE(text);
  ASSERT_TRUE(finding.rule->asyncio_replacement.empty());
  ASSERT_TRUE(finding.rule->threading_replacement.empty());
  EXPECT_TRUE(text.starts_with("**`eventlet`**\n\nEL001 eventlet-import · "));
  EXPECT_TRUE(contains(text, row("eventlet").summary));
  EXPECT_FALSE(contains(text, "Replacements"));
  EXPECT_FALSE(contains(text, "threading"));
  EXPECT_TRUE(contains(text, "[Eventlet API](https://eventlet.readthedocs.io/en/latest/basic_usage.html)"));
}

TEST(UsageExplanationTest, UnknownNameDoesNotBorrowTheModuleSummary) {
  const Finding finding = python_finding("from eventlet import queue as q\nq.Foo()\n", "EL002");
  ASSERT_NE(finding.rule, nullptr);
  ASSERT_EQ(finding.qualified_name, "eventlet.queue.Foo");
  const std::string text = explain(finding);
  SCOPED_TRACE(text);
  EXPECT_TRUE(text.starts_with("**`eventlet.queue.Foo`**\n\nEL002 eventlet-unknown-api · "));
  EXPECT_TRUE(contains(text, finding.rule->docs.what_it_does));
  EXPECT_FALSE(contains(text, row("eventlet.queue").summary));
  // The module's reference is still the place to look the name up.
  EXPECT_TRUE(contains(text, "[Eventlet API](https://eventlet.readthedocs.io/en/latest/modules/queue.html)"));
}

TEST(UsageExplanationTest, EmptySectionsAreOmitted) {
  static constexpr RuleDefinition kBare{
      .code = "EL999",
      .name = "bare-rule",
      .scenario = Scenario::Planning,
      .default_severity = Severity::Hint,
      .message = "`{api}`",
      .guide_path = "",
      .docs = {.what_it_does = "Reports nothing in particular."},
  };
  Finding finding;
  finding.rule = &kBare;
  finding.message = "message";
  for (const TextFormat format : {TextFormat::Markdown, TextFormat::PlainText}) {
    const std::string text = explain(finding, format);
    SCOPED_TRACE(text);
    EXPECT_FALSE(contains(text, "Replacements"));
    EXPECT_FALSE(contains(text, "Watch out"));
    EXPECT_FALSE(contains(text, "Migration guide"));
    EXPECT_FALSE(contains(text, "Eventlet API"));
    EXPECT_FALSE(contains(text, "---"));
    EXPECT_TRUE(text.ends_with("Reports nothing in particular."));
  }
}

// --- plain text ----------------------------------------------------------------------------

TEST(UsageExplanationTest, PlainTextSpawnHasTheSameContent) {
  const Finding finding = python_finding(kSpawn, "EL301");
  const ApiEntry& spawn = row("eventlet.greenthread.spawn");
  const std::string text = explain(finding, TextFormat::PlainText);
  SCOPED_TRACE(text);
  expect_no_markdown(text);
  EXPECT_TRUE(text.starts_with("eventlet.greenthread.spawn\n"
                               "EL301 spawn-fire-and-forget · Background execution of long tasks\n\n"));
  EXPECT_TRUE(contains(text, without_backticks(spawn.summary)));
  EXPECT_TRUE(contains(text, "Replacements\n- threading: " +
                                 without_backticks(finding.rule->threading_replacement) + "\n- asyncio: " +
                                 without_backticks(finding.rule->asyncio_replacement) + "\n\n"));
  EXPECT_TRUE(contains(text, "Watch out: " + without_backticks(finding.rule->trap)));
  EXPECT_TRUE(text.ends_with(
      "\n\nMigration guide: https://removal.eventlet.org/guide/migrating-to-threading/"
      "#key-migration-patterns\n"
      "Eventlet API: https://eventlet.readthedocs.io/en/latest/modules/greenthread.html"));
  EXPECT_LE(line_count(text), 15u);
}

TEST(UsageExplanationTest, PlainTextHasNoMarkdownSyntax) {
  const std::vector<Finding> findings = {
      python_finding(kSpawn, "EL301"),
      python_finding("import eventlet\nt = eventlet.spawn(f)\n", "EL501"),
      python_finding("import eventlet\nq = eventlet.queue.Queue(0)\n", "EL508"),
      python_finding("import eventlet\nwith eventlet.Timeout(5):\n    pass\n", "EL404"),
      python_finding("import eventlet\n", "EL001"),
      requirements_finding(),
  };
  for (const Finding& finding : findings) {
    for (const MigrationTarget target : {MigrationTarget::Threading, MigrationTarget::Asyncio}) {
      const std::string text =
          explain(finding, TextFormat::PlainText, target, "https://mirror.example/eventlet");
      expect_no_markdown(text);
      EXPECT_TRUE(contains(text, "Migration guide: https://mirror.example/eventlet/guide/")) << text;
      EXPECT_LE(line_count(text), 15u) << text;
    }
  }
  const std::string queue =
      explain(python_finding("import eventlet\nq = eventlet.queue.Queue(0)\n", "EL508"),
              TextFormat::PlainText);
  EXPECT_TRUE(contains(queue, "Watch out: Queue(0) is a rendezvous channel")) << queue;
  EXPECT_TRUE(contains(queue, "Eventlet API: https://eventlet.readthedocs.io/en/latest/modules/queue.html"))
      << queue;
  const std::string timeout =
      explain(python_finding("import eventlet\nwith eventlet.Timeout(5):\n    pass\n", "EL404"),
              TextFormat::PlainText);
  EXPECT_TRUE(contains(timeout, "Watch out: it subclasses BaseException")) << timeout;
}

// Every catalog row explains within the hover budget, in both formats.
TEST(UsageExplanationTest, EveryCatalogRowFitsAHover) {
  for (const ApiEntry& entry : api_entries()) {
    Finding finding;
    finding.rule = find_rule(entry.rule_code);
    finding.qualified_name = std::string(entry.qualified_name);
    for (const TextFormat format : {TextFormat::Markdown, TextFormat::PlainText}) {
      const std::string text = explain(finding, format);
      EXPECT_LE(line_count(text), 15u) << text;
      EXPECT_TRUE(contains(text, format == TextFormat::Markdown ? entry.summary
                                                                : without_backticks(entry.summary)))
          << entry.qualified_name;
      if (format == TextFormat::PlainText) expect_no_markdown(text);
    }
  }
}

}  // namespace
}  // namespace eventlet_lsp::analyzers
