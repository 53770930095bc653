#include "analyzers/fixes/text_edits.h"

#include <algorithm>

namespace eventlet_lsp::analyzers {

std::string_view to_string(FixSafety safety) { return safety == FixSafety::Safe ? "safe" : "unsafe"; }

std::optional<std::vector<TextEdit>> normalise_edits(std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  for (std::size_t i = 1; i < edits.size(); ++i) {
    const TextEdit& before = edits[i - 1];
    const TextEdit& after = edits[i];
    if (after.start < before.end) return std::nullopt;
    if (after.start == before.start && before.start == before.end && after.start == after.end) return std::nullopt;
  }
  return edits;
}

std::string apply_edits(std::string_view text, const std::vector<TextEdit>& edits) {
  std::string result;
  std::uint32_t cursor = 0;
  for (const TextEdit& edit : edits) {
    result.append(text.substr(cursor, edit.start - cursor));
    result.append(edit.replacement);
    cursor = edit.end;
  }
  result.append(text.substr(std::min<std::size_t>(cursor, text.size())));
  return result;
}

std::optional<std::uint32_t> original_offset(const std::vector<TextEdit>& edits, std::uint32_t edited_offset) {
  std::int64_t shift = 0;  // edited - original, for positions after the edits seen so far
  for (const TextEdit& edit : edits) {
    const std::int64_t edited_start = static_cast<std::int64_t>(edit.start) + shift;
    const std::int64_t edited_end = edited_start + static_cast<std::int64_t>(edit.replacement.size());
    if (edited_offset < edited_start) break;
    if (edited_offset < edited_end) return std::nullopt;  // inside new text
    shift += static_cast<std::int64_t>(edit.replacement.size()) - (edit.end - edit.start);
  }
  return static_cast<std::uint32_t>(static_cast<std::int64_t>(edited_offset) - shift);
}

}  // namespace eventlet_lsp::analyzers
