// Bad input: the server answers what can be answered, warns about the rest, and keeps serving.
#include "lsp_test_support.h"

namespace eventlet_lsp::testing {
namespace {

using namespace std::chrono_literals;

// An initialized push client.
void start(LspClient& client) {
  ASSERT_TRUE(client.initialize(push_capabilities()).contains("result")) << client.describe();
}

Json next_log(LspClient& client) {
  const auto log = client.wait_for_notification("window/logMessage");
  return log ? (*log)["params"] : Json();
}

// The next response that carries `id` null (errors about messages without a usable id).
Json wait_null_id_response(LspClient& client) {
  return client.wait_response(nullptr);
}

TEST(LspBadInput, HeaderWithoutContentLength) {
  LspClient client;
  start(client);
  client.send_raw("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n");
  EXPECT_EQ(
      next_log(client),
      (Json{{"type", 2},
            {"message",
             "eventlet-lsp: malformed message from the client: header without Content-Length"}}))
      << client.describe();
  expect_serves_a_document(client, doc_uri("after.py"));
}

TEST(LspBadInput, HeaderLineWithoutColon) {
  LspClient client;
  start(client);
  client.send_raw("hello there\r\n\r\n");
  const Json log = next_log(client);
  EXPECT_EQ(log["type"], 2) << client.describe();
  EXPECT_EQ(log["message"],
            "eventlet-lsp: malformed message from the client: malformed header line 'hello there'");
  expect_serves_a_document(client, doc_uri("after.py"));
}

TEST(LspBadInput, NonNumericContentLengthWithoutBody) {
  LspClient client;
  start(client);
  client.send_raw("Content-Length: abc\r\n\r\n");
  EXPECT_EQ(
      next_log(client),
      (Json{{"type", 2},
            {"message",
             "eventlet-lsp: malformed message from the client: invalid Content-Length 'abc'"}}))
      << client.describe();
  expect_serves_a_document(client, doc_uri("after.py"));
}

TEST(LspBadInput, NonNumericContentLengthWithABody) {
  // The body after a malformed header has no known length: the reader skips to the next
  // header, and everything after it is served.
  LspClient client;
  start(client);
  client.send_raw("Content-Length: abc\r\n\r\n" +
                  Json{{"jsonrpc", "2.0"}, {"id", "lost"}, {"method", "shutdown"}}.dump());
  const Json log = next_log(client);
  EXPECT_EQ(log["message"],
            "eventlet-lsp: malformed message from the client: invalid Content-Length 'abc'");
  // Whatever became of the garbage, the next well-formed messages are served.
  expect_serves_a_document(client, doc_uri("after.py"));
  const Json response = client.request(
      "textDocument/hover",
      {{"textDocument", {{"uri", doc_uri("after.py")}}}, {"position", position(0, 0)}});
  EXPECT_TRUE(response.contains("result")) << client.describe();
}

TEST(LspBadInput, UnusualButValidHeaders) {
  LspClient client;
  start(client);
  // Lower-case name, a Content-Type header, extra spaces.
  const std::string body =
      Json{{"jsonrpc", "2.0"},
           {"id", "h"},
           {"method", "textDocument/hover"},
           {"params", {{"textDocument", {{"uri", kDocUri}}}, {"position", position(0, 0)}}}}
          .dump();
  client.send_raw("content-length:   " + std::to_string(body.size()) +
                  "\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + body);
  const Json response = client.wait_response("h");
  EXPECT_EQ(response, (Json{{"jsonrpc", "2.0"}, {"id", "h"}, {"result", nullptr}}))
      << client.describe();
}

TEST(LspBadInput, InvalidJsonIsParseErrorWithNullId) {
  LspClient client;
  start(client);
  client.send_raw(LspClient::frame_text(R"({"jsonrpc": "2.0", "id": 5, "method": )"));
  const Json response = wait_null_id_response(client);
  EXPECT_EQ(response, (Json{{"jsonrpc", "2.0"},
                            {"id", nullptr},
                            {"error", {{"code", -32700}, {"message", "invalid JSON"}}}}))
      << client.describe();
  expect_serves_a_document(client, doc_uri("after.py"));
}

TEST(LspBadInput, BatchIsInvalidRequest) {
  LspClient client;
  start(client);
  client.send_raw(LspClient::frame_text(
      R"([{"jsonrpc": "2.0", "id": 5, "method": "shutdown"}, {"jsonrpc": "2.0", "method": "exit"}])"));
  const Json response = wait_null_id_response(client);
  EXPECT_EQ(error_of(response)["code"], -32600) << client.describe();
  EXPECT_EQ(error_of(response)["message"], "batch requests are not supported");
  // Neither member ran: the server is still up, not shut down.
  expect_serves_a_document(client, doc_uri("after.py"));
  EXPECT_TRUE(client.running());
}

TEST(LspBadInput, NotAnObjectIsInvalidRequest) {
  LspClient client;
  start(client);
  client.send_raw(LspClient::frame_text("42"));
  const Json response = wait_null_id_response(client);
  EXPECT_EQ(error_of(response),
            (Json{{"code", -32600}, {"message", "a message must be a JSON object"}}));
  expect_serves_a_document(client, doc_uri("after.py"));
}

TEST(LspBadInput, RequestWithoutJsonrpcMember) {
  LspClient client;
  start(client);
  client.send(
      Json{{"id", 77},
           {"method", "textDocument/hover"},
           {"params", {{"textDocument", {{"uri", kDocUri}}}, {"position", position(0, 0)}}}});
  const Json response = client.wait_response(77);
  EXPECT_EQ(response["jsonrpc"], "2.0");
  EXPECT_EQ(error_of(response),
            (Json{{"code", -32600}, {"message", "missing \"jsonrpc\": \"2.0\""}}))
      << client.describe();
  // Wrong version, and a non-string method.
  client.send(Json{{"jsonrpc", "1.0"}, {"id", 78}, {"method", "shutdown"}});
  EXPECT_EQ(error_of(client.wait_response(78))["code"], -32600);
  client.send(Json{{"jsonrpc", "2.0"}, {"id", 79}, {"method", 12}});
  EXPECT_EQ(error_of(client.wait_response(79)),
            (Json{{"code", -32600}, {"message", "method must be a string"}}));
  expect_serves_a_document(client, doc_uri("after.py"));
}

TEST(LspBadInput, UnknownRequestMethod) {
  LspClient client;
  start(client);
  for (const std::string method : {"textDocument/definition", "$/unknownRequest"}) {
    const Json response = client.request(method, Json::object());
    EXPECT_EQ(error_of(response), (Json{{"code", -32601}, {"message", "unknown method " + method}}))
        << response.dump();
  }
  expect_serves_a_document(client, doc_uri("after.py"));
}

TEST(LspBadInput, UnknownNotificationGetsNoReply) {
  LspClient client;
  start(client);
  const std::size_t before = client.transcript().size();
  client.notify("textDocument/didSomethingNew", {{"x", 1}});
  client.notify("$/unknownNotification", Json::object());
  // The sentinel's response is the only thing that comes back.
  const Json response = client.request(
      "textDocument/hover", {{"textDocument", {{"uri", kDocUri}}}, {"position", position(0, 0)}});
  ASSERT_TRUE(response.contains("result")) << client.describe();
  EXPECT_EQ(client.transcript().size(), before + 1) << client.describe();
}

TEST(LspBadInput, WrongParamTypesInRequests) {
  LspClient client;
  start(client);
  client.did_open(kDocUri, kSleepSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri));
  struct Case {
    Json params;
    std::string message;
  };
  const std::vector<Case> cases{
      {{{"textDocument", {{"uri", kDocUri}}}, {"position", "x"}},
       "params.position: a position must be an object"},
      {{{"textDocument", {{"uri", kDocUri}}}, {"position", {{"line", -1}, {"character", 0}}}},
       "params.position: a position needs non-negative integer \"line\" and \"character\""},
      {{{"textDocument", {{"uri", kDocUri}}}, {"position", {{"line", "1"}, {"character", 0}}}},
       "params.position: a position needs non-negative integer \"line\" and \"character\""},
      {{{"textDocument", {{"uri", 5}}}, {"position", position(0, 0)}},
       "params.textDocument.uri must be a string"},
      {{{"position", position(0, 0)}}, "params.textDocument is missing"},
      {{{"textDocument", {{"uri", kDocUri}}}}, "params.position is missing"},
      {Json::array({1, 2}), "params must be an object"},
  };
  for (const Case& c : cases) {
    const Json response = client.request("textDocument/hover", c.params);
    EXPECT_EQ(error_of(response), (Json{{"code", -32602}, {"message", c.message}}))
        << c.params.dump();
  }
  // A non-object `params` (a string) is not even a valid request.
  client.send(
      Json{{"jsonrpc", "2.0"}, {"id", "s"}, {"method", "textDocument/hover"}, {"params", "x"}});
  EXPECT_EQ(error_of(client.wait_response("s")),
            (Json{{"code", -32600}, {"message", "params must be an object or an array"}}));
  // The document is still served.
  EXPECT_EQ(client.hover(kDocUri, 1, 3)["result"]["range"], range(1, 0, 1, 14));
}

TEST(LspBadInput, WrongParamTypesInNotifications) {
  LspClient client;
  start(client);
  struct Case {
    std::string method;
    Json params;
    std::string message;
  };
  const std::vector<Case> cases{
      {"textDocument/didOpen",
       {{"textDocument", {{"uri", kDocUri}, {"languageId", "python"}, {"version", 1}}}},
       "eventlet-lsp: textDocument/didOpen: params.textDocument.text is missing"},
      {"textDocument/didOpen",
       {{"textDocument",
         {{"uri", kDocUri}, {"languageId", "python"}, {"version", "1"}, {"text", ""}}}},
       "eventlet-lsp: textDocument/didOpen: params.textDocument.version must be an integer"},
      {"textDocument/didOpen",
       {{"textDocument", 3}},
       "eventlet-lsp: textDocument/didOpen: params.textDocument must be an object"},
      {"textDocument/didChange",
       {{"textDocument", {{"uri", kDocUri}}}, {"contentChanges", Json::array()}},
       "eventlet-lsp: textDocument/didChange: params.textDocument.version is missing"},
      {"textDocument/didClose", Json::object(),
       "eventlet-lsp: textDocument/didClose: params.textDocument is missing"},
      {"workspace/didChangeWatchedFiles",
       {{"changes", 1}},
       "eventlet-lsp: workspace/didChangeWatchedFiles: params.changes must be an array"},
  };
  for (const Case& c : cases) {
    client.notify(c.method, c.params);
    EXPECT_EQ(next_log(client), (Json{{"type", 2}, {"message", c.message}}))
        << c.method << " " << c.params.dump();
  }
  // None of them opened a document or published anything.
  EXPECT_TRUE(client.hover(kDocUri, 0, 0)["result"].is_null());
  EXPECT_TRUE(client.take_notifications("textDocument/publishDiagnostics").empty())
      << client.describe();
  expect_serves_a_document(client, doc_uri("after.py"));
}

TEST(LspBadInput, ChangeRangePastTheEndIsClamped) {
  LspClient client;
  start(client);
  client.did_open(kDocUri, "x = 1\n");
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri, 1));
  client.did_change(kDocUri, 2,
                    Json::array({edit(100, 0, 200, 5, "import eventlet\neventlet.sleep(1)\n")}));
  EXPECT_EQ(next_log(client),
            (Json{{"type", 2},
                  {"message", "eventlet-lsp: " + kDocUri +
                                  ": a change range lies outside the document: clamped to it"}}));
  // Appended at the end: "x = 1\nimport eventlet\neventlet.sleep(1)\n".
  auto published = client.wait_for_diagnostics(kDocUri, 2);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), (Lines{"EL001 1:0-1:15", "EL504 2:0-2:14"}));
  // A character past the end of a line clamps to that line's end.
  client.did_change(kDocUri, 3, Json::array({edit(2, 50, 2, 80, "; eventlet.sleep(0)")}));
  published = client.wait_for_diagnostics(kDocUri, 3);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]),
            (Lines{"EL001 1:0-1:15", "EL504 2:0-2:14", "EL505 2:19-2:33"}));
  EXPECT_EQ(next_log(client)["type"], 2);
}

