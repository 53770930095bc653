// The workspace: the background index of closed files, its progress, workspace/diagnostic,
// watched-file changes and the project's pyproject.toml.
#include <filesystem>
#include <map>

#include "lsp_test_support.h"

namespace eventlet_lsp::testing {
namespace {

using namespace std::chrono_literals;

Json workspace_capabilities(bool progress = true) {
  Json capabilities = push_capabilities();
  capabilities["textDocument"]["diagnostic"] = {{"dynamicRegistration", false}};
  capabilities["window"] = {{"workDoneProgress", progress}};
  capabilities["workspace"] = {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}},
                               {"diagnostics", {{"refreshSupport", true}}}};
  return capabilities;
}



std::map<std::string, Lines> expected_project(const TempDir& dir) {
  return {{dir.uri("a.py"), kSleepDiagnostics},
          {dir.uri("clean.py"), {}},
          {dir.uri("pkg/b.py"), {"EL001 0:0-0:26", "EL302 1:0-1:13"}},
          {dir.uri("requirements.txt"), {"EL901 0:0-0:16"}}};
}

// The $/progress values of `token` up to and including its "end", in order.
std::vector<Json> progress_until_end(LspClient& client, const std::string& token) {
  const auto end = client.wait_for_notification("$/progress", [&](const Json& params) {
    return params["token"] == token && params["value"]["kind"] == "end";
  });
  std::vector<Json> values;
  for (const Json& message : client.take_notifications("$/progress")) {
    if (message["params"]["token"] == token) values.push_back(message["params"]["value"]);
  }
  if (end) values.push_back((*end)["params"]["value"]);
  return values;
}

// The index's progress token, from the server's window/workDoneProgress/create (the n-th one).
std::string progress_token(LspClient& client, std::size_t nth = 0) {
  std::string token;
  client.wait_until([&] {
    std::size_t seen = 0;
    for (const Json& request : client.server_requests()) {
      if (request["method"] != "window/workDoneProgress/create") continue;
      if (seen++ == nth) {
        token = request["params"]["token"].is_string()
                    ? request["params"]["token"].get<std::string>()
                    : request["params"]["token"].dump();
        return true;
      }
    }
    return false;
  });
  return token;
}

std::map<std::string, Lines> workspace_items(const Json& response) {
  std::map<std::string, Lines> items;
  if (!response.contains("result")) return {{"<no result>", {response.dump()}}};
  for (const Json& item : response["result"]["items"])
    items[item["uri"].get<std::string>()] = summarize(item["items"]);
  return items;
}

Json workspace_diagnostic(LspClient& client, const Json& previous = Json::array()) {
  return client.request("workspace/diagnostic", {{"previousResultIds", previous}});
}

// Polls workspace/diagnostic until `done` holds for its items (the index updates in the
// background).
std::map<std::string, Lines> poll_workspace(
    LspClient& client, const std::function<bool(const std::map<std::string, Lines>&)>& done) {
  std::map<std::string, Lines> items;
  client.wait_until([&] {
    items = workspace_items(workspace_diagnostic(client));
    if (done(items)) return true;
    client.pump_for(20ms);
    return false;
  });
  return items;
}

