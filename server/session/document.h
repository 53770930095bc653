// An open document: its text and tree (kept in step through incremental edits), the line index
// for position conversion, and the findings of its last analysis.
#pragma once

#include <array>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzers/core/finding.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/analysis_reuse.h"
#include "protocol/lsp/uri.h"
#include "protocol/position/line_index.h"
#include "server/features/inventory.h"

namespace eventlet_lsp::server {

// The last few durations of something, for a time budget that one slow case does not inflate.
class RecentDurations {
 public:
  void add(std::chrono::microseconds duration) {
    durations_[next_] = duration;
    next_ = (next_ + 1) % durations_.size();
  }
  // The shortest of them; zero before the first.
  std::chrono::microseconds shortest() const {
    std::chrono::microseconds result{0};
    for (const auto duration : durations_) {
      if (duration.count() > 0 && (result.count() == 0 || duration < result)) result = duration;
    }
    return result;
  }

 private:
  std::array<std::chrono::microseconds, 4> durations_{};
  std::size_t next_ = 0;
};

struct Document {
  std::string uri;
  std::filesystem::path path;  // empty for URIs that are not files
  std::string language_id;
  std::int64_t version = 0;
  analyzers::SyntaxTree tree;  // owns the text; not valid for non-Python documents
  // While `tree` has syntax errors: the last tree without any, with its text. tree-sitter cannot
  // reuse the nodes it builds while recovering from an error (they are fragile), so the edit
  // that fixes the error is reparsed from this tree, not from `tree` (which would relex the
  // whole rest of the file).
  analyzers::SyntaxTree last_clean_tree;
  RecentDurations reparse_times;  // of the last incremental reparses
  std::string text;            // the text of non-Python documents
  std::unique_ptr<protocol::LineIndex> index;
  std::vector<analyzers::Finding> findings;
  analyzers::ReuseState reuse;  // what the next edit needs to carry the findings over
  RuleCounts rules;  // the findings the settings enable, for the inventory
  std::string result_id;  // pull diagnostics: changes with every analysis

  bool is_python() const { return tree.valid(); }
  const std::string& source() const { return is_python() ? tree.source() : text; }
};

using protocol::path_from_uri;
using protocol::uri_from_path;

}  // namespace eventlet_lsp::server
