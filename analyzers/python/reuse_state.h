// What a later edit needs to know about a file's last analysis, beside its findings.
#pragma once

#include <string>
#include <unordered_set>

namespace eventlet_lsp::analyzers {

struct ReuseState {
  // Candidate names and attributes of the binding pass: a finding sits on one of them. Words
  // only ever join between two full analyses (a definition analysed again adds its own).
  std::unordered_set<std::string> searched_words;
  bool reusable = false;  // false after `from eventlet import *`: any name may be Eventlet's
};

}  // namespace eventlet_lsp::analyzers
