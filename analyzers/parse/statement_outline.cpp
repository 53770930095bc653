#include "analyzers/parse/statement_outline.h"

#include <algorithm>

namespace eventlet_lsp::analyzers {

namespace {

struct LogicalLine {
  std::uint32_t start = 0;
  std::uint32_t end = 0;     // after its last newline
  std::uint32_t indent = 0;  // columns, tabs to the next multiple of 8
  bool header = false;       // ends with ':' outside brackets: a block follows
  bool decorator = false;
  bool clause = false;       // else / elif / except / finally: continues the statement above
};

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool starts_with_word(std::string_view text, std::size_t at, std::string_view word) {
  if (text.substr(at, word.size()) != word) return false;
  return at + word.size() >= text.size() || !is_name_char(text[at + word.size()]);
}

// Splits the text into logical lines (code only: blank and comment-only lines are dropped).
// Returns false when brackets or strings never close.
bool logical_lines(std::string_view text, std::vector<LogicalLine>& lines) {
  std::size_t i = 0;
  while (i < text.size()) {
    LogicalLine line;
    line.start = static_cast<std::uint32_t>(i);
    std::uint32_t column = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\f')) {
      column = text[i] == '\t' ? (column / 8 + 1) * 8 : column + 1;
      ++i;
    }
    if (i >= text.size()) break;
    if (text[i] == '\n' || text[i] == '\r' || text[i] == '#') {  // blank or comment-only line
      while (i < text.size() && text[i] != '\n') ++i;
      ++i;
      continue;
    }
    line.indent = column;
    line.decorator = text[i] == '@';
    line.clause = starts_with_word(text, i, "else") || starts_with_word(text, i, "elif") ||
                  starts_with_word(text, i, "except") || starts_with_word(text, i, "finally");
    int depth = 0;
    char last = 0;  // last significant character outside strings and comments
    for (;;) {
      if (i >= text.size()) break;
      const char c = text[i];
      if (c == '\n') {
        ++i;
        if (depth == 0) break;
        continue;
      }
      if (c == '#') {
        while (i < text.size() && text[i] != '\n') ++i;
        continue;
      }
      if (c == '\\' && i + 1 < text.size() && (text[i + 1] == '\n' || text[i + 1] == '\r')) {
        i += text[i + 1] == '\r' ? 3 : 2;  // continuation: the logical line goes on
        continue;
      }
      if (c == '(' || c == '[' || c == '{') ++depth;
      if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
      if (c == '"' || c == '\'') {
        const bool triple = i + 2 < text.size() && text[i + 1] == c && text[i + 2] == c;
        std::size_t j = i + (triple ? 3 : 1);
        bool closed = false;
        while (j < text.size()) {
          const char d = text[j];
          if (d == '\\') {
            j += 2;
            continue;
          }
          if (!triple && d == '\n') break;
          if (d == c && (!triple || (j + 2 < text.size() && text[j + 1] == c && text[j + 2] == c))) {
            j += triple ? 3 : 1;
            closed = true;
            break;
          }
          ++j;
        }
        if (!closed && triple) return false;
        i = j;
        last = c;
        continue;
      }
      if (c != ' ' && c != '\t' && c != '\r' && c != '\f') last = c;
      ++i;
    }
    if (depth != 0) return false;
    line.end = static_cast<std::uint32_t>(std::min(i, text.size()));
    line.header = last == ':';
    lines.push_back(line);
  }
  return true;
}

// A statement: lines [first, body) are its header (decorators included), [body, end) its block;
// `clauses` are the else/elif/except/finally parts that follow it at the same indentation.
struct Statement {
  std::size_t first = 0;
  std::size_t body = 0;
  std::size_t end = 0;
  std::vector<Statement> children;
  std::vector<Statement> clauses;
};

class Outline {
 public:
  explicit Outline(const std::vector<LogicalLine>& lines) : lines_(lines) {}

