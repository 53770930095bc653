// The migration inventory (an extension of the protocol): eventletLsp/inventory, and
// eventletLsp/inventoryChanged for clients that declare experimental.eventletLsp.inventory.
#include <filesystem>

#include "lsp_test_support.h"

namespace eventlet_lsp::testing {
namespace {

Json inventory_capabilities(bool notifications) {
  Json capabilities = push_capabilities();
  if (notifications) capabilities["experimental"] = {{"eventletLsp", {{"inventory", true}}}};
  return capabilities;
}


// Waits for the inventoryChanged notification whose totals are `expected`.
bool wait_for_totals(LspClient& client, const Json& expected) {
  return client
      .wait_for_notification("eventletLsp/inventoryChanged",
                             [&](const Json& params) { return params == expected; })
      .has_value();
}

Json totals(int usages, int files, bool indexing = false) {
  return Json{{"usages", usages}, {"filesAffected", files}, {"indexing", indexing}};
}

TEST(LspInventory, ReportOfTheIndexedWorkspace) {
  TempDir dir;
  write_project(dir);
  LspClient client;
  ASSERT_TRUE(client.initialize(inventory_capabilities(true), {{"workspaceFolders", folders(dir)}})
                  .contains("result"));
  ASSERT_TRUE(wait_for_totals(client, totals(5, 3))) << client.describe();

  const Json response = client.request("eventletLsp/inventory", Json::object());
  ASSERT_TRUE(response.contains("result")) << response.dump();
  const Json expected{
      {"indexing", false},
      {"filesScanned", 4},
      {"filesAffected", 3},
      {"usages", 5},
      {"scenarios",
       {{{"scenario", "inventory"}, {"title", "Inventory"}, {"usages", 2}, {"files", 2}},
        {{"scenario", "background-tasks"}, {"title", "Background execution of long tasks"}, {"usages", 1}, {"files", 1}},
        {{"scenario", "green-threads"}, {"title", "Green thread management"}, {"usages", 1}, {"files", 1}},
        {{"scenario", "planning"}, {"title", "Migration planning"}, {"usages", 1}, {"files", 1}}}},
      {"rules",
       {{{"code", "EL001"}, {"name", "eventlet-import"}, {"scenario", "inventory"}, {"usages", 2}, {"files", 2}},
        {{"code", "EL302"}, {"name", "tpool-execute"}, {"scenario", "background-tasks"}, {"usages", 1}, {"files", 1}},
        {{"code", "EL504"}, {"name", "eventlet-sleep"}, {"scenario", "green-threads"}, {"usages", 1}, {"files", 1}},
        {{"code", "EL901"}, {"name", "eventlet-dependency"}, {"scenario", "planning"}, {"usages", 1}, {"files", 1}}}},
      {"files",
       {{{"uri", dir.uri("a.py")}, {"usages", 2}, {"rules", {{"EL001", 1}, {"EL504", 1}}}},
        {{"uri", dir.uri("pkg/b.py")}, {"usages", 2}, {"rules", {{"EL001", 1}, {"EL302", 1}}}},
        {{"uri", dir.uri("requirements.txt")}, {"usages", 1}, {"rules", {{"EL901", 1}}}}}},
      {"suppressed", {{"usages", 0}, {"rules", Json::object()}}}};
  EXPECT_EQ(response["result"], expected) << response["result"].dump(2);
  EXPECT_EQ(client.shutdown_and_exit(), 0) << client.describe();
}

TEST(LspInventory, WhatNoqaHidesIsCountedApart) {
  TempDir dir;
  write_project(dir);
  // A bare `# noqa` is flake8's (E402): it hides nothing; coded ones hide what they name.
  dir.write("cmd.py", "import eventlet  # noqa: EL001\neventlet.monkey_patch()  # noqa\neventlet.sleep(1)  # noqa: EL5\n");
  LspClient client;
  client.initialize(inventory_capabilities(true), {{"workspaceFolders", folders(dir)}});
  ASSERT_TRUE(wait_for_totals(client, totals(6, 4))) << client.describe();
  Json report = client.request("eventletLsp/inventory", Json::object())["result"];
  EXPECT_EQ(report["suppressed"], (Json{{"usages", 2}, {"rules", {{"EL001", 1}, {"EL504", 1}}}})) << report.dump();

  // The open document's own marks replace the file's, and follow the project's bare-noqa setting.
  client.did_open(dir.uri("cmd.py"), "import eventlet  # noqa\neventlet.monkey_patch()  # noqa\n");
  ASSERT_TRUE(wait_for_totals(client, totals(7, 4))) << client.describe();
  report = client.request("eventletLsp/inventory", Json::object())["result"];
  EXPECT_EQ(report["suppressed"], (Json{{"usages", 0}, {"rules", Json::object()}})) << report.dump();
  EXPECT_EQ(client.shutdown_and_exit(), 0) << client.describe();
}

TEST(LspInventory, BareNoqaSuppressSettingHidesAndCounts) {
  TempDir dir;
  dir.write("cmd.py", "import eventlet  # noqa\neventlet.monkey_patch()  # noqa: E402\n");
  LspClient client;
  client.initialize(inventory_capabilities(true), {{"workspaceFolders", folders(dir)},
                                                   {"initializationOptions", {{"bareNoqa", "suppress"}}}});
  ASSERT_TRUE(wait_for_totals(client, totals(1, 1))) << client.describe();
  const Json report = client.request("eventletLsp/inventory", Json::object())["result"];
  EXPECT_EQ(report["suppressed"], (Json{{"usages", 1}, {"rules", {{"EL001", 1}}}})) << report.dump();
  client.did_open(dir.uri("cmd.py"), "import eventlet  # noqa\neventlet.monkey_patch()  # noqa: E402\n");
  const auto published = client.wait_for_diagnostics(dir.uri("cmd.py"));
  ASSERT_TRUE(published) << client.describe();
  ASSERT_EQ((*published)["diagnostics"].size(), 1u) << published->dump();
  EXPECT_EQ((*published)["diagnostics"][0]["code"], "EL801");
  EXPECT_EQ(client.shutdown_and_exit(), 0) << client.describe();
}

TEST(LspInventory, OpenDocumentsReplaceTheirIndexedStateAsTheyChange) {
  TempDir dir;
  write_project(dir);
  LspClient client;
  client.initialize(inventory_capabilities(true), {{"workspaceFolders", folders(dir)}});
  ASSERT_TRUE(wait_for_totals(client, totals(5, 3))) << client.describe();

  // Typing in a.py: the sleep goes, then the import; the count follows without a save.
  client.did_open(dir.uri("a.py"), kSleepSource);
  client.did_change(dir.uri("a.py"), 2, Json::array({edit(1, 0, 2, 0, "")}));
  ASSERT_TRUE(wait_for_totals(client, totals(4, 3))) << client.describe();
  client.did_change(dir.uri("a.py"), 3, Json::array({edit(0, 0, 1, 0, "")}));
  ASSERT_TRUE(wait_for_totals(client, totals(3, 2))) << client.describe();
  Json report = client.request("eventletLsp/inventory", Json::object())["result"];
  EXPECT_EQ(report["usages"], 3);
  EXPECT_EQ(report["filesScanned"], 4);
  EXPECT_EQ(report["files"].size(), 2u) << report.dump();

  // A new unsaved file outside the index counts as soon as it is open.
  client.did_open(dir.uri("new.py"), "import eventlet\neventlet.spawn(print)\n");
  ASSERT_TRUE(wait_for_totals(client, totals(5, 3))) << client.describe();
  report = client.request("eventletLsp/inventory", Json::object())["result"];
  EXPECT_EQ(report["filesScanned"], 5);

  // Closing a.py gives it back to the index, which still has the file on disk.
  client.did_close(dir.uri("a.py"));
  ASSERT_TRUE(wait_for_totals(client, totals(7, 4))) << client.describe();
  EXPECT_EQ(client.shutdown_and_exit(), 0) << client.describe();
}

TEST(LspInventory, SettingsThatIgnoreRulesLowerTheCount) {
  TempDir dir;
  write_project(dir);
  LspClient client;
  client.initialize(inventory_capabilities(true), {{"workspaceFolders", folders(dir)},
                                                   {"initializationOptions", {{"ignore", {"EL0", "EL9"}}}}});
  ASSERT_TRUE(wait_for_totals(client, totals(2, 2))) << client.describe();
  const Json report = client.request("eventletLsp/inventory", Json::object())["result"];
  EXPECT_EQ(report["rules"].size(), 2u) << report.dump();
}

TEST(LspInventory, NoNotificationsWithoutTheExperimentalCapability) {
  TempDir dir;
  write_project(dir);
  LspClient client;
  client.initialize(inventory_capabilities(false), {{"workspaceFolders", folders(dir)}});
  // The request works for any client; poll it until the index is done.
  Json report;
  client.wait_until([&] {
    report = client.request("eventletLsp/inventory", Json::object())["result"];
    return report["indexing"] == false && report["usages"] == 5;
  });
  EXPECT_EQ(report["filesAffected"], 3) << report.dump();
  client.did_open(dir.uri("a.py"), "x = 1\n");
  client.wait_for_diagnostics(dir.uri("a.py"));
  for (const Json& message : client.transcript()) {
    EXPECT_NE(message.value("method", ""), "eventletLsp/inventoryChanged") << message.dump();
  }
  EXPECT_EQ(client.shutdown_and_exit(), 0) << client.describe();
}

}  // namespace
}  // namespace eventlet_lsp::testing
