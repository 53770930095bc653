// The open documents, and the edits that keep each text and its tree in step.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "analyzers/parse/syntax_tree.h"
#include "server/session/document.h"

namespace eventlet_lsp::server {

struct EditOutcome {
  bool applied = false;
  std::string problem;  // why nothing or only part was applied (out-of-range position, ...)
  // The tree the edit replaced, with the text before the edit (what the findings so far are of).
  // Freeing a large tree takes a while: the caller lets it go once the client has its diagnostics.
  analyzers::SyntaxTree replaced_tree;
  // A copy of that tree from before the edit (no text): its structure, in the old positions.
  analyzers::SyntaxTree unedited_tree;
};

class DocumentStore {
 public:
  Document* find(const std::string& uri);
  const std::map<std::string, Document>& all() const { return documents_; }
  std::map<std::string, Document>& all() { return documents_; }

  // didOpen: replaces any document of that URI.
  Document& open(const std::string& uri, std::string language_id, std::int64_t version, std::string text,
                 analyzers::PythonParser& parser);
  bool close(const std::string& uri);

  // didChange: applies `changes` (LSP TextDocumentContentChangeEvent[]) in order, editing the
  // tree for each ranged change and reparsing once, incrementally, with the old tree.
  // Out-of-range positions are clamped to the text (and reported in `problem`).
  EditOutcome change(Document& document, std::int64_t version, const nlohmann::json& changes,
                     protocol::PositionEncoding encoding, analyzers::PythonParser& parser);

 private:
  std::map<std::string, Document> documents_;
};

// Whether a document is analysed as Python (by language id, else by file name).
bool is_python_document(const std::string& language_id, const std::filesystem::path& path);

}  // namespace eventlet_lsp::server
