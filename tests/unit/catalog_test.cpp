// The catalog: the API table's invariants (sorted, unique, consistent references), the rule
// registry's invariants, and lookup_api over exact names, aliases, open namespaces and members.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include "analyzers/catalog/api_table.h"
#include "analyzers/catalog/rule.h"
#include "analyzers/catalog/rule_registry.h"

namespace eventlet_lsp::analyzers {
namespace {

// --- API table ----------------------------------------------------------------------------

TEST(ApiTableTest, EntriesAreSortedAndUnique) {
  const auto entries = api_entries();
  ASSERT_GT(entries.size(), 100u);
  for (std::size_t i = 1; i < entries.size(); ++i) {
    EXPECT_LT(entries[i - 1].qualified_name, entries[i].qualified_name)
        << "row " << i << ": \"" << entries[i - 1].qualified_name << "\" then \""
        << entries[i].qualified_name << "\"";
  }
}

TEST(ApiTableTest, EveryEntryIsUnderEventletAndFindsItself) {
  for (const ApiEntry& entry : api_entries()) {
    EXPECT_TRUE(entry.qualified_name == "eventlet" || entry.qualified_name.starts_with("eventlet."))
        << entry.qualified_name;
    EXPECT_EQ(find_api_exact(entry.qualified_name), &entry) << entry.qualified_name;
    EXPECT_FALSE(entry.summary.empty()) << entry.qualified_name;
  }
}

TEST(ApiTableTest, AliasesAreSortedUniqueAndPointAtRows) {
  const auto aliases = api_aliases();
  ASSERT_GT(aliases.size(), 10u);
  for (std::size_t i = 1; i < aliases.size(); ++i)
    EXPECT_LT(aliases[i - 1].alias, aliases[i].alias) << aliases[i].alias;
  for (const ApiAlias& alias : aliases) {
    const std::string canonical = canonical_api_name(alias.alias);
    EXPECT_EQ(canonical, alias.target) << alias.alias;
    EXPECT_NE(find_api_exact(canonical), nullptr) << alias.alias << " -> " << alias.target;
    // An alias is a re-export, never a catalogued row of its own.
    EXPECT_EQ(find_api_exact(alias.alias), nullptr) << alias.alias;
  }
}

TEST(ApiTableTest, EveryRuleCodeNamesARule) {
  for (const ApiEntry& entry : api_entries()) {
    const RuleDefinition* definition = find_rule(entry.rule_code);
    ASSERT_NE(definition, nullptr) << entry.qualified_name << ": " << entry.rule_code;
    EXPECT_EQ(definition->code, entry.rule_code) << entry.qualified_name;
  }
}

TEST(ApiTableTest, EveryReturnsNamesAClassRow) {
  int with_returns = 0;
  for (const ApiEntry& entry : api_entries()) {
    if (entry.returns.empty()) continue;
    ++with_returns;
    const ApiEntry* returned = find_api_exact(entry.returns);
    ASSERT_NE(returned, nullptr) << entry.qualified_name << " returns " << entry.returns;
    // Timeout is both a class and an exception: an Exception row is a class too.
    EXPECT_TRUE(returned->kind == ApiKind::Class || returned->kind == ApiKind::Exception)
        << entry.qualified_name << " returns " << entry.returns;
  }
  EXPECT_GT(with_returns, 0);
}

TEST(ApiTableTest, KnownRows) {
  const ApiEntry* spawn = find_api_exact("eventlet.greenthread.spawn");
  ASSERT_NE(spawn, nullptr);
  EXPECT_EQ(spawn->kind, ApiKind::Function);
  EXPECT_EQ(spawn->context, ApiContext::Spawn);
  EXPECT_EQ(spawn->returns, "eventlet.greenthread.GreenThread");

  const ApiEntry* pool = find_api_exact("eventlet.greenpool.GreenPool");
  ASSERT_NE(pool, nullptr);
  EXPECT_EQ(pool->kind, ApiKind::Class);
  EXPECT_EQ(pool->rule_code, "EL503");

  const ApiEntry* green_socket = find_api_exact("eventlet.green.socket");
  ASSERT_NE(green_socket, nullptr);
  EXPECT_EQ(green_socket->kind, ApiKind::Module);
  EXPECT_TRUE(green_socket->open_namespace);

  EXPECT_EQ(find_api_exact("eventlet.spawn"), nullptr);  // an alias, not a row
  EXPECT_EQ(find_api_exact(""), nullptr);
  EXPECT_EQ(find_api_exact("eventlet.greenthread.spawnx"), nullptr);
  EXPECT_EQ(find_api_exact("zzz"), nullptr);
}

TEST(ApiTableTest, CanonicalNamesFollowAliasPrefixes) {
  EXPECT_EQ(canonical_api_name("eventlet.spawn"), "eventlet.greenthread.spawn");
  EXPECT_EQ(canonical_api_name("eventlet.Timeout.cancel"), "eventlet.timeout.Timeout.cancel");
  EXPECT_EQ(canonical_api_name("eventlet.GreenPool.imap"), "eventlet.greenpool.GreenPool.imap");
  // Only whole dotted components are aliases.
  EXPECT_EQ(canonical_api_name("eventlet.spawned"), "eventlet.spawned");
  EXPECT_EQ(canonical_api_name("eventlet.spawn_n"), "eventlet.greenthread.spawn_n");
  EXPECT_EQ(canonical_api_name("eventlet.greenthread.call_after"),
            "eventlet.greenthread.call_after_local");
  EXPECT_EQ(canonical_api_name("os.path"), "os.path");
}

// --- rules --------------------------------------------------------------------------------

TEST(RuleRegistryTest, CodesAndNamesAreUniqueAndInOrder) {
  const auto rules = all_rules();
  ASSERT_EQ(rules.size(), 42u);
  std::set<std::string_view> codes;
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    ASSERT_NE(rules[i], nullptr);
    EXPECT_TRUE(codes.insert(rules[i]->code).second) << "duplicate code " << rules[i]->code;
    EXPECT_TRUE(names.insert(rules[i]->name).second) << "duplicate name " << rules[i]->name;
    if (i > 0) EXPECT_LT(rules[i - 1]->code, rules[i]->code);
  }
  // No rule's name is another rule's code, so find_rule is never ambiguous.
  for (std::string_view name : names) EXPECT_EQ(codes.count(name), 0u) << name;
}

TEST(RuleRegistryTest, CodeShapeMatchesScenario) {
  for (const RuleDefinition* definition : all_rules()) {
    const std::string_view code = definition->code;
    ASSERT_EQ(code.size(), 5u) << code;
    EXPECT_EQ(code.substr(0, 2), "EL") << code;
    EXPECT_TRUE(std::all_of(code.begin() + 2, code.end(), [](char c) { return c >= '0' && c <= '9'; }))
        << code;
    EXPECT_EQ(code[2] - '0', static_cast<int>(definition->scenario)) << code;
  }
}

TEST(RuleRegistryTest, MessagesNameTheApi) {
  for (const RuleDefinition* definition : all_rules()) {
    EXPECT_NE(definition->message.find("{api}"), std::string_view::npos) << definition->code;
    EXPECT_EQ(definition->message.find('\n'), std::string_view::npos) << definition->code;
  }
}

TEST(RuleRegistryTest, GuidePathsPointAtGuideSections) {
  for (const RuleDefinition* definition : all_rules()) {
    const std::string_view path = definition->guide_path;
    EXPECT_TRUE(path.starts_with("/guide/")) << definition->code << ": " << path;
    EXPECT_NE(path.find('#'), std::string_view::npos) << definition->code << ": " << path;
    EXPECT_EQ(path.find("#migrating-applications-with-internal-private-apis"), std::string_view::npos)
        << definition->code << ": " << path;
    EXPECT_EQ(path.find("common-problems"), std::string_view::npos) << definition->code << ": " << path;
  }
}

TEST(RuleRegistryTest, DocumentationIsComplete) {
  for (const RuleDefinition* definition : all_rules()) {
    EXPECT_FALSE(definition->name.empty()) << definition->code;
    EXPECT_FALSE(definition->docs.what_it_does.empty()) << definition->code;
    EXPECT_FALSE(definition->docs.why_is_this_bad.empty()) << definition->code;
    EXPECT_FALSE(definition->docs.example.empty()) << definition->code;
    EXPECT_FALSE(definition->docs.fix_safety.empty()) << definition->code;
  }
}

TEST(RuleRegistryTest, FindRuleByCodeAnyCaseAndByExactName) {
  const RuleDefinition* by_code = find_rule("EL301");
  ASSERT_NE(by_code, nullptr);
  EXPECT_EQ(by_code->name, "spawn-fire-and-forget");
  EXPECT_EQ(by_code->scenario, Scenario::BackgroundTasks);
  EXPECT_EQ(find_rule("el301"), by_code);
  EXPECT_EQ(find_rule("El301"), by_code);
  EXPECT_EQ(find_rule("spawn-fire-and-forget"), by_code);
  EXPECT_EQ(&rule("EL301"), by_code);
  EXPECT_EQ(find_rule("Spawn-Fire-And-Forget"), nullptr);
  EXPECT_EQ(find_rule("EL3"), nullptr);
  EXPECT_EQ(find_rule("EL999"), nullptr);
  EXPECT_EQ(find_rule(""), nullptr);
}

// --- lookup_api ---------------------------------------------------------------------------

TEST(LookupApiTest, ExactThroughAnAlias) {
  const ApiMatch match = lookup_api("eventlet.spawn");
  ASSERT_NE(match.entry, nullptr);
  EXPECT_EQ(match.canonical, "eventlet.greenthread.spawn");
  EXPECT_EQ(match.entry->qualified_name, "eventlet.greenthread.spawn");
  EXPECT_TRUE(match.exact);
  EXPECT_FALSE(match.unknown);
}

TEST(LookupApiTest, ExactCanonicalName) {
  const ApiMatch match = lookup_api("eventlet.greenthread.spawn");
  ASSERT_NE(match.entry, nullptr);
  EXPECT_EQ(match.canonical, "eventlet.greenthread.spawn");
  EXPECT_TRUE(match.exact);
  EXPECT_FALSE(match.unknown);

  const ApiMatch root = lookup_api("eventlet");
  ASSERT_NE(root.entry, nullptr);
  EXPECT_EQ(root.entry->qualified_name, "eventlet");
  EXPECT_EQ(root.entry->kind, ApiKind::Module);
  EXPECT_TRUE(root.exact);
}

TEST(LookupApiTest, OpenNamespaceCoversItsChildren) {
  const ApiMatch match = lookup_api("eventlet.green.socket.socket");
  ASSERT_NE(match.entry, nullptr);
  EXPECT_EQ(match.entry->qualified_name, "eventlet.green.socket");
  EXPECT_EQ(match.canonical, "eventlet.green.socket.socket");
  EXPECT_FALSE(match.exact);
  EXPECT_FALSE(match.unknown);

  const ApiMatch deep = lookup_api("eventlet.green.socket.socket.connect");
  ASSERT_NE(deep.entry, nullptr);
  EXPECT_EQ(deep.entry->qualified_name, "eventlet.green.socket");
  EXPECT_FALSE(deep.unknown);
}

TEST(LookupApiTest, ClassCoversItsMembers) {
  const ApiMatch match = lookup_api("eventlet.Timeout.whatever");
  ASSERT_NE(match.entry, nullptr);
  EXPECT_EQ(match.entry->qualified_name, "eventlet.timeout.Timeout");
  EXPECT_EQ(match.canonical, "eventlet.timeout.Timeout.whatever");
  EXPECT_FALSE(match.exact);
  EXPECT_FALSE(match.unknown);

  const ApiMatch method = lookup_api("eventlet.Timeout.cancel");
  ASSERT_NE(method.entry, nullptr);
  EXPECT_EQ(method.entry->qualified_name, "eventlet.timeout.Timeout.cancel");
  EXPECT_TRUE(method.exact);
}

TEST(LookupApiTest, UnknownNamesUnderEventlet) {
  const ApiMatch top = lookup_api("eventlet.no_such");
  EXPECT_TRUE(top.unknown);
  EXPECT_FALSE(top.exact);
  ASSERT_NE(top.entry, nullptr);  // the closed module that does not list it
  EXPECT_EQ(top.entry->qualified_name, "eventlet");
  EXPECT_EQ(top.canonical, "eventlet.no_such");

  const ApiMatch member = lookup_api("eventlet.greenthread.nope");
  EXPECT_TRUE(member.unknown);
  EXPECT_FALSE(member.exact);
  ASSERT_NE(member.entry, nullptr);
  EXPECT_EQ(member.entry->qualified_name, "eventlet.greenthread");
}

TEST(LookupApiTest, NamesOutsideEventlet) {
  for (const char* name : {"eventletx", "eventletx.spawn", "os.path", "", "greenlet", "eventlet_"}) {
    const ApiMatch match = lookup_api(name);
    EXPECT_EQ(match.entry, nullptr) << name;
    EXPECT_FALSE(match.unknown) << name;
    EXPECT_FALSE(match.exact) << name;
    EXPECT_EQ(match.canonical, "") << name;
  }
}

}  // namespace
}  // namespace eventlet_lsp::analyzers
