// End-to-end tests of the `eventlet-lsp` command line: they run the real binary (binary_path())
// on tests/fixtures/project and on trees made in a temporary folder, and compare its output
// with the golden files in tests/golden/ and with docs/rules.md.
//
// Updating the golden files: when a change to the output is intended, run
//   UPDATE_GOLDEN=1 ./build/tests/unit_tests --gtest_filter='Cli*'
// from the repository root. With UPDATE_GOLDEN=1 the golden tests (and the docs/rules.md test)
// rewrite their file with the current output and pass instead of comparing; review the diff
// before committing it. docs/rules.md can also be regenerated on its own with
//   ./build/server/eventlet-lsp rules --format markdown > docs/rules.md
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/run_process.h"
#include "tests/support/test_paths.h"

namespace eventlet_lsp {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::ProcessOptions;
using testing::ProcessResult;

// ---------------------------------------------------------------------------------------------
// Helpers

fs::path project_dir() { return testing::fixtures_dir() / "project"; }
fs::path golden_dir() { return testing::source_dir() / "tests" / "golden"; }

bool updating_golden() {
  const char* value = std::getenv("UPDATE_GOLDEN");
  return value != nullptr && std::string(value) == "1";
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_file(const fs::path& path, std::string_view content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

// Runs the binary in `directory` (default: the fixture project). NO_COLOR and the CI variables
// are removed so that the test's own environment cannot change the output.
ProcessResult run_cli(const std::vector<std::string>& args, const fs::path& directory = project_dir()) {
  ProcessOptions options;
  options.working_directory = directory;
  options.unset_environment = {"NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "GITHUB_ACTIONS"};
  options.timeout = std::chrono::seconds(60);
  return testing::run_process(testing::binary_path(), args, options);
}

ProcessResult run_check(std::vector<std::string> extra, const fs::path& directory = project_dir()) {
  std::vector<std::string> args = {"check", "--no-progress", "--color", "never"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_cli(args, directory);
}

// Compares `actual` with tests/golden/<name>, or rewrites it under UPDATE_GOLDEN=1.
void expect_golden(const std::string& name, const std::string& actual) {
  const fs::path path = golden_dir() / name;
  if (updating_golden()) {
    write_file(path, actual);
    return;
  }
  ASSERT_TRUE(fs::exists(path)) << path << " is missing: run the tests with UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(read_file(path), actual)
      << "the output differs from " << path
      << "; if the change is intended, run the tests with UPDATE_GOLDEN=1 and review the diff";
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The stderr lines that are warnings about `file`.
std::vector<std::string> warnings_about(const std::string& err, const std::string& file) {
  std::vector<std::string> found;
  for (const std::string& line : lines_of(err)) {
    if (line.starts_with("eventlet-lsp: warning: " + file + ":")) found.push_back(line);
  }
  return found;
}

json parse_json(const ProcessResult& result) {
  json parsed = json::parse(result.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(parsed.is_discarded()) << "not JSON:\n" << result.describe();
  return parsed;
}

std::set<std::string> codes_in(const json& findings) {
  std::set<std::string> codes;
  for (const json& finding : findings) codes.insert(finding.at("code").get<std::string>());
  return codes;
}

std::set<std::string> paths_in(const json& findings) {
  std::set<std::string> paths;
  for (const json& finding : findings) paths.insert(finding.at("path").get<std::string>());
  return paths;
}

const json* find_finding(const json& findings, const std::string& path, const std::string& code) {
  for (const json& finding : findings) {
    if (finding.at("path") == path && finding.at("code") == code) return &finding;
  }
  return nullptr;
}

// Counts the code points of UTF-8 text.
std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// A folder under the system's temporary directory, removed (permissions restored) at the end.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "eventlet-lsp-cli-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(path_, error); !error && it != fs::recursive_directory_iterator();
         it.increment(error)) {
      if (!it->is_symlink(error)) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, error);
    }
    fs::remove_all(path_, error);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  fs::path write(const std::string& relative, std::string_view content) const {
    const fs::path file = path_ / relative;
    write_file(file, content);
    return file;
  }

 private:
  fs::path path_;
};

constexpr std::string_view kEventletModule = "import eventlet\n\n\ndef pause():\n    eventlet.sleep(1)\n";

// ---------------------------------------------------------------------------------------------
// Golden files: tests/golden/check.{txt,json,sarif,github}, rules.txt, rule-EL301.md

class CliGolden : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(CliGolden, CheckOutputMatchesGolden) {
  const auto& [format, extension] = GetParam();
  const ProcessResult result = run_check({"--format", format, "."});
  ASSERT_TRUE(result.exited()) << result.describe();
  EXPECT_EQ(result.exit_code, 1) << result.describe();
  EXPECT_EQ(result.err, "") << "the fixture project must not give warnings";
  expect_golden("check." + extension, result.out);
}

INSTANTIATE_TEST_SUITE_P(CliFormats, CliGolden,
                         ::testing::Values(std::pair<std::string, std::string>{"text", "txt"},
                                           std::pair<std::string, std::string>{"json", "json"},
                                           std::pair<std::string, std::string>{"sarif", "sarif"},
                                           std::pair<std::string, std::string>{"github", "github"}),
                         [](const auto& info) { return info.param.first; });

TEST(CliGoldenRules, RulesTextMatchesGolden) {
  const ProcessResult result = run_cli({"rules"});
  ASSERT_TRUE(result.exited()) << result.describe();
  EXPECT_EQ(result.exit_code, 0) << result.describe();
  EXPECT_EQ(result.err, "");
  expect_golden("rules.txt", result.out);
}

TEST(CliGoldenRules, RuleEL301MatchesGolden) {
  const ProcessResult result = run_cli({"rule", "EL301"});
  ASSERT_TRUE(result.exited()) << result.describe();
  EXPECT_EQ(result.exit_code, 0) << result.describe();
  EXPECT_EQ(result.err, "");
  expect_golden("rule-EL301.md", result.out);
}

TEST(CliGoldenRules, RuleByNameEqualsRuleByCode) {
  const ProcessResult by_code = run_cli({"rule", "EL301"});
  const ProcessResult by_name = run_cli({"rule", "spawn-fire-and-forget"});
  EXPECT_EQ(by_name.exit_code, 0) << by_name.describe();
  EXPECT_EQ(by_name.out, by_code.out);
}

// docs/rules.md is generated from the catalog; it must not drift from it.
TEST(CliDocs, RulesMarkdownIsUpToDate) {
  const ProcessResult result = run_cli({"rules", "--format", "markdown"});
  ASSERT_TRUE(result.exited()) << result.describe();
  ASSERT_EQ(result.exit_code, 0) << result.describe();
  const fs::path docs = testing::source_dir() / "docs" / "rules.md";
  if (updating_golden()) {
    write_file(docs, result.out);
    return;
  }
  EXPECT_TRUE(read_file(docs) == result.out)
      << "docs/rules.md is stale (the rule catalog changed). Regenerate it from the repository root with:\n"
      << "  ./build/server/eventlet-lsp rules --format markdown > docs/rules.md";
}

TEST(CliDocs, RulesJsonListsEveryRuleOfTheText) {
  const ProcessResult text = run_cli({"rules"});
  const ProcessResult listed = run_cli({"rules", "--format", "json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.describe();
  const json rules = parse_json(listed);
  ASSERT_TRUE(rules.is_array());
  EXPECT_GE(rules.size(), 40u);
  for (const json& rule : rules) {
    const std::string code = rule.at("code");
    EXPECT_TRUE(contains(text.out, "  " + code + "  " + rule.at("name").get<std::string>())) << code;
    EXPECT_TRUE(rule.at("url").get<std::string>().starts_with("https://")) << code;
  }
}

// ---------------------------------------------------------------------------------------------
// JSON

TEST(CliJson, FindingsHaveAllFieldsOneBasedWithCharacterColumns) {
  const ProcessResult result = run_check({"--format", "json", "."});
  ASSERT_EQ(result.exit_code, 1) << result.describe();
  const json findings = parse_json(result);
  ASSERT_TRUE(findings.is_array());
  ASSERT_FALSE(findings.empty());
  const std::set<std::string> severities = {"error", "warning", "information", "hint"};
  for (const json& finding : findings) {
    SCOPED_TRACE(finding.dump());
    ASSERT_TRUE(finding.is_object());
    for (const char* key : {"path", "code", "name", "scenario", "severity", "message", "url", "qualified_name"})
      EXPECT_TRUE(finding.contains(key) && finding.at(key).is_string()) << key;
    for (const char* key : {"line", "column", "end_line", "end_column"}) {
      ASSERT_TRUE(finding.contains(key) && finding.at(key).is_number_unsigned()) << key;
      EXPECT_GE(finding.at(key).get<int>(), 1) << key << " is 1-based";
    }
    const std::string path = finding.at("path");
    EXPECT_FALSE(path.starts_with("/") || path.starts_with("./")) << "paths are relative: " << path;
    EXPECT_TRUE(fs::exists(project_dir() / path)) << path;
    const auto start = std::pair(finding.at("line").get<int>(), finding.at("column").get<int>());
    const auto end = std::pair(finding.at("end_line").get<int>(), finding.at("end_column").get<int>());
    EXPECT_LE(start, end);
    EXPECT_TRUE(finding.at("code").get<std::string>().starts_with("EL"));
    EXPECT_TRUE(severities.contains(finding.at("severity")));
    EXPECT_TRUE(finding.at("url").get<std::string>().starts_with("https://removal.eventlet.org/"));
    EXPECT_FALSE(finding.at("message").get<std::string>().empty());
  }
  // The configuration of the project applies: EL505 is ignored and legacy.py excluded.
  EXPECT_FALSE(codes_in(findings).contains("EL505"));
  EXPECT_FALSE(paths_in(findings).contains("legacy.py"));
  EXPECT_TRUE(paths_in(findings).contains("pkg/net.py"));
  EXPECT_FALSE(paths_in(findings).contains("clean.py"));
  // `# noqa: EL302` on pkg/net.py line 6 suppresses that one finding only; it is carried as such.
  std::set<int> shown_lines, suppressed_lines;
  for (const json& finding : findings) {
    if (finding.at("path") == "pkg/net.py" && finding.at("code") == "EL302") {
      (finding.at("suppressed").get<bool>() ? suppressed_lines : shown_lines).insert(finding.at("line").get<int>());
    }
  }
  EXPECT_EQ(shown_lines, std::set<int>{10});
  EXPECT_EQ(suppressed_lines, std::set<int>{6});
}

TEST(CliJson, ColumnsAfterCjkAndEmojiAreCountedInCharacters) {
  const ProcessResult result = run_check({".", "--format", "json", "--select", "EL504"});
  ASSERT_EQ(result.exit_code, 1) << result.describe();
  const json findings = parse_json(result);
  const json* sleep = find_finding(findings, "unicode_text.py", "EL504");
  ASSERT_NE(sleep, nullptr) << result.out;

  // `    banner = "你好🎉世界"; eventlet.sleep(5)`: the call starts at character 23 (byte 34 in
  // UTF-8, 24 in UTF-16) and `eventlet.sleep` ends before character 37.
  EXPECT_EQ(sleep->at("line"), 8);
  EXPECT_EQ(sleep->at("column"), 23);
  EXPECT_EQ(sleep->at("end_line"), 8);
  EXPECT_EQ(sleep->at("end_column"), 37);
  EXPECT_EQ(sleep->at("name"), "eventlet-sleep");
  EXPECT_EQ(sleep->at("scenario"), "green-threads");
  EXPECT_EQ(sleep->at("severity"), "warning");
  EXPECT_EQ(sleep->at("qualified_name"), "eventlet.greenthread.sleep");
  EXPECT_EQ(sleep->at("url"), "https://removal.eventlet.org/guide/migrating-to-threading/#key-migration-patterns");
  EXPECT_TRUE(contains(sleep->at("message"), "`eventlet.sleep`"));

  // The same, derived from the fixture itself: the fixture really has multi-byte text there.
  const std::vector<std::string> lines = lines_of(read_file(project_dir() / "unicode_text.py"));
  ASSERT_GE(lines.size(), 8u);
  const std::size_t byte = lines[7].find("eventlet.sleep");
  ASSERT_NE(byte, std::string::npos);
  EXPECT_EQ(code_points(std::string_view(lines[7]).substr(0, byte)) + 1, 23u);
  EXPECT_NE(byte + 1, 23u) << "the fixture line must contain multi-byte characters";
}

TEST(CliJson, ParallelRunsGiveTheSameOutput) {
  const ProcessResult one = run_check({"--format", "json", "-j", "1", "."});
  const ProcessResult many = run_check({"--format", "json", "-j", "8", "."});
  EXPECT_EQ(one.exit_code, 1) << one.describe();
  EXPECT_EQ(many.exit_code, 1) << many.describe();
  EXPECT_EQ(one.out, many.out);
}

// ---------------------------------------------------------------------------------------------
// SARIF

TEST(CliSarif, IsSarif210WithCodePointColumnsRulesAndResults) {
  const ProcessResult result = run_check({"--format", "sarif", "."});
  ASSERT_EQ(result.exit_code, 1) << result.describe();
  const json sarif = parse_json(result);
  EXPECT_EQ(sarif.at("version"), "2.1.0");
  EXPECT_TRUE(sarif.at("$schema").get<std::string>().ends_with("sarif-2.1.0.json"));
  ASSERT_EQ(sarif.at("runs").size(), 1u);
  const json& run = sarif.at("runs")[0];
  EXPECT_EQ(run.at("columnKind"), "unicodeCodePoints");
  const json& driver = run.at("tool").at("driver");
  EXPECT_EQ(driver.at("name"), "eventlet-lsp");
  EXPECT_EQ(driver.at("version"), EVENTLET_LSP_VERSION);

  const json& rules = driver.at("rules");
  const json catalog = parse_json(run_cli({"rules", "--format", "json"}));
  ASSERT_EQ(rules.size(), catalog.size()) << "every rule of the catalog is described";
  for (std::size_t i = 0; i < rules.size(); ++i) {
    EXPECT_EQ(rules[i].at("id"), catalog[i].at("code"));
    EXPECT_TRUE(rules[i].contains("shortDescription"));
    EXPECT_TRUE(rules[i].at("helpUri").get<std::string>().starts_with("https://"));
  }

  const json& results = run.at("results");
  const json findings = parse_json(run_check({"--format", "json", "."}));
  ASSERT_EQ(results.size(), findings.size());
  bool saw_unicode = false;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const json& sarif_result = results[i];
    const json& finding = findings[i];
    EXPECT_EQ(sarif_result.at("ruleId"), finding.at("code"));
    const std::size_t index = sarif_result.at("ruleIndex");
    ASSERT_LT(index, rules.size());
    EXPECT_EQ(rules[index].at("id"), sarif_result.at("ruleId"));
    const json& location = sarif_result.at("locations")[0].at("physicalLocation");
    EXPECT_EQ(location.at("artifactLocation").at("uri"), finding.at("path"));
    const json& region = location.at("region");
    EXPECT_EQ(region.at("startLine"), finding.at("line"));
    EXPECT_EQ(region.at("startColumn"), finding.at("column"));
    EXPECT_EQ(region.at("endLine"), finding.at("end_line"));
    EXPECT_EQ(region.at("endColumn"), finding.at("end_column"));
    EXPECT_EQ(sarif_result.at("message").at("text"), finding.at("message"));
    const std::string level = sarif_result.at("level");
    EXPECT_TRUE(level == "error" || level == "warning" || level == "note") << level;
    if (finding.at("path") == "unicode_text.py" && finding.at("code") == "EL504") {
      saw_unicode = true;
      EXPECT_EQ(region.at("startColumn"), 23);
    }
  }
  EXPECT_TRUE(saw_unicode);
}

// ---------------------------------------------------------------------------------------------
// GitHub workflow commands

TEST(CliGithub, EveryLineIsAWorkflowCommand) {
  const ProcessResult result = run_check({"--format", "github", "."});
  ASSERT_EQ(result.exit_code, 1) << result.describe();
  const std::vector<std::string> lines = lines_of(result.out);
  ASSERT_FALSE(lines.empty());
  for (const std::string& line : lines) {
    EXPECT_TRUE(line.starts_with("::warning file=") || line.starts_with("::notice file=") ||
                line.starts_with("::error file="))
        << line;
    EXPECT_TRUE(contains(line, ",line=") && contains(line, ",col=") && contains(line, ",title=")) << line;
  }
  EXPECT_TRUE(contains(result.out, "::warning file=unicode_text.py,line=8,col=23,endLine=8,endColumn=37,"
                                   "title=EL504 eventlet-sleep::"));
  EXPECT_TRUE(contains(result.out, "::notice file=app.py,line=2,col=1,"));
}

TEST(CliGithub, PropertiesEscapePercentCommaAndColon) {
  TempDir dir;
  dir.write("50%,a:b.py", "import eventlet\n");
  const ProcessResult result = run_check({"--format", "github", "."}, dir.path());
  ASSERT_EQ(result.exit_code, 1) << result.describe();
  const std::vector<std::string> lines = lines_of(result.out);
  ASSERT_EQ(lines.size(), 1u) << result.out;
  EXPECT_TRUE(lines[0].starts_with("::notice file=50%25%2Ca%3Ab.py,line=1,col=1,endLine=1,endColumn=16,"
                                   "title=EL001 eventlet-import::"))
      << lines[0];
  // In the message (data) only '%' and line breaks are escaped: ':' stays.
  EXPECT_TRUE(contains(lines[0], "::`eventlet` ties this module to Eventlet: it belongs")) << lines[0];

  // SARIF percent-encodes the same name in its URI.
  const json sarif = parse_json(run_check({"--format", "sarif", "."}, dir.path()));
  EXPECT_EQ(sarif.at("runs")[0].at("results")[0].at("locations")[0].at("physicalLocation").at(
                "artifactLocation").at("uri"),
            "50%25%2Ca%3Ab.py");
}

// ---------------------------------------------------------------------------------------------
// Exit status

TEST(CliExit, FindingsGiveOne) {
  const ProcessResult result = run_check({"."});
  EXPECT_TRUE(result.exited()) << result.describe();
  EXPECT_EQ(result.exit_code, 1) << result.describe();
}

TEST(CliExit, ExitZeroGivesZeroWithTheSameFindings) {
  const ProcessResult plain = run_check({"--format", "json", "."});
  const ProcessResult result = run_check({"--format", "json", "--exit-zero", "."});
  EXPECT_EQ(result.exit_code, 0) << result.describe();
  EXPECT_EQ(result.out, plain.out);
}

TEST(CliExit, CleanFolderGivesZero) {
  TempDir dir;
  dir.write("clean.py", "import threading\n\nthreading.Thread(target=print).start()\n");
  dir.write("pkg/__init__.py", "");
  dir.write("requirements.txt", "requests==2.32.0\n");
  const ProcessResult result = run_check({"."}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.describe();
  EXPECT_EQ(result.err, "");
  EXPECT_TRUE(contains(result.out, "Eventlet inventory: 0 usages in 0 of 3 files checked")) << result.out;
  const ProcessResult explicit_file = run_check({"clean.py"}, project_dir());
  EXPECT_EQ(explicit_file.exit_code, 0) << explicit_file.describe();
}

TEST(CliExit, UnknownSelectCodeGivesTwo) {
  const ProcessResult result = run_check({".", "--select", "EL999"});
  EXPECT_EQ(result.exit_code, 2) << result.describe();
  EXPECT_TRUE(contains(result.err, "EL999")) << result.err;
  EXPECT_EQ(result.out, "");
  const ProcessResult ignore = run_check({".", "--ignore", "no-such-rule"});
  EXPECT_EQ(ignore.exit_code, 2) << ignore.describe();
  EXPECT_TRUE(contains(ignore.err, "no-such-rule")) << ignore.err;
  const ProcessResult severity = run_check({".", "--severity", "EL504=fatal"});
  EXPECT_EQ(severity.exit_code, 2) << severity.describe();
  const ProcessResult format = run_check({"--format", "xml", "."});
  EXPECT_EQ(format.exit_code, 2) << format.describe();
}

struct InvalidConfig {
  std::string name;
  std::string toml;
  std::string key;  // what stderr must name
};

void PrintTo(const InvalidConfig& config, std::ostream* out) { *out << config.name; }

class CliInvalidConfig : public ::testing::TestWithParam<InvalidConfig> {};

TEST_P(CliInvalidConfig, GivesTwoNamingTheFileAndKey) {
  TempDir dir;
  dir.write("app.py", kEventletModule);
  dir.write("pyproject.toml", "[project]\nname = \"x\"\n\n[tool.eventlet-lsp]\n" + GetParam().toml);
  const ProcessResult result = run_check({"--format", "json", "."}, dir.path());
  EXPECT_EQ(result.exit_code, 2) << result.describe();
  EXPECT_EQ(result.out, "") << "nothing is reported with a broken configuration";
  EXPECT_TRUE(contains(result.err, "pyproject.toml")) << result.err;
  EXPECT_TRUE(contains(result.err, GetParam().key)) << result.err;
}

INSTANTIATE_TEST_SUITE_P(
    CliConfigKeys, CliInvalidConfig,
    ::testing::Values(InvalidConfig{"UnknownSelector", "select = [\"EL3\", \"EL999\"]\n", "tool.eventlet-lsp.select[1]"},
                      InvalidConfig{"UnknownKey", "selcet = [\"EL3\"]\n", "tool.eventlet-lsp.selcet"},
                      InvalidConfig{"WrongType", "ignore = \"EL505\"\n", "tool.eventlet-lsp.ignore"},
                      InvalidConfig{"BadSeverity", "severity = { EL504 = \"fatal\" }\n",
                                    "tool.eventlet-lsp.severity.EL504"},
                      InvalidConfig{"BadTarget", "target = \"trio\"\n", "tool.eventlet-lsp.target"},
                      InvalidConfig{"InvalidToml", "select = [\n", "line 5"}),
    [](const auto& info) { return info.param.name; });

TEST(CliExit, MissingPathGivesTwo) {
  const ProcessResult result = run_check({"no/such/dir"});
  EXPECT_EQ(result.exit_code, 2) << result.describe();
  EXPECT_TRUE(contains(result.err, "no/such/dir")) << result.err;
  // With an existing path beside it, the rest is still reported, and the status is still 2.
  const ProcessResult mixed = run_check({"--format", "json", "app.py", "missing.py"});
  EXPECT_EQ(mixed.exit_code, 2) << mixed.describe();
  EXPECT_TRUE(contains(mixed.err, "missing.py")) << mixed.err;
  EXPECT_TRUE(paths_in(parse_json(mixed)).contains("app.py")) << mixed.out;
}

TEST(CliExit, MissingPathIsAnErrorWithoutAnEmptyReport) {
  // Said as an error, with no "0 usages in 0 files" summary that reads like a clean result.
  const ProcessResult check = run_check({"no/such/dir"});
  EXPECT_EQ(check.exit_code, 2) << check.describe();
  EXPECT_EQ(check.err, "eventlet-lsp: error: no/such/dir: no such file or directory\n");
  EXPECT_EQ(check.out, "");
  const ProcessResult fix = run_cli({"fix", "no/such/dir"});
  EXPECT_EQ(fix.exit_code, 2) << fix.describe();
  EXPECT_EQ(fix.err, "eventlet-lsp: error: no/such/dir: no such file or directory\n");
  EXPECT_EQ(fix.out, "");
}

TEST(CliCheckFile, RunsTheServersStagesOnOneFile) {
  // `--check FILE` (as clangd's): every stage on one file, ending with what the editor shows.
  const ProcessResult python = run_cli({"--check", "pkg/net.py"});
  EXPECT_EQ(python.exit_code, 0) << python.describe();
  EXPECT_TRUE(contains(python.out, "== 3. parse (Python")) << python.out;
  EXPECT_TRUE(contains(python.out, "6:12 EL302 eventlet.tpool.execute (hidden by # noqa)")) << python.out;
  EXPECT_TRUE(contains(python.out, "10:12 EL302 eventlet.tpool.execute\n")) << python.out;
  EXPECT_TRUE(contains(python.out, "== 6. hovers")) << python.out;

  // A file named explicitly that reads as requirements is audited as one, as `check` does.
  const fs::path dir = fs::temp_directory_path() / ("eventlet-lsp-check-file-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "deps.txt") << "requests\neventlet>=0.30\n";
  const ProcessResult text = run_cli({"--check", (dir / "deps.txt").string()});
  fs::remove_all(dir);
  EXPECT_EQ(text.exit_code, 0) << text.describe();
  EXPECT_TRUE(contains(text.out, "text file kind: audited")) << text.out;
  EXPECT_TRUE(contains(text.out, "2:1 EL901")) << text.out;
}

TEST(CliHelp, FlagsShowNoDefaultValues) {
  const ProcessResult help = run_cli({"check", "--help"});
  EXPECT_EQ(help.exit_code, 0) << help.describe();
  EXPECT_TRUE(contains(help.out, "--no-summary ")) << help.out;
  EXPECT_FALSE(contains(help.out, "{false}")) << help.out;
  EXPECT_TRUE(contains(help.out, "--bare-noqa")) << help.out;
}

TEST(CliExit, UnknownRuleGivesTwo) {
  const ProcessResult result = run_cli({"rule", "EL999"});
  EXPECT_EQ(result.exit_code, 2) << result.describe();
  EXPECT_EQ(result.out, "");
  EXPECT_TRUE(contains(result.err, "EL999")) << result.err;
}

TEST(CliExit, NoSubcommandIsTheLanguageServer) {
  // stdin is /dev/null: the client is gone before `exit`, so the status is 1, and stdout (the
  // protocol channel) stays empty.
  const ProcessResult result = run_cli({});
  EXPECT_EQ(result.exit_code, 1) << result.describe();
  EXPECT_EQ(result.out, "");
}

TEST(CliExit, UsageErrorsGiveTwo) {
  EXPECT_EQ(run_cli({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(run_check({"--no-such-flag", "."}).exit_code, 2);
  EXPECT_EQ(run_check({"--config", "no-such.toml", "."}).exit_code, 2);
}

// ---------------------------------------------------------------------------------------------
// Options that change the output

TEST(CliOptions, SelectKeepsOnlyTheSelectedRules) {
  const ProcessResult result = run_check({".", "--format", "json", "--select", "EL9"});
  EXPECT_EQ(result.exit_code, 1) << result.describe();
  EXPECT_EQ(codes_in(parse_json(result)), (std::set<std::string>{"EL901", "EL902"}));
  const ProcessResult by_name = run_check({".", "--format", "json", "--select", "eventlet-sleep,EL001"});
  EXPECT_EQ(codes_in(parse_json(by_name)), (std::set<std::string>{"EL001", "EL504"}));
  // A selection that matches nothing in the project: exit 0.
  const ProcessResult none = run_check({".", "--select", "EL701"});
  EXPECT_EQ(none.exit_code, 0) << none.describe();
}

TEST(CliOptions, IgnoreDropsRules) {
  const ProcessResult all = run_check({"--format", "json", "."});
  const ProcessResult result = run_check({".", "--format", "json", "--ignore", "EL001,EL9"});
  EXPECT_EQ(result.exit_code, 1) << result.describe();
  std::set<std::string> expected = codes_in(parse_json(all));
  std::erase_if(expected, [](const std::string& code) { return code == "EL001" || code.starts_with("EL9"); });
  EXPECT_EQ(codes_in(parse_json(result)), expected);
  EXPECT_FALSE(expected.empty());
}

TEST(CliOptions, ExtendSelectAndExclude) {
  const ProcessResult extended = run_check({".", "--format", "json", "--select", "EL9", "--extend-select", "EL504"});
  EXPECT_EQ(codes_in(parse_json(extended)), (std::set<std::string>{"EL504", "EL901", "EL902"}));
  const ProcessResult result = run_check({".", "--format", "json", "--exclude", "pkg,setup.cfg"});
  const std::set<std::string> paths = paths_in(parse_json(result));
  EXPECT_FALSE(paths.contains("pkg/net.py"));
  EXPECT_FALSE(paths.contains("setup.cfg"));
  EXPECT_TRUE(paths.contains("app.py"));
}

// `check --select EL9 .` and `check --exclude pkg app.py`: a list option takes one (comma
// separated) value, as in ruff and flake8; the words after it are paths. (The other tests put the
// paths first so that they test the options' meaning, not this.)
TEST(CliOptions, ListOptionsDoNotSwallowPaths) {
  const ProcessResult select = run_check({"--format", "json", "--select", "EL9", "."});
  const ProcessResult exclude = run_check({"--format", "json", "--exclude", "pkg", "app.py"});
  EXPECT_EQ(select.exit_code, 1) << select.describe();
  EXPECT_EQ(codes_in(parse_json(select)), (std::set<std::string>{"EL901", "EL902"}));
  EXPECT_EQ(exclude.exit_code, 1) << exclude.describe();
  EXPECT_EQ(paths_in(parse_json(exclude)), std::set<std::string>{"app.py"});
}

TEST(CliOptions, SeverityOverridesTheLevelInEveryFormat) {
  const ProcessResult result = run_check({".", "--format", "json", "--severity", "EL504=error,EL001=hint"});
  EXPECT_EQ(result.exit_code, 1) << result.describe();
  const json findings = parse_json(result);
  for (const json& finding : findings) {
    if (finding.at("code") == "EL504") {
      EXPECT_EQ(finding.at("severity"), "error");
    }
    if (finding.at("code") == "EL001") {
      EXPECT_EQ(finding.at("severity"), "hint");
    }
    if (finding.at("code") == "EL301") {
      EXPECT_EQ(finding.at("severity"), "warning");
    }
  }
  const ProcessResult github = run_check({".", "--format", "github", "--severity", "EL504=error"});
  EXPECT_TRUE(contains(github.out, "::error file=unicode_text.py,line=8,col=23,")) << github.out;
  EXPECT_TRUE(contains(github.out, "::error file=app.py,line=15,col=5,")) << github.out;
  const ProcessResult sarif = run_check({".", "--format", "sarif", "--severity", "EL504=error"});
  const json sarif_report = parse_json(sarif);  // the range-for must not iterate a temporary
  for (const json& sarif_result : sarif_report.at("runs")[0].at("results")) {
    if (sarif_result.at("ruleId") == "EL504") {
      EXPECT_EQ(sarif_result.at("level"), "error");
    }
  }
}

TEST(CliOptions, ConfigFileReplacesTheProjectConfiguration) {
  TempDir dir;
  const fs::path config = dir.write(
      "other.toml", "[tool.eventlet-lsp]\nselect = [\"EL3\"]\nseverity = { EL301 = \"error\" }\n");
  const ProcessResult result = run_check({"--format", "json", "--config", config.string(), "."});
  EXPECT_EQ(result.exit_code, 1) << result.describe();
  const json findings = parse_json(result);
  EXPECT_EQ(codes_in(findings), (std::set<std::string>{"EL301", "EL302"}));
  // The project's pyproject.toml no longer applies: legacy.py is not excluded any more.
  EXPECT_TRUE(paths_in(findings).contains("legacy.py")) << result.out;
  for (const json& finding : findings) {
    if (finding.at("code") == "EL301") {
      EXPECT_EQ(finding.at("severity"), "error");
    }
  }
}

TEST(CliOptions, IsolatedIgnoresTheProjectConfiguration) {
  const ProcessResult result = run_check({"--format", "json", "--isolated", "."});
  EXPECT_EQ(result.exit_code, 1) << result.describe();
  const json findings = parse_json(result);
  EXPECT_TRUE(paths_in(findings).contains("legacy.py"));
  EXPECT_TRUE(codes_in(findings).contains("EL505"));
  // Command-line settings still apply.
  const ProcessResult selected = run_check({".", "--format", "json", "--isolated", "--select", "EL505"});
  EXPECT_EQ(codes_in(parse_json(selected)), std::set<std::string>{"EL505"});
  // --isolated also ignores a broken configuration.
  TempDir dir;
  dir.write("app.py", kEventletModule);
  dir.write("pyproject.toml", "[tool.eventlet-lsp]\nbogus = 1\n");
  EXPECT_EQ(run_check({"."}, dir.path()).exit_code, 2);
  EXPECT_EQ(run_check({"--isolated", "."}, dir.path()).exit_code, 1);
}

TEST(CliOptions, NoSummaryPrintsOnlyTheFindings) {
  const ProcessResult result = run_check({"--no-summary", "."});
  EXPECT_EQ(result.exit_code, 1) << result.describe();
  EXPECT_FALSE(contains(result.out, "Eventlet inventory"));
  for (const std::string& line : lines_of(result.out)) EXPECT_TRUE(contains(line, ": EL")) << line;
  const ProcessResult color = run_cli({"check", "--no-progress", "--color", "always", "--no-summary", "."});
  EXPECT_TRUE(contains(color.out, "\033[")) << "--color always colours the text";
  EXPECT_FALSE(contains(result.out, "\033["));
}

// ---------------------------------------------------------------------------------------------
// Robustness: problem files are reported on stderr, skipped, and the run goes on.

class CliRobustness : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("good.py", kEventletModule);
    // Latin-1 bytes in a comment: not UTF-8, analysed as is.
    dir_.write("latin1.py", "# caf\xe9 cr\xe8me br\xfbl\xe9" "e\nimport eventlet\n\neventlet.sleep(1)\n");
    // A syntax error, with usages before and after it.
    dir_.write("syntax_error.py", "import eventlet\n\ndef broken(:\n    pass\n\neventlet.sleep(2)\n");
    dir_.write("empty.py", "");
    dir_.write("nul.py", "import eventlet\n" + std::string(3, '\0') + "\neventlet.sleep(1)\n");
    dir_.write("big.py", "import eventlet\n" + std::string(4096, '#') + "\neventlet.sleep(1)\n");
    unreadable_ = dir_.write("unreadable.py", kEventletModule);
    fs::permissions(unreadable_, fs::perms::none);
    // A folder symlink loop: never followed.
    fs::create_directories(dir_.path() / "loop");
    fs::create_directory_symlink("..", dir_.path() / "loop" / "up");
    fs::create_directory_symlink("../loop", dir_.path() / "loop" / "again");
    // Folders that are never audited.
    dir_.write(".git/hooks/pre-commit.py", kEventletModule);
    dir_.write(".venv/lib/python3.12/site-packages/eventlet/__init__.py", kEventletModule);
    dir_.write(".venv/pyvenv.cfg", "home = /usr/bin\n");
    dir_.write("env312/pyvenv.cfg", "home = /usr/bin\n");  // a virtualenv by its pyvenv.cfg, any name
    dir_.write("env312/lib/site.py", kEventletModule);
    dir_.write("node_modules/some-package/hook.py", kEventletModule);
  }

  static bool running_as_root() { return ::geteuid() == 0; }

  TempDir dir_;
  fs::path unreadable_;
};

TEST_F(CliRobustness, ProblemFilesAreWarnedAboutAndTheRunGoesOn) {
  const ProcessResult result =
      run_check({"--format", "json", "-j", "4", "--max-file-size", "1024", "."}, dir_.path());
  ASSERT_TRUE(result.exited()) << "crashed or hung:\n" << result.describe();
  EXPECT_EQ(result.exit_code, 1) << result.describe();
  const json findings = parse_json(result);
  ASSERT_TRUE(findings.is_array()) << result.out;
  const std::set<std::string> paths = paths_in(findings);

  // Each problem file is named in a warning.
  EXPECT_EQ(warnings_about(result.err, "latin1.py").size(), 1u) << result.err;
  EXPECT_EQ(warnings_about(result.err, "syntax_error.py").size(), 1u) << result.err;
  EXPECT_EQ(warnings_about(result.err, "nul.py").size(), 1u) << result.err;
  EXPECT_EQ(warnings_about(result.err, "big.py").size(), 1u) << result.err;
  EXPECT_TRUE(contains(result.err, "--max-file-size")) << result.err;
  if (!running_as_root()) {
    EXPECT_EQ(warnings_about(result.err, "unreadable.py").size(), 1u) << result.err;
    EXPECT_FALSE(paths.contains("unreadable.py"));
  }
  // Healthy files give no warning.
  EXPECT_TRUE(warnings_about(result.err, "good.py").empty()) << result.err;
  EXPECT_TRUE(warnings_about(result.err, "empty.py").empty()) << result.err;
  for (const std::string& line : lines_of(result.err))
    EXPECT_TRUE(line.starts_with("eventlet-lsp: warning: ")) << "unexpected stderr line: " << line;

  // The other files are reported; the problem files are analysed as far as possible.
  EXPECT_TRUE(paths.contains("good.py"));
  EXPECT_NE(find_finding(findings, "latin1.py", "EL504"), nullptr) << "a non-UTF-8 file is still analysed";
  const json* after_error = find_finding(findings, "syntax_error.py", "EL504");
  ASSERT_NE(after_error, nullptr) << "usages after a syntax error are still reported";
  EXPECT_EQ(after_error->at("line"), 6);
  EXPECT_FALSE(paths.contains("nul.py"));
  EXPECT_FALSE(paths.contains("big.py"));
  EXPECT_FALSE(paths.contains("empty.py"));
  // Skipped folders.
  for (const std::string& path : paths) {
    EXPECT_FALSE(path.starts_with(".git/") || path.starts_with(".venv/") || path.starts_with("env312/") ||
                 path.starts_with("node_modules/") || path.starts_with("loop/"))
        << path << " must not be audited";
  }
}

TEST_F(CliRobustness, TextSummaryCountsTheProblemFiles) {
  const ProcessResult result = run_check({"--max-file-size", "1024", "."}, dir_.path());
  ASSERT_TRUE(result.exited()) << result.describe();
  EXPECT_EQ(result.exit_code, 1) << result.describe();
  const std::size_t problems = running_as_root() ? 4 : 5;
  EXPECT_TRUE(contains(result.out, "(" + std::to_string(problems) + " with problems, see stderr)")) << result.out;
  // SARIF lists them as tool execution notifications.
  const ProcessResult sarif = run_check({"--format", "sarif", "--max-file-size", "1024", "."}, dir_.path());
  const json notifications =
      parse_json(sarif).at("runs")[0].at("invocations")[0].at("toolExecutionNotifications");
  EXPECT_EQ(notifications.size(), problems) << sarif.out;
}

TEST_F(CliRobustness, UnreadableFileIsWarnedAbout) {
  std::vector<std::string> args = {"check", "--no-progress", "--color", "never", "--format", "json",
                                   "unreadable.py", "good.py"};
  fs::path program = testing::binary_path();
  if (running_as_root()) {
    // Root reads a chmod 000 file anyway: run the binary as nobody (setpriv, util-linux).
    if (!fs::exists("/usr/bin/setpriv")) GTEST_SKIP() << "running as root without setpriv";
    fs::permissions(dir_.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                     fs::perms::others_read | fs::perms::others_exec);
    args.insert(args.begin(), {"--reuid=65534", "--regid=65534", "--clear-groups", program.string()});
    program = "/usr/bin/setpriv";
  }
  ProcessOptions options;
  options.working_directory = dir_.path();
  options.unset_environment = {"NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "GITHUB_ACTIONS"};
  const ProcessResult result = testing::run_process(program, args, options);
  ASSERT_TRUE(result.exited()) << result.describe();
  EXPECT_EQ(result.exit_code, 1) << result.describe();
  EXPECT_EQ(warnings_about(result.err, "unreadable.py").size(), 1u) << result.err;
  EXPECT_TRUE(paths_in(parse_json(result)).contains("good.py"));
}

TEST_F(CliRobustness, LargeFileWarningStatesTheLimit) {
  const ProcessResult result = run_check({"--no-summary", "--max-file-size", "1024", "big.py"}, dir_.path());
  ASSERT_TRUE(result.exited()) << result.describe();
  const std::vector<std::string> warnings = warnings_about(result.err, "big.py");
  ASSERT_EQ(warnings.size(), 1u) << result.err;
  EXPECT_TRUE(contains(warnings[0], "1024") || contains(warnings[0], "1 KiB")) << warnings[0];
}

TEST_F(CliRobustness, SymlinkLoopFileIsWarnedAbout) {
  fs::create_symlink("loop_b.py", dir_.path() / "loop_a.py");
  fs::create_symlink("loop_a.py", dir_.path() / "loop_b.py");
  const ProcessResult result = run_check({"--format", "json", "--max-file-size", "1024", "."}, dir_.path());
  ASSERT_TRUE(result.exited()) << "a symlink loop must not hang or crash:\n" << result.describe();
  EXPECT_EQ(result.exit_code, 1) << result.describe();
  EXPECT_TRUE(paths_in(parse_json(result)).contains("good.py"));
  EXPECT_EQ(warnings_about(result.err, "loop_a.py").size(), 1u) << result.err;
  EXPECT_EQ(warnings_about(result.err, "loop_b.py").size(), 1u) << result.err;
}

TEST_F(CliRobustness, ExplicitProblemFilesAreAuditedOrWarnedAbout) {
  // Named on the command line, a file inside a skipped folder is audited all the same.
  const ProcessResult named = run_check({"--format", "json", "node_modules/some-package/hook.py"}, dir_.path());
  EXPECT_EQ(named.exit_code, 1) << named.describe();
  EXPECT_TRUE(paths_in(parse_json(named)).contains("node_modules/some-package/hook.py")) << named.out;
  const ProcessResult binary = run_check({"--format", "json", "nul.py", "empty.py"}, dir_.path());
  EXPECT_EQ(binary.exit_code, 0) << binary.describe();
  EXPECT_EQ(warnings_about(binary.err, "nul.py").size(), 1u) << binary.err;
  EXPECT_EQ(parse_json(binary), json::array());
}

// Deployment files: a setup.py whose requirement has a line of its own (the batch audit parses
// only some statements of a Python file), a Dockerfile, a nested requirements file, a systemd
// unit, and a requirements file named explicitly under a name the tool does not know.
TEST(CliDeploymentFiles, CheckFindsThem) {
  TempDir dir;
  std::string setup_py =
      "import setuptools\n"
      "\n"
      "setuptools.setup(\n"
      "    name='demo',\n"
      "    install_requires=[\n"
      "        'requests',\n"
      "        'eventlet>=0.30',\n"
      "    ],\n"
      ")\n";
  // Enough other code that the setup() call is a small part of the file.
  for (int i = 0; i < 40; ++i) setup_py += "\n\ndef helper_" + std::to_string(i) + "(value):\n    return value * 2\n";
  dir.write("setup.py", setup_py);
  dir.write("Dockerfile", "FROM python:3.12\nCMD [\"gunicorn\", \"-k\", \"eventlet\", \"app:app\"]\n");
  dir.write("requirements/py3/prod.txt", "eventlet==0.36.1\n");
  dir.write("deploy/web.service",
            "[Service]\nEnvironment=\"DAEMON_ARGS=-k eventlet\"\nExecStart=/srv/bin/gunicorn $DAEMON_ARGS app:app\n");
  dir.write("deploy/deps.txt", "requests\neventlet\n");
  dir.write("deploy/notes.txt", "eventlet\nWe are moving off eventlet.\n");

  const ProcessResult result = run_check({"--format", "json", "."}, dir.path());
  EXPECT_EQ(result.exit_code, 1) << result.describe();
  const json findings = parse_json(result);
  const auto expect_finding = [&](const std::string& path, const std::string& code, int line, int column, int end_column) {
    const json* finding = find_finding(findings, path, code);
    ASSERT_NE(finding, nullptr) << path << " " << code << " missing from:\n" << result.out;
    EXPECT_EQ(finding->at("line"), line) << path;
    EXPECT_EQ(finding->at("column"), column) << path;
    EXPECT_EQ(finding->at("end_line"), line) << path;
    EXPECT_EQ(finding->at("end_column"), end_column) << path;
  };
  expect_finding("setup.py", "EL901", 7, 9, 25);
  expect_finding("Dockerfile", "EL102", 2, 19, 33);
  expect_finding("requirements/py3/prod.txt", "EL901", 1, 1, 17);
  expect_finding("deploy/web.service", "EL102", 2, 26, 37);
  // A directory walk audits only the files whose name says what they are.
  EXPECT_EQ(paths_in(findings), (std::set<std::string>{"setup.py", "Dockerfile", "requirements/py3/prod.txt",
                                                       "deploy/web.service"}));

  // Named explicitly, a file that reads as a requirements file is audited as one; prose is not.
  const ProcessResult named = run_check({"--format", "json", "deploy/deps.txt", "deploy/notes.txt"}, dir.path());
  EXPECT_EQ(named.exit_code, 1) << named.describe();
  const json named_findings = parse_json(named);
  ASSERT_EQ(named_findings.size(), 1u) << named.out;
  EXPECT_EQ(named_findings[0].at("path"), "deploy/deps.txt");
  EXPECT_EQ(named_findings[0].at("code"), "EL901");
  EXPECT_EQ(named_findings[0].at("line"), 2);
  EXPECT_EQ(warnings_about(named.err, "deploy/notes.txt").size(), 1u) << named.err;
}

}  // namespace
}  // namespace eventlet_lsp
