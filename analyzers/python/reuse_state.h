// What a later edit needs to know about a file's last analysis, beside its findings.
#pragma once

#include <string>
#include <unordered_set>

#include "analyzers/python/occurrence_cache.h"

namespace eventlet_lsp::analyzers {

struct ReuseState {
  // Candidate names and attributes of the binding pass: a finding sits on one of them. Words
  // only ever join between two full analyses (a definition analysed again adds its own).
  std::unordered_set<std::string> searched_words;
  bool reusable = false;  // false after `from eventlet import *`: any name may be Eventlet's
  OccurrenceCache occurrences;  // of the searched words in the current text
};

}  // namespace eventlet_lsp::analyzers
