#include <cctype>

#include "analyzers/text_files/text_audits.h"

namespace eventlet_lsp::analyzers {

namespace {

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Finds "<option><separator>eventlet" in a line, where separator is spaces, '=' or nothing
// (for short options); returns the [start, end) of the whole option or npos.
std::pair<std::size_t, std::size_t> find_option(std::string_view line, std::string_view option) {
  for (std::size_t at = line.find(option); at != std::string_view::npos;
       at = line.find(option, at + 1)) {
    if (at > 0 && !(line[at - 1] == ' ' || line[at - 1] == '\t' || line[at - 1] == '"' ||
                    line[at - 1] == '\'' || line[at - 1] == '[' || line[at - 1] == ','))
      continue;
    std::size_t i = at + option.size();
    const bool short_option = option.size() == 2;
    std::size_t spaces = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '=' || line[i] == '"' ||
                               line[i] == '\'' || line[i] == ',')) {
      ++i;
      ++spaces;
    }
    if (spaces == 0 && !short_option) continue;  // --pool-size is not --pool
    if (line.substr(i, 8) != "eventlet") continue;
    if (i + 8 < line.size() && is_word(line[i + 8])) continue;
    return {at, i + 8};
  }
  return {std::string_view::npos, std::string_view::npos};
}

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

}  // namespace

void audit_command_lines(TextFindings& findings) {
  const std::string_view text = findings.text();
  std::uint32_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t found = text.find('\n', line_start);
    const auto line_end = static_cast<std::uint32_t>(found == std::string_view::npos ? text.size() : found);
    const std::string_view line = text.substr(line_start, line_end - line_start);
    auto add = [&](std::string_view code, std::pair<std::size_t, std::size_t> match) {
      if (match.first == std::string_view::npos) return false;
      findings.add(code, line_start + static_cast<std::uint32_t>(match.first),
                   line_start + static_cast<std::uint32_t>(match.second));
      return true;
    };
    if (line.find("gunicorn") != std::string_view::npos) {
      add("EL102", find_option(line, "-k")) || add("EL102", find_option(line, "--worker-class"));
    }
    add("EL102", find_setting(line, "worker_class")) || add("EL102", find_setting(line, "worker-class"));
    if (line.find("celery") != std::string_view::npos) {
      add("EL903", find_option(line, "-P")) || add("EL903", find_option(line, "--pool"));
    }
    add("EL903", find_setting(line, "worker_pool")) || add("EL903", find_setting(line, "CELERYD_POOL"));
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
      findings.add("EL904", line_start + static_cast<std::uint32_t>(at),
                   line_start + static_cast<std::uint32_t>(end));
      at = end - 1;
    }
    if (line_end == text.size()) break;
    line_start = line_end + 1;
  }
}

}  // namespace eventlet_lsp::analyzers
