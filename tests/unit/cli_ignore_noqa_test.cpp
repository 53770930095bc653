// `check --ignore-noqa` reports what `# noqa` comments would hide, in Python and text files.
#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/run_process.h"
#include "tests/support/test_paths.h"

namespace eventlet_lsp {
namespace {

namespace fs = std::filesystem;

TEST(CliIgnoreNoqa, ReportsSuppressedLines) {
  const fs::path dir = fs::temp_directory_path() / ("eventlet-lsp-noqa-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "module.py") << "import eventlet  # noqa\neventlet.spawn(f)  # noqa: EL301\n";
  std::ofstream(dir / "requirements.txt") << "eventlet>=0.30  # noqa: EL901\n";
  testing::ProcessOptions options;
  options.working_directory = dir;
  const auto quiet = testing::run_process(testing::binary_path(),
                                          {"check", "--isolated", "--no-summary", "--no-progress", "."}, options);
  const auto loud = testing::run_process(
      testing::binary_path(), {"check", "--isolated", "--no-summary", "--no-progress", "--ignore-noqa", "."}, options);
  fs::remove_all(dir);
  EXPECT_EQ(quiet.exit_code, 0) << quiet.describe();
  EXPECT_EQ(quiet.out, "");
  EXPECT_EQ(loud.exit_code, 1) << loud.describe();
  EXPECT_NE(loud.out.find("module.py:1:1: EL001"), std::string::npos) << loud.out;
  EXPECT_NE(loud.out.find("module.py:2:1: EL301"), std::string::npos) << loud.out;
  EXPECT_NE(loud.out.find("requirements.txt:1:1: EL901"), std::string::npos) << loud.out;
}

}  // namespace
}  // namespace eventlet_lsp
