// What a later edit needs to know about a file's last analysis, beside its findings.
#pragma once

#include <string>
#include <unordered_set>

#include "analyzers/core/finding.h"
#include "analyzers/python/occurrence_cache.h"

namespace eventlet_lsp::analyzers {

// A finding whose rule can be decided by text outside its own statement and definition.
bool decided_by_the_whole_module(const Finding& finding);

struct ReuseState {
  // Candidate names and attributes of the binding pass: a finding sits on one of them. Words
  // only ever join between two full analyses (a definition analysed again adds its own).
  std::unordered_set<std::string> searched_words;
  // false after `from eventlet import *` (any name may be Eventlet's) and while the file has a
  // `monkey_patch()` finding: whether it runs behind a toggle can depend on text anywhere in the
  // module (a mapping that selects its function at run time, see EL802).
  bool reusable = false;
  OccurrenceCache occurrences;  // of the searched words in the current text
};

}  // namespace eventlet_lsp::analyzers
