// $/cancelRequest, and diagnostics that never go back to an older version.
#include "lsp_test_support.h"

namespace eventlet_lsp::testing {
namespace {

Json hover_request(const Json& id, const std::string& uri) {
  return Json{{"jsonrpc", "2.0"},
              {"id", id},
              {"method", "textDocument/hover"},
              {"params", {{"textDocument", {{"uri", uri}}}, {"position", position(1, 3)}}}};
}

Json cancel(const Json& id) {
  return Json{{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", id}}}};
}

TEST(LspCancellation, CancelReadWithTheRequestCancelsIt) {
  LspClient client;
  client.initialize(push_capabilities());
  client.did_open(kDocUri, kSleepSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri));
  // One write: the cancel is read before the request is handled.
  const Json id = client.next_id();
  const Json string_id = "hover-" + id.dump();
  client.send_raw(LspClient::frame(hover_request(id, kDocUri)) + LspClient::frame(cancel(id)) +
                  LspClient::frame(hover_request(string_id, kDocUri)) +
                  LspClient::frame(cancel(string_id)));
  for (const Json& cancelled_id : {id, string_id}) {
    const Json response = client.wait_response(cancelled_id);
    EXPECT_EQ(error_of(response)["code"], -32800) << client.describe();
    EXPECT_EQ(error_of(response)["message"], "cancelled by the client");
    EXPECT_FALSE(response.contains("result"));
  }
  // Later requests are answered as usual.
  EXPECT_EQ(client.hover(kDocUri, 1, 3)["result"]["range"], range(1, 0, 1, 14));
}

TEST(LspCancellation, CancelOnlyTheNamedRequest) {
  LspClient client;
  client.initialize(push_capabilities());
  client.did_open(kDocUri, kSleepSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri));
  const Json first = client.next_id();
  const Json second = client.next_id();
  client.send_raw(LspClient::frame(hover_request(first, kDocUri)) +
                  LspClient::frame(hover_request(second, kDocUri)) +
                  LspClient::frame(cancel(second)));
  EXPECT_EQ(client.wait_response(first)["result"]["range"], range(1, 0, 1, 14))
      << client.describe();
  EXPECT_EQ(error_of(client.wait_response(second))["code"], -32800) << client.describe();
}

TEST(LspCancellation, CancellingAnUnknownIdDoesNothing) {
  LspClient client;
  client.initialize(push_capabilities());
  const std::size_t before = client.transcript().size();
  client.notify("$/cancelRequest", {{"id", 424242}});
  client.notify("$/cancelRequest", {{"id", "never-sent"}});
  client.notify("$/cancelRequest", Json::object());  // no id at all
  const Json response = client.hover(kDocUri, 0, 0);
  ASSERT_TRUE(response.contains("result")) << client.describe();
  // Only the hover's response came back.
  EXPECT_EQ(client.transcript().size(), before + 1) << client.describe();
  expect_serves_a_document(client, kDocUri);
}

TEST(LspCancellation, CancellingAnAnsweredRequestDoesNothing) {
  LspClient client;
  client.initialize(push_capabilities());
  client.did_open(kDocUri, kSleepSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri));
  const Json id = client.send_request(
      "textDocument/hover", {{"textDocument", {{"uri", kDocUri}}}, {"position", position(1, 3)}});
  ASSERT_TRUE(client.wait_response(id).contains("result"));
  const std::size_t before = client.transcript().size();
  client.notify("$/cancelRequest", {{"id", id}});
  EXPECT_EQ(client.hover(kDocUri, 1, 3)["result"]["range"], range(1, 0, 1, 14));
  EXPECT_EQ(client.transcript().size(), before + 1) << client.describe();
}

TEST(LspStaleVersions, TwoChangesInOneWritePublishInOrder) {
  LspClient client;
  client.initialize(push_capabilities());
  client.did_open(kDocUri, "x = 1\n");
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri, 1));
  auto change = [](int version, const Json& changes) {
    return LspClient::frame({{"jsonrpc", "2.0"},
                             {"method", "textDocument/didChange"},
                             {"params",
                              {{"textDocument", {{"uri", kDocUri}, {"version", version}}},
                               {"contentChanges", changes}}}});
  };
  client.send_raw(change(2, Json::array({edit(1, 0, 1, 0, "import eventlet\n")})) +
                  change(3, Json::array({edit(2, 0, 2, 0, "eventlet.sleep(1)\n")})));
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri, 3)) << client.describe();
  // Every publishDiagnostics after the open, in order: version 2 then 3, and nothing older after.
  std::vector<int> versions;
  Json last;
  for (const Json& message : client.transcript()) {
    if (message.value("method", "") != "textDocument/publishDiagnostics") continue;
    versions.push_back(message["params"]["version"].get<int>());
    last = message["params"];
  }
  EXPECT_EQ(versions, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(summarize(last["diagnostics"]), (Lines{"EL001 1:0-1:15", "EL504 2:0-2:14"}));
  // A request sent right after: the state is the newest version's.
  EXPECT_EQ(client.hover(kDocUri, 2, 0)["result"]["range"], range(2, 0, 2, 14));
}

TEST(LspStaleVersions, ManyChangesInOneWrite) {
  LspClient client;
  client.initialize(push_capabilities());
  client.did_open(kDocUri, "");
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri, 1));
  std::string batch;
  std::string expected_text;
  for (int version = 2; version <= 41; ++version) {
    const std::string line = version % 2 == 0 ? "import eventlet\n" : "eventlet.sleep(1)\n";
    batch += LspClient::frame(
        {{"jsonrpc", "2.0"},
         {"method", "textDocument/didChange"},
         {"params",
          {{"textDocument", {{"uri", kDocUri}, {"version", version}}},
           {"contentChanges", Json::array({edit(version - 2, 0, version - 2, 0, line)})}}}});
  }
  client.send_raw(batch);
  const auto last = client.wait_for_diagnostics(kDocUri, 41);
  ASSERT_TRUE(last) << client.describe();
  std::vector<int> versions;
  for (const Json& message : client.transcript()) {
    if (message.value("method", "") == "textDocument/publishDiagnostics")
      versions.push_back(message["params"]["version"]);
  }
  ASSERT_FALSE(versions.empty());
  EXPECT_TRUE(std::is_sorted(versions.begin(), versions.end()))
      << ::testing::PrintToString(versions);
  EXPECT_EQ(versions.back(), 41);
  EXPECT_EQ((*last)["diagnostics"].size(), 40u);  // 20 imports, 20 sleeps
}

}  // namespace
}  // namespace eventlet_lsp::testing
