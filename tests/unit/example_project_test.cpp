// The bundled example (docs/examples/legacy-service) is what `scripts/run-example` audits: it
// must keep showing every scenario of the guide's audit, and nothing in its comments or
// docstrings.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <set>

#include "tests/support/run_process.h"
#include "tests/support/test_paths.h"

namespace eventlet_lsp {
namespace {

TEST(ExampleProject, AuditCoversEveryScenarioOfTheGuide) {
  const auto example = testing::source_dir() / "docs" / "examples" / "legacy-service";
  testing::ProcessOptions options;
  options.working_directory = example;
  const testing::ProcessResult result = testing::run_process(
      testing::binary_path(), {"check", "--format", "json", "--no-progress", "."}, options);
  ASSERT_EQ(result.exit_code, 1) << result.describe();
  EXPECT_EQ(result.err, "");
  const nlohmann::json findings = nlohmann::json::parse(result.out);
  std::set<std::string> scenarios;
  std::set<std::string> files;
  for (const auto& finding : findings) {
    scenarios.insert(finding.at("scenario").get<std::string>());
    files.insert(finding.at("path").get<std::string>());
  }
  for (const char* scenario : {"inventory", "wsgi-server", "network-calls", "background-tasks",
                               "deferred-tasks", "green-threads", "sockets", "websocket",
                               "integration", "planning"}) {
    EXPECT_TRUE(scenarios.contains(scenario)) << "no finding of scenario " << scenario;
  }
  // The module without Eventlet, and the package's docstring-only mention, give nothing.
  EXPECT_FALSE(files.contains("legacy_service/config.py"));
  EXPECT_FALSE(files.contains("legacy_service/__init__.py"));
}

}  // namespace
}  // namespace eventlet_lsp
