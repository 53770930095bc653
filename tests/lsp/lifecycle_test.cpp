// The LSP lifecycle: initialize, initialized, shutdown, exit, and the rules around them.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <regex>

#include "../support/run_process.h"
#include "../support/test_paths.h"
#include "lsp_test_support.h"

extern char** environ;

namespace eventlet_lsp::testing {
namespace {

std::string server_version() {
  const ProcessResult result = run_process(binary_path(), {"--version"});
  const std::string prefix = "eventlet-lsp ";
  if (!result.exited() || result.exit_code != 0 || !result.out.starts_with(prefix))
    return "<" + result.describe() + ">";
  std::string version = result.out.substr(prefix.size());
  while (!version.empty() && (version.back() == '\n' || version.back() == '\r')) version.pop_back();
  return version;
}

TEST(LspLifecycle, InitializeResultForAMinimalClient) {
  LspClient client;
  const Json response = client.initialize(Json::object());
  ASSERT_TRUE(response.contains("result")) << client.describe();
  const Json& result = response["result"];
  const Json& capabilities = result["capabilities"];
  EXPECT_EQ(capabilities["textDocumentSync"],
            (Json{{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}));
  EXPECT_EQ(capabilities["hoverProvider"], true);
  EXPECT_EQ(capabilities["workspace"],
            (Json{{"workspaceFolders", {{"supported", true}, {"changeNotifications", false}}}}));
  // No positionEncoding (the client offered none) and no diagnosticProvider (it does not pull).
  EXPECT_FALSE(capabilities.contains("positionEncoding")) << capabilities.dump();
  EXPECT_FALSE(capabilities.contains("diagnosticProvider")) << capabilities.dump();
  const std::string version = server_version();
  EXPECT_TRUE(std::regex_match(version, std::regex(R"(\d+\.\d+\.\d+)"))) << version;
  EXPECT_EQ(result["serverInfo"], (Json{{"name", "eventlet-lsp"}, {"version", version}}));
  EXPECT_EQ(client.shutdown_and_exit(), 0) << client.describe();
}

TEST(LspLifecycle, PositionEncodingOnlyWhenOffered) {
  {
    LspClient client;
    const Json result =
        client.initialize({{"general", {{"positionEncodings", {"utf-16"}}}}})["result"];
    EXPECT_EQ(result["capabilities"]["positionEncoding"], "utf-16");
  }
  {
    LspClient client;
    const Json result =
        client.initialize({{"general", {{"positionEncodings", {"utf-32", "utf-16"}}}}})["result"];
    EXPECT_EQ(result["capabilities"]["positionEncoding"], "utf-32");
  }
  {
    LspClient client;
    const Json result = client.initialize({{"general", Json::object()}})["result"];
    EXPECT_FALSE(result["capabilities"].contains("positionEncoding")) << result.dump();
  }
}

TEST(LspLifecycle, DiagnosticProviderOnlyForPullClients) {
  LspClient client;
  const Json result = client.initialize(
      {{"textDocument", {{"diagnostic", {{"dynamicRegistration", false}}}}}})["result"];
  EXPECT_EQ(result["capabilities"]["diagnosticProvider"], (Json{{"identifier", "eventlet-lsp"},
                                                                {"interFileDependencies", false},
                                                                {"workspaceDiagnostics", true}}));
  LspClient push_client;
  const Json push_result = push_client.initialize(push_capabilities())["result"];
  EXPECT_FALSE(push_result["capabilities"].contains("diagnosticProvider")) << push_result.dump();
}

TEST(LspLifecycle, ShutdownThenExitIsStatusZero) {
  LspClient client;
  client.initialize();
  const Json response = client.request("shutdown", nullptr);
  ASSERT_TRUE(response.contains("result")) << client.describe();
  EXPECT_TRUE(response["result"].is_null());
  EXPECT_FALSE(response.contains("error"));
  client.notify("exit", nullptr);
  EXPECT_EQ(client.wait_exit(), 0) << client.describe();
}

// vscode-languageclient adds --stdio to the command when its transport is stdio.
TEST(LspLifecycle, StdioFlagIsAccepted) {
  for (const auto& args : {std::vector<std::string>{"--stdio"}, std::vector<std::string>{"serve", "--stdio"}}) {
    LspClient client(LspClientOptions{args, {}, true});
    ASSERT_TRUE(client.initialize().contains("result")) << client.describe();
    expect_serves_a_document(client, kDocUri);
    EXPECT_EQ(client.shutdown_and_exit(), 0) << client.describe();
  }
}

TEST(LspLifecycle, ExitWithoutShutdownIsStatusOne) {
  LspClient client;
  client.initialize();
  client.notify("exit", nullptr);
  EXPECT_EQ(client.wait_exit(), 1) << client.describe();
}

TEST(LspLifecycle, StdinClosedWithoutExitIsStatusOne) {
  LspClient client;
  client.initialize();
  client.close_stdin();
  EXPECT_EQ(client.wait_exit(), 1) << client.describe();
}

TEST(LspLifecycle, StdinClosedAfterShutdownWithoutExitIsStatusOne) {
  LspClient client;
  client.initialize();
  ASSERT_TRUE(client.request("shutdown", nullptr).contains("result"));
  client.close_stdin();
  EXPECT_EQ(client.wait_exit(), 1) << client.describe();
}

TEST(LspLifecycle, SecondInitializeIsInvalidRequest) {
  LspClient client;
  ASSERT_TRUE(client.initialize().contains("result"));
  const Json again =
      client.request("initialize", {{"processId", nullptr}, {"capabilities", Json::object()}});
  EXPECT_EQ(error_of(again),
            (Json{{"code", -32600}, {"message", "initialize may be sent only once"}}));
  EXPECT_FALSE(again.contains("result"));
  expect_serves_a_document(client, kDocUri);
}

TEST(LspLifecycle, RequestsAfterShutdownAreInvalidRequest) {
  LspClient client;
  client.initialize();
  client.did_open(kDocUri, kSleepSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri));
  ASSERT_TRUE(client.request("shutdown", nullptr).contains("result"));
  for (const std::string method : {"textDocument/hover", "shutdown", "initialize"}) {
    const Json params = method == "textDocument/hover" ? Json{{"textDocument", {{"uri", kDocUri}}},
                                                              {"position", position(1, 3)}}
                                                       : Json::object();
    const Json response = client.request(method, params);
    EXPECT_EQ(error_of(response)["code"], -32600) << method << ": " << response.dump();
    EXPECT_EQ(error_of(response)["message"], "the server is shutting down") << method;
  }
  client.notify("exit", nullptr);
  EXPECT_EQ(client.wait_exit(), 0) << client.describe();
}

TEST(LspLifecycle, RequestBeforeInitializeIsServerNotInitialized) {
  LspClient client;
  for (const std::string method : {"textDocument/hover", "shutdown", "workspace/diagnostic"}) {
    const Json response = client.request(method, Json::object());
    EXPECT_EQ(error_of(response)["code"], -32002) << method << ": " << response.dump();
    EXPECT_EQ(error_of(response)["message"],
              "the server is not initialized: send initialize first");
  }
  // initialize still works afterwards.
  EXPECT_TRUE(client.initialize().contains("result")) << client.describe();
  expect_serves_a_document(client, kDocUri);
}

TEST(LspLifecycle, NotificationsBeforeInitializeAreIgnored) {
  LspClient client;
  client.did_open(kDocUri, kSleepSource);
  client.notify("$/setTrace", {{"value", "verbose"}});
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"ignore", {"EL504"}}}}});
  client.notify("initialized", Json::object());
  const Json response = client.initialize(push_capabilities());
  ASSERT_TRUE(response.contains("result")) << client.describe();
  // The didOpen was dropped: no diagnostics, no document to hover.
  const Json hover = client.hover(kDocUri, 1, 3);
  EXPECT_TRUE(hover.contains("result") && hover["result"].is_null()) << hover.dump();
  // Nothing but the two responses so far: no replies to notifications, no logTrace, no diagnostics.
  ASSERT_EQ(client.transcript().size(), 2u) << client.describe();
  // And the dropped configuration did not apply (EL504 still reported).
  expect_serves_a_document(client, doc_uri("second.py"));
  EXPECT_EQ(client.shutdown_and_exit(), 0) << client.describe();
}

