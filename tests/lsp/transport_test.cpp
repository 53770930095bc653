// The transports: `serve --listen PORT` over TCP, and a stdout that carries nothing but framed
// JSON-RPC.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <charconv>

#include "lsp_test_support.h"

namespace eventlet_lsp::testing {
namespace {

// A loopback port that was free a moment ago (bound to port 0, then released).
unsigned short free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  unsigned short port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  ::close(fd);
  return port;
}

TEST(LspListen, ServesOneClientOverTcp) {
  const unsigned short port = free_port();
  ASSERT_NE(port, 0);
  LspClient client({.args = {"serve", "--listen", std::to_string(port)}});
  ASSERT_TRUE(client.connect_tcp(port)) << "could not connect to port " << port << "\n"
                                        << client.describe();
  const Json response = client.initialize(push_capabilities());
  ASSERT_TRUE(response.contains("result")) << client.describe();
  EXPECT_EQ(response["result"]["serverInfo"]["name"], "eventlet-lsp");
  client.did_open(kDocUri, kSleepSource);
  const auto published = client.wait_for_diagnostics(kDocUri, 1);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), kSleepDiagnostics);
  EXPECT_EQ(client.hover(kDocUri, 1, 3)["result"]["range"], range(1, 0, 1, 14));
  EXPECT_EQ(client.shutdown_and_exit(), 0) << client.describe();
  // In TCP mode stdout is not the protocol channel, and stays quiet.
  EXPECT_EQ(client.process_stdout(), "");
  EXPECT_NE(client.stderr_text().find("listening on 127.0.0.1:" + std::to_string(port)),
            std::string::npos)
      << client.stderr_text();
}

TEST(LspListen, ClientDisconnectWithoutExitIsStatusOne) {
  const unsigned short port = free_port();
  ASSERT_NE(port, 0);
  LspClient client({.args = {"serve", "--listen", std::to_string(port)}});
  ASSERT_TRUE(client.connect_tcp(port)) << client.describe();
  ASSERT_TRUE(client.initialize().contains("result")) << client.describe();
  client.close_stdin();  // shuts the socket's write side
  EXPECT_EQ(client.wait_exit(), 1) << client.describe();
}

TEST(LspListen, PortInUseIsAnErrorExitNotACrash) {
  // Hold a port.
  const int holder = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(holder, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ASSERT_EQ(::bind(holder, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(holder, 1), 0);
  ASSERT_EQ(::getsockname(holder, reinterpret_cast<sockaddr*>(&address), &length), 0);
  const unsigned short port = ntohs(address.sin_port);
  LspClient client({.args = {"serve", "--listen", std::to_string(port)}});
  const auto status = client.wait_exit();
  ::close(holder);
  ASSERT_TRUE(status.has_value()) << client.describe();
  EXPECT_GT(*status, 0);
  EXPECT_LT(*status, 128) << "killed by signal " << (*status - 128) << "\n" << client.describe();
  EXPECT_NE(client.stderr_text().find(std::to_string(port)), std::string::npos)
      << client.stderr_text();
}

// Parses a whole captured stream as Content-Length framed JSON-RPC 2.0 messages.
::testing::AssertionResult is_framed_jsonrpc(const std::string& stream, std::size_t& count) {
  std::size_t at = 0;
  count = 0;
  while (at < stream.size()) {
    const std::string prefix = "Content-Length: ";
    if (stream.compare(at, prefix.size(), prefix) != 0) {
      return ::testing::AssertionFailure()
             << "message " << count << " at byte " << at
             << " does not start with a Content-Length header: " << stream.substr(at, 80);
    }
    const std::size_t end = stream.find("\r\n\r\n", at);
    if (end == std::string::npos)
      return ::testing::AssertionFailure() << "unterminated header at byte " << at;
    std::size_t length = 0;
    const char* first = stream.data() + at + prefix.size();
    const auto [ptr, ec] = std::from_chars(first, stream.data() + end, length);
    if (ec != std::errc() || ptr != stream.data() + end) {
      return ::testing::AssertionFailure() << "bad header: " << stream.substr(at, end - at);
    }
    if (end + 4 + length > stream.size())
      return ::testing::AssertionFailure() << "truncated body at byte " << end + 4;
    const std::string body = stream.substr(end + 4, length);
    const Json message = Json::parse(body, nullptr, false);
    if (message.is_discarded() || !message.is_object() ||
        message.value("jsonrpc", Json()) != "2.0") {
      return ::testing::AssertionFailure() << "not a JSON-RPC 2.0 object: " << body.substr(0, 200);
    }
    ++count;
    at = end + 4 + length;
  }
  return ::testing::AssertionSuccess();
}

TEST(LspStdout, EverythingOnStdoutIsFramedJsonRpc) {
  LspClient client({.args = {"--log-level", "trace"}});  // chatty logs must go to stderr
  Json capabilities = push_capabilities();
  capabilities["textDocument"]["publishDiagnostics"]["relatedInformation"] = true;
  capabilities["workspace"] = {{"configuration", true}};
  client.initialize(capabilities,
                    {{"trace", "verbose"}, {"initializationOptions", {{"bogus", true}}}});
  client.did_open(kDocUri, kAliasSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri));
  // A few errors of every kind.
  client.send_raw("Content-Length: x\r\n\r\n");
  client.send_raw(LspClient::frame_text("{nope"));
  client.send_raw(LspClient::frame_text("[]"));
  client.request("no/such/method", Json::object());
  client.request("textDocument/hover", {{"position", "x"}});
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", doc_uri("ghost.py")}, {"version", 2}}},
                 {"contentChanges", Json::array()}});
  client.did_change(kDocUri, 2, Json::array({edit(90, 0, 99, 0, "eventlet.spawn(print)\n")}));
  client.send_raw(LspClient::frame_text(std::string(
      R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x/y.py","languageId":"python","version":1,"text":"\xff"}}})")));
  client.hover(kDocUri, 6, 3);
  client.notify("workspace/didChangeConfiguration", {{"settings", nullptr}});
  ASSERT_TRUE(client.wait_for_server_request("workspace/configuration"));
  const auto status = client.shutdown_and_exit();
  EXPECT_EQ(status, 0) << client.describe();
  EXPECT_EQ(client.output_error(), "") << client.describe();
  std::size_t count = 0;
  EXPECT_TRUE(is_framed_jsonrpc(client.raw_output(), count));
  EXPECT_EQ(count, client.transcript().size());
  EXPECT_GT(count, 10u);
  // The logs went to stderr.
  EXPECT_NE(client.stderr_text().find("malformed message from the client"), std::string::npos);
}

}  // namespace
}  // namespace eventlet_lsp::testing
