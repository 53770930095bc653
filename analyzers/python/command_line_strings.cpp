// Gunicorn and Celery command lines written in Python (EL102, EL903), as subprocess calls, test
// fixtures and process managers hold them: a whole command in one string, or an argument list.
//   subprocess.run("gunicorn -k eventlet app:app", shell=True)
//   subprocess.Popen(["gunicorn", "-k", "eventlet", "app:app"])
//   os.execlp("gunicorn", "gunicorn", "-k", "eventlet", "app:app")
//   CELERY_WORKER = "celery -A proj worker -P eventlet"
// The option counts only where the same string, or a string of the same list (or call), names the
// program: `-k eventlet` alone may be another program's option. A docstring is prose, never a
// command.
#include "analyzers/parse/python_grammar.h"
#include "analyzers/python/deployment_findings.h"
#include "analyzers/python/search_area.h"
#include "analyzers/python/literals.h"
#include "analyzers/text_files/command_options.h"

namespace eventlet_lsp::analyzers {

namespace {

bool is_separator(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '=' || c == '"' || c == '\'' || c == ',';
}

// The program whose option the text before `at` ends with, separators aside; nullptr when none.
// A cheap look at the bytes before any syntax path is built for an "eventlet".
const EventletProgram* option_before(std::string_view source, std::uint32_t at) {
  std::size_t end = at;
  while (end > 0 && is_separator(source[end - 1])) --end;
  const std::string_view before = source.substr(0, end);
  for (const EventletProgram& program : kEventletPrograms) {
    if (before.ends_with(program.short_option) || before.ends_with(program.long_option)) return &program;
  }
  return nullptr;
}

// A string's content: after its prefix and opening quote, before its closing quote.
std::pair<std::uint32_t, std::uint32_t> content_of(TSNode string) {
  const std::uint32_t count = ts_node_child_count(string);
  return {ts_node_end_byte(ts_node_child(string, 0)), ts_node_start_byte(ts_node_child(string, count - 1))};
}

bool a_string_mentions(const SyntaxTree& tree, TSNode list, const EventletProgram& program, const PythonGrammar& g) {
  for (std::uint32_t i = 0; i < ts_node_named_child_count(list); ++i) {
    const TSNode element = ts_node_named_child(list, i);
    const NodeKind kind = g.kind(element);
    if ((kind == NodeKind::String || kind == NodeKind::ConcatenatedString) &&
        mentions_program(tree.text(element), program))
      return true;
  }
  return false;
}

TSNode previous_element(TSNode node, const PythonGrammar& g) {
  for (TSNode before = ts_node_prev_named_sibling(node); !ts_node_is_null(before);
       before = ts_node_prev_named_sibling(before)) {
    if (g.kind(before) != NodeKind::Comment) return before;
  }
  return TSNode{};
}

}  // namespace

void report_command_line_strings(const SyntaxTree& tree, const SearchArea& area, const SyntaxPathFinder& paths,
                                 std::vector<Finding>& findings) {
  const PythonGrammar& g = PythonGrammar::instance();
  const std::string_view source = tree.source();
  for (const std::uint32_t at : area.find_all(source, "eventlet")) {
    // Worth a syntax path: "eventlet" right after an option (`-k eventlet`, `"-k", "eventlet"`),
    // or starting a string (an argument whose option may stand before a comment).
    const EventletProgram* lexical = option_before(source, at);
    if (lexical == nullptr && !(at > 0 && (source[at - 1] == '"' || source[at - 1] == '\''))) continue;
    const SyntaxPath path = paths.at(at);
    const std::size_t n = path.size() - 1;
    if (n < 1 || path[n].kind != NodeKind::StringContent || path[n - 1].kind != NodeKind::String) continue;
    const std::size_t s = n - 1;
    if (is_string_statement(path, s)) continue;
    const TSNode string = path[s].node;
    const std::size_t e = s > 0 && path[s - 1].kind == NodeKind::ConcatenatedString ? s - 1 : s;
    const TSNode expression = path[e].node;
    // `around` starts before `start`: positions are counted from it.
    auto add = [&](const EventletProgram& program, TSNode around, std::uint32_t start, std::uint32_t end,
                   std::string_view written) {
      findings.push_back(deployment_finding(program.code, tree, around, start, end, written, "eventlet"));
    };

    // The whole command in one string (implicitly concatenated or not).
    const std::string_view command = tree.text(expression);
    if (lexical != nullptr && mentions_program(command, *lexical)) {
      const std::uint32_t base = ts_node_start_byte(expression);
      for (const OptionSpan option : find_eventlet_options(command, *lexical)) {
        if (base + option.end == at + 8)
          add(*lexical, expression, base + static_cast<std::uint32_t>(option.start),
              base + static_cast<std::uint32_t>(option.end), command.substr(option.start, option.end - option.start));
      }
      continue;
    }

    // One argument of a list or tuple of arguments, or of an exec-style call
    // (`os.execlp("gunicorn", "gunicorn", "-k", "eventlet", ...)`), another of which names the program.
    if (e == 0 || e != s) continue;
    const NodeKind container = path[e - 1].kind;
    if (container != NodeKind::List && container != NodeKind::Tuple && container != NodeKind::ArgumentList) continue;
    const auto value = plain_string_value(tree, string);
    if (!value) continue;
    const auto [content_start, content_end] = content_of(string);
    if (*value != "eventlet") {
      // "--worker-class=eventlet", "-keventlet": the option and its value in one argument.
      if (lexical == nullptr || !a_string_mentions(tree, path[e - 1].node, *lexical, g)) continue;
      for (const OptionSpan option : find_eventlet_options(*value, *lexical)) {
        if (content_start + option.end == at + 8)
          add(*lexical, string, content_start + static_cast<std::uint32_t>(option.start),
              content_start + static_cast<std::uint32_t>(option.end), value->substr(option.start, option.end - option.start));
      }
      continue;
    }
    // "-k", "eventlet" (comments between them aside): from the option's first character to the
    // value's last.
    const TSNode option = previous_element(string, g);
    if (ts_node_is_null(option) || g.kind(option) != NodeKind::String) continue;
    const auto option_value = plain_string_value(tree, option);
    if (!option_value) continue;
    for (const EventletProgram& program : kEventletPrograms) {
      if ((*option_value == program.short_option || *option_value == program.long_option) &&
          a_string_mentions(tree, path[e - 1].node, program, g))
        add(program, option, content_of(option).first, content_end, std::string(*option_value) + " eventlet");
    }
  }
}

}  // namespace eventlet_lsp::analyzers
