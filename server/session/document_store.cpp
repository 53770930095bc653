#include "server/session/document_store.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include "analyzers/parse/edit_widening.h"
#include "analyzers/parse/text_difference.h"
#include "protocol/lsp/positions.h"

namespace eventlet_lsp::server {

using nlohmann::json;

bool is_python_document(const std::string& language_id, const std::filesystem::path& path) {
  if (language_id == "python") return true;
  if (!language_id.empty() && language_id != "plaintext") return false;
  const std::string extension = path.extension().string();
  return extension == ".py" || extension == ".pyi" || extension == ".pyw";
}

namespace {

// The point (row, byte column) reached after writing `text` from `start`.
TSPoint point_after(TSPoint start, std::string_view text) {
  TSPoint point = start;
  for (char c : text) {
    if (c == '\n') {
      ++point.row;
      point.column = 0;
    } else {
      ++point.column;
    }
  }
  return point;
}

TSPoint point_of(const protocol::LineIndex& index, std::uint32_t offset) {
  const protocol::Position position = index.position(offset, protocol::PositionEncoding::Utf8);
  return TSPoint{position.line, position.character};
}

// While the text has syntax errors, tree-sitter reparses cheaply from the erroneous tree as long
// as the error lasts, but the edit that fixes it relexes the whole rest of the file from there
// (nothing built during error recovery is reusable); from the last error-free tree it is the
// other way round (each keystroke redoes the recovery). So the erroneous tree gets twice the
// shortest recent reparse's time (not the last: the keystroke that made the error was slow),
// then the last error-free tree takes over.
constexpr std::chrono::microseconds kMinimumFirstTry{500};

analyzers::SyntaxTree reparse(const Document& document, std::string text, analyzers::PythonParser& parser) {
  if (!document.last_clean_tree.valid()) return parser.parse(std::move(text), &document.tree);
  const auto budget = std::max(kMinimumFirstTry, 2 * document.reparse_times.shortest());
  if (auto quick = parser.parse_within(text, document.tree, budget)) return std::move(*quick);
  // One edit from the last clean text to the new one, on a copy of its tree.
  const std::string& clean_text = document.last_clean_tree.source();
  analyzers::SyntaxTree base = analyzers::SyntaxTree::structure_of(document.last_clean_tree);
  base.edit(analyzers::widen_for_reuse(analyzers::edit_between(clean_text, text), clean_text));
  return parser.parse(std::move(text), &base);
}

}  // namespace

Document* DocumentStore::find(const std::string& uri) {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

Document& DocumentStore::open(const std::string& uri, std::string language_id, std::int64_t version,
                              std::string text, analyzers::PythonParser& parser) {
  Document document;
  document.uri = uri;
  document.path = path_from_uri(uri);
  document.language_id = std::move(language_id);
  document.version = version;
  if (is_python_document(document.language_id, document.path)) {
    document.tree = parser.parse(std::move(text));
  } else {
    document.text = std::move(text);
  }
  document.index = std::make_unique<protocol::LineIndex>(document.source());
  auto [it, inserted] = documents_.insert_or_assign(uri, std::move(document));
  return it->second;
}

bool DocumentStore::close(const std::string& uri) { return documents_.erase(uri) > 0; }

EditOutcome DocumentStore::change(Document& document, std::int64_t version, const json& changes,
                                  protocol::PositionEncoding encoding, analyzers::PythonParser& parser) {
  EditOutcome outcome;
  if (!changes.is_array()) {
    outcome.problem = "contentChanges must be an array";
    return outcome;
  }
  const bool python = document.is_python();
  bool reparse_from_scratch = false;
  // The tree before the edits, unedited (a copy shares its nodes): for the analysis, and to
  // become the last clean tree when the edits bring the first syntax error.
  if (python) outcome.unedited_tree = analyzers::SyntaxTree::structure_of(document.tree);
  std::string text = document.source();
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const json& change = changes[i];
    // Positions of a change refer to the text as the changes before it left it; after the
    // last one, the index is built once from the final text.
    const bool more = i + 1 < changes.size();
    if (!change.is_object() || !change.contains("text") || !change["text"].is_string()) {
      outcome.problem = "a content change needs a string \"text\"";
      continue;
    }
    const std::string& inserted = change["text"].get_ref<const std::string&>();
    if (!change.contains("range")) {  // the whole document
      text = inserted;
      reparse_from_scratch = true;
      if (more) document.index = std::make_unique<protocol::LineIndex>(text);
      continue;
    }
    std::string error;
    bool clamped = false;
    const auto range = protocol::range_from_json(change["range"], *document.index, encoding, error, &clamped);
    if (!range) {
      outcome.problem = error;
      continue;
    }
    if (clamped) outcome.problem = "a change range lies outside the document: clamped to it";
    std::string edited;
    edited.reserve(text.size() - (range->end - range->start) + inserted.size());
    edited.append(text, 0, range->start).append(inserted).append(text, range->end, std::string::npos);
    if (python && !reparse_from_scratch) {
      TSInputEdit edit;
      edit.start_byte = range->start;
      edit.old_end_byte = range->end;
      edit.new_end_byte = range->start + static_cast<std::uint32_t>(inserted.size());
      edit.start_point = point_of(*document.index, range->start);
      edit.old_end_point = point_of(*document.index, range->end);
      edit.new_end_point = point_after(edit.start_point, inserted);
      // Widened so that tree-sitter reuses what follows a block's last line (edit_widening.h).
      document.tree.edit(analyzers::widen_for_reuse(edit, text));
    }
    text = std::move(edited);
    if (more) document.index = std::make_unique<protocol::LineIndex>(text);
  }
  if (python) {
    analyzers::SyntaxTree reparsed;
    if (reparse_from_scratch) {
      reparsed = parser.parse(std::move(text));
    } else {
      const auto started = std::chrono::steady_clock::now();
      reparsed = reparse(document, std::move(text), parser);
      document.reparse_times.add(
          std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started));
    }
    outcome.replaced_tree = std::exchange(document.tree, std::move(reparsed));
    if (!document.tree.has_error() || reparse_from_scratch) {
      document.last_clean_tree = analyzers::SyntaxTree();
    } else if (!document.last_clean_tree.valid() && !outcome.replaced_tree.has_error()) {
      document.last_clean_tree = analyzers::SyntaxTree(std::string(outcome.replaced_tree.source()),
                                                       ts_tree_copy(outcome.unedited_tree.raw()));
    }
    document.index = std::make_unique<protocol::LineIndex>(document.tree.source());
  } else {
    document.text = std::move(text);
    document.index = std::make_unique<protocol::LineIndex>(document.text);
  }
  document.version = version;
  outcome.applied = true;
  return outcome;
}

}  // namespace eventlet_lsp::server
