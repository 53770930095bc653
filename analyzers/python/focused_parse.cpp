#include "analyzers/python/focused_parse.h"

#include <algorithm>
#include <deque>
#include <set>

#include "analyzers/core/line_starts.h"
#include "analyzers/parse/statement_outline.h"
#include "analyzers/python/deployment_findings.h"
#include "analyzers/python/syntax_path.h"

namespace eventlet_lsp::analyzers {

namespace {

// Above this share of the text, a partial parse saves too little to be worth the check.
constexpr double kMaxPartialShare = 0.75;

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

// Identifier-like words in text[begin, end).
template <typename Visit>
void for_each_word(std::string_view text, std::size_t begin, std::size_t end, Visit visit) {
  for (std::size_t i = begin; i < end;) {
    if (!is_name_start(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < end && is_name_char(text[j])) ++j;
    visit(text.substr(i, j - i));
    i = j;
  }
}

// Names that may come to stand for Eventlet, guessed from the text: the names an import line
// that mentions a candidate binds, and the targets of assignments whose line mentions one.
// Over-guessing costs parse time only; under-guessing is caught by covers_all_uses.
std::set<std::string_view> guess_candidates(std::string_view text) {
  std::set<std::string_view> names{"eventlet"};
  std::deque<std::string_view> pending{"eventlet"};
  auto add = [&](std::string_view word) {
    if (word == "self" || word == "cls" || word == "as" || word == "import") return;
    if (names.insert(word).second) pending.push_back(word);
  };
  while (!pending.empty()) {
    const std::string_view word = pending.front();
    pending.pop_front();
    std::size_t last_line = std::string_view::npos;
    for (std::uint32_t at : find_word(text, word)) {
      const std::size_t line_begin = text.rfind('\n', at) == std::string_view::npos ? 0 : text.rfind('\n', at) + 1;
      if (line_begin == last_line) continue;
      last_line = line_begin;
      std::size_t line_end = text.find('\n', at);
      if (line_end == std::string_view::npos) line_end = text.size();
      std::size_t first = line_begin;
      while (first < line_end && (text[first] == ' ' || text[first] == '\t')) ++first;
      const std::string_view line = text.substr(first, line_end - first);
      if (line.starts_with("import ") || line.starts_with("from ")) {
        std::size_t import_at = line.find(" import ");
        std::size_t begin = first + (import_at == std::string_view::npos ? 0 : import_at + 8);
        std::size_t end = line_end;
        // `from x import (a,\n b)`: the names go on to the closing parenthesis.
        const std::size_t open = text.find('(', begin);
        if (open != std::string_view::npos && open < line_end) {
          const std::size_t close = text.find(')', open);
          end = close == std::string_view::npos ? text.size() : close;
        }
        for_each_word(text, begin, end, add);
        continue;
      }
      // The value flows on only when the candidate is its root: `x = eventlet.GreenPool(4)`,
      // `with eventlet.Timeout(5) as t`, `(p := pool.spawn(f))`.
      std::size_t root = at;
      while (root > first && (text[root - 1] == ' ' || text[root - 1] == '(' || text[root - 1] == '\t')) --root;
      if (root >= first + 6 && text.substr(root - 6, 6) == "await ") root -= 6;
      while (root > first && text[root - 1] == ' ') --root;
      if (root > first && text[root - 1] == '=' && (root < 2 || (text[root - 2] != '=' && text[root - 2] != '!' &&
                                                             text[root - 2] != '<' && text[root - 2] != '>'))) {
        if (root >= 2 && text[root - 2] == ':') {  // walrus: the name before `:=`
          std::size_t e = root - 2;
          while (e > first && text[e - 1] == ' ') --e;
          std::size_t k = e;
          while (k > first && is_name_char(text[k - 1])) --k;
          if (e > k) add(text.substr(k, e - k));
        } else {
          // `a = b = ...`, `a, b = ...`, `self.pool = ...` (adds `pool`): words before the `=`
          // that are not inside brackets.
          int depth = 0;
          std::size_t begin = first;
          for (std::size_t k = first; k + 1 < root; ++k) {
            const char c = text[k];
            if (c == '(' || c == '[' || c == '{') ++depth;
            if (c == ')' || c == ']' || c == '}') --depth;
            if (depth > 0) begin = k + 1;
          }
          for_each_word(text, begin, root - 1, add);
        }
      } else if (root >= first + 5 && text.substr(root - 5, 5) == "with ") {
        const std::size_t as = line.find(" as ", at - first);
        if (as != std::string_view::npos) {
          std::size_t k = first + as + 4;
          std::size_t e = k;
          while (e < line_end && is_name_char(text[e])) ++e;
          if (e > k) add(text.substr(k, e - k));
        }
      }
    }
  }
  return names;
}

bool inside(const std::vector<TSRange>& ranges, std::uint32_t byte) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), byte,
                             [](std::uint32_t value, const TSRange& range) { return value < range.start_byte; });
  if (it == ranges.begin()) return false;
  --it;
  return byte < it->end_byte;
}

}  // namespace

