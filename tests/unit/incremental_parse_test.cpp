// Differential test of incremental parsing: random edit sequences applied through
// DocumentStore::change (LSP content changes with ranges, in UTF-16, UTF-8 and UTF-32 positions)
// must leave the same text, the same tree (ts_node_string, and every node's byte and point range)
// and the same findings (code, range, message) as a full parse of the final text by a fresh
// parser. Checked after every didChange.
//
// The expected text is computed independently: the test keeps the document as UTF-32 code points,
// picks each edit there, converts the edit's range into LSP positions itself, and applies it to
// its own copy. Edits: typing and backspacing at a moving cursor (identifiers, newlines,
// multi-byte characters), statements inserted with their line's indentation, snippets, deletions
// and replacements spanning lines, pastes of the document's own text, undo, edits at the start
// and at the end, empty changes, positions past the end (clamped by the server), several changes
// in one didChange, and whole-document replacements (with and without a range).
//
// Where a syntax error is involved, tree-sitter may recover differently in an incremental parse;
// such differences are counted and printed, not failed (see strict_error_trees()).
//
// Inputs: tests/fixtures/python/*.py and docs/examples/legacy-service/**/*.py (40 didChange per
// encoding per file: over 4,000 by default); with EVENTLET_LSP_CORPUS=~/.cache/eventlet-corpus,
// also a sample of its eventlet-files.txt (EVENTLET_LSP_CORPUS_FILES files, default 30). The random
// sequences are seeded: EVENTLET_LSP_INCREMENTAL_SEED=N (or "random") changes the base seed, which
// every failure prints; a failure also writes a JSON file (its path is in the message) with the
// opened text and every didChange up to the failing one, for a reproduction outside the test.
#include <gtest/gtest.h>
#include <tree_sitter/api.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/catalog/rule.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/analysis_reuse.h"
#include "analyzers/python/python_analyzer.h"
#include "protocol/position/line_index.h"
#include "server/session/document_store.h"
#include "tests/support/test_paths.h"
#include "tests/support/findings_compare.h"

namespace eventlet_lsp {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using protocol::PositionEncoding;
using testing::describe_findings;
using testing::same_findings;

// --- UTF-8 <-> UTF-32, written here rather than borrowed from the code under test ---------------

bool decode_utf8(const std::string& bytes, std::u32string& out) {
  out.clear();
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    const auto b0 = static_cast<unsigned char>(bytes[i]);
    int length = b0 < 0x80           ? 1
                 : (b0 >> 5) == 0x6  ? 2
                 : (b0 >> 4) == 0xE  ? 3
                 : (b0 >> 3) == 0x1E ? 4
                                     : 0;
    if (length == 0 || i + length > bytes.size()) return false;
    char32_t cp = length == 1   ? b0
                  : length == 2 ? (b0 & 0x1F)
                  : length == 3 ? (b0 & 0x0F)
                                : (b0 & 0x07);
    for (int k = 1; k < length; ++k) {
      const auto b = static_cast<unsigned char>(bytes[i + k]);
      if ((b & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (b & 0x3F);
    }
    const char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < minimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    out.push_back(cp);
    i += static_cast<std::size_t>(length);
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : text) append_utf8(out, cp);
  return out;
}

std::u32string u32(const std::string& utf8) {
  std::u32string out;
  if (!decode_utf8(utf8, out)) std::abort();  // the test's own literals are valid UTF-8
  return out;
}

std::uint32_t units(char32_t cp, PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::Utf8:
      return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    case PositionEncoding::Utf16:
      return cp > 0xFFFF ? 2 : 1;
    case PositionEncoding::Utf32:
      return 1;
  }
  return 1;
}

const char* encoding_label(PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::Utf8:
      return "utf-8";
    case PositionEncoding::Utf16:
      return "utf-16";
    case PositionEncoding::Utf32:
      return "utf-32";
  }
  return "?";
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

// --- the model: the document as code points, and LSP positions computed from it -----------------

// A line ends at "\n" only (as the server's LineIndex has it); "\r\n" is one line break whose
// "\r" is not part of the line's characters. The model never puts an edit between "\r" and
// "\n", and never inserts a lone "\r", so a pair is never split.
struct Model {
  std::u32string text;

