// Open documents: pushed diagnostics and what they carry, incremental and full edits, close,
// hover.
#include "lsp_test_support.h"

namespace eventlet_lsp::testing {
namespace {

const std::string kGuide = "https://removal.eventlet.org/guide/";

Json find_code(const Json& diagnostics, const std::string& code) {
  for (const Json& d : diagnostics) {
    if (d["code"] == code) return d;
  }
  return nullptr;
}

TEST(LspDiagnostics, PublishedOnOpenWithEveryField) {
  LspClient client;
  Json capabilities = push_capabilities();
  capabilities["textDocument"]["publishDiagnostics"]["tagSupport"] = {{"valueSet", {1, 2}}};
  capabilities["textDocument"]["publishDiagnostics"]["codeDescriptionSupport"] = true;
  capabilities["textDocument"]["publishDiagnostics"]["dataSupport"] = true;
  client.initialize(capabilities);
  client.did_open(kDocUri, kSleepSource, 7);
  const auto published = client.wait_for_diagnostics(kDocUri);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ((*published)["version"], 7);
  const Json& diagnostics = (*published)["diagnostics"];
  ASSERT_EQ(summarize(diagnostics), kSleepDiagnostics);

  const Json sleep = find_code(diagnostics, "EL504");
  EXPECT_EQ(sleep["range"], range(1, 0, 1, 14));
  EXPECT_EQ(sleep["severity"], 2);
  EXPECT_EQ(sleep["source"], "eventlet-lsp");
  EXPECT_EQ(sleep["codeDescription"],
            (Json{{"href", kGuide + "migrating-to-threading/#key-migration-patterns"}}));
  EXPECT_EQ(
      sleep["message"],
      "`eventlet.sleep` suspends the green thread: use `time.sleep` or `await asyncio.sleep`");
  EXPECT_EQ(sleep["data"], (Json{{"scenario", "green-threads"},
                                 {"rule", "eventlet-sleep"},
                                 {"qualifiedName", "eventlet.greenthread.sleep"}}));
  EXPECT_EQ(sleep["tags"], Json::array({2}));          // a use of Eventlet's API: deprecated code
  EXPECT_FALSE(sleep.contains("relatedInformation"));  // the client did not ask for it

  const Json import = find_code(diagnostics, "EL001");
  EXPECT_EQ(import["severity"], 3);
  EXPECT_EQ(import["codeDescription"]["href"],
            kGuide + "preparing-for-migration/#locate-eventlet-usages");
  EXPECT_EQ(import["data"]["scenario"], "inventory");
  EXPECT_FALSE(import.contains("tags")) << "an import is inventory, not a deprecated use";
}

TEST(LspDiagnostics, NoVersionWithoutVersionSupport) {
  LspClient client;
  client.initialize({{"textDocument", {{"publishDiagnostics", {{"versionSupport", false}}}}}});
  client.did_open(kDocUri, kSleepSource, 3);
  const auto published = client.wait_for_diagnostics(kDocUri);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_FALSE(published->contains("version")) << published->dump();
  EXPECT_EQ(summarize((*published)["diagnostics"]), kSleepDiagnostics);
}

TEST(LspDiagnostics, DeprecatedTagOnlyWhenTheClientListsIt) {
  for (const Json& value_set : {Json::array({1}), Json::array()}) {
    LspClient client;
    Json capabilities = push_capabilities();
    capabilities["textDocument"]["publishDiagnostics"]["tagSupport"] = {{"valueSet", value_set}};
    client.initialize(capabilities);
    client.did_open(kDocUri, kSleepSource);
    const auto published = client.wait_for_diagnostics(kDocUri);
    ASSERT_TRUE(published) << client.describe();
    for (const Json& d : (*published)["diagnostics"]) {
      EXPECT_FALSE(d.contains("tags")) << "valueSet " << value_set.dump() << ": " << d.dump();
    }
  }
  LspClient no_tag_support;
  no_tag_support.initialize(push_capabilities());
  no_tag_support.did_open(kDocUri, kSleepSource);
  const auto published = no_tag_support.wait_for_diagnostics(kDocUri);
  ASSERT_TRUE(published);
  EXPECT_FALSE(find_code((*published)["diagnostics"], "EL504").contains("tags"));
}

TEST(LspDiagnostics, RelatedInformationForAnAliasedUseWhenSupported) {
  LspClient client;
  Json capabilities = push_capabilities();
  capabilities["textDocument"]["publishDiagnostics"]["relatedInformation"] = true;
  client.initialize(capabilities);
  client.did_open(kDocUri, kAliasSource);
  const auto published = client.wait_for_diagnostics(kDocUri);
  ASSERT_TRUE(published) << client.describe();
  ASSERT_EQ(summarize((*published)["diagnostics"]), kAliasDiagnostics);
  const Json spawn = find_code((*published)["diagnostics"], "EL301");
  EXPECT_EQ(spawn["message"],
            "`gt.spawn` starts a background green thread whose result nobody reads");
  EXPECT_EQ(spawn["data"]["scenario"], "background-tasks");
  EXPECT_EQ(spawn["data"]["qualifiedName"], "eventlet.greenthread.spawn");
  EXPECT_EQ(spawn["relatedInformation"],
            (Json::array({{{"location", {{"uri", kDocUri}, {"range", range(1, 0, 1, 38)}}},
                           {"message", "`gt` is bound to Eventlet here"}}})));
}

TEST(LspDiagnostics, NoRelatedInformationWithoutTheCapability) {
  LspClient client;
  Json capabilities = push_capabilities();
  capabilities["textDocument"]["publishDiagnostics"]["relatedInformation"] = false;
  client.initialize(capabilities);
  client.did_open(kDocUri, kAliasSource);
  const auto published = client.wait_for_diagnostics(kDocUri);
  ASSERT_TRUE(published) << client.describe();
  ASSERT_EQ(summarize((*published)["diagnostics"]), kAliasDiagnostics);
  for (const Json& d : (*published)["diagnostics"])
    EXPECT_FALSE(d.contains("relatedInformation")) << d.dump();
}

TEST(LspDiagnostics, CleanDocumentPublishesAnEmptyList) {
  LspClient client;
  client.initialize(push_capabilities());
  client.did_open(kDocUri, "import time\ntime.sleep(1)\n");
  const auto published = client.wait_for_diagnostics(kDocUri);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ((*published)["diagnostics"], Json::array());
  EXPECT_EQ((*published)["version"], 1);
}

// Each didChange below is checked against the diagnostics of the text it produces.
TEST(LspDidChange, IncrementalEditsMoveTheDiagnostics) {
  LspClient client;
  client.initialize(push_capabilities());
  client.did_open(kDocUri, "import eventlet\nx = 1\n");
  auto published = client.wait_for_diagnostics(kDocUri, 1);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), (Lines{"EL001 0:0-0:15"}));