  // Statements at `indent` from line i on; false when the indentation does not add up.
  bool block(std::size_t& i, std::uint32_t indent, std::vector<Statement>& out) {
    while (i < lines_.size() && lines_[i].indent == indent) {
      if (lines_[i].clause) {
        if (out.empty()) return false;
        Statement clause;
        if (!statement(i, indent, clause)) return false;
        out.back().clauses.push_back(std::move(clause));
        continue;
      }
      Statement statement_;
      if (!statement(i, indent, statement_)) return false;
      out.push_back(std::move(statement_));
    }
    return i >= lines_.size() || lines_[i].indent < indent;
  }

  bool statement(std::size_t& i, std::uint32_t indent, Statement& out) {
    out.first = i;
    while (i < lines_.size() && lines_[i].decorator) {
      ++i;
      if (i >= lines_.size() || lines_[i].indent != indent) return false;
    }
    const bool header = lines_[i].header;
    ++i;
    out.body = i;
    if (header) {
      if (i >= lines_.size() || lines_[i].indent <= indent) return false;
      if (!block(i, lines_[i].indent, out.children)) return false;
    }
    out.end = i;
    return true;
  }

 private:
  const std::vector<LogicalLine>& lines_;
};

class Selection {
 public:
  Selection(const std::vector<bool>& wanted, std::vector<bool>& keep) : wanted_(wanted), keep_(keep) {}

  bool contains_wanted(const Statement& s) const {
    std::size_t end = s.end;
    if (!s.clauses.empty()) end = s.clauses.back().end;
    for (std::size_t k = s.first; k < end; ++k) {
      if (wanted_[k]) return true;
    }
    return false;
  }

  void select(const std::vector<Statement>& statements) {
    for (const Statement& s : statements) {
      if (contains_wanted(s)) keep_statement(s);
    }
  }

 private:
  void keep_statement(const Statement& s) {
    keep_part(s);
    for (const Statement& clause : s.clauses) keep_part(clause);
  }

  void keep_part(const Statement& s) {
    for (std::size_t k = s.first; k < s.body; ++k) keep_[k] = true;
    if (s.children.empty()) return;
    bool any = false;
    for (const Statement& child : s.children) {
      if (contains_wanted(child)) {
        keep_statement(child);
        any = true;
      }
    }
    if (!any) keep_minimal(s.children.front());  // a block cannot be empty
  }

  void keep_minimal(const Statement& s) {
    for (std::size_t k = s.first; k < s.body; ++k) keep_[k] = true;
    if (!s.children.empty()) keep_minimal(s.children.front());
    for (const Statement& clause : s.clauses) keep_minimal(clause);
  }

  const std::vector<bool>& wanted_;
  std::vector<bool>& keep_;
};

}  // namespace

std::optional<std::vector<ByteSpan>> select_statements(std::string_view source,
                                                       const std::vector<std::uint32_t>& offsets) {
  std::vector<LogicalLine> lines;
  if (!logical_lines(source, lines)) return std::nullopt;
  if (lines.empty()) return std::vector<ByteSpan>{};
  std::vector<Statement> top;
  std::size_t i = 0;
  if (lines.front().indent != 0) return std::nullopt;
  if (!Outline(lines).block(i, 0, top) || i != lines.size()) return std::nullopt;

  std::vector<bool> wanted(lines.size(), false);
  for (std::uint32_t offset : offsets) {
    auto it = std::upper_bound(lines.begin(), lines.end(), offset,
                               [](std::uint32_t value, const LogicalLine& line) { return value < line.start; });
    if (it == lines.begin()) continue;
    --it;
    if (offset < it->end) wanted[static_cast<std::size_t>(it - lines.begin())] = true;
  }
  std::vector<bool> keep(lines.size(), false);
  Selection(wanted, keep).select(top);

  std::vector<ByteSpan> spans;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (!keep[k]) continue;
    // Lines kept one after the other (blank and comment lines between them included) form one span.
    if (!spans.empty() && k > 0 && keep[k - 1]) {
      spans.back().end = lines[k].end;
    } else {
      spans.push_back({lines[k].start, lines[k].end});
    }
  }
  return spans;
}

}  // namespace eventlet_lsp::analyzers
