// tree-sitter's incremental reparse alone, for one keystroke of a statement being typed into the
// middle of a 5,000-line module: between two statements of a function body, and after the last
// statement of one. The language server's typing latency cannot go below this reparse (see
// docs/benchmarks.md); the first case is the baseline the second is compared with.
//   reparse_benchmark [google-benchmark flags]
#include <benchmark/benchmark.h>

#include <string>

#include "analyzers/parse/syntax_tree.h"

namespace {

using namespace eventlet_lsp::analyzers;

// 5,000 lines of functions with three-statement bodies (4 + 1 blank lines each).
std::string module_text() {
  std::string text;
  for (int n = 0; n < 1000; ++n) {
    text += "def handler_" + std::to_string(n) + "(rows):\n";
    text += "    total = 0\n";
    text += "    total += len(rows)\n";
    text += "    return total\n\n";
  }
  return text;
}

TSPoint point_at(const std::string& text, std::size_t offset) {
  TSPoint point{0, 0};
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++point.row;
      point.column = 0;
    } else {
      ++point.column;
    }
  }
  return point;
}

// Types `x` on a new line after `anchor` (a statement of the middle function), one keystroke per
// iteration: the character is inserted and the tree reparsed from the previous one.
void reparse_typing(benchmark::State& state, const std::string& anchor) {
  const std::string base = module_text();
  const std::size_t middle = base.find("def handler_500(");
  const std::size_t line_end = base.find('\n', base.find(anchor, middle));
  PythonParser parser;
  std::string text = base;
  text.insert(line_end, "\n    y = ");  // the statement being typed: `y = x` then more `x`
  SyntaxTree tree = parser.parse(text);
  std::size_t at = line_end + 9;
  for (auto _ : state) {
    TSInputEdit edit{};
    edit.start_byte = edit.old_end_byte = static_cast<std::uint32_t>(at);
    edit.new_end_byte = static_cast<std::uint32_t>(at + 1);
    edit.start_point = edit.old_end_point = point_at(text, at);
    std::string edited = text;
    edited.insert(at, "x");
    edit.new_end_point = point_at(edited, at + 1);
    tree.edit(edit);
    SyntaxTree reparsed = parser.parse(edited, &tree);
    benchmark::DoNotOptimize(reparsed.raw());
    tree = std::move(reparsed);
    text = std::move(edited);
    ++at;
  }
}

void BM_ReparseBetweenStatements(benchmark::State& state) { reparse_typing(state, "    total = 0"); }
void BM_ReparseAfterTheLastStatementOfABlock(benchmark::State& state) { reparse_typing(state, "    return total"); }

BENCHMARK(BM_ReparseBetweenStatements)->Unit(benchmark::kMillisecond)->Iterations(200);
BENCHMARK(BM_ReparseAfterTheLastStatementOfABlock)->Unit(benchmark::kMillisecond)->Iterations(200);

}  // namespace

BENCHMARK_MAIN();
