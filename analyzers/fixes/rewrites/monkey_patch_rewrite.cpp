// monkey_patch(): removed, only when nothing else in the file uses Eventlet any more (its green
// threads and green modules must go first, as the guide orders the work). Always unsafe: code
// elsewhere may still rely on the patched standard library.
#include "analyzers/fixes/rewrites/rewrites.h"

namespace eventlet_lsp::analyzers {

std::vector<Rewrite> rewrite_monkey_patch(const RewriteSite& site) {
  const std::string_view code = site.finding.rule->code;
  if ((code != "EL801" && code != "EL802") || !site.call_is_statement || site.all_findings == nullptr) return {};
  for (const Finding& finding : *site.all_findings) {
    const std::string_view other = finding.rule->code;
    if (other == "EL001" || other == "EL801" || other == "EL802" || other.starts_with("EL9")) continue;
    return {};  // Eventlet is still used here
  }
  return {Rewrite{"Remove the monkey patching (unsafe: code elsewhere may still rely on the patched standard library)",
                  FixSafety::Unsafe, MigrationTarget::Threading, {remove_statement(site.tree, site.statement())}, {}}};
}

}  // namespace eventlet_lsp::analyzers