FocusedParse parse_focused(std::string source, PythonParser& parser) {
  FocusedParse result;
  std::vector<std::uint32_t> offsets;
  for (std::string_view word : guess_candidates(source)) {
    for (std::uint32_t at : find_word(source, word)) offsets.push_back(at);
  }
  for (std::string_view needle : {std::string_view("EVENTLET_"), std::string_view("eventlet")}) {
    for (std::uint32_t at : find_all(source, needle)) offsets.push_back(at);  // strings too
  }
  // A requirement list may be passed to setup() by name: the call must be parsed too. One scan
  // for what every kSetupRequirementKeywords word holds ("install_requires", "extras_require"...).
  static_assert(std::ranges::all_of(kSetupRequirementKeywords,
                                     [](std::string_view word) { return word.find("_require") != word.npos; }));
  const std::size_t before_requirements = offsets.size();
  for (std::uint32_t at : find_all(source, "_require")) offsets.push_back(at);
  // Requirement names are case-insensitive (`"Eventlet>=0.30"`): in a file that passes
  // requirements, the statements that spell it so are kept too.
  if (offsets.size() > before_requirements) {
    for (std::uint32_t at : find_all(source, "Eventlet")) offsets.push_back(at);
  }
  const auto spans = select_statements(source, offsets);
  std::size_t selected = 0;
  if (spans) {
    for (const ByteSpan& span : *spans) selected += span.end - span.start;
  }
  if (!spans || spans->empty() ||
      static_cast<double>(selected) > kMaxPartialShare * static_cast<double>(source.size())) {
    result.tree = parser.parse(std::move(source));
    return result;
  }
  const LineStarts lines(source);
  for (const ByteSpan& span : *spans) {
    const TextPoint start = lines.point(span.start);
    const TextPoint end = lines.point(span.end);
    result.ranges.push_back(TSRange{{start.row, start.column}, {end.row, end.column}, span.start, span.end});
  }
  SyntaxTree partial = parser.parse_ranges(std::move(source), result.ranges);
  if (!partial.valid() || partial.has_error()) {
    // The outline was wrong somewhere (or the file has an error): parse it all.
    result.ranges.clear();
    result.tree = parser.parse(std::move(partial).take_source());
    return result;
  }
  result.tree = std::move(partial);
  return result;
}

// A line whose first non-blank character is '#' holds a comment or lies inside a multi-line
// string: no name on it is code.
bool on_comment_line(std::string_view source, std::uint32_t at) {
  std::size_t begin = source.rfind('\n', at);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  while (begin < at && (source[begin] == ' ' || source[begin] == '\t')) ++begin;
  return begin < at && source[begin] == '#';
}

bool covers_all_uses(const FocusedParse& parse, const ScopeModel& model) {
  if (parse.ranges.empty()) return true;
  const std::string_view source = parse.tree.source();
  for (const auto* words : {&model.candidate_names, &model.candidate_attributes}) {
    for (std::string_view word : *words) {
      for (std::uint32_t at : find_word(source, word)) {
        if (!inside(parse.ranges, at) && !on_comment_line(source, at)) return false;
      }
    }
  }
  return true;
}

}  // namespace eventlet_lsp::analyzers
