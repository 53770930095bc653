// `# noqa` directives: parse_noqa on comment text, NoqaDirective::match, and the marks
// analyze_python puts on findings (a bare `# noqa` marks, a coded one naming the rule hides).
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "analyzers/catalog/rule.h"
#include "analyzers/catalog/rule_registry.h"
#include "analyzers/config/settings.h"
#include "analyzers/fixes/noqa_comment.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/noqa.h"
#include "analyzers/python/python_analyzer.h"

namespace eventlet_lsp::analyzers {
namespace {

using Codes = std::vector<std::string>;

TEST(ParseNoqaTest, BareDirective) {
  for (const char* comment : {"# noqa", "#noqa", "# NOQA", "#  noqa", "# NoQa"}) {
    const auto directive = parse_noqa(comment);
    ASSERT_TRUE(directive.has_value()) << comment;
    EXPECT_TRUE(directive->bare) << comment;
    EXPECT_EQ(directive->codes, Codes{}) << comment;
  }
}

TEST(ParseNoqaTest, BareDirectiveFollowedByProse) {
  const auto directive = parse_noqa("# noqa because the pool is drained elsewhere");
  ASSERT_TRUE(directive.has_value());
  EXPECT_TRUE(directive->bare);
  EXPECT_EQ(directive->codes, Codes{});
}

TEST(ParseNoqaTest, DirectiveAfterAnotherComment) {
  const auto directive = parse_noqa("# type: ignore # noqa: EL301");
  ASSERT_TRUE(directive.has_value());
  EXPECT_FALSE(directive->bare);
  EXPECT_EQ(directive->codes, Codes{"EL301"});
}

TEST(ParseNoqaTest, SingleCode) {
  const auto directive = parse_noqa("# noqa: EL301");
  ASSERT_TRUE(directive.has_value());
  EXPECT_FALSE(directive->bare);
  EXPECT_EQ(directive->codes, Codes{"EL301"});
}

TEST(ParseNoqaTest, CommaSeparatedCodesWithoutSpaces) {
  const auto directive = parse_noqa("# noqa:EL301,EL302");
  ASSERT_TRUE(directive.has_value());
  EXPECT_FALSE(directive->bare);
  EXPECT_EQ(directive->codes, (Codes{"EL301", "EL302"}));
}

TEST(ParseNoqaTest, SpaceSeparatedCodes) {
  const auto directive = parse_noqa("# noqa: EL301 EL302");
  ASSERT_TRUE(directive.has_value());
  EXPECT_FALSE(directive->bare);
  EXPECT_EQ(directive->codes, (Codes{"EL301", "EL302"}));
}

TEST(ParseNoqaTest, CommaAndSpaceSeparatedCodesKeepTheirSpelling) {
  const auto directive = parse_noqa("# NOQA : el301,  EL504 ,E501");
  ASSERT_TRUE(directive.has_value());
  EXPECT_FALSE(directive->bare);
  EXPECT_EQ(directive->codes, (Codes{"el301", "EL504", "E501"}));
}

TEST(ParseNoqaTest, RuleName) {
  const auto directive = parse_noqa("# noqa: spawn-fire-and-forget");
  ASSERT_TRUE(directive.has_value());
  EXPECT_FALSE(directive->bare);
  EXPECT_EQ(directive->codes, Codes{"spawn-fire-and-forget"});
}

TEST(ParseNoqaTest, OtherToolsCode) {
  const auto directive = parse_noqa("# noqa: E501");
  ASSERT_TRUE(directive.has_value());
  EXPECT_FALSE(directive->bare);
  EXPECT_EQ(directive->codes, Codes{"E501"});
}

TEST(ParseNoqaTest, ColonWithNothingAfterIsBare) {
  for (const char* comment : {"# noqa:", "# noqa:   ", "# noqa: ,"}) {
    const auto directive = parse_noqa(comment);
    ASSERT_TRUE(directive.has_value()) << comment;
    EXPECT_TRUE(directive->bare) << comment;
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

TEST(ParseNoqaTest, EveryDirectiveOfTheCommentCounts) {
  // flake8 reads the first (bare: every flake8 code), this tool the coded one.
  const auto directive = parse_noqa("# noqa  # noqa: EL001");
  ASSERT_TRUE(directive.has_value());
  EXPECT_TRUE(directive->bare);
  EXPECT_EQ(directive->codes, Codes{"EL001"});
}

TEST(EventletCodeSelectorTest, CodesAndPrefixesOnly) {
  for (const char* code : {"EL", "el", "EL8", "EL80", "EL801", "eL801"})
    EXPECT_TRUE(is_eventlet_code_selector(code)) << code;
  for (const char* code : {"E", "E402", "ELX", "else", "EL8011", "E501", "W291", "spawn-fire-and-forget", ""})
    EXPECT_FALSE(is_eventlet_code_selector(code)) << code;
}

Suppression match(const char* comment, std::string_view code) {
  const auto directive = parse_noqa(comment);
  EXPECT_TRUE(directive.has_value()) << comment;
  return directive ? directive->match(rule(code)) : Suppression::None;
}

TEST(NoqaMatchTest, BareMarksEveryRuleAsBare) {
  for (const RuleDefinition* definition : all_rules())
    EXPECT_EQ(match("# noqa", definition->code), Suppression::BareNoqa) << definition->code;
}

TEST(NoqaMatchTest, ByCodeIgnoringCase) {
  EXPECT_EQ(match("# noqa: EL301", "EL301"), Suppression::CodedNoqa);
  EXPECT_EQ(match("# noqa: EL301", "EL302"), Suppression::None);
  EXPECT_EQ(match("# noqa: EL301", "EL004"), Suppression::None);
  EXPECT_EQ(match("# noqa: el301", "EL301"), Suppression::CodedNoqa);
  EXPECT_EQ(match("# noqa:El302,eL004", "EL301"), Suppression::None);
  EXPECT_EQ(match("# noqa:El302,eL004", "EL302"), Suppression::CodedNoqa);
  EXPECT_EQ(match("# noqa:El302,eL004", "EL004"), Suppression::CodedNoqa);
}

TEST(NoqaMatchTest, ByPrefixAsFlake8) {
  EXPECT_EQ(match("# noqa:EL8", "EL801"), Suppression::CodedNoqa);
  EXPECT_EQ(match("# noqa:EL8", "EL802"), Suppression::CodedNoqa);
  EXPECT_EQ(match("# noqa:EL8", "EL001"), Suppression::None);
  EXPECT_EQ(match("# noqa: EL3", "EL301"), Suppression::CodedNoqa);
  EXPECT_EQ(match("# noqa: E501, EL5", "EL504"), Suppression::CodedNoqa);
  EXPECT_EQ(match("# noqa: E501, EL5", "EL301"), Suppression::None);
  EXPECT_EQ(match("# noqa: el", "EL904"), Suppression::CodedNoqa);
  EXPECT_EQ(match("# NOQA :  e402 ,el80", "EL802"), Suppression::CodedNoqa);
}

TEST(NoqaMatchTest, ByRuleName) {
  EXPECT_EQ(match("# noqa: spawn-fire-and-forget", "EL301"), Suppression::CodedNoqa);
  EXPECT_EQ(match("# noqa: spawn-fire-and-forget", "EL501"), Suppression::None);
}

TEST(NoqaMatchTest, OtherToolsCodesMarkNothing) {
  for (const char* comment : {"# noqa: E501", "# noqa: E402", "# noqa: E", "# noqa: F401,E402",
                              "# noqa: E402 else"}) {
    for (const RuleDefinition* definition : all_rules())
      EXPECT_EQ(match(comment, definition->code), Suppression::None) << comment << " " << definition->code;
  }
}

TEST(NoqaMatchTest, CodedWinsOverBare) {
  EXPECT_EQ(match("# noqa  # noqa: EL001", "EL001"), Suppression::CodedNoqa);
  EXPECT_EQ(match("# noqa  # noqa: EL001", "EL801"), Suppression::BareNoqa);
}

TEST(NoqaMatchTest, DirectiveBuiltByHand) {
  NoqaDirective directive;
  EXPECT_EQ(directive.match(rule("EL001")), Suppression::None);
  directive.codes = {"eventlet-import"};
  EXPECT_EQ(directive.match(rule("EL001")), Suppression::CodedNoqa);
  EXPECT_EQ(directive.match(rule("EL002")), Suppression::None);
  directive.bare = true;
  EXPECT_EQ(directive.match(rule("EL002")), Suppression::BareNoqa);
}

// --- through analyze_python ---------------------------------------------------------------

using Reported = std::vector<std::pair<std::uint32_t, std::string>>;  // (1-based line, code)

// What default settings show: findings that no coded `# noqa` hides (a bare one hides nothing).
Reported analyze(const std::string& source, const Settings& settings = Settings{}) {
  PythonParser parser;
  const SyntaxTree tree = parser.parse(source);
  Reported reported;
  for (const Finding& finding : analyze_python(tree)) {
    if (settings.reports(finding))
      reported.emplace_back(finding.range.start.row + 1, std::string(finding.rule->code));
  }
  return reported;
}

// The findings a `# noqa` marks, with the mark: (line, code + "/bare" or "/coded").
Reported marked(const std::string& source) {
  PythonParser parser;
  const SyntaxTree tree = parser.parse(source);
  Reported reported;
  for (const Finding& finding : analyze_python(tree)) {
    if (finding.suppression == Suppression::None) continue;
    reported.emplace_back(finding.range.start.row + 1,
                          std::string(finding.rule->code) +
                              (finding.suppression == Suppression::BareNoqa ? "/bare" : "/coded"));
  }
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
  const std::string source =
      "import eventlet  # noqa\n"
      "\n"
      "async def handler(f):\n"
      "    eventlet.spawn(f)  # noqa\n"
      "    eventlet.spawn(f)  # noqa: spawn-fire-and-forget\n"
      "    eventlet.spawn(f)  #noqa:EL301,EL004\n"
      "    eventlet.spawn(f)  # NOQA: EL301 EL004\n"
      "    eventlet.spawn(f)  # noqa:\n"
      "    eventlet.spawn(f)  # this is not noqa-ish\n"
      "    eventlet.spawn(f)  # noqa: EL3\n";
  // By default a bare `# noqa` (also `# noqa:` with nothing after it) hides nothing.
  EXPECT_EQ(analyze(source), (Reported{{1, "EL001"},
                                       {4, "EL004"},
                                       {4, "EL301"},
                                       {5, "EL004"},
                                       {8, "EL004"},
                                       {8, "EL301"},
                                       {9, "EL004"},
                                       {9, "EL301"},
                                       {10, "EL004"}}));
  Settings suppress;
  suppress.bare_noqa = BareNoqa::Suppress;
  EXPECT_EQ(analyze(source, suppress), (Reported{{5, "EL004"}, {9, "EL004"}, {9, "EL301"}, {10, "EL004"}}));
  EXPECT_EQ(marked(source), (Reported{{1, "EL001/bare"},
                                      {4, "EL004/bare"},
                                      {4, "EL301/bare"},
                                      {5, "EL301/coded"},
                                      {6, "EL004/coded"},
                                      {6, "EL301/coded"},
                                      {7, "EL004/coded"},
                                      {7, "EL301/coded"},
                                      {8, "EL004/bare"},
                                      {8, "EL301/bare"},
                                      {10, "EL301/coded"}}));
}

TEST(NoqaAnalysisTest, ForeignNoqaBesideMonkeyPatchingHidesNothing) {
  // flake8's E402 beside the patching every service imports (OpenStack's cmd/__init__.py).
  const std::string source =
      "import eventlet  # noqa\n"
      "eventlet.monkey_patch(os=False)  # noqa\n"
      "import eventlet.wsgi  # noqa: E402\n"
      "eventlet.monkey_patch()  # noqa: E402, EL8\n";
  EXPECT_EQ(analyze(source), (Reported{{1, "EL001"}, {2, "EL801"}, {3, "EL001"}}));
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
  EXPECT_EQ(reported, (Reported{{1, "EL001"}, {2, "EL301"}}));
}

// --- "Disable ELnnn for this line" -----------------------------------------------------------

// The line after the noqa edit of its first finding of `code`.
std::string disabled(const std::string& source, std::string_view code) {
  PythonParser parser;
  const SyntaxTree tree = parser.parse(source);
  for (const Finding& finding : analyze_python(tree)) {
    if (finding.rule->code != code) continue;
    const TextEdit edit = noqa_comment_edit(tree, finding);
    std::string text = source;
    text.replace(edit.start, edit.end - edit.start, edit.replacement);
    return text;
  }
  ADD_FAILURE() << "no " << code << " in\n" << source;
  return source;
}

TEST(NoqaCommentEditTest, AddsACodedNoqaOrJoinsOne) {
  EXPECT_EQ(disabled("import eventlet\neventlet.spawn(f)\n", "EL301"),
            "import eventlet\neventlet.spawn(f)  # noqa: EL301\n");
  EXPECT_EQ(disabled("import eventlet  # noqa: E402\n", "EL001"), "import eventlet  # noqa: E402, EL001\n");
  EXPECT_EQ(disabled("import eventlet  #NOQA:E402,F401 keep first\n", "EL001"),
            "import eventlet  #NOQA:E402,F401, EL001 keep first\n");
  // A bare `# noqa` stays first, so flake8 still reads "every code".
  EXPECT_EQ(disabled("import eventlet  # noqa\n", "EL001"), "import eventlet  # noqa  # noqa: EL001\n");
  EXPECT_EQ(disabled("import eventlet  # type: ignore\n", "EL001"), "import eventlet  # type: ignore  # noqa: EL001\n");
  // A '#' in a string is no comment; CRLF line ends are kept.
  EXPECT_EQ(disabled("import eventlet\r\neventlet.spawn(\"# noqa: E1\")\r\n", "EL301"),
            "import eventlet\r\neventlet.spawn(\"# noqa: E1\")  # noqa: EL301\r\n");
  // On the last line without a newline.
  EXPECT_EQ(disabled("import eventlet", "EL001"), "import eventlet  # noqa: EL001");
  // The result is read back as hiding that finding.
  const std::string joined = disabled("import eventlet  # noqa\neventlet.monkey_patch()  # noqa: E402\n", "EL801");
  EXPECT_EQ(analyze(joined), (Reported{{1, "EL001"}}));
}

}  // namespace
}  // namespace eventlet_lsp::analyzers
