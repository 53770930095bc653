// `# noqa` through `check`: a bare one hides nothing by default (it is another linter's), a coded
// one hides what it names and the summary, JSON and SARIF say so; `--bare-noqa suppress` and
// `bare-noqa = "suppress"` restore ruff's reading; `--ignore-noqa` shows everything.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/support/run_process.h"
#include "tests/support/test_paths.h"

namespace eventlet_lsp {
namespace {

namespace fs = std::filesystem;

class CliNoqa : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("eventlet-lsp-noqa-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    std::ofstream(dir_ / "module.py") << "import eventlet  # noqa\n"
                                         "eventlet.monkey_patch()  # noqa: E402\n"
                                         "eventlet.spawn(f)  # noqa: EL301\n"
                                         "eventlet.sleep(1)  # noqa:el5\n";
    std::ofstream(dir_ / "requirements.txt") << "eventlet>=0.30  # noqa: EL901\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  testing::ProcessResult check(std::vector<std::string> arguments) {
    std::vector<std::string> all{"check", "--no-progress"};
    all.insert(all.end(), arguments.begin(), arguments.end());
    all.push_back(".");
    testing::ProcessOptions options;
    options.working_directory = dir_;
    return testing::run_process(testing::binary_path(), all, options);
  }

  fs::path dir_;
};

TEST_F(CliNoqa, BareNoqaHidesNothingCodedNoqaHidesAndIsCounted) {
  const auto result = check({"--isolated"});
  EXPECT_EQ(result.exit_code, 1) << result.describe();
  EXPECT_NE(result.out.find("module.py:1:1: EL001"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("module.py:2:1: EL801"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("module.py:3"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("module.py:4"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("requirements.txt:1"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Eventlet inventory: 2 usages in 1 of 2 files checked"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("3 more hidden by `# noqa` (EL301 1, EL504 1, EL901 1)"), std::string::npos)
      << result.out;
}

TEST_F(CliNoqa, OnlySuppressedFindingsExitZero) {
  std::ofstream(dir_ / "module.py") << "import eventlet  # noqa: EL001\n";
  const auto result = check({"--isolated"});
  EXPECT_EQ(result.exit_code, 0) << result.describe();
  EXPECT_NE(result.out.find("Eventlet inventory: 0 usages"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("2 more hidden by `# noqa` (EL001 1, EL901 1)"), std::string::npos) << result.out;
}

TEST_F(CliNoqa, BareNoqaSuppressOnTheCommandLineAndInTheProject) {
  const auto flag = check({"--isolated", "--bare-noqa", "suppress", "--no-summary"});
  EXPECT_EQ(flag.exit_code, 1) << flag.describe();
  // Only the line whose `# noqa` names another linter's code is left.
  EXPECT_TRUE(flag.out.starts_with("module.py:2:1: EL801 ")) << flag.out;
  EXPECT_EQ(std::count(flag.out.begin(), flag.out.end(), '\n'), 1) << flag.out;
  std::ofstream(dir_ / "pyproject.toml") << "[tool.eventlet-lsp]\nbare-noqa = \"suppress\"\n";
  const auto project = check({"--no-summary"});
  EXPECT_EQ(project.out, flag.out);
  const auto overridden = check({"--no-summary", "--bare-noqa", "ignore"});
  EXPECT_NE(overridden.out.find("module.py:1:1: EL001"), std::string::npos) << overridden.out;
}

TEST_F(CliNoqa, IgnoreNoqaReportsSuppressedLines) {
  const auto loud = check({"--isolated", "--no-summary", "--ignore-noqa"});
  EXPECT_EQ(loud.exit_code, 1) << loud.describe();
  EXPECT_NE(loud.out.find("module.py:1:1: EL001"), std::string::npos) << loud.out;
  EXPECT_NE(loud.out.find("module.py:3:1: EL301"), std::string::npos) << loud.out;
  EXPECT_NE(loud.out.find("module.py:4:1: EL504"), std::string::npos) << loud.out;
  EXPECT_NE(loud.out.find("requirements.txt:1:1: EL901"), std::string::npos) << loud.out;
}

TEST_F(CliNoqa, JsonAndSarifCarrySuppressedResults) {
  const auto json_result = check({"--isolated", "--format", "json"});
  const auto findings = nlohmann::json::parse(json_result.out);
  std::vector<std::string> suppressed;
  std::size_t shown = 0;
  for (const auto& finding : findings) {
    if (finding.at("suppressed").get<bool>()) suppressed.push_back(finding.at("code").get<std::string>());
    else ++shown;
  }
  EXPECT_EQ(shown, 2u) << json_result.out;
  EXPECT_EQ(suppressed, (std::vector<std::string>{"EL301", "EL504", "EL901"})) << json_result.out;

  const auto sarif_result = check({"--isolated", "--format", "sarif"});
  const auto sarif = nlohmann::json::parse(sarif_result.out);
  std::vector<std::string> in_source;
  for (const auto& result : sarif["runs"][0]["results"]) {
    if (!result.contains("suppressions")) continue;
    EXPECT_EQ(result["suppressions"], nlohmann::json::parse(R"([{"kind": "inSource"}])"));
    in_source.push_back(result.at("ruleId").get<std::string>());
  }
  EXPECT_EQ(in_source, (std::vector<std::string>{"EL301", "EL504", "EL901"})) << sarif_result.out;
  EXPECT_EQ(sarif["runs"][0]["results"].size(), 5u);

  const auto github = check({"--isolated", "--format", "github"});
  EXPECT_EQ(github.out.find("EL301"), std::string::npos) << github.out;
}

}  // namespace
}  // namespace eventlet_lsp