  // The nearest valid edit position at or before `i`.
  std::size_t snap(std::size_t i) const {
    i = std::min(i, text.size());
    if (i > 0 && i < text.size() && text[i - 1] == U'\r' && text[i] == U'\n') --i;
    return i;
  }

  json position(std::size_t i, PositionEncoding encoding) const {
    std::uint32_t line = 0;
    std::size_t line_start = 0;
    for (std::size_t k = 0; k < i; ++k) {
      if (text[k] == U'\n') {
        ++line;
        line_start = k + 1;
      }
    }
    std::uint32_t character = 0;
    for (std::size_t k = line_start; k < i; ++k) character += units(text[k], encoding);
    return json{{"line", line}, {"character", character}};
  }

  std::size_t line_count() const {
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), U'\n'));
  }

  json ranged_change(std::size_t start, std::size_t end, const std::u32string& inserted,
                     PositionEncoding encoding) {
    json change{{"range", {{"start", position(start, encoding)}, {"end", position(end, encoding)}}},
                {"text", encode_utf8(inserted)}};
    text.replace(start, end - start, inserted);
    return change;
  }
};

// --- random edits ---------------------------------------------------------------------------

const std::vector<std::u32string>& snippets() {
  static const std::vector<std::u32string> list = [] {
    std::vector<std::u32string> out;
    for (const char* s : {"eventlet",
                          "import eventlet\n",
                          "from eventlet import spawn, sleep\n",
                          "eventlet.spawn(work, 1)\n",
                          "eventlet.sleep(0)",
                          "greenthread.spawn_n(f)",
                          "pool = eventlet.GreenPool()\n",
                          "eventlet.monkey_patch()\n",
                          "from eventlet.green import socket\n",
                          "import eventlet.wsgi as wsgi\n",
                          "def f(x):\n    return eventlet.spawn(x)\n",
                          "class A:\n    def run(self):\n        eventlet.sleep(1)\n",
                          "    ",
                          "\t",
                          "\n",
                          "\r\n",
                          "\n\n",
                          "(",
                          ")",
                          "[",
                          "]",
                          "{",
                          "}",
                          ":",
                          ",",
                          ".",
                          "=",
                          "'",
                          "\"",
                          "\"\"\"",
                          "'''",
                          "#",
                          "# noqa",
                          "  # noqa: EL301\n",
                          "\\\n",
                          "\xC3\xA9",
                          "\xE4\xB8\xAD\xE6\x96\x87",
                          "\xF0\x9F\x98\x80",
                          "\xF0\x9D\x84\x9E",
                          "\xC3\xBC\xE2\x82\xAC",
                          "x",
                          "if True:\n    pass\n",
                          "async def g():\n    await eventlet.sleep()\n",
                          "try:\n",
                          "except Exception:\n",
                          "lambda: eventlet.spawn(f)",
                          "f\"{eventlet.spawn(x)}\"",
                          "b'\\xff'",
                          "0x1F",
                          "@decorator\n",
                          "return ",
                          "yield ",
                          "with eventlet.Timeout(5):\n    pass\n",
                          "\"eventlet.green.threading\"",
                          "s = '\xE4\xB8\xAD\xF0\x9F\x98\x80'  # \xC3\xA9\r\n",
                          "eventlet.spawn(\xC3\xA9, '\xF0\x9F\x98\x80')\n",
                          "else:\n",
                          "        ",
                          "match x:\n    case 1:\n        pass\n",
                          "print(",
                          "import ",
                          "from . import x\n"}) {
      out.push_back(u32(s));
    }
    return out;
  }();
  return list;
}

const std::u32string& typed_characters() {
  static const std::u32string chars =
      u32("abcdefghijklmnopqrstuvwxyz_etnaois    ().:,=\n\"'#\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80");
  return chars;
}