TEST(LspWorkspace, IndexWithProgressThenWorkspaceDiagnostic) {
  TempDir dir;
  write_project(dir);
  LspClient client;
  ASSERT_TRUE(client.initialize(workspace_capabilities(), {{"workspaceFolders", folders(dir)}})
                  .contains("result"));

  // The watched-files registration comes first (initialized), then the progress.
  const auto registration = client.wait_for_server_request("client/registerCapability");
  ASSERT_TRUE(registration) << client.describe();
  const Json& registrations = (*registration)["params"]["registrations"];
  ASSERT_EQ(registrations.size(), 1u);
  EXPECT_EQ(registrations[0]["method"], "workspace/didChangeWatchedFiles");
  // Python files and every kind of file the text audits read (dependencies, deployment).
  const std::string watchers = registrations[0]["registerOptions"]["watchers"].dump();
  for (const char* glob : {"\"**/*.{py,pyi,pyw}\"", "pyproject.toml", "**/requirements/**/*.{txt,in}",
                           "Dockerfile*", "service", "**/*-requires"})
    EXPECT_NE(watchers.find(glob), std::string::npos) << glob << " in " << watchers;

  const std::string token = progress_token(client);
  ASSERT_FALSE(token.empty()) << client.describe();
  const std::vector<Json> values = progress_until_end(client, token);
  ASSERT_GE(values.size(), 3u) << client.describe();
  EXPECT_EQ(values.front()["kind"], "begin");
  EXPECT_EQ(values.front()["title"], "Eventlet audit");
  EXPECT_EQ(values.front()["cancellable"], true);
  int last_percentage = -1;
  for (std::size_t i = 1; i + 1 < values.size(); ++i) {
    EXPECT_EQ(values[i]["kind"], "report") << values[i].dump();
    const int percentage = values[i]["percentage"];
    EXPECT_GE(percentage, last_percentage);
    last_percentage = percentage;
  }
  EXPECT_EQ(values[values.size() - 2],
            (Json{{"kind", "report"}, {"message", "4/4 files"}, {"percentage", 100}}));
  EXPECT_EQ(values.back(),
            (Json{{"kind", "end"}, {"message", "5 Eventlet usages in 3 of 4 files"}}));

  // The create request precedes every $/progress of its token.
  std::size_t create_at = 0, first_progress_at = 0;
  for (std::size_t i = 0; i < client.transcript().size(); ++i) {
    const Json& m = client.transcript()[i];
    if (m.value("method", "") == "window/workDoneProgress/create" && create_at == 0)
      create_at = i + 1;
    if (m.value("method", "") == "$/progress" && first_progress_at == 0) first_progress_at = i + 1;
  }
  EXPECT_LT(create_at, first_progress_at);

  // The client supports refresh: asked to pull again once the index is done.
  EXPECT_TRUE(client.wait_for_server_request("workspace/diagnostic/refresh")) << client.describe();

  Json response = workspace_diagnostic(client);
  EXPECT_EQ(workspace_items(response), expected_project(dir)) << response.dump();
  Json previous = Json::array();
  for (const Json& item : response["result"]["items"]) {
    EXPECT_EQ(item["kind"], "full");
    EXPECT_TRUE(item["version"].is_null());
    ASSERT_TRUE(item["resultId"].is_string()) << item.dump();
    previous.push_back({{"uri", item["uri"]}, {"value", item["resultId"]}});
  }
  // Same result ids: every file unchanged.
  response = workspace_diagnostic(client, previous);
  ASSERT_EQ(response["result"]["items"].size(), 4u) << response.dump();
  for (const Json& item : response["result"]["items"]) {
    EXPECT_EQ(item["kind"], "unchanged") << item.dump();
    EXPECT_FALSE(item.contains("items"));
  }

  // An open file is left to textDocument/diagnostic.
  client.did_open(dir.uri("a.py"), kSleepSource);
  auto items = workspace_items(workspace_diagnostic(client));
  auto expected = expected_project(dir);
  expected.erase(dir.uri("a.py"));
  EXPECT_EQ(items, expected);
  EXPECT_EQ(client.shutdown_and_exit(), 0) << client.describe();
}

TEST(LspWorkspace, IndexWithoutProgressCapability) {
  TempDir dir;
  write_project(dir);
  LspClient client;
  client.initialize(workspace_capabilities(false), {{"workspaceFolders", folders(dir)}});
  const auto expected = expected_project(dir);
  const auto items =
      poll_workspace(client, [&](const auto& got) { return got.size() == expected.size(); });
  EXPECT_EQ(items, expected);
  for (const Json& message : client.transcript()) {
    EXPECT_NE(message.value("method", ""), "$/progress") << message.dump();
    EXPECT_NE(message.value("method", ""), "window/workDoneProgress/create") << message.dump();
  }
}

TEST(LspWorkspace, RootUriWhenNoWorkspaceFolders) {
  TempDir dir;
  write_project(dir);
  LspClient client;
  client.initialize(workspace_capabilities(), {{"rootUri", dir.uri()}});
  const std::string token = progress_token(client);
  ASSERT_FALSE(token.empty()) << client.describe();
  EXPECT_EQ(progress_until_end(client, token).back()["message"],
            "5 Eventlet usages in 3 of 4 files");
  EXPECT_EQ(workspace_items(workspace_diagnostic(client)), expected_project(dir));
}

