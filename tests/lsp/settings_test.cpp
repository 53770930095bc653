// Editor settings (initializationOptions, workspace/didChangeConfiguration,
// workspace/configuration) and $/setTrace.
#include "lsp_test_support.h"

namespace eventlet_lsp::testing {
namespace {

Json severity_of(const Json& diagnostics, const std::string& code) {
  for (const Json& d : diagnostics) {
    if (d["code"] == code) return d["severity"];
  }
  return nullptr;
}

TEST(LspSettings, DidChangeConfigurationIgnoreRepublishes) {
  LspClient client;
  client.initialize(push_capabilities());
  client.did_open(kDocUri, kAliasSource, 4);
  auto published = client.wait_for_diagnostics(kDocUri);
  ASSERT_TRUE(published) << client.describe();
  ASSERT_EQ(summarize((*published)["diagnostics"]), kAliasDiagnostics);

  client.notify("workspace/didChangeConfiguration",
                {{"settings", {{"eventletLsp", {{"ignore", {"EL001"}}}}}}});
  published = client.wait_for_diagnostics(kDocUri);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ((*published)["version"], 4);  // same document version, new settings
  EXPECT_EQ(summarize((*published)["diagnostics"]), (Lines{"EL301 5:0-5:8", "EL504 6:0-6:14"}));

  // New settings replace the old ones: EL001 is back, EL301 is an error.
  client.notify("workspace/didChangeConfiguration",
                {{"settings", {{"eventletLsp", {{"severity", {{"EL301", "error"}}}}}}}});
  published = client.wait_for_diagnostics(kDocUri);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), kAliasDiagnostics);
  EXPECT_EQ(severity_of((*published)["diagnostics"], "EL301"), 1);
  EXPECT_EQ(severity_of((*published)["diagnostics"], "EL504"), 2);

  // Hover follows the settings too: an ignored rule has no hover.
  client.notify("workspace/didChangeConfiguration",
                {{"settings", {{"eventletLsp", {{"ignore", {"EL504"}}}}}}});
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri));
  EXPECT_TRUE(client.hover(kDocUri, 6, 3)["result"].is_null());
  EXPECT_TRUE(client.take_notifications("window/logMessage").empty()) << client.describe();
}

TEST(LspSettings, InvalidSettingsAreReportedAndIgnored) {
  LspClient client;
  client.initialize(push_capabilities());
  client.did_open(kDocUri, kSleepSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri));
  client.notify("workspace/didChangeConfiguration",
                {{"settings",
                  {{"eventletLsp",
                    {{"ignore", "EL001"}, {"severity", {{"EL504", "fatal"}}}, {"colour", 1}}}}}});
  const auto published = client.wait_for_diagnostics(kDocUri);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), kSleepDiagnostics);
  EXPECT_EQ(severity_of((*published)["diagnostics"], "EL504"), 2);
  std::vector<std::string> warnings;
  for (const Json& log : client.take_notifications("window/logMessage")) {
    EXPECT_EQ(log["params"]["type"], 2);
    warnings.push_back(log["params"]["message"]);
  }
  std::sort(warnings.begin(), warnings.end());
  EXPECT_EQ(warnings, (std::vector<std::string>{
                          "eventlet-lsp: setting ignore: expected an array of rule selectors",
                          "eventlet-lsp: setting severity.EL504: unknown rule or level",
                          "eventlet-lsp: unknown setting colour"}));
}

TEST(LspSettings, InitializationOptionsSelect) {
  LspClient client;
  client.initialize(push_capabilities(), {{"initializationOptions", {{"select", {"EL504"}}}}});
  client.did_open(kDocUri, kAliasSource);
  const auto published = client.wait_for_diagnostics(kDocUri);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), (Lines{"EL504 6:0-6:14"}));
}

TEST(LspSettings, InitializationOptionsNestedWithGuideUrl) {
  LspClient client;
  client.initialize(
      push_capabilities(),
      {{"initializationOptions",
        {{"eventletLsp", {{"select", {"EL5"}}, {"guideBaseUrl", "https://mirror.example/"}}}}}});
  client.did_open(kDocUri, kSleepSource);
  const auto published = client.wait_for_diagnostics(kDocUri);
  ASSERT_TRUE(published) << client.describe();
  ASSERT_EQ(summarize((*published)["diagnostics"]), (Lines{"EL504 1:0-1:14"}));
  EXPECT_EQ((*published)["diagnostics"][0]["codeDescription"]["href"],
            "https://mirror.example/guide/migrating-to-threading/#key-migration-patterns");
}

