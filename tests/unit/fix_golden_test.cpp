// Every rewrite, shown as a diff with its safety verdict: tests/fixtures/fixes/<name>.py is fixed
// with the options of its first line (`# fix: --target threading --unsafe`), and the diff, the
// fixes applied and the usages left must equal tests/golden/fixes/<name>.txt. UPDATE_GOLDEN=1
// rewrites the goldens. Every result must parse without error and compile with python3.
#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>
#include <sstream>

#include "analyzers/fixes/fix_engine.h"
#include "analyzers/catalog/rule.h"
#include "server/cli/unified_diff.h"
#include "tests/support/run_process.h"
#include "tests/support/test_paths.h"

namespace eventlet_lsp {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

class FixGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(FixGolden, DiffAndVerdictsMatchTheGolden) {
  const fs::path fixture = GetParam();
  const std::string before = read(fixture);
  const std::string first_line = before.substr(0, before.find('\n'));
  analyzers::Settings settings;
  settings.target = first_line.find("--target asyncio") != std::string::npos ? analyzers::MigrationTarget::Asyncio
                                                                            : analyzers::MigrationTarget::Threading;
  const bool unsafe = first_line.find("--unsafe") != std::string::npos;
  analyzers::PythonParser parser;
  const analyzers::FileFixResult result =
      analyzers::fix_file(before, analyzers::FileFixOptions{settings, unsafe, std::nullopt}, parser);

  const std::string name = fixture.filename().string();
  std::ostringstream report;
  report << server::unified_diff(before, result.text, "a/" + name, "b/" + name) << "# applied\n";
  for (const auto& applied : result.applied) {
    report << "line " << applied.row + 1 << ": " << applied.rule->code << " ("
           << analyzers::to_string(applied.safety) << ") " << applied.title << '\n';
  }
  report << "# left for a person\n";
  for (const auto& finding : result.remaining) {
    report << "line " << finding.range.start.row + 1 << ": " << finding.rule->code << '\n';
  }

  const fs::path golden = testing::source_dir() / "tests" / "golden" / "fixes" / (fixture.stem().string() + ".txt");
  if (std::getenv("UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden, std::ios::binary) << report.str();
  } else {
    EXPECT_EQ(report.str(), read(golden)) << "regenerate with UPDATE_GOLDEN=1 if the change is intended";
  }

  // The result parses, compiles, and keeps the file's line endings.
  EXPECT_FALSE(parser.parse(result.text).has_error()) << result.text;
  const fs::path compiled = fs::temp_directory_path() / ("eventlet-lsp-fix-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(compiled, std::ios::binary) << result.text;
  const auto python = testing::run_process("/usr/bin/python3", {"-m", "py_compile", compiled.string()});
  fs::remove(compiled);
  EXPECT_EQ(python.exit_code, 0) << python.err;
  if (before.find("\r\n") != std::string::npos) {
    EXPECT_EQ(result.text.find("\n"), result.text.find("\r\n") + 1) << "line endings changed";
    for (std::size_t at = result.text.find('\n'); at != std::string::npos; at = result.text.find('\n', at + 1)) {
      EXPECT_EQ(result.text[at - 1], '\r') << "a bare LF at byte " << at;
    }
  }
}

std::vector<fs::path> fixtures() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(testing::fixtures_dir() / "fixes")) {
    if (entry.path().extension() == ".py") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

INSTANTIATE_TEST_SUITE_P(Rewrites, FixGolden, ::testing::ValuesIn(fixtures()),
                         [](const auto& info) { return info.param.stem().string(); });

}  // namespace
}  // namespace eventlet_lsp