TEST(LspWorkspace, WorkDoneProgressCancelEndsTheProgress) {
  TempDir dir;
  write_project(dir);
  LspClient client;
  // initialize, initialized and the cancel in one write: the cancel is handled right after
  // `initialized` started the index, before any of the index's results can be.
  const std::string expected_token = "eventlet-lsp/index/1";
  const Json initialize{{"jsonrpc", "2.0"},
                        {"id", 1},
                        {"method", "initialize"},
                        {"params",
                         {{"processId", nullptr},
                          {"capabilities", workspace_capabilities()},
                          {"workspaceFolders", folders(dir)}}}};
  client.send_raw(LspClient::frame(initialize) +
                  LspClient::frame(
                      {{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", Json::object()}}) +
                  LspClient::frame({{"jsonrpc", "2.0"},
                                    {"method", "window/workDoneProgress/cancel"},
                                    {"params", {{"token", expected_token}}}}));
  ASSERT_TRUE(client.wait_response(1).contains("result")) << client.describe();
  ASSERT_EQ(progress_token(client), expected_token)
      << "the test predicts the server's first token\n"
      << client.describe();
  // The cancel is read before the client's answer to window/workDoneProgress/create: progress
  // may only start once the token is accepted, and by then the run is cancelled, so no
  // $/progress at all is sent for it (LSP 3.17).
  const auto log = client.wait_for_notification("window/logMessage");
  ASSERT_TRUE(log) << client.describe();
  EXPECT_EQ((*log)["params"],
            (Json{{"type", 3}, {"message", "eventlet-lsp: workspace audit cancelled"}}));

  // A new index (new settings) runs to its end; nothing more is said about the cancelled one
  // (the background work runs in order, so its leftovers would come first).
  client.notify("workspace/didChangeConfiguration",
                {{"settings", {{"eventletLsp", {{"ignore", {"EL9"}}}}}}});
  const std::string second = progress_token(client, 1);
  ASSERT_FALSE(second.empty()) << client.describe();
  EXPECT_NE(second, expected_token);
  EXPECT_EQ(progress_until_end(client, second).back(),
            (Json{{"kind", "end"}, {"message", "4 Eventlet usages in 2 of 4 files"}}));
  for (const Json& message : client.transcript()) {
    if (message.value("method", "") == "$/progress" &&
        message["params"]["token"] == expected_token) {
      ADD_FAILURE() << "progress for the cancelled run: " << message.dump();
    }
  }
}

TEST(LspWorkspace, NoProgressWhenTheClientRefusesTheToken) {
  TempDir dir;
  write_project(dir);
  LspClient client;
  client.set_answer("window/workDoneProgress/create",
                    {{"code", -32603}, {"message", "no progress here"}}, true);
  client.initialize(workspace_capabilities(), {{"workspaceFolders", folders(dir)}});
  ASSERT_FALSE(progress_token(client).empty()) << client.describe();
  const auto expected = expected_project(dir);
  EXPECT_EQ(poll_workspace(client, [&](const auto& got) { return got.size() == expected.size(); }),
            expected);
  client.pump_for(100ms);
  for (const Json& message : client.transcript()) {
    EXPECT_NE(message.value("method", ""), "$/progress") << message.dump();
  }
}

TEST(LspWorkspace, DidChangeWatchedFilesCreateChangeDelete) {
  TempDir dir;
  write_project(dir);
  LspClient client;
  client.initialize(workspace_capabilities(), {{"workspaceFolders", folders(dir)}});
  progress_until_end(client, progress_token(client));
  auto expected = expected_project(dir);
  ASSERT_EQ(workspace_items(workspace_diagnostic(client)), expected);

  // Created.
  dir.write("new.py", "from eventlet import sleep\nsleep(0)\n");
  client.notify("workspace/didChangeWatchedFiles",
                {{"changes", {{{"uri", dir.uri("new.py")}, {"type", 1}}}}});
  expected[dir.uri("new.py")] = {"EL001 0:0-0:26", "EL505 1:0-1:5"};
  EXPECT_EQ(
      poll_workspace(client, [&](const auto& got) { return got.contains(dir.uri("new.py")); }),
      expected);

  // Changed.
  dir.write("clean.py", "import eventlet\n");
  client.notify("workspace/didChangeWatchedFiles",
                {{"changes", {{{"uri", dir.uri("clean.py")}, {"type", 2}}}}});
  expected[dir.uri("clean.py")] = {"EL001 0:0-0:15"};
  EXPECT_EQ(poll_workspace(
                client, [&](const auto& got) { return got.at(dir.uri("clean.py")).size() == 1; }),
            expected);

  // Deleted.
  std::filesystem::remove(dir.path() / "new.py");
  client.notify("workspace/didChangeWatchedFiles",
                {{"changes", {{{"uri", dir.uri("new.py")}, {"type", 3}}}}});
  expected.erase(dir.uri("new.py"));
  EXPECT_EQ(workspace_items(workspace_diagnostic(client)), expected);
}

TEST(LspWorkspace, PyprojectIgnoreAppliesToOpenFiles) {
  TempDir dir;
  dir.write("pyproject.toml",
            "[project]\nname = \"demo\"\n\n[tool.eventlet-lsp]\nignore = [\"EL001\"]\n");
  dir.write("app.py", kSleepSource);
  LspClient client;
  client.initialize(push_capabilities(), {{"workspaceFolders", folders(dir)}});
  client.did_open(dir.uri("app.py"), kSleepSource);
  auto published = client.wait_for_diagnostics(dir.uri("app.py"), 1);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), (Lines{"EL504 1:0-1:14"}));

  // The file changes on disk: the open document is analysed again with the new table.
  dir.write("pyproject.toml",
            "[tool.eventlet-lsp]\nignore = [\"EL5\"]\nseverity = { EL001 = \"error\" }\n");
  client.notify("workspace/didChangeWatchedFiles",
                {{"changes", {{{"uri", dir.uri("pyproject.toml")}, {"type", 2}}}}});
  published = client.wait_for_diagnostics(dir.uri("app.py"));
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), (Lines{"EL001 0:0-0:15"}));
  EXPECT_EQ((*published)["diagnostics"][0]["severity"], 1);
}

