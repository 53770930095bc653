// A rewrite of one finding: text edits in byte offsets of the analysed text, with a title and a
// safety verdict in ruff's sense: safe keeps runtime behaviour, unsafe may change it (and says
// how in its title).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyzers/config/settings.h"

namespace eventlet_lsp::analyzers {

struct TextEdit {
  std::uint32_t start = 0;  // byte offsets in the original text
  std::uint32_t end = 0;
  std::string replacement;
  friend bool operator==(const TextEdit&, const TextEdit&) = default;
};

enum class FixSafety : std::uint8_t { Safe, Unsafe };

struct Fix {
  std::string title;        // "Replace with `time.sleep`", "... (unsafe: a thread has no result)"
  FixSafety safety = FixSafety::Unsafe;
  MigrationTarget target = MigrationTarget::Threading;
  std::vector<TextEdit> edits;  // sorted, non-overlapping; imports included
};

std::string_view to_string(FixSafety safety);

}  // namespace eventlet_lsp::analyzers
