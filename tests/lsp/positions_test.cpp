// Positions in the negotiated encoding: UTF-16 (the default), UTF-8 and UTF-32, on a line with
// CJK text, an emoji (a surrogate pair in UTF-16) and a tab before the Eventlet call.
#include "lsp_test_support.h"

namespace eventlet_lsp::testing {
namespace {

// Line 2: tab, `x = "中文😀"; `, then `eventlet.sleep(1)`. Line 3: tab, `eventlet.sleep(0)`.
const std::string kSource =
    "import eventlet\nif True:\n\tx = \"\xe4\xb8\xad\xe6\x96\x87\xf0\x9f\x98\x80\"; "
    "eventlet.sleep(1)\n\teventlet.sleep(0)\n";

struct EncodingCase {
  const char* name;
  Json offered;            // general.positionEncodings, or null for none
  const char* negotiated;  // positionEncoding in the result, or null for none
  int start;               // where `eventlet.sleep` starts on line 2, in this encoding's units
};

class LspPositions : public ::testing::TestWithParam<EncodingCase> {};

Json capabilities_for(const EncodingCase& c) {
  Json capabilities = push_capabilities();
  if (!c.offered.is_null()) capabilities["general"] = {{"positionEncodings", c.offered}};
  return capabilities;
}

std::string span(int line, int start, int end) {
  return std::to_string(line) + ":" + std::to_string(start) + "-" + std::to_string(line) + ":" +
         std::to_string(end);
}

TEST_P(LspPositions, DiagnosticsHoverAndEditsInTheNegotiatedEncoding) {
  const EncodingCase& c = GetParam();
  LspClient client;
  const Json result = client.initialize(capabilities_for(c))["result"];
  if (c.negotiated == nullptr)
    EXPECT_FALSE(result["capabilities"].contains("positionEncoding")) << result.dump();
  else
    EXPECT_EQ(result["capabilities"]["positionEncoding"], c.negotiated);

  client.did_open(kDocUri, kSource);
  auto published = client.wait_for_diagnostics(kDocUri, 1);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]),
            (Lines{"EL001 0:0-0:15", "EL504 " + span(2, c.start, c.start + 14),
                   "EL505 " + span(3, 1, 15)}));

  // Hover: on the first unit of the call, not on the unit before it, nor on the `(` after it.
  Json hover = client.hover(kDocUri, 2, c.start);
  EXPECT_EQ(hover["result"]["range"], range(2, c.start, 2, c.start + 14)) << hover.dump();
  hover = client.hover(kDocUri, 2, c.start + 13);
  EXPECT_EQ(hover["result"]["range"], range(2, c.start, 2, c.start + 14)) << hover.dump();
  EXPECT_TRUE(client.hover(kDocUri, 2, c.start - 1)["result"].is_null());
  EXPECT_TRUE(client.hover(kDocUri, 2, c.start + 14)["result"].is_null());
  // After the tab.
  EXPECT_EQ(client.hover(kDocUri, 3, 1)["result"]["range"], range(3, 1, 3, 15));
  EXPECT_TRUE(client.hover(kDocUri, 3, 0)["result"].is_null());

  // An edit positioned after the emoji, in this encoding's units.
  client.did_change(kDocUri, 2, Json::array({edit(2, c.start, 2, c.start, "eventlet.sleep(0); ")}));
  published = client.wait_for_diagnostics(kDocUri, 2);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]),
            (Lines{"EL001 0:0-0:15", "EL505 " + span(2, c.start, c.start + 14),
                   "EL504 " + span(2, c.start + 19, c.start + 33), "EL505 " + span(3, 1, 15)}));
  // Replacing the CJK text and the emoji (in this encoding's units) with plain ASCII.
  const int string_start = 6;          // after `\tx = "`
  const int string_end = c.start - 3;  // before `"; `
  client.did_change(kDocUri, 3, Json::array({edit(2, string_start, 2, string_end, "abc")}));
  published = client.wait_for_diagnostics(kDocUri, 3);
  ASSERT_TRUE(published) << client.describe();
  // `\tx = "abc"; ` is 12 units in every encoding.
  EXPECT_EQ(summarize((*published)["diagnostics"]),
            (Lines{"EL001 0:0-0:15", "EL505 " + span(2, 12, 26), "EL504 " + span(2, 31, 45),
                   "EL505 " + span(3, 1, 15)}));
  EXPECT_TRUE(client.take_notifications("window/logMessage").empty()) << client.describe();
}

INSTANTIATE_TEST_SUITE_P(
    Encodings, LspPositions,
    ::testing::Values(EncodingCase{"Utf16Default", nullptr, nullptr, 13},
                      EncodingCase{"Utf16Offered", Json::array({"utf-16"}), "utf-16", 13},
                      EncodingCase{"Utf16EmptyOffer", Json::array(), "utf-16", 13},
                      EncodingCase{"Utf8Preferred", Json::array({"utf-8", "utf-16"}), "utf-8", 19},
                      EncodingCase{"Utf8Last", Json::array({"utf-16", "utf-8"}), "utf-8", 19},
                      EncodingCase{"Utf32", Json::array({"utf-32", "utf-16"}), "utf-32", 12}),
    [](const ::testing::TestParamInfo<EncodingCase>& info) {
      return std::string(info.param.name);
    });

TEST(LspLineEndings, CrLf) {
  LspClient client;
  client.initialize(push_capabilities());
  client.did_open(kDocUri, "import eventlet\r\neventlet.sleep(1)\r\n");
  auto published = client.wait_for_diagnostics(kDocUri, 1);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), kSleepDiagnostics);
  // A character past the end of line 0 clamps before its "\r\n".
  client.did_change(kDocUri, 2, Json::array({edit(0, 40, 0, 40, " as ev")}));
  published = client.wait_for_diagnostics(kDocUri, 2);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), (Lines{"EL001 0:0-0:21"}));
  EXPECT_EQ(client.hover(kDocUri, 0, 20)["result"]["range"], range(0, 0, 0, 21));
}

TEST(LspLineEndings, LoneCarriageReturnEndsALine) {
  LspClient client;
  client.initialize(push_capabilities());
  client.did_open(kDocUri, "import eventlet\reventlet.sleep(1)\r");
  const auto published = client.wait_for_diagnostics(kDocUri, 1);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), kSleepDiagnostics);
  EXPECT_EQ(client.hover(kDocUri, 1, 3)["result"]["range"], range(1, 0, 1, 14));
}

}  // namespace
}  // namespace eventlet_lsp::testing
