// The analyzers' output: plain findings in byte offsets. Nothing here knows JSON or LSP.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventlet_lsp::analyzers {

struct RuleDefinition;

enum class Severity : std::uint8_t { Error, Warning, Information, Hint };

// The hundreds digit of a rule code: the audit scenario of the migration guide, in its order.
enum class Scenario : std::uint8_t {
  Inventory = 0,
  WsgiServer = 1,
  NetworkCalls = 2,
  BackgroundTasks = 3,
  DeferredTasks = 4,
  GreenThreads = 5,
  Sockets = 6,
  WebSocket = 7,
  Integration = 8,
  Planning = 9,
};

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);
std::string_view to_string(Scenario scenario);  // "Background execution of long tasks"
std::string_view scenario_slug(Scenario scenario);  // "background-tasks"

// A zero-based row and a byte column, as tree-sitter reports them.
struct TextPoint {
  std::uint32_t row = 0;
  std::uint32_t column = 0;
  friend bool operator==(const TextPoint&, const TextPoint&) = default;
};

struct SourceRange {
  std::uint32_t start_byte = 0;
  std::uint32_t end_byte = 0;
  TextPoint start;
  TextPoint end;
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

// A place elsewhere in the file that explains a finding (the import that binds an alias).
struct RelatedLocation {
  SourceRange range;
  std::string message;
};

// Whether a `# noqa` comment on the finding's line names it. The analyzers mark, the settings
// decide (a bare `# noqa` hides nothing unless `bare-noqa = "suppress"`), and the reports count
// what was hidden: a suppressed finding is never silently lost.
enum class Suppression : std::uint8_t {
  None,
  BareNoqa,   // `# noqa` without codes: usually written for another linter (flake8's E402)
  CodedNoqa,  // `# noqa: EL801` or a prefix of it (`EL8`) or the rule's name
};

struct Finding {
  const RuleDefinition* rule = nullptr;
  SourceRange range;
  std::string message;
  // The resolved Eventlet name ("eventlet.greenthread.spawn"); empty for non-Python files.
  std::string qualified_name;
  Severity severity = Severity::Warning;
  std::optional<RelatedLocation> related;
  Suppression suppression = Suppression::None;
};

// What could not be read or understood in a file: reported beside the findings, never fatal.
struct FileProblem {
  enum class Kind : std::uint8_t { Unreadable, TooLarge, NotUtf8, SyntaxError, Config };
  Kind kind;
  std::string message;
};

// Choices that change what the analyzers report, not how they analyse.
struct AnalysisOptions {
  bool honour_noqa = true;  // false: `# noqa` comments mark nothing (--ignore-noqa)
};

struct FileReport {
  std::string path;
  std::vector<Finding> findings;
  std::vector<FileProblem> problems;
  bool analysed = false;  // false when the file was skipped (unreadable, too large, no usage)
};

}  // namespace eventlet_lsp::analyzers
