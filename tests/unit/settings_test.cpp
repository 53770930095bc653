// Configuration: [tool.eventlet-lsp] parsing and its errors, rule selection, severities,
// exclusion globs, command-line overrides and the per-directory ConfigResolver.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "analyzers/catalog/rule.h"
#include "analyzers/catalog/rule_registry.h"
#include "analyzers/config/config_resolver.h"
#include "analyzers/config/settings.h"

namespace eventlet_lsp::analyzers {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

ConfigLoad parse(const std::string& text, const std::string& file = "proj/pyproject.toml") {
  return parse_pyproject_settings(text, file, Settings{});
}

// The error a table gives; fails the test when there is none.
ConfigError error_of(const std::string& text) {
  const ConfigLoad load = parse(text);
  EXPECT_FALSE(load.settings.has_value());
  EXPECT_TRUE(load.error.has_value()) << "no error for:\n" << text;
  return load.error.value_or(ConfigError{"", "", "<no error>"});
}

// --- parse_pyproject_settings: valid tables ------------------------------------------------

TEST(ParseSettingsTest, ValidTableSetsEveryField) {
  const ConfigLoad load = parse(
      "[project]\n"
      "name = \"demo\"\n"
      "\n"
      "[tool.eventlet-lsp]\n"
      "select = [\"EL3\", \"eventlet-sleep\", \"EL001\"]\n"
      "ignore = [\"EL301\"]\n"
      "exclude = [\"tests/*\", \"legacy\"]\n"
      "target = \"asyncio\"\n"
      "guide-base-url = \"https://docs.example.org/eventlet/\"\n"
      "\n"
      "[tool.eventlet-lsp.severity]\n"
      "EL301 = \"error\"\n"
      "eventlet-sleep = \"hint\"\n"
      "el001 = \"info\"\n");
  ASSERT_FALSE(load.error.has_value()) << load.error->to_string();
  ASSERT_TRUE(load.settings.has_value());
  const Settings& settings = *load.settings;
  EXPECT_EQ(settings.select, (Strings{"EL3", "eventlet-sleep", "EL001"}));
  EXPECT_EQ(settings.ignore, (Strings{"EL301"}));
  EXPECT_EQ(settings.exclude, (Strings{"tests/*", "legacy"}));
  EXPECT_EQ(settings.target, MigrationTarget::Asyncio);
  EXPECT_EQ(settings.guide_base_url, "https://docs.example.org/eventlet");  // trailing '/' dropped
  // Severity keys are stored by rule code, whatever names them.
  const std::map<std::string, Severity, std::less<>> expected_severity{
      {"EL001", Severity::Information}, {"EL301", Severity::Error}, {"EL504", Severity::Hint}};
  EXPECT_EQ(settings.severity, expected_severity);
  EXPECT_EQ(settings.config_file, fs::path("proj/pyproject.toml"));
  EXPECT_EQ(settings.root, fs::path("proj"));
}

TEST(ParseSettingsTest, UnsetFieldsKeepTheBase) {
  Settings base;
  base.select = {"EL5"};
  base.ignore = {"EL504"};
  base.target = MigrationTarget::Asyncio;
  base.guide_base_url = "http://base.example";
  const ConfigLoad load =
      parse_pyproject_settings("[tool.eventlet-lsp]\nignore = [\"EL001\"]\n", "a/b/pyproject.toml", base);
  ASSERT_TRUE(load.settings.has_value());
  EXPECT_FALSE(load.error.has_value());
  EXPECT_EQ(load.settings->select, (Strings{"EL5"}));
  EXPECT_EQ(load.settings->ignore, (Strings{"EL001"}));  // replaced, not extended
  EXPECT_EQ(load.settings->target, MigrationTarget::Asyncio);
  EXPECT_EQ(load.settings->guide_base_url, "http://base.example");
  EXPECT_EQ(load.settings->root, fs::path("a/b"));
}

TEST(ParseSettingsTest, EmptyTableGivesDefaults) {
  const ConfigLoad load = parse("[tool.eventlet-lsp]\n");
  ASSERT_TRUE(load.settings.has_value());
  EXPECT_FALSE(load.error.has_value());
  EXPECT_EQ(load.settings->select, Strings{});
  EXPECT_EQ(load.settings->ignore, Strings{});
  EXPECT_EQ(load.settings->target, MigrationTarget::Threading);
  EXPECT_EQ(load.settings->guide_base_url, std::string(kDefaultGuideBaseUrl));
}

TEST(ParseSettingsTest, InlineAndQuotedTableForms) {
  const ConfigLoad inline_table = parse("[tool]\neventlet-lsp = { select = [\"EL2\"] }\n");
  ASSERT_TRUE(inline_table.settings.has_value());
  EXPECT_EQ(inline_table.settings->select, (Strings{"EL2"}));
  const ConfigLoad quoted = parse("[tool.\"eventlet-lsp\"]\nselect = [\"EL3\"]\n");
  ASSERT_TRUE(quoted.settings.has_value());
  EXPECT_EQ(quoted.settings->select, (Strings{"EL3"}));
}

TEST(ParseSettingsTest, NoTableMeansNoSettingsAndNoError) {
  for (const char* text : {"", "[project]\nname = \"demo\"\n", "[tool.ruff]\nline-length = 100\n",
                           "[tool.eventlet]\nselect = [\"EL999\"]\n"}) {
    const ConfigLoad load = parse(text);
    EXPECT_FALSE(load.settings.has_value()) << text;
    EXPECT_FALSE(load.error.has_value()) << text;
  }
}

// --- parse_pyproject_settings: errors ------------------------------------------------------

TEST(ParseSettingsErrorTest, UnknownKey) {
  const ConfigError error = error_of("[tool.eventlet-lsp]\ncolour = \"blue\"\n");
  EXPECT_EQ(error.file, "proj/pyproject.toml");
  EXPECT_EQ(error.key, "tool.eventlet-lsp.colour");
  EXPECT_EQ(error.message,
            "unknown key (expected select, ignore, exclude, severity, target, bare-noqa, guide-base-url, extend-safe-fixes or extend-unsafe-fixes)");
  EXPECT_EQ(error.to_string(),
            "proj/pyproject.toml: tool.eventlet-lsp.colour: unknown key (expected select, ignore, "
            "exclude, severity, target, bare-noqa, guide-base-url, extend-safe-fixes or extend-unsafe-fixes)");
}

TEST(ParseSettingsErrorTest, SelectNotAnArray) {
  const ConfigError error = error_of("[tool.eventlet-lsp]\nselect = \"EL301\"\n");
  EXPECT_EQ(error.file, "proj/pyproject.toml");
  EXPECT_EQ(error.key, "tool.eventlet-lsp.select");
  EXPECT_EQ(error.message, "expected an array of strings");
}

TEST(ParseSettingsErrorTest, ArrayItemNotAString) {
  const ConfigError error = error_of("[tool.eventlet-lsp]\nexclude = [\"a\", 3]\n");
  EXPECT_EQ(error.key, "tool.eventlet-lsp.exclude[1]");
  EXPECT_EQ(error.message, "expected a string");
}

TEST(ParseSettingsErrorTest, UnknownSelector) {
  const ConfigError error = error_of("[tool.eventlet-lsp]\nselect = [\"EL3\", \"EL999\"]\n");
  EXPECT_EQ(error.file, "proj/pyproject.toml");
  EXPECT_EQ(error.key, "tool.eventlet-lsp.select[1]");
  EXPECT_EQ(error.message, "unknown rule selector 'EL999' (see `eventlet-lsp rules`)");

  const ConfigError in_ignore = error_of("[tool.eventlet-lsp]\nignore = [\"no-such-rule\"]\n");
  EXPECT_EQ(in_ignore.key, "tool.eventlet-lsp.ignore[0]");
  EXPECT_EQ(in_ignore.message, "unknown rule selector 'no-such-rule' (see `eventlet-lsp rules`)");
}

TEST(ParseSettingsErrorTest, SeverityUnknownRule) {
  const ConfigError error = error_of("[tool.eventlet-lsp.severity]\nEL999 = \"error\"\n");
  EXPECT_EQ(error.file, "proj/pyproject.toml");
  EXPECT_EQ(error.key, "tool.eventlet-lsp.severity.EL999");
  EXPECT_EQ(error.message, "unknown rule");
}

TEST(ParseSettingsErrorTest, SeverityBadLevel) {
  const ConfigError error = error_of("[tool.eventlet-lsp.severity]\nEL301 = \"fatal\"\n");
  EXPECT_EQ(error.key, "tool.eventlet-lsp.severity.EL301");
  EXPECT_EQ(error.message, "expected \"error\", \"warning\", \"information\" or \"hint\"");
  const ConfigError not_string = error_of("[tool.eventlet-lsp.severity]\nspawn-fire-and-forget = 1\n");
  EXPECT_EQ(not_string.key, "tool.eventlet-lsp.severity.spawn-fire-and-forget");
}

TEST(ParseSettingsErrorTest, SeverityNotATable) {
  const ConfigError error = error_of("[tool.eventlet-lsp]\nseverity = \"error\"\n");
  EXPECT_EQ(error.key, "tool.eventlet-lsp.severity");
}

TEST(ParseSettingsErrorTest, UnknownTarget) {
  const ConfigError error = error_of("[tool.eventlet-lsp]\ntarget = \"trio\"\n");
  EXPECT_EQ(error.file, "proj/pyproject.toml");
  EXPECT_EQ(error.key, "tool.eventlet-lsp.target");
  EXPECT_EQ(error.message, "expected \"threading\" or \"asyncio\"");
}

TEST(ParseSettingsTest, BareNoqaIgnoredByDefaultAndSuppressOnRequest) {
  EXPECT_EQ(Settings{}.bare_noqa, BareNoqa::Ignore);
  const ConfigLoad load = parse("[tool.eventlet-lsp]\nbare-noqa = \"suppress\"\n");
  ASSERT_TRUE(load.settings.has_value());
  EXPECT_EQ(load.settings->bare_noqa, BareNoqa::Suppress);
  const ConfigLoad ignore = parse("[tool.eventlet-lsp]\nbare-noqa = \"ignore\"\n");
  ASSERT_TRUE(ignore.settings.has_value());
  EXPECT_EQ(ignore.settings->bare_noqa, BareNoqa::Ignore);
}

TEST(ParseSettingsErrorTest, UnknownBareNoqa) {
  for (const char* value : {"\"hide\"", "true", "\"Suppress\""}) {
    const ConfigError error = error_of(std::string("[tool.eventlet-lsp]\nbare-noqa = ") + value + "\n");
    EXPECT_EQ(error.key, "tool.eventlet-lsp.bare-noqa") << value;
    EXPECT_EQ(error.message, "expected \"ignore\" or \"suppress\"") << value;
  }
}

TEST(SettingsHidesTest, CodedNoqaAlwaysHidesBareOnlyUnderSuppress) {
  Finding finding;
  finding.rule = &rule("EL801");
  Settings settings;
  EXPECT_TRUE(settings.reports(finding));
  finding.suppression = Suppression::BareNoqa;
  EXPECT_FALSE(settings.hides(finding));
  EXPECT_TRUE(settings.reports(finding));
  settings.bare_noqa = BareNoqa::Suppress;
  EXPECT_TRUE(settings.hides(finding));
  EXPECT_FALSE(settings.reports(finding));
  finding.suppression = Suppression::CodedNoqa;
  settings.bare_noqa = BareNoqa::Ignore;
  EXPECT_TRUE(settings.hides(finding));
  EXPECT_FALSE(settings.reports(finding));
  // A rule that is not selected is not reported either, noqa or not.
  finding.suppression = Suppression::None;
  settings.ignore = {"EL8"};
  EXPECT_FALSE(settings.reports(finding));
}

TEST(SettingsOverridesTest, BareNoqaOverride) {
  Settings settings;
  SettingsOverrides overrides;
  overrides.bare_noqa = BareNoqa::Suppress;
  overrides.apply(settings);
  EXPECT_EQ(settings.bare_noqa, BareNoqa::Suppress);
}

TEST(ParseSettingsErrorTest, GuideBaseUrlNotHttp) {
  for (const char* value : {"\"ftp://example.org\"", "\"example.org\"", "42"}) {
    const ConfigError error = error_of(std::string("[tool.eventlet-lsp]\nguide-base-url = ") + value + "\n");
    EXPECT_EQ(error.key, "tool.eventlet-lsp.guide-base-url") << value;
    EXPECT_EQ(error.message, "expected an http(s) URL") << value;
  }
}

TEST(ParseSettingsErrorTest, TableOfTheWrongType) {
  const ConfigError error = error_of("[tool]\neventlet-lsp = 1\n");
  EXPECT_EQ(error.key, "tool.eventlet-lsp");
  EXPECT_EQ(error.message, "expected a table");
}

TEST(ParseSettingsErrorTest, InvalidTomlGivesTheLine) {
  const ConfigError error = error_of(
      "[project]\n"
      "name = \"demo\"\n"
      "[tool.eventlet-lsp]\n"
      "select = [\"EL3\" \"EL4\"]\n");
  EXPECT_EQ(error.file, "proj/pyproject.toml");
  EXPECT_EQ(error.key, "");
  EXPECT_TRUE(error.message.starts_with("invalid TOML at line 4, column ")) << error.message;
  EXPECT_TRUE(error.to_string().starts_with("proj/pyproject.toml: invalid TOML at line 4, column "))
      << error.to_string();
}

TEST(ParseSettingsErrorTest, InvalidTomlOutsideTheTableIsStillAnError) {
  const ConfigError error = error_of("[project\nname = 1\n");
  EXPECT_EQ(error.key, "");
  EXPECT_TRUE(error.message.starts_with("invalid TOML at line 1, column ")) << error.message;
}

// --- selection ----------------------------------------------------------------------------

const RuleDefinition& r(std::string_view code) { return rule(code); }

TEST(SelectionTest, DefaultsEnableEveryRule) {
  const Settings settings;
  for (const RuleDefinition* definition : all_rules())
    EXPECT_TRUE(settings.is_enabled(*definition)) << definition->code;
}

TEST(SelectionTest, SelectByCodePrefixNameAndAll) {
  Settings settings;
  settings.select = {"EL301"};
  EXPECT_TRUE(settings.is_enabled(r("EL301")));
  EXPECT_FALSE(settings.is_enabled(r("EL302")));

  settings.select = {"EL3"};
  EXPECT_TRUE(settings.is_enabled(r("EL301")));
  EXPECT_TRUE(settings.is_enabled(r("EL303")));
  EXPECT_FALSE(settings.is_enabled(r("EL401")));
  EXPECT_FALSE(settings.is_enabled(r("EL001")));

  settings.select = {"el30"};  // codes are case-insensitive
  EXPECT_TRUE(settings.is_enabled(r("EL302")));
  EXPECT_FALSE(settings.is_enabled(r("EL401")));

  settings.select = {"eventlet-sleep"};
  EXPECT_TRUE(settings.is_enabled(r("EL504")));
  EXPECT_FALSE(settings.is_enabled(r("EL505")));

  settings.select = {"ALL"};
  for (const RuleDefinition* definition : all_rules())
    EXPECT_TRUE(settings.is_enabled(*definition)) << definition->code;
}

TEST(SelectionTest, IgnoreByCodePrefixAndName) {
  Settings settings;
  settings.ignore = {"EL3", "eventlet-sleep", "EL001"};
  EXPECT_FALSE(settings.is_enabled(r("EL301")));
  EXPECT_FALSE(settings.is_enabled(r("EL303")));
  EXPECT_FALSE(settings.is_enabled(r("EL504")));
  EXPECT_FALSE(settings.is_enabled(r("EL001")));
  EXPECT_TRUE(settings.is_enabled(r("EL505")));
  EXPECT_TRUE(settings.is_enabled(r("EL002")));
  EXPECT_TRUE(settings.is_enabled(r("EL401")));

  settings.ignore = {"ALL"};
  EXPECT_FALSE(settings.is_enabled(r("EL001")));
  EXPECT_FALSE(settings.is_enabled(r("EL904")));
}

TEST(SelectionTest, MoreSpecificSelectorWins) {
  Settings settings;
  settings.select = {"EL3"};
  settings.ignore = {"EL301"};
  EXPECT_FALSE(settings.is_enabled(r("EL301")));
  EXPECT_TRUE(settings.is_enabled(r("EL302")));

  settings.select = {"EL301"};
  settings.ignore = {"EL3"};
  EXPECT_TRUE(settings.is_enabled(r("EL301")));
  EXPECT_FALSE(settings.is_enabled(r("EL302")));

  settings.select = {"ALL"};
  settings.ignore = {"EL5"};
  EXPECT_FALSE(settings.is_enabled(r("EL504")));
  EXPECT_TRUE(settings.is_enabled(r("EL401")));

  settings.select = {"EL5"};
  settings.ignore = {"ALL"};
  EXPECT_TRUE(settings.is_enabled(r("EL504")));
  EXPECT_FALSE(settings.is_enabled(r("EL401")));

  // A rule name is the most specific selector of all.
  settings.select = {"spawn-fire-and-forget"};
  settings.ignore = {"EL301"};
  EXPECT_TRUE(settings.is_enabled(r("EL301")));
  settings.select = {"EL301"};
  settings.ignore = {"spawn-fire-and-forget"};
  EXPECT_FALSE(settings.is_enabled(r("EL301")));

  // The same selector on both sides: ignore wins.
  settings.select = {"EL301"};
  settings.ignore = {"EL301"};
  EXPECT_FALSE(settings.is_enabled(r("EL301")));
}

TEST(SelectionTest, SelectorValidity) {
  EXPECT_TRUE(is_valid_selector("ALL"));
  EXPECT_TRUE(is_valid_selector("EL"));
  EXPECT_TRUE(is_valid_selector("EL3"));
  EXPECT_TRUE(is_valid_selector("el301"));
  EXPECT_TRUE(is_valid_selector("spawn-fire-and-forget"));
  EXPECT_FALSE(is_valid_selector("EL999"));
  EXPECT_FALSE(is_valid_selector("EL3011"));
  EXPECT_FALSE(is_valid_selector("E"));
  EXPECT_FALSE(is_valid_selector("E501"));
  EXPECT_FALSE(is_valid_selector("Spawn-Fire-And-Forget"));  // names are exact
  EXPECT_FALSE(is_valid_selector(""));

  EXPECT_TRUE(selector_matches("EL30", r("EL303")));
  EXPECT_FALSE(selector_matches("EL30", r("EL401")));
  EXPECT_TRUE(selector_matches("all", r("EL401")));
}

TEST(SeverityTest, OverridesByCodeThenName) {
  Settings settings;
  EXPECT_EQ(settings.severity_of(r("EL301")), r("EL301").default_severity);
  settings.severity["EL301"] = Severity::Error;
  settings.severity["eventlet-sleep"] = Severity::Hint;  // as SettingsOverrides may pass it
  EXPECT_EQ(settings.severity_of(r("EL301")), Severity::Error);
  EXPECT_EQ(settings.severity_of(r("EL504")), Severity::Hint);
  EXPECT_EQ(settings.severity_of(r("EL302")), r("EL302").default_severity);
  settings.severity["EL504"] = Severity::Information;  // the code wins over the name
  EXPECT_EQ(settings.severity_of(r("EL504")), Severity::Information);
}

TEST(SeverityTest, ParsedSeverityApplies) {
  const ConfigLoad load = parse("[tool.eventlet-lsp.severity]\ngreen-pool = \"warn\"\nEL001 = \"Error\"\n");
  ASSERT_TRUE(load.settings.has_value());
  EXPECT_EQ(load.settings->severity_of(r("EL503")), Severity::Warning);
  EXPECT_EQ(load.settings->severity_of(r("EL001")), Severity::Error);
}

// --- exclusion ----------------------------------------------------------------------------

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("eventlet_lsp_settings_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
    path_ = fs::canonical(path_);
  }
  ~TempDir() {
    std::error_code error;
    fs::remove_all(path_, error);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

  void write(const fs::path& relative, const std::string& text) const {
    const fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
  }

 private:
  fs::path path_;
};

TEST(ExcludeTest, NothingExcludedWithoutGlobs) {
  Settings settings;
  settings.root = "/proj";
  EXPECT_FALSE(settings.is_excluded("/proj/tests/test_a.py"));
}

TEST(ExcludeTest, GlobsRelativeToTheRoot) {
  Settings settings;
  settings.root = "/proj";
  settings.exclude = {"tests/*"};
  EXPECT_TRUE(settings.is_excluded("/proj/tests/test_a.py"));
  EXPECT_TRUE(settings.is_excluded("/proj/tests/unit/test_b.py"));  // '*' crosses '/'
  EXPECT_FALSE(settings.is_excluded("/proj/src/tests.py"));
  EXPECT_FALSE(settings.is_excluded("/proj/src/tests/test_c.py"));  // not at the root
  EXPECT_FALSE(settings.is_excluded("/other/tests/test_a.py"));
  EXPECT_TRUE(settings.is_excluded("/proj/src/../tests/test_a.py"));  // normalised first
}

TEST(ExcludeTest, FileNameGlob) {
  Settings settings;
  settings.root = "/proj";
  settings.exclude = {"*_test.py"};
  EXPECT_TRUE(settings.is_excluded("/proj/pkg/worker_test.py"));
  EXPECT_TRUE(settings.is_excluded("/proj/a_test.py"));
  EXPECT_FALSE(settings.is_excluded("/proj/pkg/test_worker.py"));
  EXPECT_FALSE(settings.is_excluded("/proj/pkg/worker_test.pyc"));
}

TEST(ExcludeTest, FolderWithTrailingSlash) {
  Settings settings;
  settings.root = "/proj";
  settings.exclude = {"build/"};
  EXPECT_TRUE(settings.is_excluded("/proj/build/lib/mod.py"));
  EXPECT_TRUE(settings.is_excluded("/proj/build"));
  EXPECT_FALSE(settings.is_excluded("/proj/builder/mod.py"));
  EXPECT_FALSE(settings.is_excluded("/proj/src/build/mod.py"));

  settings.exclude = {"vendor/**"};
  EXPECT_TRUE(settings.is_excluded("/proj/vendor/x/y.py"));
  EXPECT_TRUE(settings.is_excluded("/proj/vendor"));
  EXPECT_FALSE(settings.is_excluded("/proj/src/vendor/y.py"));
}

TEST(ExcludeTest, FolderGlobDoesNotMatchALongerFolderName) {
  Settings settings;
  settings.root = "/proj";
  settings.exclude = {"vendor/**"};
  EXPECT_FALSE(settings.is_excluded("/proj/vendored/y.py"));
  EXPECT_FALSE(settings.is_excluded("/proj/vendor.py"));
}

TEST(ExcludeTest, BareFolderNameAnywhere) {
  Settings settings;
  settings.root = "/proj";
  settings.exclude = {"legacy"};
  EXPECT_TRUE(settings.is_excluded("/proj/legacy/old.py"));
  EXPECT_TRUE(settings.is_excluded("/proj/src/legacy/deep/old.py"));
  EXPECT_TRUE(settings.is_excluded("/proj/legacy"));
  EXPECT_FALSE(settings.is_excluded("/proj/legacy_code/old.py"));
  EXPECT_FALSE(settings.is_excluded("/proj/src/mylegacy/old.py"));
  EXPECT_FALSE(settings.is_excluded("/proj/src/old.py"));
}

TEST(ExcludeTest, RelativePathsAreTakenFromTheCurrentDirectory) {
  const TempDir dir;
  const fs::path previous = fs::current_path();
  fs::current_path(dir.path());
  Settings settings;
  settings.root = dir.path();
  settings.exclude = {"tests/*"};
  const bool excluded = settings.is_excluded("tests/test_a.py");
  const bool kept = settings.is_excluded("src/app.py");
  fs::current_path(previous);
  EXPECT_TRUE(excluded);
  EXPECT_FALSE(kept);
}

// --- SettingsOverrides --------------------------------------------------------------------

TEST(OverridesTest, ApplyReplacesExtendsAndAdds) {
  Settings settings;
  settings.select = {"EL3"};
  settings.ignore = {"EL301"};
  settings.exclude = {"legacy"};
  settings.severity["EL302"] = Severity::Hint;

  SettingsOverrides overrides;
  overrides.extend_select = {"EL5"};
  overrides.ignore = {"EL504"};
  overrides.severity["EL302"] = Severity::Error;
  overrides.severity["EL001"] = Severity::Information;
  overrides.target = MigrationTarget::Asyncio;
  overrides.guide_base_url = "http://mirror.example";
  overrides.apply(settings);

  EXPECT_EQ(settings.select, (Strings{"EL3", "EL5"}));
  EXPECT_EQ(settings.ignore, (Strings{"EL301", "EL504"}));
  EXPECT_EQ(settings.exclude, (Strings{"legacy"}));
  EXPECT_EQ(settings.severity_of(r("EL302")), Severity::Error);
  EXPECT_EQ(settings.severity_of(r("EL001")), Severity::Information);
  EXPECT_EQ(settings.target, MigrationTarget::Asyncio);
  EXPECT_EQ(settings.guide_base_url, "http://mirror.example");
  EXPECT_TRUE(settings.is_enabled(r("EL302")));
  EXPECT_TRUE(settings.is_enabled(r("EL505")));
  EXPECT_FALSE(settings.is_enabled(r("EL504")));
  EXPECT_FALSE(settings.is_enabled(r("EL401")));
}

TEST(OverridesTest, SelectReplaces) {
  Settings settings;
  settings.select = {"EL3"};
  SettingsOverrides overrides;
  overrides.select = Strings{"EL4"};
  overrides.apply(settings);
  EXPECT_EQ(settings.select, (Strings{"EL4"}));
  EXPECT_FALSE(settings.is_enabled(r("EL301")));
  EXPECT_TRUE(settings.is_enabled(r("EL401")));
}

TEST(OverridesTest, ExtendSelectOnAnEmptySelectKeepsEverything) {
  Settings settings;
  SettingsOverrides overrides;
  overrides.extend_select = {"EL1"};
  overrides.apply(settings);
  EXPECT_EQ(settings.select, (Strings{"ALL", "EL1"}));
  EXPECT_TRUE(settings.is_enabled(r("EL001")));
  EXPECT_TRUE(settings.is_enabled(r("EL101")));
}

TEST(OverridesTest, EmptyOverridesChangeNothing) {
  Settings settings;
  settings.select = {"EL3"};
  settings.target = MigrationTarget::Asyncio;
  SettingsOverrides{}.apply(settings);
  EXPECT_EQ(settings.select, (Strings{"EL3"}));
  EXPECT_EQ(settings.ignore, Strings{});
  EXPECT_EQ(settings.exclude, Strings{});
  EXPECT_EQ(settings.target, MigrationTarget::Asyncio);
  EXPECT_EQ(settings.guide_base_url, std::string(kDefaultGuideBaseUrl));
}

TEST(OverridesTest, CommandLineExcludesWithASlashAlsoMatchFromTheCurrentDirectory) {
  const std::string cwd = fs::current_path().generic_string();
  Settings settings;
  SettingsOverrides overrides;
  overrides.exclude = {"legacy", "tests/*", "/abs/*"};
  overrides.apply(settings);
  EXPECT_EQ(settings.exclude, (Strings{"legacy", "tests/*", cwd + "/tests/*", "/abs/*"}));
}

// --- ConfigResolver -----------------------------------------------------------------------

TEST(ConfigResolverTest, NearestPyprojectWithTheTableWins) {
  const TempDir dir;
  dir.write("pyproject.toml", "[tool.eventlet-lsp]\nselect = [\"EL1\"]\n");
  dir.write("pkg/pyproject.toml", "[tool.eventlet-lsp]\nselect = [\"EL2\"]\n");
  dir.write("pkg/sub/pyproject.toml", "[project]\nname = \"no-table\"\n");  // skipped
  fs::create_directories(dir.path() / "pkg/sub/deeper");
  fs::create_directories(dir.path() / "other");

  ConfigResolver resolver({}, std::nullopt, false);
  const Settings* top = resolver.for_directory(dir.path() / "other");
  ASSERT_NE(top, nullptr);
  EXPECT_EQ(top->select, (Strings{"EL1"}));
  EXPECT_EQ(top->config_file, dir.path() / "pyproject.toml");
  EXPECT_EQ(top->root, dir.path());

  const Settings* pkg = resolver.for_directory(dir.path() / "pkg/sub/deeper");
  ASSERT_NE(pkg, nullptr);
  EXPECT_EQ(pkg->select, (Strings{"EL2"}));
  EXPECT_EQ(pkg->config_file, dir.path() / "pkg/pyproject.toml");
  EXPECT_EQ(pkg->root, dir.path() / "pkg");

  // Same file, same settings object; the root folder itself finds its own file.
  EXPECT_EQ(resolver.for_directory(dir.path() / "pkg"), pkg);
  EXPECT_EQ(resolver.for_directory(dir.path() / "pkg/sub"), pkg);
  EXPECT_EQ(resolver.for_directory(dir.path()), top);
  EXPECT_FALSE(resolver.error().has_value());
}

TEST(ConfigResolverTest, FindConfigFile) {
  const TempDir dir;
  dir.write("a/pyproject.toml", "[tool.eventlet-lsp.severity]\nEL301 = \"error\"\n");
  dir.write("a/b/pyproject.toml", "[tool.black]\n");
  fs::create_directories(dir.path() / "a/b/c");
  EXPECT_EQ(find_config_file(dir.path() / "a/b/c"), dir.path() / "a/pyproject.toml");
  EXPECT_EQ(find_config_file(dir.path() / "a"), dir.path() / "a/pyproject.toml");
}

TEST(ConfigResolverTest, FindConfigFileReadsTheTableNotTheText) {
  const TempDir dir;
  dir.write("pyproject.toml", "[tool.eventlet-lsp]\nselect = [\"EL1\"]\n");
  dir.write("commented/pyproject.toml", "# [tool.eventlet-lsp] moved to the root\n[project]\nname = \"x\"\n");
  dir.write("inline/pyproject.toml", "[tool]\neventlet-lsp = { select = [\"EL2\"] }\n");
  dir.write("quoted/pyproject.toml", "[tool.\"eventlet-lsp\"]\nselect = [\"EL3\"]\n");
  EXPECT_EQ(find_config_file(dir.path() / "commented"), dir.path() / "pyproject.toml");
  EXPECT_EQ(find_config_file(dir.path() / "inline"), dir.path() / "inline/pyproject.toml");
  EXPECT_EQ(find_config_file(dir.path() / "quoted"), dir.path() / "quoted/pyproject.toml");
}

TEST(ConfigResolverTest, OverridesApplyOnTopOfTheFile) {
  const TempDir dir;
  dir.write("pyproject.toml", "[tool.eventlet-lsp]\nselect = [\"EL3\"]\ntarget = \"asyncio\"\n");
  SettingsOverrides overrides;
  overrides.ignore = {"EL301"};
  ConfigResolver resolver(overrides, std::nullopt, false);
  const Settings* settings = resolver.for_directory(dir.path());
  ASSERT_NE(settings, nullptr);
  EXPECT_EQ(settings->select, (Strings{"EL3"}));
  EXPECT_EQ(settings->ignore, (Strings{"EL301"}));
  EXPECT_EQ(settings->target, MigrationTarget::Asyncio);
  EXPECT_FALSE(settings->is_enabled(r("EL301")));
  EXPECT_TRUE(settings->is_enabled(r("EL302")));
}

TEST(ConfigResolverTest, ExplicitConfigIsUsedEverywhere) {
  const TempDir dir;
  dir.write("pyproject.toml", "[tool.eventlet-lsp]\nselect = [\"EL1\"]\n");
  dir.write("config/custom.toml", "[tool.eventlet-lsp]\nselect = [\"EL9\"]\n");
  ConfigResolver resolver({}, dir.path() / "config/custom.toml", false);
  const Settings* settings = resolver.for_directory(dir.path());
  ASSERT_NE(settings, nullptr);
  EXPECT_EQ(settings->select, (Strings{"EL9"}));
  EXPECT_EQ(settings->config_file, dir.path() / "config/custom.toml");
  EXPECT_EQ(settings->root, dir.path() / "config");
  EXPECT_EQ(resolver.for_directory(fs::temp_directory_path()), settings);
}

TEST(ConfigResolverTest, ExplicitConfigWithoutTheTableGivesDefaults) {
  const TempDir dir;
  dir.write("pyproject.toml", "[tool.eventlet-lsp]\nselect = [\"EL1\"]\n");
  dir.write("plain.toml", "[project]\nname = \"x\"\n");
  ConfigResolver resolver({}, dir.path() / "plain.toml", false);
  const Settings* settings = resolver.for_directory(dir.path());
  ASSERT_NE(settings, nullptr);
  EXPECT_EQ(settings->select, Strings{});
  EXPECT_EQ(settings->config_file, dir.path() / "plain.toml");
  EXPECT_EQ(settings->root, dir.path());
}

TEST(ConfigResolverTest, IsolatedReadsNoFile) {
  const TempDir dir;
  dir.write("pyproject.toml", "[tool.eventlet-lsp]\nselect = [\"EL1\"]\n");
  SettingsOverrides overrides;
  overrides.target = MigrationTarget::Asyncio;
  ConfigResolver resolver(overrides, dir.path() / "pyproject.toml", true);
  const Settings* settings = resolver.for_directory(dir.path());
  ASSERT_NE(settings, nullptr);
  EXPECT_EQ(settings->select, Strings{});
  EXPECT_EQ(settings->config_file, fs::path());
  EXPECT_EQ(settings->target, MigrationTarget::Asyncio);
}

TEST(ConfigResolverTest, ErrorInTheNearestFile) {
  const TempDir dir;
  dir.write("pyproject.toml", "[tool.eventlet-lsp]\nselect = [\"EL999\"]\n");
  ConfigResolver resolver({}, std::nullopt, false);
  EXPECT_EQ(resolver.for_directory(dir.path()), nullptr);
  ASSERT_TRUE(resolver.error().has_value());
  EXPECT_EQ(resolver.error()->file, (dir.path() / "pyproject.toml").string());
  EXPECT_EQ(resolver.error()->key, "tool.eventlet-lsp.select[0]");
}

TEST(ConfigResolverTest, UnreadableExplicitConfig) {
  const TempDir dir;
  ConfigResolver resolver({}, dir.path() / "missing.toml", false);
  EXPECT_EQ(resolver.for_directory(dir.path()), nullptr);
  ASSERT_TRUE(resolver.error().has_value());
  EXPECT_EQ(resolver.error()->file, (dir.path() / "missing.toml").string());
  EXPECT_EQ(resolver.error()->message, "cannot be read");
}

}  // namespace
}  // namespace eventlet_lsp::analyzers