TEST(LspLifecycle, ExitBeforeInitializeIsStatusOne) {
  LspClient client;
  client.notify("exit", nullptr);
  EXPECT_EQ(client.wait_exit(), 1) << client.describe();
}

TEST(LspLifecycle, ExitsWhenTheParentProcessDies) {
  // A short-lived process stands in for the editor.
  pid_t parent = -1;
  char sleep_program[] = "sleep";
  char sleep_seconds[] = "1";
  char* sleep_argv[] = {sleep_program, sleep_seconds, nullptr};
  ASSERT_EQ(::posix_spawnp(&parent, "sleep", nullptr, nullptr, sleep_argv, environ), 0);
  LspClient client;
  const Json response = client.initialize(Json::object(), {{"processId", parent}});
  ASSERT_TRUE(response.contains("result")) << client.describe();
  EXPECT_TRUE(client.running());
  // Reap it, so that it is really gone (a zombie still answers kill(pid, 0)).
  int status = 0;
  ASSERT_EQ(::waitpid(parent, &status, 0), parent);
  const auto exited = client.wait_exit(std::chrono::milliseconds(4000));
  ASSERT_TRUE(exited.has_value()) << "the server outlived its parent\n" << client.describe();
  EXPECT_EQ(*exited, 1);
}

TEST(LspLifecycle, KeepsRunningWhileTheParentProcessLives) {
  LspClient client;
  ASSERT_TRUE(client.initialize(Json::object(), {{"processId", static_cast<long>(::getpid())}})
                  .contains("result"));
  client.pump_for(std::chrono::milliseconds(1300));  // more than one parent check
  EXPECT_TRUE(client.running()) << client.describe();
  EXPECT_EQ(client.shutdown_and_exit(), 0);
}

}  // namespace
}  // namespace eventlet_lsp::testing
