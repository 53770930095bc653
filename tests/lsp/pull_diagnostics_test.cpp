// Pull diagnostics (textDocument/diagnostic) for open documents and files on disk.
#include "lsp_test_support.h"

namespace eventlet_lsp::testing {
namespace {

Json pull_capabilities() {
  Json capabilities = push_capabilities();
  capabilities["textDocument"]["diagnostic"] = {{"dynamicRegistration", false},
                                                {"relatedDocumentSupport", false}};
  return capabilities;
}

Json document_diagnostic(LspClient& client, const std::string& uri,
                         const Json& previous = nullptr) {
  Json params{{"textDocument", {{"uri", uri}}}};
  if (!previous.is_null()) params["previousResultId"] = previous;
  return client.request("textDocument/diagnostic", params);
}

TEST(LspPullDiagnostics, FullThenUnchangedThenFullAfterAnEdit) {
  LspClient client;
  client.initialize(pull_capabilities());
  client.did_open(kDocUri, kSleepSource);
  Json response = document_diagnostic(client, kDocUri);
  ASSERT_TRUE(response.contains("result")) << client.describe();
  // A pull client gets no pushed diagnostics (the didOpen was handled before the request).
  EXPECT_TRUE(client.take_notifications("textDocument/publishDiagnostics").empty())
      << client.describe();
  Json result = response["result"];
  EXPECT_EQ(result["kind"], "full");
  ASSERT_TRUE(result["resultId"].is_string()) << result.dump();
  const std::string first_id = result["resultId"];
  EXPECT_FALSE(first_id.empty());
  EXPECT_EQ(summarize(result["items"]), kSleepDiagnostics);

  // Same result id: unchanged, with the same id.
  response = document_diagnostic(client, kDocUri, first_id);
  EXPECT_EQ(response["result"], (Json{{"kind", "unchanged"}, {"resultId", first_id}}))
      << response.dump();

  // An edit: full again, under a new id.
  client.did_change(kDocUri, 2, Json::array({edit(1, 0, 2, 0, "")}));
  response = document_diagnostic(client, kDocUri, first_id);
  result = response["result"];
  EXPECT_EQ(result["kind"], "full") << response.dump();
  ASSERT_TRUE(result["resultId"].is_string());
  EXPECT_NE(result["resultId"], first_id);
  EXPECT_EQ(summarize(result["items"]), (Lines{"EL001 0:0-0:15"}));
  const std::string second_id = result["resultId"];

  // A stale or unknown id: full.
  response = document_diagnostic(client, kDocUri, "no-such-id");
  EXPECT_EQ(response["result"]["kind"], "full");
  EXPECT_EQ(response["result"]["resultId"], second_id);
  EXPECT_TRUE(client.take_notifications("textDocument/publishDiagnostics").empty())
      << client.describe();
}

TEST(LspPullDiagnostics, FileOnDiskWhenNotOpen) {
  TempDir dir;
  dir.write("disk.py", "from eventlet import tpool\ntpool.execute(len, [])\n");
  LspClient client;
  client.initialize(pull_capabilities());
  const Json response = document_diagnostic(client, dir.uri("disk.py"));
  ASSERT_TRUE(response.contains("result")) << client.describe();
  EXPECT_EQ(response["result"]["kind"], "full");
  EXPECT_EQ(summarize(response["result"]["items"]), (Lines{"EL001 0:0-0:26", "EL302 1:0-1:13"}));
}

TEST(LspPullDiagnostics, NoPushAfterChangeOrClose) {
  LspClient client;
  client.initialize(pull_capabilities());
  client.did_open(kDocUri, kSleepSource);
  client.did_change(kDocUri, 2, Json::array({full_text("import eventlet\n")}));
  client.did_close(kDocUri);
  // The sentinel request is answered after the three notifications were handled.
  const Json response = client.request(
      "textDocument/hover", {{"textDocument", {{"uri", kDocUri}}}, {"position", position(0, 0)}});
  ASSERT_TRUE(response.contains("result")) << client.describe();
  EXPECT_EQ(client.transcript().size(), 2u) << client.describe();
}

}  // namespace
}  // namespace eventlet_lsp::testing
