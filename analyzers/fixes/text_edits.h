// Applying byte-offset edits to a text, and merging edit lists.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/fixes/fix.h"

namespace eventlet_lsp::analyzers {

// Sorts the edits; nullopt when two of them overlap (an insertion at the same point as another
// edit's start counts as overlapping only when both are insertions at that point).
std::optional<std::vector<TextEdit>> normalise_edits(std::vector<TextEdit> edits);

// The text with the (normalised) edits applied.
std::string apply_edits(std::string_view text, const std::vector<TextEdit>& edits);

// Where a byte of the edited text was in the original: nullopt inside replaced text.
std::optional<std::uint32_t> original_offset(const std::vector<TextEdit>& edits, std::uint32_t edited_offset);

}  // namespace eventlet_lsp::analyzers
