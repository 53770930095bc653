// A progress line on stderr for long runs on a terminal; silent otherwise.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>

namespace eventlet_lsp::server {

class ProgressBar {
 public:
  explicit ProgressBar(bool enabled);
  ~ProgressBar();
  // Thread-safe; draws at most ten times a second, and only after the first half second.
  void update(std::size_t done, std::size_t total);

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  std::mutex mutex_;
};

}  // namespace eventlet_lsp::server
