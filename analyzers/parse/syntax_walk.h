// Depth-first walk over a tree with enter/leave callbacks, driven by a TSTreeCursor so that it is
// iterative (no recursion on deeply nested code) and linear (no ts_node_child(i) scans).
#pragma once

#include <tree_sitter/api.h>

namespace eventlet_lsp::analyzers {

// Visitor: `bool enter(TSNode node, TSFieldId field)` returns false to skip the node's children;
// `void leave(TSNode node)` runs after its children (also when they were skipped).
template <typename Visitor>
void walk_syntax(TSNode root, Visitor& visitor) {
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  bool descend = visitor.enter(root, 0);
  for (;;) {
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) {
      descend = visitor.enter(ts_tree_cursor_current_node(&cursor),
                              ts_tree_cursor_current_field_id(&cursor));
      continue;
    }
    // Leave nodes until one has a next sibling.
    for (;;) {
      visitor.leave(ts_tree_cursor_current_node(&cursor));
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        descend = visitor.enter(ts_tree_cursor_current_node(&cursor),
                                ts_tree_cursor_current_field_id(&cursor));
        break;
      }
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return;
      }
    }
  }
}

}  // namespace eventlet_lsp::analyzers
