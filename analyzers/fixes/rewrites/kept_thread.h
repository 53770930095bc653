// A GreenThread kept in a variable (`t = eventlet.spawn(f)`, `t = pool.spawn(f)`) whose uses
// all have a `concurrent.futures.Future` counterpart: `t.wait()` -> `t.result()`, `t.kill()` and
// `t.cancel()` -> `t.cancel()`. Shared by the kept-spawn and GreenPool families.
#pragma once

#include <optional>
#include <vector>

#include "analyzers/fixes/fix.h"
#include "analyzers/fixes/rewrites/variable_uses.h"

namespace eventlet_lsp::analyzers {

struct KeptThreadEdits {
  std::vector<TextEdit> edits;
  bool cancels = false;  // a kill() or cancel() became cancel()
};

// The edits turning every use of `variable` into its Future counterpart; nullopt when one use
// has none (passed on, returned, `link()`, `kill(exception)`, ...) or runs inside `async def`.
std::optional<KeptThreadEdits> kept_thread_edits(const Variable& variable);

}  // namespace eventlet_lsp::analyzers
