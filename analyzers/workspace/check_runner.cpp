#include "analyzers/workspace/check_runner.h"

#include <thread>

#include "analyzers/parse/syntax_tree.h"

namespace eventlet_lsp::analyzers {

void run_check(const std::vector<std::filesystem::path>& files, const CheckRunOptions& options,
               const std::function<void(std::size_t, FileAnalysis&&)>& on_file,
               const std::function<void(std::size_t, std::size_t)>& on_progress) {
  unsigned threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(files.size(), 1)));

  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  auto work = [&] {
    PythonParser parser;
    for (;;) {
      if (options.cancelled != nullptr && options.cancelled->load(std::memory_order_relaxed)) return;
      const std::size_t index = next.fetch_add(1, std::memory_order_relaxed);
      if (index >= files.size()) return;
      on_file(index, analyze_path(files[index], parser, options.max_file_bytes, options.analysis));
      const std::size_t finished = done.fetch_add(1, std::memory_order_relaxed) + 1;
      if (on_progress) on_progress(finished, files.size());
    }
  };
  if (threads <= 1) {
    work();
    return;
  }
  std::vector<std::jthread> pool;
  pool.reserve(threads - 1);
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back(work);
  work();
}

}  // namespace eventlet_lsp::analyzers