class EditGenerator {
 public:
  EditGenerator(std::uint64_t seed, const std::u32string& original) : original_(original) {
    std::seed_seq sequence{static_cast<std::uint32_t>(seed),
                           static_cast<std::uint32_t>(seed >> 32)};
    random_.seed(sequence);
  }

  // One didChange: its contentChanges, applied to `model` as they are built.
  json next(Model& model, PositionEncoding encoding) {
    json changes = json::array();
    const int count = chance(8) ? 2 + uniform(0, 2) : 1;
    for (int i = 0; i < count; ++i) changes.push_back(one(model, encoding));
    return changes;
  }

 private:
  // What undoes one ranged change: replace [start, start + inserted) by `removed`.
  struct Undo {
    std::size_t start;
    std::size_t inserted;
    std::u32string removed;
  };

  int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  std::size_t index(std::size_t size) {
    return std::uniform_int_distribution<std::size_t>(0, size)(random_);
  }
  bool chance(int percent) { return uniform(0, 99) < percent; }
  const std::u32string& snippet() { return snippets()[index(snippets().size() - 1)]; }

  std::size_t short_length() {
    return 1 + static_cast<std::size_t>(std::geometric_distribution<int>(0.25)(random_));
  }

  std::pair<std::size_t, std::size_t> random_range(const Model& model) {
    const std::size_t start = model.snap(index(model.text.size()));
    const std::size_t length = chance(25) ? index(400) : short_length();
    std::size_t end = model.snap(std::min(model.text.size(), start + length));
    return {start, std::max(start, end)};
  }

  // Every ranged change goes through here, so that it can be undone later.
  json edit(Model& model, std::size_t start, std::size_t end, const std::u32string& inserted,
            PositionEncoding encoding) {
    undo_.push_back(Undo{start, inserted.size(), model.text.substr(start, end - start)});
    if (undo_.size() > 64) undo_.erase(undo_.begin());
    cursor_ = start + inserted.size();
    return model.ranged_change(start, end, inserted, encoding);
  }

  static bool identifier_char(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') ||
           c == U'_' || c > 0x7F;
  }

