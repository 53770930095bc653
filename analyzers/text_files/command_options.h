// The command-line options that make gunicorn or Celery run on Eventlet, found in a piece of
// text. Shared by the text-file audits (Procfile, Dockerfile, shell, systemd...) and by the
// Python audit of command lines written as strings, so both read a command line the same way.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace eventlet_lsp::analyzers {

// A program whose Eventlet option is audited, and the rule that option reports.
struct EventletProgram {
  std::string_view name;          // how a command line running it mentions it
  std::string_view code;          // the rule reported on the option
  std::string_view short_option;  // `-k eventlet`, `-keventlet`
  std::string_view long_option;   // `--worker-class eventlet`, `--worker-class=eventlet`
  std::string_view variable;      // an environment variable the program reads its options from
};

inline constexpr EventletProgram kGunicorn{"gunicorn", "EL102", "-k", "--worker-class", "GUNICORN_CMD_ARGS"};
// CELERYD_OPTS is the options variable of Celery's documented daemon setups (init.d, systemd).
inline constexpr EventletProgram kCelery{"celery", "EL903", "-P", "--pool", "CELERYD_OPTS"};
inline constexpr EventletProgram kEventletPrograms[] = {kGunicorn, kCelery};

struct OptionSpan {
  std::size_t start = 0;  // the option's first '-'
  std::size_t end = 0;    // just after "eventlet"
};

// Every `<option> eventlet` of `program` in `text`, in order. The value may follow after spaces,
// '=', or the quotes and comma of a JSON exec form (`"-k", "eventlet"`), or directly after a
// short option (`-keventlet`). `--pool-size eventlet` and `-k eventlet_foo` are not matches.
std::vector<OptionSpan> find_eventlet_options(std::string_view text, const EventletProgram& program);

// Whether `text` mentions the program (case-sensitive: the executable's or module's name).
inline bool mentions_program(std::string_view text, const EventletProgram& program) {
  return text.find(program.name) != std::string_view::npos;
}

}  // namespace eventlet_lsp::analyzers