// Eglot sends an empty didChangeConfiguration right after connecting and answers the
// workspace/configuration that follows with [null] when the user set nothing there: the
// initializationOptions stay. A configuration that does come goes over them key by key.
TEST(LspSettings, ClientConfigurationLayersOverInitializationOptions) {
  LspClient client;
  client.set_configuration(nullptr);
  Json capabilities = push_capabilities();
  capabilities["workspace"] = {{"configuration", true}};
  client.initialize(capabilities, {{"initializationOptions", {{"ignore", {"EL001"}}}}});
  client.did_open(kDocUri, kSleepSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri));
  client.notify("workspace/didChangeConfiguration", {{"settings", Json::object()}});
  ASSERT_TRUE(client.wait_for_server_request("workspace/configuration")) << client.describe();
  auto published = client.wait_for_diagnostics(kDocUri);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), (Lines{"EL504 1:0-1:14"}));

  client.notify("workspace/didChangeConfiguration",
                {{"settings", {{"eventletLsp", {{"severity", {{"EL504", "error"}}}}}}}});
  published = client.wait_for_diagnostics(kDocUri);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), (Lines{"EL504 1:0-1:14"}));  // still no EL001
  EXPECT_EQ(severity_of((*published)["diagnostics"], "EL504"), 1);

  // The configuration's own `ignore` replaces the initialization options' one.
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"ignore", Json::array()}}}});
  published = client.wait_for_diagnostics(kDocUri);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), kSleepDiagnostics);
}

TEST(LspSettings, EmptyDidChangeConfigurationPullsWorkspaceConfiguration) {
  LspClient client;
  client.set_configuration({{"ignore", {"EL001"}}});
  Json capabilities = push_capabilities();
  capabilities["workspace"] = {{"configuration", true}};
  client.initialize(capabilities);
  client.did_open(kDocUri, kSleepSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri));
  client.notify("workspace/didChangeConfiguration", {{"settings", nullptr}});
  const auto asked = client.wait_for_server_request("workspace/configuration");
  ASSERT_TRUE(asked) << client.describe();
  EXPECT_EQ((*asked)["params"], (Json{{"items", {{{"section", "eventletLsp"}}}}}));
  const auto published = client.wait_for_diagnostics(kDocUri);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), (Lines{"EL504 1:0-1:14"}));
}

TEST(LspTrace, SetTraceVerboseLogsLaterRequests) {
  LspClient client;
  client.initialize(push_capabilities());
  client.did_open(kDocUri, kSleepSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri));
  EXPECT_TRUE(client.take_notifications("$/logTrace").empty());

  client.notify("$/setTrace", {{"value", "verbose"}});
  const Json params{{"textDocument", {{"uri", kDocUri}}}, {"position", position(1, 3)}};
  const Json hover = client.request("textDocument/hover", params);
  ASSERT_TRUE(hover.contains("result")) << client.describe();
  auto trace = client.wait_for_notification("$/logTrace");
  ASSERT_TRUE(trace) << client.describe();
  EXPECT_EQ((*trace)["params"]["message"], "request textDocument/hover");
  ASSERT_TRUE((*trace)["params"]["verbose"].is_string()) << trace->dump();
  EXPECT_EQ(Json::parse((*trace)["params"]["verbose"].get<std::string>()), params);
  // The trace comes before the response it describes.
  const auto& transcript = client.transcript();
  ASSERT_GE(transcript.size(), 2u);
  EXPECT_EQ(transcript[transcript.size() - 2].value("method", ""), "$/logTrace");

  client.did_close(kDocUri);
  trace = client.wait_for_notification("$/logTrace");
  ASSERT_TRUE(trace) << client.describe();
  EXPECT_EQ((*trace)["params"]["message"], "notification textDocument/didClose");

  // messages: no verbose part; off: nothing.
  client.notify("$/setTrace", {{"value", "messages"}});
  client.request("shutdown", nullptr);
  trace = client.wait_for_notification("$/logTrace", [](const Json& params) {
    return params["message"] != "notification $/setTrace";
  });
  ASSERT_TRUE(trace) << client.describe();
  EXPECT_EQ((*trace)["params"], (Json{{"message", "request shutdown"}}));
}

TEST(LspTrace, SetTraceOffStopsLogging) {
  LspClient client;
  client.initialize(push_capabilities(), {{"trace", "messages"}});
  ASSERT_TRUE(client.wait_for_notification("$/logTrace"));  // initialized
  client.notify("$/setTrace", {{"value", "off"}});
  client.hover(kDocUri, 0, 0);
  client.did_open(kDocUri, kSleepSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri));
  std::vector<Json> traces = client.take_notifications("$/logTrace");
  // Only the $/setTrace notification itself may have been traced (before it took effect).
  for (const Json& t : traces)
    EXPECT_EQ(t["params"]["message"], "notification $/setTrace") << t.dump();
}

TEST(LspTrace, InvalidTraceValueIsAWarning) {
  LspClient client;
  client.initialize(push_capabilities());
  client.notify("$/setTrace", {{"value", "loud"}});
  const auto log = client.wait_for_notification("window/logMessage");
  ASSERT_TRUE(log) << client.describe();
  EXPECT_EQ((*log)["params"]["type"], 2);
  EXPECT_EQ((*log)["params"]["message"],
            "eventlet-lsp: $/setTrace: params.value must be off, messages or verbose");
  client.hover(kDocUri, 0, 0);
  EXPECT_TRUE(client.take_notifications("$/logTrace").empty());
}

}  // namespace
}  // namespace eventlet_lsp::testing