TEST(LspBadInput, ChangesForDocumentsNotOpen) {
  LspClient client;
  start(client);
  const std::string never = doc_uri("never.py");
  client.did_change(never, 2, Json::array({full_text("import eventlet\n")}));
  EXPECT_EQ(
      next_log(client),
      (Json{{"type", 2},
            {"message", "eventlet-lsp: didChange for " + never + ", which is not open: ignored"}}));
  client.did_close(never);
  EXPECT_EQ(
      next_log(client),
      (Json{{"type", 2},
            {"message", "eventlet-lsp: didClose for " + never + ", which is not open: ignored"}}));

  client.did_open(kDocUri, kSleepSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri, 1));
  client.did_close(kDocUri);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri));
  client.did_change(kDocUri, 2, Json::array({full_text("import eventlet\n")}));
  EXPECT_EQ(next_log(client)["message"],
            "eventlet-lsp: didChange for " + kDocUri + ", which is not open: ignored");
  client.did_close(kDocUri);
  EXPECT_EQ(next_log(client)["message"],
            "eventlet-lsp: didClose for " + kDocUri + ", which is not open: ignored");
  EXPECT_TRUE(client.take_notifications("textDocument/publishDiagnostics").empty())
      << client.describe();
  expect_serves_a_document(client, doc_uri("after.py"));
}