  json one(Model& model, PositionEncoding encoding) {
    const std::size_t size = model.text.size();
    cursor_ = model.snap(std::min(cursor_, size));
    if (chance(8)) cursor_ = model.snap(index(size));
    // Most slips are put right at once: undo the last change (a typo fixed, a paste taken back),
    // so that the text keeps coming back to valid Python instead of staying broken for good.
    const bool fix = fix_next_;
    fix_next_ = chance(55);
    const int kind = fix ? 30 : uniform(0, 99);
    if (kind < 22) {  // typing at the cursor: mostly an identifier going on, sometimes anything
      const bool in_word = cursor_ > 0 && identifier_char(model.text[cursor_ - 1]);
      static const std::u32string letters = u32("abcdefghijklmnopqrstuvwxyz_0123456789\xC3\xA9");
      const std::u32string& pool = in_word && chance(80) ? letters : typed_characters();
      return edit(model, cursor_, cursor_, std::u32string(1, pool[index(pool.size() - 1)]),
                  encoding);
    }
    if (kind < 30 && !fix && cursor_ > 0) {  // backspace: a whole "\r\n" at once
      std::size_t from = cursor_ - 1;
      if (from > 0 && model.text[from] == U'\n' && model.text[from - 1] == U'\r') --from;
      return edit(model, from, cursor_, {}, encoding);
    }
    if (kind < 45 && kind >= 30 &&
        !undo_.empty()) {  // undo: often brings the text back to valid Python
      Undo undo = std::move(undo_.back());
      undo_.pop_back();
      if (undo.start + undo.inserted <= size) {
        json change =
            model.ranged_change(undo.start, undo.start + undo.inserted, undo.removed, encoding);
        cursor_ = undo.start + undo.removed.size();
        return change;
      }
    }
    if (kind < 55) {  // a statement on a line of its own, indented like the line it goes before
      const std::size_t position = model.snap(index(size));
      const std::size_t newline =
          position == 0 ? std::u32string::npos : model.text.rfind(U'\n', position - 1);
      const std::size_t line_start = newline == std::u32string::npos ? 0 : newline + 1;
      std::size_t indent_end = line_start;
      while (indent_end < size &&
             (model.text[indent_end] == U' ' || model.text[indent_end] == U'\t'))
        ++indent_end;
      static const std::vector<std::u32string> statements = {
          u32("eventlet.sleep(0)"),
          u32("eventlet.spawn(work, 1)"),
          u32("gt = eventlet.spawn_n(f, '\xC3\xA9')"),
          u32("pool = eventlet.GreenPool(10)"),
          u32("x = 1  # \xF0\x9F\x98\x80 \xE4\xB8\xAD"),
          u32("pass"),
          u32("eventlet.monkey_patch()"),
          u32("import eventlet"),
          u32("from eventlet import greenthread"),
          u32("t = eventlet.Timeout(1)"),
          u32("s = f'{x!r:>10}'"),
          u32("return")};
      std::u32string line = model.text.substr(line_start, indent_end - line_start);
      line += statements[index(statements.size() - 1)];
      line += chance(10) ? u32("\r\n") : u32("\n");
      return edit(model, line_start, line_start, line, encoding);
    }
    if (kind < 63) {  // a snippet somewhere
      const std::size_t at = model.snap(index(size));
      return edit(model, at, at, snippet(), encoding);
    }
    if (kind < 71) {  // a deletion, often across lines
      const auto [start, end] = random_range(model);
      return edit(model, start, end, {}, encoding);
    }
    if (kind < 79) {  // a replacement
      const auto [start, end] = random_range(model);
      return edit(model, start, end, snippet(), encoding);
    }
    if (kind < 84) {  // a paste of the document's own text
      const auto [from, to] = random_range(model);
      const std::u32string copied = model.text.substr(from, to - from);
      const std::size_t at = model.snap(index(size));
      return edit(model, at, at, copied, encoding);
    }
    if (kind < 88) {  // at the very start
      const std::size_t end = chance(50) ? 0 : model.snap(std::min(size, short_length()));
      return edit(model, 0, end, chance(70) ? snippet() : std::u32string(), encoding);
    }
    if (kind < 92) {  // at the very end
      const std::size_t start =
          chance(50) ? size : model.snap(size - std::min(size, short_length()));
      return edit(model, start, size, chance(70) ? snippet() : std::u32string(), encoding);
    }
    if (kind < 95) {  // an empty change: nothing removed, nothing inserted
      const std::size_t at = model.snap(index(size));
      return edit(model, at, at, {}, encoding);
    }
    if (kind < 97) {  // a position past the end: the server clamps it to the end of the text
      const std::u32string& text = snippet();
      json change = edit(model, size, size, text, encoding);
      const auto lines = static_cast<std::uint32_t>(model.line_count());
      const auto inserted_lines =
          static_cast<std::uint32_t>(std::count(text.begin(), text.end(), U'\n'));
      const json past = chance(50)
                            ? json{{"line", lines + 3}, {"character", 0}}
                            : json{{"line", lines - 1 - inserted_lines}, {"character", 100000}};
      change["range"] = {{"start", past}, {"end", past}};
      return change;
    }
    if (kind < 98) {  // the whole document through a range
      return edit(model, 0, size, chance(50) ? original_ : std::u32string(), encoding);
    }
    // the whole document without a range: empty, a snippet, or the original text back
    const int which = uniform(0, 2);
    model.text = which == 0 ? std::u32string() : which == 1 ? snippet() : original_;
    cursor_ = 0;
    undo_.clear();
    return json{{"text", encode_utf8(model.text)}};
  }

  std::mt19937 random_;
  std::u32string original_;
  std::size_t cursor_ = 0;
  std::vector<Undo> undo_;
  bool fix_next_ = false;
};

// --- comparisons ----------------------------------------------------------------------------

std::string node_string(TSNode node) {
  char* raw = ts_node_string(node);
  std::string text = raw;
  std::free(raw);
  return text;
}

