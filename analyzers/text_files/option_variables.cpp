// Options kept in a variable and expanded on the command line elsewhere in the file, the usual
// shape of systemd units, init scripts and their environment files:
//   Environment="DAEMON_ARGS=-k eventlet --workers 4"
//   ExecStart=/srv/venv/bin/gunicorn $DAEMON_ARGS app:app
// The line holding `-k eventlet` does not mention gunicorn, so the command-line audit cannot
// tell it from another program's `-k`; the expansion on a gunicorn line can.
#include <cctype>
#include <set>

#include "analyzers/text_files/command_options.h"
#include "analyzers/text_files/text_audits.h"

namespace eventlet_lsp::analyzers {

namespace {

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_quote(char c) { return c == '"' || c == '\''; }

std::string_view name_at(std::string_view line, std::size_t at) {
  std::size_t end = at;
  while (end < line.size() && is_word(line[end])) ++end;
  if (end == at || std::isdigit(static_cast<unsigned char>(line[at]))) return {};
  return line.substr(at, end - at);
}

// The variables a line expands: $NAME and ${NAME} (shell, systemd, Dockerfile), %NAME% (cmd.exe),
// {env:NAME} (tox).
void collect_expansions(std::string_view line, std::set<std::string_view>& names) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    std::string_view name;
    if (line[i] == '$') {
      name = name_at(line, i + 1 < line.size() && line[i + 1] == '{' ? i + 2 : i + 1);
    } else if (line[i] == '%') {
      name = name_at(line, i + 1);
      const std::size_t after = i + 1 + name.size();
      if (after >= line.size() || line[after] != '%') name = {};
    } else if (line.substr(i, 5) == "{env:") {
      name = name_at(line, i + 5);
    }
    if (!name.empty()) names.insert(name);
  }
}

// The variable whose assigned value holds line[at]: `NAME=value`, `NAME = value`, `NAME: value`
// (YAML), with the value quoted after the sign or the whole assignment quoted
// (`Environment="NAME=value"`, `set "NAME=value"`); unquoted, the value runs to the end of the
// line, as environment files read it. Empty when `at` is not in an assignment's value.
std::string_view variable_holding(std::string_view line, std::size_t at) {
  for (std::size_t sign = at; sign-- > 0;) {
    const char c = line[sign];
    if (c != '=' && !(c == ':' && sign + 1 < line.size() && line[sign + 1] == ' ')) continue;
    std::size_t name_end = sign;
    while (name_end > 0 && is_blank(line[name_end - 1])) --name_end;
    std::size_t name_start = name_end;
    while (name_start > 0 && is_word(line[name_start - 1])) --name_start;
    if (name_start == name_end || std::isdigit(static_cast<unsigned char>(line[name_start]))) continue;
    // `--bind=...` inside the value is an option, not the assignment: look further back.
    if (name_start > 0 && !(is_blank(line[name_start - 1]) || line[name_start - 1] == '\n' ||
                            is_quote(line[name_start - 1]) || line[name_start - 1] == '='))
      continue;
    std::size_t value = sign + 1;
    while (value < line.size() && is_blank(line[value])) ++value;
    char quote = 0;
    if (value < line.size() && is_quote(line[value])) {
      quote = line[value++];
    } else if (name_start > 0 && is_quote(line[name_start - 1])) {
      quote = line[name_start - 1];
    }
    std::size_t value_end = line.size();
    if (quote != 0) value_end = std::min(value_end, line.find(quote, value));
    if (at < value || at >= value_end) return {};
    return line.substr(name_start, name_end - name_start);
  }
  return {};
}

}  // namespace

void audit_option_variables(TextFindings& findings) {
  const std::string_view text = findings.text();
  const std::vector<LineSpan> lines = logical_lines(text);
  for (const EventletProgram& program : kEventletPrograms) {
    std::set<std::string_view> expanded{program.variable};
    for (const LineSpan span : lines) {
      const std::string_view line = text.substr(span.start, span.end - span.start);
      if (mentions_program(line, program)) collect_expansions(line, expanded);
    }
    for (const LineSpan span : lines) {
      const std::string_view line = text.substr(span.start, span.end - span.start);
      // Options on the program's own command lines are the command-line audit's.
      if (mentions_program(line, program)) continue;
      for (const OptionSpan option : find_eventlet_options(line, program)) {
        const std::string_view variable = variable_holding(line, option.start);
        if (variable.empty() || !expanded.contains(variable)) continue;
        findings.add(program.code, span.start + static_cast<std::uint32_t>(option.start),
                     span.start + static_cast<std::uint32_t>(option.end));
      }
    }
  }
}

}  // namespace eventlet_lsp::analyzers
