// The publish path writes diagnostics as JSON text (append_lsp_diagnostics); the index and pull
// paths build json values (to_lsp_diagnostics). Both must give the same value, byte for byte
// once serialised, for every fixture, in every position encoding, with and without the
// capabilities that add fields.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzers/config/settings.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/python_analyzer.h"
#include "protocol/jsonrpc/json_text.h"
#include "protocol/jsonrpc/message.h"
#include "server/features/diagnostics.h"

namespace eventlet_lsp {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<protocol::ClientCapabilities> client_variants() {
  std::vector<protocol::ClientCapabilities> clients;
  for (const auto encoding : {protocol::PositionEncoding::Utf8, protocol::PositionEncoding::Utf16,
                              protocol::PositionEncoding::Utf32}) {
    for (const bool rich : {false, true}) {
      protocol::ClientCapabilities client;
      client.encoding = encoding;
      client.diagnostic_related_information = rich;
      client.diagnostic_deprecated_tag = rich;
      clients.push_back(client);
    }
  }
  return clients;
}

TEST(DiagnosticsText, SameAsTheJsonValueForEveryFixture) {
  analyzers::PythonParser parser;
  analyzers::Settings settings;
  settings.guide_base_url = "https://mirror.example/with \"quotes\" and \\ é";  // escaped either way
  std::size_t compared = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(EVENTLET_LSP_SOURCE_DIR) / "tests/fixtures/python")) {
    if (entry.path().extension() != ".py") continue;
    const analyzers::SyntaxTree tree = parser.parse(read(entry.path()));
    const auto findings = analyzers::analyze_python(tree);
    const protocol::LineIndex index(tree.source());
    const std::string uri = "file:///tmp/d\xC3\xA9j\xC3\xA0/" + entry.path().filename().string();
    for (const auto& client : client_variants()) {
      for (const bool tags : {false, true}) {
        const server::DiagnosticOptions options{settings, client, tags};
        std::string text;
        server::append_lsp_diagnostics(text, findings, index, uri, options);
        const json built = server::to_lsp_diagnostics(findings, index, uri, options);
        ASSERT_EQ(text, protocol::to_wire(built)) << entry.path();
        ++compared;
      }
    }
  }
  EXPECT_GE(compared, 18u * 12u);  // 18 fixtures or more, 12 variants each
}

TEST(DiagnosticsText, StringsAreEscapedAndInvalidUtf8Replaced) {
  std::string out;
  protocol::append_json_string(out, "plain");
  protocol::append_json_string(out, "a\"b\\c\n\t\x01");
  protocol::append_json_string(out, "caf\xC3\xA9 \xF0\x9F\x98\x80");
  protocol::append_json_string(out, "bad \xFF byte");
  protocol::append_json_number(out, -42);
  EXPECT_EQ(out, "\"plain\"\"a\\\"b\\\\c\\n\\t\\u0001\"\"caf\xC3\xA9 \xF0\x9F\x98\x80\"\"bad \xEF\xBF\xBD byte\"-42");
}

}  // namespace
}  // namespace eventlet_lsp