// Every node of both trees, in order: kind, byte range, point range, error flags. (ts_node_string
// has no positions: an edit recorded with a wrong point would not show there.)
std::string compare_structure(TSNode expected_root, TSNode actual_root) {
  TSTreeCursor expected = ts_tree_cursor_new(expected_root);
  TSTreeCursor actual = ts_tree_cursor_new(actual_root);
  std::string problem;
  for (;;) {
    const TSNode a = ts_tree_cursor_current_node(&expected);
    const TSNode b = ts_tree_cursor_current_node(&actual);
    const TSPoint as = ts_node_start_point(a), ae = ts_node_end_point(a);
    const TSPoint bs = ts_node_start_point(b), be = ts_node_end_point(b);
    if (ts_node_symbol(a) != ts_node_symbol(b) || ts_node_start_byte(a) != ts_node_start_byte(b) ||
        ts_node_end_byte(a) != ts_node_end_byte(b) || as.row != bs.row || as.column != bs.column ||
        ae.row != be.row || ae.column != be.column ||
        ts_node_is_missing(a) != ts_node_is_missing(b) ||
        ts_node_has_error(a) != ts_node_has_error(b) ||
        ts_node_child_count(a) != ts_node_child_count(b)) {
      std::ostringstream out;
      out << "first differing node: full parse " << ts_node_type(a) << " [" << ts_node_start_byte(a)
          << ", " << ts_node_end_byte(a) << ") (" << as.row << ":" << as.column << ")-(" << ae.row
          << ":" << ae.column << ") children " << ts_node_child_count(a) << "; incremental "
          << ts_node_type(b) << " [" << ts_node_start_byte(b) << ", " << ts_node_end_byte(b)
          << ") (" << bs.row << ":" << bs.column << ")-(" << be.row << ":" << be.column
          << ") children " << ts_node_child_count(b);
      problem = out.str();
      break;
    }
    if (ts_tree_cursor_goto_first_child(&expected)) {
      ts_tree_cursor_goto_first_child(&actual);
      continue;
    }
    bool done = false;
    while (!ts_tree_cursor_goto_next_sibling(&expected)) {
      ts_tree_cursor_goto_parent(&actual);
      if (!ts_tree_cursor_goto_parent(&expected)) {
        done = true;
        break;
      }
    }
    if (done) break;
    ts_tree_cursor_goto_next_sibling(&actual);
  }
  ts_tree_cursor_delete(&expected);
  ts_tree_cursor_delete(&actual);
  return problem;
}

// --- the run --------------------------------------------------------------------------------

std::uint64_t base_seed() {
  static const std::uint64_t seed = [] {
    const char* value = std::getenv("EVENTLET_LSP_INCREMENTAL_SEED");
    if (value == nullptr || *value == '\0') return std::uint64_t{20250601};
    if (std::string(value) == "random")
      return (std::uint64_t{std::random_device{}()} << 32) | std::random_device{}();
    return static_cast<std::uint64_t>(std::strtoull(value, nullptr, 0));
  }();
  return seed;
}

struct RunStats {
  std::size_t edits = 0;
  std::size_t changes = 0;
  std::size_t error_trees =
      0;  // checks where the text, or the tree it was edited from, had a syntax error
  std::size_t tolerated =
      0;  // checks where the incremental tree differed then (see strict_error_trees())
  std::size_t unconverged = 0;  // sequences that ended with such a difference still there
  std::size_t reused = 0;       // edits whose findings were carried over (analysis_reuse.h)
  std::size_t one_definition = 0;  // edits analysed again in one definition
};

