#include "server/cli/unified_diff.h"

#include <algorithm>
#include <vector>

namespace eventlet_lsp::server {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class Op { Keep, Delete, Insert };

// Myers' O((N+M)D) shortest edit script.
std::vector<Op> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  const int max = n + m;
  std::vector<int> v(2 * max + 2, 0);
  std::vector<std::vector<int>> trace;
  int d_found = 0;
  for (int d = 0; d <= max; ++d) {
    trace.push_back(v);
    bool done = false;
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max])) ? v[k + 1 + max] : v[k - 1 + max] + 1;
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) {
        ++x;
        ++y;
      }
      v[k + max] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    if (done) {
      d_found = d;
      break;
    }
  }
  std::vector<Op> ops;
  int x = n;
  int y = m;
  for (int d = d_found; d > 0; --d) {
    const std::vector<int>& previous = trace[d];
    const int k = x - y;
    const int prev_k = (k == -d || (k != d && previous[k - 1 + max] < previous[k + 1 + max])) ? k + 1 : k - 1;
    const int prev_x = previous[prev_k + max];
    const int prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      ops.push_back(Op::Keep);
      --x;
      --y;
    }
    ops.push_back(x == prev_x ? Op::Insert : Op::Delete);
    x = prev_x;
    y = prev_y;
  }
  while (x > 0 && y > 0) {
    ops.push_back(Op::Keep);
    --x;
    --y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

void append_line(std::string& out, char marker, std::string_view line) {
  out += marker;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, const std::string& old_name,
                         const std::string& new_name) {
  const auto a = split_lines(before);
  const auto b = split_lines(after);
  const std::vector<Op> ops = edit_script(a, b);
  // Positions in a and b before each op.
  std::vector<std::pair<int, int>> at;
  int i = 0;
  int j = 0;
  for (Op op : ops) {
    at.emplace_back(i, j);
    if (op != Op::Insert) ++i;
    if (op != Op::Delete) ++j;
  }
  constexpr int kContext = 3;
  std::string out;
  std::size_t k = 0;
  while (k < ops.size()) {
    if (ops[k] == Op::Keep) {
      ++k;
      continue;
    }
    // A hunk: from kContext keeps before this change to kContext keeps after the last change
    // that is within 2 * kContext keeps of the previous one.
    std::size_t start = k;
    int keeps = 0;
    while (start > 0 && ops[start - 1] == Op::Keep && keeps < kContext) {
      --start;
      ++keeps;
    }
    std::size_t end = k;
    for (;;) {
      while (end < ops.size() && ops[end] != Op::Keep) ++end;
      std::size_t run = end;
      while (run < ops.size() && ops[run] == Op::Keep) ++run;
      if (run < ops.size() && run - end <= 2 * kContext) {
        end = run;
        continue;
      }
      end = std::min(end + kContext, run);
      break;
    }
    int old_count = 0;
    int new_count = 0;
    for (std::size_t p = start; p < end; ++p) {
      if (ops[p] != Op::Insert) ++old_count;
      if (ops[p] != Op::Delete) ++new_count;
    }
    if (out.empty()) out += "--- " + old_name + "\n+++ " + new_name + "\n";
    const int old_start = at[start].first + (old_count > 0 ? 1 : 0);
    const int new_start = at[start].second + (new_count > 0 ? 1 : 0);
    out += "@@ -" + std::to_string(old_start) + (old_count == 1 ? "" : "," + std::to_string(old_count)) + " +" +
           std::to_string(new_start) + (new_count == 1 ? "" : "," + std::to_string(new_count)) + " @@\n";
    for (std::size_t p = start; p < end; ++p) {
      const auto [x, y] = at[p];
      switch (ops[p]) {
        case Op::Keep: append_line(out, ' ', a[x]); break;
        case Op::Delete: append_line(out, '-', a[x]); break;
        case Op::Insert: append_line(out, '+', b[y]); break;
      }
    }
    k = end;
  }
  return out;
}

}  // namespace eventlet_lsp::server
