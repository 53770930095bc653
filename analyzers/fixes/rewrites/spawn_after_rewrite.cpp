// spawn_after(seconds, f, *args): a started `threading.Timer(seconds, f, args=..., kwargs=...)`
// (`cancel()` keeps working); inside `async def`, `asyncio.get_running_loop().call_later(...)`.
// Unsafe: the callback runs in a new thread (or on the loop), not in a green thread.
#include "analyzers/fixes/rewrites/call_arguments.h"
#include "analyzers/fixes/rewrites/rewrites.h"
#include "analyzers/fixes/rewrites/statement_lines.h"
#include "analyzers/parse/python_grammar.h"

namespace eventlet_lsp::analyzers {

namespace {

std::string timer_arguments(const CallArguments& arguments) {
  std::string text = arguments.positional[0] + ", " + arguments.positional[1];
  const std::vector<std::string> rest(arguments.positional.begin() + 2, arguments.positional.end());
  if (!rest.empty()) {
    text += ", args=(";
    for (std::size_t i = 0; i < rest.size(); ++i) text += (i ? ", " : "") + rest[i];
    text += rest.size() == 1 ? ",)" : ")";
  }
  if (!arguments.keywords.empty()) {
    text += ", kwargs={";
    for (std::size_t i = 0; i < arguments.keywords.size(); ++i)
      text += (i ? ", " : "") + std::string("\"") + arguments.keywords[i].first + "\": " + arguments.keywords[i].second;
    text += "}";
  }
  return text;
}

}  // namespace

std::vector<Rewrite> rewrite_spawn_after(const RewriteSite& site) {
  if (site.finding.rule->code != "EL401" || ts_node_is_null(site.call)) return {};
  if (site.finding.qualified_name != "eventlet.greenthread.spawn_after" &&
      site.finding.qualified_name != "eventlet.greenthread.spawn_after_local")
    return {};
  const auto arguments = split_arguments(site.tree, site.call);
  if (!arguments || arguments->has_splat || arguments->has_comment || arguments->positional.size() < 2) return {};
  const PythonGrammar& g = PythonGrammar::instance();
  const std::uint32_t start = ts_node_start_byte(site.call);
  const std::uint32_t end = ts_node_end_byte(site.call);
  std::vector<Rewrite> rewrites;
  if (site.in_async_def) {
    if (arguments->keywords.empty()) {
      rewrites.push_back(Rewrite{"Schedule with `loop.call_later` (unsafe: the callback runs on the event loop)",
                                 FixSafety::Unsafe, MigrationTarget::Asyncio,
                                 {{start, end, "asyncio.get_running_loop().call_later(" +
                                                   join_arguments(arguments->positional, {}) + ")"}},
                                 {{"asyncio", ""}}});
    }
    return rewrites;
  }
  const std::string timer = "threading.Timer(" + timer_arguments(*arguments) + ")";
  if (site.call_is_statement) {
    rewrites.push_back(Rewrite{"Start a `threading.Timer` (unsafe: the callback runs in a new thread)",
                               FixSafety::Unsafe, MigrationTarget::Threading, {{start, end, timer + ".start()"}},
                               {{"threading", ""}}});
    return rewrites;
  }
  // `name = spawn_after(...)`: the Timer is kept (for `cancel()`) and started on the next line.
  const std::size_t n = site.path.size() - 1;
  if (n < 3 || site.path[n - 2].kind != NodeKind::Assignment || site.path[n - 1].field != g.f_right) return {};
  const TSNode assignment = site.path[n - 2].node;
  const TSNode target = ts_node_child_by_field_id(assignment, g.f_left);
  if (site.path[n - 3].kind != NodeKind::ExpressionStatement || g.kind(target) != NodeKind::Identifier) return {};
  const std::string_view source = site.tree.source();
  const auto statement_indentation = statement_indent(site.tree, site.path[n - 3].node);
  if (!statement_indentation) return {};
  const std::string& indent = *statement_indentation;
  const std::uint32_t statement_end = ts_node_end_byte(site.path[n - 3].node);
  rewrites.push_back(Rewrite{"Create and start a `threading.Timer` (unsafe: the callback runs in a new thread; "
                             "a Timer has no result to wait for)",
                             FixSafety::Unsafe, MigrationTarget::Threading,
                             {{start, end, timer},
                              {statement_end, statement_end,
                               std::string(newline_of(source)) + indent + std::string(site.text(target)) + ".start()"}},
                             {{"threading", ""}}});
  return rewrites;
}

}  // namespace eventlet_lsp::analyzers
