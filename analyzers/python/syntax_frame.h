// The ancestors of the node being visited in pass 2, innermost last: what context rules read.
#pragma once

#include <tree_sitter/api.h>

#include <span>

#include "analyzers/parse/python_grammar.h"

namespace eventlet_lsp::analyzers {

struct SyntaxFrame {
  TSNode node;
  NodeKind kind;
  TSFieldId field;  // the field this node fills in its parent (0 when none)
  bool target;      // inside an assignment target: identifiers here are stores
};

// What a context rule knows about one reference to an Eventlet API.
struct ReferenceContext {
  const class SyntaxTree& tree;
  std::span<const SyntaxFrame> ancestors;  // from the module down to the reference's parent
  TSNode reference;                        // `eventlet.spawn` in `eventlet.spawn(f)`
  TSNode call;                             // the call when the reference is called; else null
  std::span<const std::string_view> enclosing_parameters;  // of the innermost function
};

}  // namespace eventlet_lsp::analyzers
