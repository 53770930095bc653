// `# noqa` directives: parse_noqa on comment text, NoqaDirective::suppresses, and their effect
// on analyze_python.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "analyzers/catalog/rule.h"
#include "analyzers/catalog/rule_registry.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/noqa.h"
#include "analyzers/python/python_analyzer.h"

namespace eventlet_lsp::analyzers {
namespace {

using Codes = std::vector<std::string>;

TEST(ParseNoqaTest, BareDirectiveSuppressesEverything) {
  for (const char* comment : {"# noqa", "#noqa", "# NOQA", "#  noqa", "# NoQa"}) {
    const auto directive = parse_noqa(comment);
    ASSERT_TRUE(directive.has_value()) << comment;
    EXPECT_TRUE(directive->all) << comment;
    EXPECT_EQ(directive->codes, Codes{}) << comment;
  }
}

TEST(ParseNoqaTest, BareDirectiveFollowedByProse) {
  const auto directive = parse_noqa("# noqa because the pool is drained elsewhere");
  ASSERT_TRUE(directive.has_value());
  EXPECT_TRUE(directive->all);
  EXPECT_EQ(directive->codes, Codes{});
}

TEST(ParseNoqaTest, DirectiveAfterAnotherComment) {
  const auto directive = parse_noqa("# type: ignore # noqa: EL301");
  ASSERT_TRUE(directive.has_value());
  EXPECT_FALSE(directive->all);
  EXPECT_EQ(directive->codes, Codes{"EL301"});
}

TEST(ParseNoqaTest, SingleCode) {
  const auto directive = parse_noqa("# noqa: EL301");
  ASSERT_TRUE(directive.has_value());
  EXPECT_FALSE(directive->all);
  EXPECT_EQ(directive->codes, Codes{"EL301"});
}

TEST(ParseNoqaTest, CommaSeparatedCodesWithoutSpaces) {
  const auto directive = parse_noqa("# noqa:EL301,EL302");
  ASSERT_TRUE(directive.has_value());
  EXPECT_FALSE(directive->all);
  EXPECT_EQ(directive->codes, (Codes{"EL301", "EL302"}));
}

TEST(ParseNoqaTest, SpaceSeparatedCodes) {
  const auto directive = parse_noqa("# noqa: EL301 EL302");
  ASSERT_TRUE(directive.has_value());
  EXPECT_FALSE(directive->all);
  EXPECT_EQ(directive->codes, (Codes{"EL301", "EL302"}));
}

TEST(ParseNoqaTest, CommaAndSpaceSeparatedCodesKeepTheirSpelling) {
  const auto directive = parse_noqa("# NOQA : el301,  EL504 ,E501");
  ASSERT_TRUE(directive.has_value());
  EXPECT_FALSE(directive->all);
  EXPECT_EQ(directive->codes, (Codes{"el301", "EL504", "E501"}));
}

TEST(ParseNoqaTest, RuleName) {
  const auto directive = parse_noqa("# noqa: spawn-fire-and-forget");
  ASSERT_TRUE(directive.has_value());
  EXPECT_FALSE(directive->all);
  EXPECT_EQ(directive->codes, Codes{"spawn-fire-and-forget"});
}

TEST(ParseNoqaTest, OtherToolsCode) {
  const auto directive = parse_noqa("# noqa: E501");
  ASSERT_TRUE(directive.has_value());
  EXPECT_FALSE(directive->all);
  EXPECT_EQ(directive->codes, Codes{"E501"});
}

TEST(ParseNoqaTest, ColonWithNothingAfterIsBare) {
  for (const char* comment : {"# noqa:", "# noqa:   ", "# noqa: ,"}) {
    const auto directive = parse_noqa(comment);
    ASSERT_TRUE(directive.has_value()) << comment;
    EXPECT_TRUE(directive->all) << comment;
    EXPECT_EQ(directive->codes, Codes{}) << comment;
  }
}

TEST(ParseNoqaTest, ProseMentioningNoqaIsNoDirective) {
  EXPECT_FALSE(parse_noqa("# this is not noqa-ish").has_value());
  EXPECT_FALSE(parse_noqa("# this is not noqa").has_value());
  EXPECT_FALSE(parse_noqa("# noqa-ish").has_value());
  EXPECT_FALSE(parse_noqa("# noqaxyz: EL301").has_value());
  EXPECT_FALSE(parse_noqa("# noq").has_value());
  EXPECT_FALSE(parse_noqa("# plain comment").has_value());
  EXPECT_FALSE(parse_noqa("").has_value());
}

TEST(NoqaSuppressesTest, BareSuppressesEveryRule) {
  const auto directive = parse_noqa("# noqa");
  ASSERT_TRUE(directive.has_value());
  for (const RuleDefinition* definition : all_rules())
    EXPECT_TRUE(directive->suppresses(*definition)) << definition->code;
}

TEST(NoqaSuppressesTest, ByCodeIgnoringCase) {
  const RuleDefinition& el301 = rule("EL301");
  const RuleDefinition& el302 = rule("EL302");
  const RuleDefinition& el004 = rule("EL004");
  const auto upper = parse_noqa("# noqa: EL301");
  ASSERT_TRUE(upper.has_value());
  EXPECT_TRUE(upper->suppresses(el301));
  EXPECT_FALSE(upper->suppresses(el302));
  EXPECT_FALSE(upper->suppresses(el004));

  const auto lower = parse_noqa("# noqa: el301");
  ASSERT_TRUE(lower.has_value());
  EXPECT_TRUE(lower->suppresses(el301));

  const auto mixed = parse_noqa("# noqa:El302,eL004");
  ASSERT_TRUE(mixed.has_value());
  EXPECT_FALSE(mixed->suppresses(el301));
  EXPECT_TRUE(mixed->suppresses(el302));
  EXPECT_TRUE(mixed->suppresses(el004));
}

TEST(NoqaSuppressesTest, ByRuleName) {
  const auto directive = parse_noqa("# noqa: spawn-fire-and-forget");
  ASSERT_TRUE(directive.has_value());
  EXPECT_TRUE(directive->suppresses(rule("EL301")));
  EXPECT_FALSE(directive->suppresses(rule("EL501")));
}

TEST(NoqaSuppressesTest, PrefixesAndOtherToolsCodesDoNotSuppress) {
  const auto prefix = parse_noqa("# noqa: EL3");
  ASSERT_TRUE(prefix.has_value());
  EXPECT_FALSE(prefix->suppresses(rule("EL301")));

  const auto other = parse_noqa("# noqa: E501");
  ASSERT_TRUE(other.has_value());
  EXPECT_FALSE(other->suppresses(rule("EL301")));
  for (const RuleDefinition* definition : all_rules())
    EXPECT_FALSE(other->suppresses(*definition)) << definition->code;
}

TEST(NoqaSuppressesTest, DirectiveBuiltByHand) {
  NoqaDirective directive;
  EXPECT_FALSE(directive.suppresses(rule("EL001")));
  directive.codes = {"eventlet-import"};
  EXPECT_TRUE(directive.suppresses(rule("EL001")));
  EXPECT_FALSE(directive.suppresses(rule("EL002")));
  directive.all = true;
  EXPECT_TRUE(directive.suppresses(rule("EL002")));
}

// --- through analyze_python ---------------------------------------------------------------

using Reported = std::vector<std::pair<std::uint32_t, std::string>>;  // (1-based line, code)

Reported analyze(const std::string& source) {
  PythonParser parser;
  const SyntaxTree tree = parser.parse(source);
  Reported reported;
  for (const Finding& finding : analyze_python(tree))
    reported.emplace_back(finding.range.start.row + 1, std::string(finding.rule->code));
  return reported;
}

TEST(NoqaAnalysisTest, OtherToolsCodeDoesNotSuppress) {
  const Reported reported = analyze(
      "import eventlet\n"
      "eventlet.spawn(f)  # noqa: E501\n");
  EXPECT_EQ(reported, (Reported{{1, "EL001"}, {2, "EL301"}}));
}

TEST(NoqaAnalysisTest, CodeSuppressesOnlyThatCode) {
  const Reported reported = analyze(
      "import eventlet\n"
      "\n"
      "async def handler(f):\n"
      "    eventlet.spawn(f)  # noqa: EL301\n"
      "    eventlet.spawn(f)  # noqa: EL004\n"
      "    eventlet.spawn(f)\n");
  EXPECT_EQ(reported, (Reported{{1, "EL001"},
                                {4, "EL004"},
                                {5, "EL301"},
                                {6, "EL004"},
                                {6, "EL301"}}));
}

TEST(NoqaAnalysisTest, BareNameAndListForms) {
  const Reported reported = analyze(
      "import eventlet  # noqa\n"
      "\n"
      "async def handler(f):\n"
      "    eventlet.spawn(f)  # noqa\n"
      "    eventlet.spawn(f)  # noqa: spawn-fire-and-forget\n"
      "    eventlet.spawn(f)  #noqa:EL301,EL004\n"
      "    eventlet.spawn(f)  # NOQA: EL301 EL004\n"
      "    eventlet.spawn(f)  # noqa:\n"
      "    eventlet.spawn(f)  # this is not noqa-ish\n");
  EXPECT_EQ(reported, (Reported{{5, "EL004"}, {9, "EL004"}, {9, "EL301"}}));
}

TEST(NoqaAnalysisTest, NoqaOnAnotherLineOrInAStringDoesNotApply) {
  const Reported reported = analyze(
      "import eventlet\n"
      "# noqa\n"
      "eventlet.spawn(f)\n"
      "eventlet.spawn(\"# noqa\")\n");
  EXPECT_EQ(reported, (Reported{{1, "EL001"}, {3, "EL301"}, {4, "EL301"}}));
}

TEST(NoqaAnalysisTest, DirectiveSpellingIsCaseInsensitive) {
  const Reported reported = analyze(
      "import eventlet\n"
      "eventlet.spawn(f)  # Noqa\n"
      "eventlet.spawn(f)  # nOqA: EL301\n");
  EXPECT_EQ(reported, (Reported{{1, "EL001"}}));
}

}  // namespace
}  // namespace eventlet_lsp::analyzers
