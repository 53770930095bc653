// Runs the analyzer over every tests/fixtures/python/*.py and compares its findings, line by
// line, with the inline expectations: a trailing comment made only of rule codes
// (`spawn(f)  # EL301`) lists the codes that start on that line; other lines expect none.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "analyzers/catalog/rule.h"
#include "analyzers/config/settings.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/python_analyzer.h"
#include "tests/support/test_paths.h"

namespace eventlet_lsp {
namespace {

using Expectations = std::map<std::uint32_t, std::multiset<std::string>>;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Expectations parse_expectations(const std::string& source) {
  static const std::regex expectation(R"(#\s*(EL\d{3}(?:[\s,]+EL\d{3})*)\s*$)");
  static const std::regex code(R"(EL\d{3})");
  Expectations expected;
  std::istringstream lines(source);
  std::string line;
  for (std::uint32_t row = 0; std::getline(lines, line); ++row) {
    std::smatch match;
    if (!std::regex_search(line, match, expectation)) continue;
    const std::string codes = match[1];
    for (auto it = std::sregex_iterator(codes.begin(), codes.end(), code); it != std::sregex_iterator(); ++it)
      expected[row].insert(it->str());
  }
  return expected;
}

std::string describe(const Expectations& by_line) {
  std::ostringstream out;
  for (const auto& [row, codes] : by_line) {
    out << "  line " << row + 1 << ":";
    for (const std::string& c : codes) out << ' ' << c;
    out << '\n';
  }
  return out.str();
}

class FixtureTest : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(FixtureTest, FindingsMatchInlineExpectations) {
  const std::string source = read_file(GetParam());
  const Expectations expected = parse_expectations(source);
  analyzers::PythonParser parser;
  const analyzers::SyntaxTree tree = parser.parse(source);
  Expectations actual;
  const analyzers::Settings defaults;  // what `check` shows: a coded `# noqa` hides, a bare one does not
  for (const analyzers::Finding& finding : analyzers::analyze_python(tree)) {
    if (defaults.reports(finding)) actual[finding.range.start.row].insert(std::string(finding.rule->code));
  }
  EXPECT_EQ(actual, expected) << "expected:\n" << describe(expected) << "actual:\n" << describe(actual);
}

std::vector<std::filesystem::path> fixture_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(testing::fixtures_dir() / "python")) {
    if (entry.path().extension() == ".py") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

INSTANTIATE_TEST_SUITE_P(Python, FixtureTest, ::testing::ValuesIn(fixture_files()),
                         [](const auto& info) { return info.param.stem().string(); });

}  // namespace
}  // namespace eventlet_lsp
