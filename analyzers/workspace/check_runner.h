// Audits many files on a pool of threads, one parser per thread; each file's tree is released
// as soon as its report is made, so memory does not grow with the number of files.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

#include "analyzers/workspace/source_file.h"

namespace eventlet_lsp::analyzers {

struct CheckRunOptions {
  unsigned threads = 0;  // 0: one per core
  std::uintmax_t max_file_bytes = kDefaultMaxFileBytes;
  const std::atomic<bool>* cancelled = nullptr;
  AnalysisOptions analysis;
};

// `on_file(index, analysis)` runs on a worker thread, possibly concurrently for different
// files; the source text inside `analysis` lives only for the call. `on_progress(done, total)`
// runs on worker threads after each file.
void run_check(const std::vector<std::filesystem::path>& files, const CheckRunOptions& options,
               const std::function<void(std::size_t, FileAnalysis&&)>& on_file,
               const std::function<void(std::size_t, std::size_t)>& on_progress = {});

}  // namespace eventlet_lsp::analyzers
