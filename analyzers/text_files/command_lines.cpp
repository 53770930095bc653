#include <cctype>

#include "analyzers/text_files/command_options.h"
#include "analyzers/text_files/text_audits.h"

namespace eventlet_lsp::analyzers {

namespace {

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// `key = eventlet` / `key: eventlet` / `key="eventlet"` in a configuration line.
std::pair<std::size_t, std::size_t> find_setting(std::string_view line, std::string_view key) {
  const std::size_t at = line.find(key);
  if (at == std::string_view::npos) return {at, at};
  // `--worker-class=eventlet` is the command-line option, reported as such.
  if (at > 0 && (is_word(line[at - 1]) || line[at - 1] == '-'))
    return {std::string_view::npos, std::string_view::npos};
  std::size_t i = at + key.size();
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i >= line.size() || (line[i] != '=' && line[i] != ':'))
    return {std::string_view::npos, std::string_view::npos};
  ++i;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '"' || line[i] == '\''))
    ++i;
  if (line.substr(i, 8) != "eventlet" || (i + 8 < line.size() && is_word(line[i + 8])))
    return {std::string_view::npos, std::string_view::npos};
  return {at, i + 8};
}

// A physical line ending in a backslash (shell, Dockerfile, systemd) or a caret (cmd.exe) goes
// on on the next one.
bool continues(std::string_view text, std::size_t line_end) {
  std::size_t last = line_end;
  if (last > 0 && text[last - 1] == '\r') --last;
  return last > 0 && (text[last - 1] == '\\' || text[last - 1] == '^');
}

}  // namespace

std::vector<LineSpan> logical_lines(std::string_view text) {
  std::vector<LineSpan> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    while (end != std::string_view::npos && continues(text, end)) end = text.find('\n', end + 1);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
    start = end + 1;
  }
  return lines;
}

void audit_command_lines(TextFindings& findings) {
  const std::string_view text = findings.text();
  for (const LineSpan span : logical_lines(text)) {
    const std::string_view line = text.substr(span.start, span.end - span.start);
    auto add = [&](std::string_view code, std::size_t start, std::size_t end) {
      findings.add(code, span.start + static_cast<std::uint32_t>(start), span.start + static_cast<std::uint32_t>(end));
    };
    // A command that runs gunicorn (celery), even over continuation lines: its -k (-P) options.
    for (const EventletProgram& program : kEventletPrograms) {
      if (!mentions_program(line, program)) continue;
      for (const OptionSpan option : find_eventlet_options(line, program)) add(program.code, option.start, option.end);
    }
    auto add_setting = [&](std::string_view code, std::pair<std::size_t, std::size_t> match) {
      if (match.first == std::string_view::npos) return false;
      add(code, match.first, match.second);
      return true;
    };
    add_setting("EL102", find_setting(line, "worker_class")) || add_setting("EL102", find_setting(line, "worker-class"));
    add_setting("EL903", find_setting(line, "worker_pool")) || add_setting("EL903", find_setting(line, "CELERYD_POOL"));
    // EVENTLET_HUB=asyncio, ${EVENTLET_NO_GREENDNS}, "EVENTLET_THREADPOOL_SIZE": 4
    for (std::size_t at = line.find("EVENTLET_"); at != std::string_view::npos;
         at = line.find("EVENTLET_", at + 1)) {
      if (at > 0 && is_word(line[at - 1])) continue;
      std::size_t end = at + 9;
      while (end < line.size() && (std::isupper(static_cast<unsigned char>(line[end])) ||
                                   std::isdigit(static_cast<unsigned char>(line[end])) ||
                                   line[end] == '_'))
        ++end;
      if (end == at + 9) continue;
      add("EL904", at, end);
      at = end - 1;
    }
  }
}

}  // namespace eventlet_lsp::analyzers