TEST(LspWorkspace, PyprojectExcludeAppliesToTheIndex) {
  TempDir dir;
  dir.write("pyproject.toml", "[tool.eventlet-lsp]\nexclude = [\"legacy.py\"]\n");
  dir.write("legacy.py", kSleepSource);
  dir.write("app.py", "import eventlet\n");
  LspClient client;
  client.initialize(workspace_capabilities(), {{"workspaceFolders", folders(dir)}});
  progress_until_end(client, progress_token(client));
  const std::map<std::string, Lines> expected{{dir.uri("app.py"), {"EL001 0:0-0:15"}},
                                              {dir.uri("pyproject.toml"), {}}};
  EXPECT_EQ(workspace_items(workspace_diagnostic(client)), expected);
}

TEST(LspWorkspace, ExcludedFileStaysOutAfterAWatchedChange) {
  TempDir dir;
  dir.write("pyproject.toml", "[tool.eventlet-lsp]\nexclude = [\"legacy.py\"]\n");
  dir.write("legacy.py", kSleepSource);
  dir.write("app.py", "import eventlet\n");
  LspClient client;
  client.initialize(workspace_capabilities(), {{"workspaceFolders", folders(dir)}});
  progress_until_end(client, progress_token(client));
  client.notify("workspace/didChangeWatchedFiles",
                {{"changes", {{{"uri", dir.uri("legacy.py")}, {"type", 2}}}}});
  // A second change after it: once it shows, the first one has been handled too.
  dir.write("app2.py", "import eventlet\n");
  client.notify("workspace/didChangeWatchedFiles",
                {{"changes", {{{"uri", dir.uri("app2.py")}, {"type", 1}}}}});
  const auto items =
      poll_workspace(client, [&](const auto& got) { return got.contains(dir.uri("app2.py")); });
  EXPECT_FALSE(items.contains(dir.uri("legacy.py")));
}

TEST(LspWorkspace, CancelForAFinishedProgressLeavesTheNextIndexAlone) {
  TempDir dir;
  write_project(dir);
  LspClient client;
  client.initialize(workspace_capabilities(), {{"workspaceFolders", folders(dir)}});
  const std::string first = progress_token(client);
  ASSERT_FALSE(first.empty()) << client.describe();
  progress_until_end(client, first);
  // New settings start a second index; a cancel for the first token is read right behind them.
  client.send_raw(
      LspClient::frame({{"jsonrpc", "2.0"},
                        {"method", "workspace/didChangeConfiguration"},
                        {"params", {{"settings", {{"eventletLsp", {{"ignore", {"EL9"}}}}}}}}}) +
      LspClient::frame({{"jsonrpc", "2.0"},
                        {"method", "window/workDoneProgress/cancel"},
                        {"params", {{"token", first}}}}));
  const std::string second = progress_token(client, 1);
  ASSERT_FALSE(second.empty()) << client.describe();
  EXPECT_EQ(progress_until_end(client, second).back(),
            (Json{{"kind", "end"}, {"message", "4 Eventlet usages in 2 of 4 files"}}));
}

}  // namespace
}  // namespace eventlet_lsp::testing