  struct Step {
    const char* what;
    Json changes;
    Lines expected;
  };
  const std::vector<Step> steps{
      // "import eventlet\neventlet.sleep(1)\nx = 1\n"
      {"insert a line",
       Json::array({edit(1, 0, 1, 0, "eventlet.sleep(1)\n")}),
       {"EL001 0:0-0:15", "EL504 1:0-1:14"}},
      // "\n\nimport eventlet\neventlet.sleep(1)\nx = 1\n"
      {"insert blank lines",
       Json::array({edit(0, 0, 0, 0, "\n\n")}),
       {"EL001 2:0-2:15", "EL504 3:0-3:14"}},
      // "\nimport eventlet\neventlet.sleep(1)\nx = 1\n"
      {"delete a line break",
       Json::array({edit(0, 0, 1, 0, "")}),
       {"EL001 1:0-1:15", "EL504 2:0-2:14"}},
      // "\nimport eventlet as ev\nev.sleep(1)\nx = 1\n"
      {"replace across lines",
       Json::array({edit(1, 7, 2, 8, "eventlet as ev\nev")}),
       {"EL001 1:0-1:21", "EL504 2:0-2:8"}},
      // "import os\n\nimport eventlet as ev\nev.sleep(1)\nev.sleep(0)\n": the second change's
      // positions are in the text the first produced.
      {"two changes in one notification",
       Json::array({edit(0, 0, 0, 0, "import os\n"), edit(4, 0, 4, 5, "ev.sleep(0)")}),
       {"EL001 2:0-2:21", "EL504 3:0-3:8", "EL505 4:0-4:8"}},
      {"delete within a line", Json::array({edit(2, 15, 2, 21, "")}), {"EL001 2:0-2:15"}},
  };
  int version = 1;
  for (const Step& step : steps) {
    ++version;
    client.did_change(kDocUri, version, step.changes);
    published = client.wait_for_diagnostics(kDocUri, version);
    ASSERT_TRUE(published) << step.what << "\n" << client.describe();
    EXPECT_EQ(summarize((*published)["diagnostics"]), step.expected) << step.what;
  }
  // After "delete within a line" (`import eventlet`, `ev` unbound): hover where `ev.sleep` is.
  const Json hover = client.hover(kDocUri, 3, 1);
  EXPECT_TRUE(hover["result"].is_null()) << hover.dump();
  EXPECT_TRUE(client.take_notifications("window/logMessage").empty()) << client.describe();
}