// Analyses the edited document as the server does (analysis_reuse.h) and compares the findings,
// however obtained, with a fresh analysis of the whole tree. The server's findings and state go on to the next edit, as in the server; after a
// mismatch (reported), the fresh ones do.
std::string check_reuse(const server::EditOutcome& outcome, const server::Document& document,
                        std::vector<analyzers::Finding>& previous, analyzers::ReuseState& state,
                        RunStats& stats) {
  analyzers::EditedAnalysis analysis = analyzers::analyze_python_after_edit(
      previous, state, outcome.replaced_tree, outcome.unedited_tree, document.tree);
  analyzers::ReuseState fresh_state;
  std::vector<analyzers::Finding> fresh = analyzers::analyze_python_reusably(document.tree, fresh_state);
  std::string problem;
  if (analysis.reuse == analyzers::AnalysisReuse::CarriedOver) ++stats.reused;
  if (analysis.reuse == analyzers::AnalysisReuse::OneDefinition) ++stats.one_definition;
  // Every way is compared: a whole-file analysis after an edit uses the occurrences kept from
  // the previous text (occurrence_cache.h).
  if (!same_findings(analysis.findings, fresh)) {
    problem = std::string(analysis.reuse == analyzers::AnalysisReuse::CarriedOver     ? "the findings carried over the edit"
                          : analysis.reuse == analyzers::AnalysisReuse::OneDefinition ? "the findings of the definition analysed again"
                                                                                      : "the findings of the analysis after the edit") +
              " differ from a new analysis\n theirs:\n" + describe_findings(analysis.findings) +
              " analysed:\n" + describe_findings(fresh);
    previous = std::move(fresh);
    state = std::move(fresh_state);
    return problem;
  }
  previous = std::move(analysis.findings);
  return problem;
}

// Tree-sitter's error recovery depends on the parse's history: where the new text or the tree it
// is reparsed from has a syntax error, an incremental parse may recover differently from a full
// parse, and nodes built during that recovery may be reused after the error is fixed (tree-sitter
// 0.20.7 reuses an ambiguous `a, b` as pattern_list where a full parse says expression_list).
// Such differences are counted and printed, not failed, until the trees agree again, unless
// EVENTLET_LSP_INCREMENTAL_STRICT=1. An edit from an error-free tree to an error-free text must
// give exactly the full parse's tree: any difference there fails.
bool strict_error_trees() {
  const char* value = std::getenv("EVENTLET_LSP_INCREMENTAL_STRICT");
  return value != nullptr && *value != '\0' && std::string(value) != "0";
}

// Writes what reproduces a failure: the text before the failing didChange and that didChange, and
// the whole sequence from the opened text (the tree's history matters to an incremental parse).
std::string save_reproduction(const std::string& label, const std::string& initial,
                              const json& history, const std::string& before, const json& changes,
                              PositionEncoding encoding, std::uint64_t seed, std::size_t step) {
  const fs::path path =
      fs::path(::testing::TempDir()) /
      ("incremental-parse-failure-" + std::to_string(fnv1a(label) % 1000000) + ".json");
  json record{{"file", label},
              {"seed", seed},
              {"base_seed", base_seed()},
              {"step", step},
              {"encoding", encoding_label(encoding)},
              {"text_before", before},
              {"contentChanges", changes},
              {"initial_text", initial},
              {"didChange_history", history}};
  std::ofstream(path, std::ios::binary)
      << record.dump(1, ' ', false, json::error_handler_t::replace);
  return path.string();
}