namespace eventlet_lsp::analyzers {
namespace {

TEST(FixSafetyOverrides, UnsafeListWinsOverSafeListAndVerdict) {
  const ConfigLoad load = parse_pyproject_settings(
      "[tool.eventlet-lsp]\nextend-safe-fixes = [\"EL3\"]\nextend-unsafe-fixes = [\"EL302\", \"EL504\"]\n",
      "pyproject.toml", Settings{});
  ASSERT_FALSE(load.error) << load.error->to_string();
  const Settings& settings = *load.settings;
  EXPECT_TRUE(settings.fix_is_safe(rule("EL301"), false));   // promoted by EL3
  EXPECT_FALSE(settings.fix_is_safe(rule("EL302"), false));  // the unsafe list wins
  EXPECT_FALSE(settings.fix_is_safe(rule("EL504"), true));   // demoted
  EXPECT_TRUE(settings.fix_is_safe(rule("EL505"), true));    // untouched
  const ConfigLoad bad =
      parse_pyproject_settings("[tool.eventlet-lsp]\nextend-safe-fixes = [\"EL999\"]\n", "p.toml", Settings{});
  ASSERT_TRUE(bad.error);
  EXPECT_EQ(bad.error->key, "tool.eventlet-lsp.extend-safe-fixes[0]");
}

}  // namespace
}  // namespace eventlet_lsp::analyzers