TEST(LspDidChange, FullTextChanges) {
  LspClient client;
  client.initialize(push_capabilities());
  client.did_open(kDocUri, kSleepSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri, 1));
  client.did_change(kDocUri, 2, Json::array({full_text("from eventlet import sleep\nsleep(0)\n")}));
  auto published = client.wait_for_diagnostics(kDocUri, 2);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), (Lines{"EL001 0:0-0:26", "EL505 1:0-1:5"}));
  // A whole text, then a ranged edit of that text, in one notification.
  client.did_change(
      kDocUri, 3,
      Json::array({full_text("import eventlet\n"), edit(1, 0, 1, 0, "eventlet.sleep(1)\n")}));
  published = client.wait_for_diagnostics(kDocUri, 3);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ(summarize((*published)["diagnostics"]), kSleepDiagnostics);
  client.did_change(kDocUri, 4, Json::array({full_text("")}));
  published = client.wait_for_diagnostics(kDocUri, 4);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ((*published)["diagnostics"], Json::array());
}

TEST(LspDidClose, ClearsTheDiagnostics) {
  LspClient client;
  client.initialize(push_capabilities());
  client.did_open(kDocUri, kSleepSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri, 1));
  client.did_close(kDocUri);
  const auto cleared = client.wait_for_notification("textDocument/publishDiagnostics");
  ASSERT_TRUE(cleared) << client.describe();
  EXPECT_EQ((*cleared)["params"], (Json{{"uri", kDocUri}, {"diagnostics", Json::array()}}));
  // Closed: no hover any more.
  EXPECT_TRUE(client.hover(kDocUri, 1, 3)["result"].is_null());
  // Reopened: diagnostics again.
  client.did_open(kDocUri, kSleepSource, 5);
  const auto reopened = client.wait_for_diagnostics(kDocUri, 5);
  ASSERT_TRUE(reopened) << client.describe();
  EXPECT_EQ(summarize((*reopened)["diagnostics"]), kSleepDiagnostics);
}

TEST(LspHover, MarkdownWithRange) {
  LspClient client;
  client.initialize(push_capabilities());
  client.did_open(kDocUri, kSleepSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri));
  const Json response = client.hover(kDocUri, 1, 9);  // on `sleep`
  ASSERT_TRUE(response.contains("result")) << response.dump();
  const Json& hover = response["result"];
  EXPECT_EQ(hover["range"], range(1, 0, 1, 14));
  EXPECT_EQ(hover["contents"]["kind"], "markdown");
  const std::string value = hover["contents"]["value"];
  EXPECT_TRUE(value.starts_with("**`eventlet.greenthread.sleep`**\n\nEL504 eventlet-sleep"))
      << value;
  EXPECT_NE(
      value.find("[Migration guide](" + kGuide + "migrating-to-threading/#key-migration-patterns)"),
      std::string::npos)
      << value;
}

