// Analysis cost against tree-sitter's own parse cost, on a list of real files.
//   analysis_benchmark --files=LIST [google-benchmark flags]
// LIST holds one path a line (e.g. the corpus's eventlet-files.txt). The baseline is the parse
// alone; the target is that parse + analysis stays within 1.25x of it, single-threaded.
#include <benchmark/benchmark.h>

#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/python_analyzer.h"
#include "analyzers/workspace/source_file.h"

namespace {

using namespace eventlet_lsp::analyzers;

std::vector<std::pair<std::string, std::string>>& corpus() {
  static std::vector<std::pair<std::string, std::string>> files;
  return files;
}

void load(const std::string& list) {
  std::ifstream in(list);
  std::string path;
  while (std::getline(in, path)) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream buffer;
    buffer << file.rdbuf();
    corpus().emplace_back(path, buffer.str());
  }
}

std::size_t corpus_bytes() {
  std::size_t bytes = 0;
  for (const auto& file : corpus()) bytes += file.second.size();
  return bytes;
}

void BM_ParseOnly(benchmark::State& state) {
  PythonParser parser;
  for (auto _ : state) {
    for (const auto& [path, source] : corpus()) {
      SyntaxTree tree = parser.parse(source);
      benchmark::DoNotOptimize(tree.raw());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus_bytes()));
}

void BM_ParseAndAnalyze(benchmark::State& state) {
  PythonParser parser;
  std::size_t findings = 0;
  for (auto _ : state) {
    for (const auto& [path, source] : corpus()) {
      SyntaxTree tree = parser.parse(source);
      findings += analyze_python(tree).size();
    }
  }
  benchmark::DoNotOptimize(findings);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus_bytes()));
}

// The whole per-file path of `check` minus the disk: pre-filter, parse, analysis.
void BM_AnalyzeSource(benchmark::State& state) {
  PythonParser parser;
  std::size_t findings = 0;
  for (auto _ : state) {
    for (const auto& [path, source] : corpus()) {
      findings += analyze_source(path, source, parser).report.findings.size();
    }
  }
  benchmark::DoNotOptimize(findings);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus_bytes()));
}

BENCHMARK(BM_ParseOnly)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_ParseAndAnalyze)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_AnalyzeSource)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--files=", 8) == 0) {
      load(argv[i] + 8);
    } else {
      rest.push_back(argv[i]);
    }
  }
  if (corpus().empty()) {
    std::cerr << "usage: analysis_benchmark --files=LIST [benchmark flags]\n";
    return 2;
  }
  std::cerr << corpus().size() << " files, " << corpus_bytes() << " bytes\n";
  int rest_argc = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_argc, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