TEST(LspBadInput, VersionsGoingBackwardsAreAppliedWithAWarning) {
  LspClient client;
  start(client);
  client.did_open(kDocUri, "x = 1\n", 5);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri, 5));
  client.did_change(kDocUri, 3, Json::array({full_text(kSleepSource)}));
  EXPECT_EQ(
      next_log(client),
      (Json{{"type", 2},
            {"message",
             "eventlet-lsp: didChange for " + kDocUri +
                 " goes from version 5 back to 3: applied, the client's text is the truth"}}));
  const auto published = client.wait_for_diagnostics(kDocUri);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ((*published)["version"], 3);
  EXPECT_EQ(summarize((*published)["diagnostics"]), kSleepDiagnostics);
}

TEST(LspBadInput, InvalidUtf8InsideAJsonString) {
  LspClient client;
  start(client);
  const std::string uri = doc_uri("latin1.py");
  const std::string body =
      std::string(
          R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":")") +
      uri + R"(","languageId":"python","version":1,"text":"name = 'caf)" + "\xe9\xff" +
      R"('\nimport eventlet\neventlet.sleep(1)\n"}}})";
  client.send_raw(LspClient::frame_text(body));
  // Not UTF-8, so not JSON: a parse error (or, if accepted, diagnostics); the server lives on.
  const Json response = client.request(
      "textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", position(2, 3)}});
  ASSERT_TRUE(response.contains("result")) << client.describe();
  EXPECT_TRUE(client.running());
  const Json parse_error = wait_null_id_response(client);
  EXPECT_EQ(error_of(parse_error)["code"], -32700) << client.describe();
  expect_serves_a_document(client, doc_uri("after.py"));
  // Everything the server wrote is still valid framed JSON (no raw invalid bytes echoed).
  EXPECT_EQ(client.output_error(), "");
}