TEST(LspHover, PlaintextWhenTheClientHasNoMarkdown) {
  LspClient client;
  client.initialize({{"textDocument", {{"hover", {{"contentFormat", {"plaintext"}}}}}}});
  client.did_open(kDocUri, kSleepSource);
  const Json response = client.hover(kDocUri, 1, 0);
  ASSERT_TRUE(response.contains("result")) << response.dump();
  const Json& hover = response["result"];
  EXPECT_EQ(hover["range"], range(1, 0, 1, 14));
  EXPECT_EQ(hover["contents"]["kind"], "plaintext");
  const std::string value = hover["contents"]["value"];
  EXPECT_TRUE(value.starts_with("eventlet.greenthread.sleep\nEL504 eventlet-sleep")) << value;
  EXPECT_NE(
      value.find("Migration guide: " + kGuide + "migrating-to-threading/#key-migration-patterns"),
      std::string::npos)
      << value;
  for (const char* markup : {"**", "`", "]("})
    EXPECT_EQ(value.find(markup), std::string::npos) << markup;
}

TEST(LspHover, InnermostUseAndImports) {
  LspClient client;
  client.initialize(push_capabilities());
  client.did_open(kDocUri, kAliasSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri));
  const Json spawn = client.hover(kDocUri, 5, 4)["result"];
  EXPECT_EQ(spawn["range"], range(5, 0, 5, 8));
  EXPECT_TRUE(
      spawn["contents"]["value"].get<std::string>().starts_with("**`eventlet.greenthread.spawn`**"))
      << spawn.dump();
  // The `import` keyword: the whole import statement (EL001).
  const Json import = client.hover(kDocUri, 1, 15)["result"];
  EXPECT_EQ(import["range"], range(1, 0, 1, 38));
  EXPECT_TRUE(import["contents"]["value"].get<std::string>().starts_with("**`eventlet`**\n\nEL001"))
      << import.dump();
  // An imported name: that name.
  const Json imported = client.hover(kDocUri, 1, 25)["result"];
  EXPECT_EQ(imported["range"], range(1, 21, 1, 32));
  EXPECT_TRUE(
      imported["contents"]["value"].get<std::string>().starts_with("**`eventlet.greenthread`**"))
      << imported.dump();
}

TEST(LspHover, NullAwayFromEventlet) {
  LspClient client;
  client.initialize(push_capabilities());
  client.did_open(kDocUri, kAliasSource);
  ASSERT_TRUE(client.wait_for_diagnostics(kDocUri));
  struct Probe {
    int line, character;
  };
  for (const Probe probe : {Probe{3, 4}, Probe{2, 0}, Probe{5, 8}, Probe{5, 10}, Probe{6, 14},
                            Probe{40, 0}, Probe{3, 90}}) {
    const Json response = client.hover(kDocUri, probe.line, probe.character);
    ASSERT_TRUE(response.contains("result")) << response.dump();
    EXPECT_TRUE(response["result"].is_null())
        << probe.line << ":" << probe.character << " " << response.dump();
  }
  // A document that is not open.
  const Json other = client.hover(doc_uri("other.py"), 0, 0);
  ASSERT_TRUE(other.contains("result")) << other.dump();
  EXPECT_TRUE(other["result"].is_null());
}

TEST(LspDiagnostics, RequirementsFileIsAnalysedAsText) {
  LspClient client;
  client.initialize(push_capabilities());
  const std::string uri = doc_uri("requirements.txt");
  client.did_open(uri, "requests\n", 1, "pip-requirements");
  auto published = client.wait_for_diagnostics(uri, 1);
  ASSERT_TRUE(published) << client.describe();
  EXPECT_EQ((*published)["diagnostics"], Json::array());
  client.did_change(uri, 2, Json::array({edit(1, 0, 1, 0, "eventlet==0.35.2  # green\n")}));
  published = client.wait_for_diagnostics(uri, 2);
  ASSERT_TRUE(published) << client.describe();
  ASSERT_EQ(summarize((*published)["diagnostics"]), (Lines{"EL901 1:0-1:16"}));
  const Json& dependency = (*published)["diagnostics"][0];
  EXPECT_EQ(dependency["data"]["scenario"], "planning");
  EXPECT_EQ(dependency["message"],
            "`eventlet==0.35.2` declares Eventlet as a dependency of this project");
  EXPECT_EQ(client.hover(uri, 1, 3)["result"]["range"], range(1, 0, 1, 16));
  EXPECT_TRUE(client.hover(uri, 0, 3)["result"].is_null());
}

}  // namespace
}  // namespace eventlet_lsp::testing
