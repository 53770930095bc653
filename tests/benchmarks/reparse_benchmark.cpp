// tree-sitter's incremental reparse alone, for one keystroke of a statement being typed into the
// middle of a 5,000-line module: between two statements of a function body, and after the last
// statement of one; each with the edit as typed and as the language server describes it
// (widen_for_reuse). The language server's typing latency cannot go below this reparse
// (see docs/benchmarks.md); the first case is the baseline the others are compared with.
//   reparse_benchmark [google-benchmark flags]
#include <benchmark/benchmark.h>

#include <string>

#include "analyzers/parse/edit_widening.h"
#include "analyzers/parse/syntax_tree.h"
#include "tests/support/text_edits.h"

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

// Types `x` on a new line after `anchor` (a statement of the middle function), one keystroke per
// iteration: the character is inserted and the tree reparsed from the previous one.
void reparse_typing(benchmark::State& state, const std::string& anchor, bool widened) {
  const std::string base = module_text();
  const std::size_t middle = base.find("def handler_500(");
  const std::size_t line_end = base.find('\n', base.find(anchor, middle));
  PythonParser parser;
  std::string text = base;
  text.insert(line_end, "\n    y = ");  // the statement being typed: `y = x` then more `x`
  SyntaxTree tree = parser.parse(text);
  std::size_t at = line_end + 9;
  for (auto _ : state) {
    const TSInputEdit edit = eventlet_lsp::testing::edit_of(text, at, at, "x");
    std::string edited = text;
    edited.insert(at, "x");
    tree.edit(widened ? widen_for_reuse(edit, text) : edit);
    SyntaxTree reparsed = parser.parse(edited, &tree);
    benchmark::DoNotOptimize(reparsed.raw());
    tree = std::move(reparsed);
    text = std::move(edited);
    ++at;
  }
}

void BM_ReparseBetweenStatements(benchmark::State& state) { reparse_typing(state, "    total = 0", false); }
void BM_ReparseAfterTheLastStatementOfABlock(benchmark::State& state) {
  reparse_typing(state, "    return total", false);
}
void BM_ReparseBetweenStatementsWidened(benchmark::State& state) { reparse_typing(state, "    total = 0", true); }
void BM_ReparseAfterTheLastStatementOfABlockWidened(benchmark::State& state) {
  reparse_typing(state, "    return total", true);
}

BENCHMARK(BM_ReparseBetweenStatements)->Unit(benchmark::kMillisecond)->Iterations(200);
BENCHMARK(BM_ReparseAfterTheLastStatementOfABlock)->Unit(benchmark::kMillisecond)->Iterations(200);
BENCHMARK(BM_ReparseBetweenStatementsWidened)->Unit(benchmark::kMillisecond)->Iterations(200);
BENCHMARK(BM_ReparseAfterTheLastStatementOfABlockWidened)->Unit(benchmark::kMillisecond)->Iterations(200);

}  // namespace

BENCHMARK_MAIN();
