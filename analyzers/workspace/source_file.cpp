#include "analyzers/workspace/source_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "analyzers/core/utf8.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/binding_collector.h"
#include "analyzers/python/focused_parse.h"
#include "analyzers/python/python_analyzer.h"
#include "analyzers/text_files/text_file_analyzer.h"

namespace eventlet_lsp::analyzers {

namespace {

// Cheap first look: Python that never says "eventlet" or "EVENTLET" cannot use it (module
// names are case-sensitive). Most files of a tree stop here without being parsed.
bool mentions_eventlet(std::string_view text) {
  // memmem is vectorised: two passes over the bytes beat one pass comparing at every 'e'.
  for (std::string_view word : {std::string_view("eventlet"), std::string_view("EVENTLET")}) {
    if (::memmem(text.data(), text.size(), word.data(), word.size()) != nullptr) return true;
  }
  return false;
}

// Text files name the distribution in any case (`Eventlet==0.36.1`).
bool mentions_eventlet_any_case(std::string_view text) {
  constexpr std::string_view kWord = "eventlet";
  for (std::size_t at = 0; at + kWord.size() <= text.size(); ++at) {
    bool match = true;
    for (std::size_t k = 0; k < kWord.size() && match; ++k) {
      match = (text[at + k] | 0x20) == kWord[k];
    }
    if (match) return true;
  }
  return false;
}

std::uint32_t line_of(std::string_view text, std::size_t offset) {
  return static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n')) + 1;
}

// The first ERROR or MISSING node, for the warning about syntax errors.
TSPoint first_syntax_error(TSNode node) {
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  TSPoint point{0, 0};
  for (;;) {
    TSNode current = ts_tree_cursor_current_node(&cursor);
    if (ts_node_symbol(current) == static_cast<TSSymbol>(-1) || ts_node_is_missing(current)) {
      point = ts_node_start_point(current);
      break;
    }
    if (ts_node_has_error(current) && ts_tree_cursor_goto_first_child(&cursor)) continue;
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor))) {
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
    }
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
  return point;
}

}  // namespace

SourceKind source_kind(const std::filesystem::path& path) {
  const std::string extension = path.extension().string();
  if (extension == ".py" || extension == ".pyi" || extension == ".pyw") return SourceKind::Python;
  return text_file_kind(path.generic_string()) == TextFileKind::NotAudited ? SourceKind::NotAudited
                                                                          : SourceKind::Text;
}

FileAnalysis analyze_source(std::string path, std::string source, PythonParser& parser,
                            const AnalysisOptions& options) {
  FileAnalysis analysis;
  FileReport& report = analysis.report;
  report.path = std::move(path);
  SourceKind kind = source_kind(report.path);
  TextFileKind text_kind = kind == SourceKind::Text ? text_file_kind(report.path) : TextFileKind::NotAudited;
  if (kind == SourceKind::NotAudited) {
    // Only reached for files named explicitly: a directory walk never picks these. Requirement
    // files go by many names (`deploy/deps.txt`), so one that reads as such is audited as one.
    if (!looks_like_requirements(source)) {
      analysis.report.problems.push_back(
          {FileProblem::Kind::Unreadable, "not a Python source or a known configuration file: skipped"});
      analysis.source = std::move(source);
      return analysis;
    }
    kind = SourceKind::Text;
    text_kind = TextFileKind::Requirements;
  }
  if (source.find('\0') != std::string::npos) {
    report.problems.push_back({FileProblem::Kind::NotUtf8, "binary file (NUL bytes): skipped"});
    return analysis;
  }
  report.analysed = true;
  // setup.py may name the distribution only as `Eventlet>=0.30`, like the text files.
  const bool any_case = kind == SourceKind::Text || std::filesystem::path(report.path).filename() == "setup.py";
  if (!(any_case ? mentions_eventlet_any_case(source) : mentions_eventlet(source))) {
    analysis.source = std::move(source);
    return analysis;
  }
  std::uint32_t bad = 0;
  if (!is_valid_utf8(source, &bad)) {
    report.problems.push_back(
        {FileProblem::Kind::NotUtf8, "not valid UTF-8 (first bad byte on line " +
                                         std::to_string(line_of(source, bad)) +
                                         "): analysed as is, columns may be off"});
  }
  if (kind == SourceKind::Text) {
    report.findings = analyze_text_file(text_kind, source, report.problems, options);
    analysis.source = std::move(source);
    return analysis;
  }
  FocusedParse parse = parse_focused(std::move(source), parser);
  ScopeModel model = collect_bindings(parse.tree);
  if (!covers_all_uses(parse, model)) {
    // A name led out of the statements parsed: parse the whole file and start again.
    parse.ranges.clear();
    parse.tree = parser.parse(std::move(parse.tree).take_source());
    model = collect_bindings(parse.tree);
  }
  const SyntaxTree& tree = parse.tree;
  if (!tree.valid()) {
    report.problems.push_back({FileProblem::Kind::SyntaxError, "could not be parsed"});
    return analysis;
  }
  if (tree.has_error()) {
    const TSPoint at = first_syntax_error(tree.root());
    report.problems.push_back(
        {FileProblem::Kind::SyntaxError, "syntax error at line " + std::to_string(at.row + 1) +
                                             ", column " + std::to_string(at.column + 1) +
                                             ": the rest of the file is still analysed"});
  }
  report.findings = analyze_python(tree, model, options);
  analysis.source = std::move(parse.tree).take_source();
  return analysis;
}

FileAnalysis analyze_path(const std::filesystem::path& path, PythonParser& parser,
                          std::uintmax_t max_bytes, const AnalysisOptions& options) {
  auto fail = [&](FileProblem::Kind kind, std::string message) {
    FileAnalysis analysis;
    analysis.report.path = path.string();
    analysis.report.problems.push_back({kind, std::move(message)});
    return analysis;
  };
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(FileProblem::Kind::Unreadable, std::string("cannot be read: ") + std::strerror(errno));
  std::string source;
  char buffer[65536];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      const int saved = errno;
      ::close(fd);
      return fail(FileProblem::Kind::Unreadable, std::string("cannot be read: ") + std::strerror(saved));
    }
    if (got == 0) break;
    if (source.size() + static_cast<std::size_t>(got) > max_bytes) {
      ::close(fd);
      return fail(FileProblem::Kind::TooLarge, "larger than the limit of " + std::to_string(max_bytes) +
                                                   " bytes: skipped (see --max-file-size)");
    }
    source.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(fd);
  return analyze_source(path.string(), std::move(source), parser, options);
}

}  // namespace eventlet_lsp::analyzers
