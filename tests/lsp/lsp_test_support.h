// Shared pieces of the LSP transcript tests: capability sets, ranges, and a compact view of
// diagnostics ("EL504 1:0-1:14") so that expectations read as exact values.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "lsp_client.h"

namespace eventlet_lsp::testing {

// A document URI whose folders do not exist: no pyproject.toml can apply to it.
inline const std::string kDocUri = "file:///eventlet-lsp-test-nowhere/app.py";
inline std::string doc_uri(const std::string& name) {
  return "file:///eventlet-lsp-test-nowhere/" + name;
}

inline Json position(int line, int character) {
  return Json{{"line", line}, {"character", character}};
}
inline Json range(int start_line, int start_character, int end_line, int end_character) {
  return Json{{"start", position(start_line, start_character)},
              {"end", position(end_line, end_character)}};
}
// A TextDocumentContentChangeEvent: ranged, or the whole text.
inline Json edit(int start_line, int start_character, int end_line, int end_character,
                 const std::string& text) {
  return Json{{"range", range(start_line, start_character, end_line, end_character)},
              {"text", text}};
}
inline Json full_text(const std::string& text) {
  return Json{{"text", text}};
}

// "EL504 1:0-1:14" per diagnostic, in the server's order.
inline std::vector<std::string> summarize(const Json& diagnostics) {
  std::vector<std::string> out;
  if (!diagnostics.is_array()) return {"<not an array: " + diagnostics.dump() + ">"};
  for (const Json& d : diagnostics) {
    const Json& r = d.at("range");
    out.push_back(d.at("code").get<std::string>() + " " +
                  std::to_string(r["start"]["line"].get<int>()) + ":" +
                  std::to_string(r["start"]["character"].get<int>()) + "-" +
                  std::to_string(r["end"]["line"].get<int>()) + ":" +
                  std::to_string(r["end"]["character"].get<int>()));
  }
  return out;
}

using Lines = std::vector<std::string>;

// The capabilities of a typical push client: versioned diagnostics, markdown hovers.
inline Json push_capabilities() {
  return Json{{"textDocument",
               {{"publishDiagnostics", {{"versionSupport", true}}},
                {"hover", {{"contentFormat", Json::array({"markdown", "plaintext"})}}}}}};
}

// Python snippets used across the tests.
inline const std::string kSleepSource = "import eventlet\neventlet.sleep(1)\n";
inline const Lines kSleepDiagnostics{"EL001 0:0-0:15", "EL504 1:0-1:14"};

inline const std::string kAliasSource =
    "import eventlet\n"
    "from eventlet import greenthread as gt\n"
    "\n"
    "def f(): pass\n"
    "\n"
    "gt.spawn(f)\n"
    "eventlet.sleep(1)\n";
inline const Lines kAliasDiagnostics{"EL001 0:0-0:15", "EL001 1:0-1:38", "EL301 5:0-5:8",
                                     "EL504 6:0-6:14"};

// The workspaceFolders of initialize: `dir` alone.
inline Json folders(const TempDir& dir) {
  return Json::array({{{"uri", dir.uri()}, {"name", "ws"}}});
}

// A small project: a.py (import + sleep), clean.py, pkg/b.py (import + tpool.execute) and
// requirements.txt (the pin): 5 usages in 3 of 4 files.
inline void write_project(const TempDir& dir) {
  dir.write("a.py", kSleepSource);
  dir.write("clean.py", "x = 1\n");
  dir.write("pkg/b.py", "from eventlet import tpool\ntpool.execute(len, [])\n");
  dir.write("requirements.txt", "eventlet==0.35.2\nrequests\n");
}

// Opens a new document and checks its diagnostics: the server still serves correctly.
inline void expect_serves_a_document(LspClient& client, const std::string& uri) {
  client.did_open(uri, kSleepSource);
  const auto published = client.wait_for_diagnostics(uri);
  ASSERT_TRUE(published) << "no diagnostics for " << uri << "\n" << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), kSleepDiagnostics);
  const Json hover = client.hover(uri, 1, 3);
  ASSERT_TRUE(hover.contains("result")) << hover.dump() << "\n" << client.describe();
  EXPECT_EQ(hover["result"]["range"], range(1, 0, 1, 14));
}

// The error of a response: {code, message}, or null.
inline Json error_of(const Json& response) {
  return response.value("error", Json());
}

}  // namespace eventlet_lsp::testing