// Runs one edit sequence on `source`; returns false after the first mismatch (reported).
bool run_sequence(const std::string& label, const std::string& source, PositionEncoding encoding,
                  int steps, RunStats& stats) {
  const std::uint64_t seed =
      base_seed() ^ fnv1a(label) ^ (static_cast<std::uint64_t>(encoding) << 56);
  Model model;
  if (!decode_utf8(source, model.text)) return true;  // the caller skips files that are not UTF-8
  EditGenerator generator(seed, model.text);
  // The document gets one parser for its whole life, as a session's documents do; each reference
  // parse gets a fresh one, so that nothing a parser remembers from an earlier parse can make the
  // reference agree with a wrong tree.
  analyzers::PythonParser incremental_parser;
  server::DocumentStore store;
  const std::string uri = "file:///incremental/" + label;
  server::Document& document = store.open(uri, "python", 1, source, incremental_parser);
  const std::string context =
      "file " + label + ", " + encoding_label(encoding) + " positions, seed " +
      std::to_string(seed) + " (base seed " + std::to_string(base_seed()) +
      ": EVENTLET_LSP_INCREMENTAL_SEED=" + std::to_string(base_seed()) + ")";
  json history = json::array();  // every didChange's contentChanges so far, for a reproduction
  bool diverged = false;         // a tolerated difference that has not gone away yet
  // The server carries findings over edits that cannot change them: each time it would, the
  // carried findings must be exactly what analysing the new tree gives.
  analyzers::ReuseState reuse_state;
  std::vector<analyzers::Finding> previous_findings =
      analyzers::analyze_python_reusably(document.tree, reuse_state);
  for (int step = 0; step < steps; ++step) {
    const std::string before = document.source();
    const bool edited_from_error = document.tree.has_error();
    const json changes = generator.next(model, encoding);
    history.push_back(changes);
    const server::EditOutcome outcome =
        store.change(document, step + 2, changes, encoding, incremental_parser);
    ++stats.edits;
    stats.changes += changes.size();
    const std::string expected_text = encode_utf8(model.text);
    std::string problem;
    if (!outcome.applied) {
      problem = "the change was not applied: " + outcome.problem;
    } else if (document.source() != expected_text) {
      problem = "the document's text differs from the expected text (" +
                std::to_string(document.source().size()) + " bytes instead of " +
                std::to_string(expected_text.size()) + ")";
    } else if (document.index->line_count() != model.line_count()) {
      problem = "the line index has " + std::to_string(document.index->line_count()) +
                " lines instead of " + std::to_string(model.line_count());
    } else if (std::string reuse_problem =
                   check_reuse(outcome, document, previous_findings, reuse_state, stats);
               !reuse_problem.empty()) {
      problem = reuse_problem;
    } else {
      analyzers::PythonParser full_parser;
      const analyzers::SyntaxTree full = full_parser.parse(expected_text);
      const std::string full_string = node_string(full.root());
      const std::string incremental_string = node_string(document.tree.root());
      const bool error_involved = ts_node_has_error(full.root()) || edited_from_error;
      if (error_involved) ++stats.error_trees;
      const bool tolerate = (error_involved || diverged) && !strict_error_trees();
      const bool same = full_string == incremental_string &&
                        compare_structure(full.root(), document.tree.root()).empty();
      if (same) diverged = false;
      if (!same && tolerate) {
        ++stats.tolerated;  // a different recovery from a syntax error: see strict_error_trees()
        diverged = true;
      } else if (full_string != incremental_string) {
        problem = "the incremental tree differs from a full parse (" +
                  compare_structure(full.root(), document.tree.root()) +
                  ")\n  full:        " + full_string.substr(0, 2000) +
                  "\n  incremental: " + incremental_string.substr(0, 2000);
      } else if (std::string structure = compare_structure(full.root(), document.tree.root());
                 !structure.empty()) {
        problem = "the incremental tree has the same shape but different positions: " + structure;
      } else {
        const auto full_findings = analyzers::analyze_python(full);
        const auto incremental_findings = analyzers::analyze_python(document.tree);
        if (!same_findings(full_findings, incremental_findings)) {
          problem = "the findings differ\n full parse:\n" + describe_findings(full_findings) +
                    " incremental:\n" + describe_findings(incremental_findings);
        }
      }
    }
    if (!problem.empty()) {
      const std::string saved =
          save_reproduction(label, source, history, before, changes, encoding, seed, step);
      ADD_FAILURE() << context << ", didChange #" << step + 1 << ": " << problem
                    << "\n  contentChanges: "
                    << changes.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 1000)
                    << "\n  reproduction (initial text, every didChange): " << saved;
      return false;
    }
  }
  if (diverged) {
    ++stats.unconverged;
    std::cout << "[ note     ] " << context
              << ": the incremental tree still differs from a full parse after the last "
              << "edit (a tolerated error recovery that never converged)\n";
  }
  return true;
}

void run_file(const fs::path& path, const std::string& label, int steps_per_encoding,
              RunStats& stats) {
  const std::string source = read_bytes(path);
  std::u32string decoded;
  if (!decode_utf8(source, decoded)) {
    std::cout << "[ skipped  ] " << label << ": not UTF-8\n";
    return;
  }
  for (PositionEncoding encoding :
       {PositionEncoding::Utf16, PositionEncoding::Utf8, PositionEncoding::Utf32}) {
    if (!run_sequence(label, source, encoding, steps_per_encoding, stats)) return;
  }
}

