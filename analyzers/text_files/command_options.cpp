#include "analyzers/text_files/command_options.h"

#include <algorithm>
#include <cctype>

namespace eventlet_lsp::analyzers {

namespace {

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// What may stand before an option: the start, a blank, a quote, a JSON array's '[' or ',', or
// the '=' of a variable holding options (`DAEMON_ARGS=-k eventlet`).
bool starts_an_argument(std::string_view text, std::size_t at) {
  if (at == 0) return true;
  const char c = text[at - 1];
  return c == ' ' || c == '\t' || c == '\n' || c == '"' || c == '\'' || c == '[' || c == ',' || c == '=';
}

void find_option(std::string_view text, std::string_view option, std::vector<OptionSpan>& found) {
  const bool short_option = option.size() == 2;
  for (std::size_t at = text.find(option); at != std::string_view::npos; at = text.find(option, at + 1)) {
    if (!starts_an_argument(text, at)) continue;
    std::size_t i = at + option.size();
    std::size_t separators = 0;
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\t' || text[i] == '=' || text[i] == '"' || text[i] == '\'' || text[i] == ',')) {
      ++i;
      ++separators;
    }
    if (separators == 0 && !short_option) continue;  // --pool-size is not --pool
    if (text.substr(i, 8) != "eventlet") continue;
    if (i + 8 < text.size() && is_word(text[i + 8])) continue;  // -k eventlet_foo
    found.push_back({at, i + 8});
  }
}

}  // namespace

std::vector<OptionSpan> find_eventlet_options(std::string_view text, const EventletProgram& program) {
  std::vector<OptionSpan> found;
  find_option(text, program.short_option, found);
  find_option(text, program.long_option, found);
  std::sort(found.begin(), found.end(), [](const OptionSpan& a, const OptionSpan& b) { return a.start < b.start; });
  return found;
}

}  // namespace eventlet_lsp::analyzers