TEST(LspBadInput, FiveMegabyteDocument) {
  LspClient client;
  start(client);
  std::string text;
  text.reserve(5u << 20);
  text += "import eventlet\n";
  int lines = 1;
  while (text.size() < (5u << 20)) {
    text += "value_" + std::to_string(lines) + " = " + std::to_string(lines) + "  # filler line\n";
    ++lines;
  }
  text += "eventlet.sleep(1)\n";
  const std::string uri = doc_uri("big.py");
  client.did_open(uri, text);
  const auto published = client.wait_for_diagnostics(uri, 1, std::chrono::milliseconds(20000));
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]),
            (Lines{"EL001 0:0-0:15",
                   "EL504 " + std::to_string(lines) + ":0-" + std::to_string(lines) + ":14"}));
  // An edit at the far end of it.
  client.did_change(uri, 2, Json::array({edit(lines, 0, lines, 14, "eventlet.sleep(0)  # ")}));
  const auto changed = client.wait_for_diagnostics(uri, 2, std::chrono::milliseconds(20000));
  ASSERT_TRUE(changed) << client.describe();
  EXPECT_EQ(summarize((*changed)["diagnostics"]),
            (Lines{"EL001 0:0-0:15",
                   "EL505 " + std::to_string(lines) + ":0-" + std::to_string(lines) + ":14"}));
  expect_serves_a_document(client, doc_uri("after.py"));
}

TEST(LspBadInput, ByteByByteDelivery) {
  LspClient client;
  start(client);
  client.did_open(kDocUri, kSleepSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri));
  const std::string framed = LspClient::frame(
      {{"jsonrpc", "2.0"},
       {"id", "slow"},
       {"method", "textDocument/hover"},
       {"params", {{"textDocument", {{"uri", kDocUri}}}, {"position", position(1, 3)}}}});
  for (char byte : framed) {
    client.send_raw(std::string(1, byte));
    client.pump_for(std::chrono::milliseconds(0));
  }
  const Json response = client.wait_response("slow");
  EXPECT_EQ(response["result"]["range"], range(1, 0, 1, 14)) << client.describe();
}

TEST(LspBadInput, OversizedMessageIsSkipped) {
  LspClient client;
  start(client);
  const std::size_t size = (64u << 20) + 1;  // one byte over the server's limit
  std::string message = "Content-Length: " + std::to_string(size) + "\r\n\r\n";
  message.append(size, ' ');
  client.send_raw(message);
  EXPECT_EQ(next_log(client),
            (Json{{"type", 2},
                  {"message", "eventlet-lsp: malformed message from the client: message of " +
                                  std::to_string(size) + " bytes is over the limit"}}))
      << client.describe();
  expect_serves_a_document(client, doc_uri("after.py"));
}

}  // namespace
}  // namespace eventlet_lsp::testing