void report(const RunStats& stats) {
  std::cout << "[ edits    ] " << stats.edits << " didChange (" << stats.changes
            << " content changes) checked; " << stats.error_trees
            << " with a syntax error in the text, " << stats.tolerated
            << " of them recovered differently by the incremental parse, " << stats.unconverged
            << " sequences ending with such a difference; findings carried over " << stats.reused
            << " edits, redone for one definition " << stats.one_definition << "\n";
  ::testing::Test::RecordProperty("edits", std::to_string(stats.edits));
  ::testing::Test::RecordProperty("tolerated_error_recoveries", std::to_string(stats.tolerated));
}

std::vector<fs::path> default_inputs() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(testing::fixtures_dir() / "python")) {
    if (entry.path().extension() == ".py") files.push_back(entry.path());
  }
  const fs::path example = testing::source_dir() / "docs" / "examples" / "legacy-service";
  for (const auto& entry : fs::recursive_directory_iterator(example)) {
    if (entry.is_regular_file() && entry.path().extension() == ".py") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string label_of(const fs::path& path) {
  return fs::relative(path, testing::source_dir()).generic_string();
}

// 40 didChange per encoding, 3 encodings, 34 files: over 4,000 checked edits by default.
constexpr int kStepsPerEncoding = 40;

class IncrementalParse : public ::testing::TestWithParam<fs::path> {};

TEST_P(IncrementalParse, EditsMatchAFullParse) {
  RunStats stats;
  run_file(GetParam(), label_of(GetParam()), kStepsPerEncoding, stats);
  report(stats);
  EXPECT_EQ(stats.edits, 3u * kStepsPerEncoding);
}

std::string test_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name = label_of(info.param);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Incremental, IncrementalParse, ::testing::ValuesIn(default_inputs()),
                         test_name);

TEST(IncrementalParseInputs, CoverTheFixturesAndTheExample) {
  // The parameterised suite above must not silently lose its inputs.
  EXPECT_GE(default_inputs().size(), 30u);
}

// The real-world corpus: only when EVENTLET_LSP_CORPUS names it (see the file's comment).
TEST(IncrementalParseCorpus, EditsMatchAFullParse) {
  const char* corpus = std::getenv("EVENTLET_LSP_CORPUS");
  if (corpus == nullptr || *corpus == '\0') GTEST_SKIP() << "EVENTLET_LSP_CORPUS is not set";
  const fs::path list_path = fs::path(corpus) / "eventlet-files.txt";
  std::ifstream list(list_path);
  ASSERT_TRUE(list) << "cannot read " << list_path;
  std::vector<std::string> files;
  for (std::string line; std::getline(list, line);) {
    if (!line.empty()) files.push_back(line);
  }
  ASSERT_FALSE(files.empty());
  const char* count_value = std::getenv("EVENTLET_LSP_CORPUS_FILES");
  const std::size_t count = std::min<std::size_t>(
      files.size(), count_value ? std::strtoul(count_value, nullptr, 10) : 30);
  std::mt19937 random(static_cast<std::uint32_t>(base_seed()));
  std::shuffle(files.begin(), files.end(), random);
  files.resize(count);
  RunStats stats;
  const auto started = std::chrono::steady_clock::now();
  for (const std::string& file : files) {
    const fs::path path = fs::path(file).is_absolute() ? fs::path(file) : fs::path(corpus) / file;
    const auto size = fs::file_size(path);
    // Larger files cost more per check (two parses and two analyses per edit): fewer edits.
    const int steps = size > 400'000 ? 8 : size > 100'000 ? 20 : 50;
    run_file(path, path.lexically_relative(corpus).generic_string(), steps, stats);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  report(stats);
  std::cout << "[ corpus   ] " << count << " files, " << stats.edits << " didChange, "
            << stats.changes << " content changes, " << seconds << " s (base seed " << base_seed()
            << ")\n";
}

}  // namespace
}  // namespace eventlet_lsp
