// EL802 monkey-patch-behind-toggle: `monkey_patch()` that a variable, option or argument disables.
#include "analyzers/catalog/rule.h"
#include <cctype>
#include <string>
#include <vector>
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/syntax_path.h"
#include "analyzers/rules/context_checks.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL802;
constinit const RuleDefinition kRuleEL802{
    .code = "EL802",
    .name = "monkey-patch-behind-toggle",
    .scenario = Scenario::Integration,
    .default_severity = Severity::Information,
    .message = "`{api}` is behind a toggle: Eventlet can already be switched off here",
    .guide_path = "/guide/preparing-for-migration/#is-eventlet-disablable",
    .asyncio_replacement =
        "Explicit asynchronous calls instead of patched ones; blocking calls that remain go "
        "through `await asyncio.to_thread(...)`.",
    .threading_replacement =
        "Delete the call, and later the toggle, and use the plain stdlib modules.",
    .trap =
        "Switching the toggle off gives a blocking baseline, not a concurrent one: work that "
        "relied on green threads runs one piece after another until the replacement concurrency is "
        "in place. Keep the toggle until every green thread is migrated.",
    .docs = {
        .what_it_does =
            "Reports `monkey_patch()` calls that only run under an `if` on an environment "
            "variable, a configuration option or an argument, such as `if "
            "os.environ.get(\"MYAPP_USE_EVENTLET\"):`, and those in a module function that "
            "the module only reaches through a mapping chosen at run time (celery's "
            "`{'eventlet': _patch_eventlet, 'gevent': _patch_gevent}[pool]`).",
        .why_is_this_bad =
            "This is the state a migration aims for first: Eventlet can be switched off to test "
            "the plain behaviour. It is reported at information level to keep the remaining monkey "
            "patching visible and to track the toggle, which becomes an option to deprecate once "
            "Eventlet is removed.",
        .example = R"py(import os

if os.environ.get("MYAPP_DISABLE_EVENTLET", "0") != "1":
    import eventlet

    eventlet.monkey_patch()
)py",
        .fix_safety =
            "Unsafe fix, as for `monkey-patch-unconditional`: the call is removed only when no "
            "other Eventlet usage remains. The toggle itself is left in place, so that its option "
            "or variable can be deprecated first.",
    },
};

// The context check that selects this rule.
namespace {

// Words that mark a condition as a switch someone can flip: the environment, configuration,
// command-line arguments, feature flags.
constexpr std::string_view kToggleWords[] = {"environ", "getenv", "conf",   "cfg",    "setting",
                                             "option",  "opts",   "args",   "argv",   "flag",
                                             "enable",  "disable", "use_",  "eventlet", "patch",
                                             "green",   "toggle", "mode"};

std::string lowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool names_a_toggle(const ReferenceContext& context, TSNode condition) {
  const std::string text = lowercase(context.tree.text(condition));
  // `if __name__ == "__main__"` picks an entry point, and `is_monkey_patched()` makes patching
  // idempotent: neither can switch Eventlet off.
  if (text.find("__name__") != std::string::npos) return false;
  if (text.find("is_monkey_patched") != std::string::npos) return false;
  for (std::string_view word : kToggleWords) {
    if (text.find(word) != std::string::npos) return true;
  }
  // A parameter of the enclosing function: the caller decides.
  const PythonGrammar& g = PythonGrammar::instance();
  std::vector<TSNode> pending{condition};
  while (!pending.empty()) {
    TSNode node = pending.back();
    pending.pop_back();
    if (g.kind(node) == NodeKind::Identifier) {
      const std::string_view name = context.tree.text(node);
      for (std::string_view parameter : context.enclosing_parameters) {
        if (name == parameter && name != "self" && name != "cls") return true;
      }
      continue;
    }
    const std::uint32_t count = ts_node_named_child_count(node);
    for (std::uint32_t i = 0; i < count && pending.size() < 256; ++i)
      pending.push_back(ts_node_named_child(node, i));
  }
  return false;
}

// `{'eventlet': _patch_eventlet, 'gevent': _patch_gevent}[pool]()` (celery's `-P eventlet`): a
// module function that the module never calls by name, only puts in a mapping, runs when a choice
// made at run time selects it. Methods are reached through objects: not judged here.
bool selected_from_a_mapping(const ReferenceContext& context, TSNode function) {
  const PythonGrammar& g = PythonGrammar::instance();
  TSNode holder = ts_node_parent(function);
  if (!ts_node_is_null(holder) && g.kind(holder) == NodeKind::DecoratedDefinition) return false;
  if (!ts_node_is_null(holder) && g.kind(holder) == NodeKind::Block) {
    TSNode owner = ts_node_parent(holder);
    if (!ts_node_is_null(owner) && g.kind(owner) == NodeKind::ClassDefinition) return false;
  }
  TSNode name = ts_node_child_by_field_id(function, g.f_name);
  if (ts_node_is_null(name)) return false;
  const std::string_view word = context.tree.text(name);
  static const TSFieldId f_value = g.f_value;
  bool mapped = false;
  for (std::uint32_t at : find_word(context.tree.source(), word)) {
    if (at == ts_node_start_byte(name)) continue;
    TSNode use = ts_node_descendant_for_byte_range(context.tree.root(), at, at + static_cast<std::uint32_t>(word.size()));
    if (ts_node_is_null(use) || g.kind(use) != NodeKind::Identifier) continue;  // a string, a comment
    TSNode parent = ts_node_parent(use);
    if (ts_node_is_null(parent)) continue;
    if (g.kind(parent) == NodeKind::Call && ts_node_eq(ts_node_child_by_field_id(parent, g.f_function), use))
      return false;  // called by name somewhere: not only a run-time choice
    if (std::string_view(ts_node_type(parent)) == "pair" && ts_node_eq(ts_node_child_by_field_id(parent, f_value), use))
      mapped = true;
  }
  return mapped;
}

}  // namespace

bool monkey_patch_behind_toggle(const ReferenceContext& context) {
  const PythonGrammar& g = PythonGrammar::instance();
  const auto& frames = context.ancestors;
  for (std::size_t i = frames.size(); i-- > 1;) {
    const SyntaxFrame& frame = frames[i - 1];
    const SyntaxFrame& child = frames[i];
    TSNode condition{};
    switch (frame.kind) {
      case NodeKind::FunctionDefinition: return selected_from_a_mapping(context, frame.node);
      case NodeKind::ClassDefinition:
      case NodeKind::Lambda: return false;  // the toggle must be inside the same body
      case NodeKind::IfStatement:
        // In the consequence, or in an else/elif branch of it: either way the `if` decides.
        if (child.field != g.f_condition) condition = ts_node_child_by_field_id(frame.node, g.f_condition);
        break;
      case NodeKind::ElifClause:
        if (child.field != g.f_condition) condition = ts_node_child_by_field_id(frame.node, g.f_condition);
        break;
      case NodeKind::ConditionalExpression:  // `eventlet.monkey_patch() if flag else None`
        condition = ts_node_named_child(frame.node, 1);
        break;
      case NodeKind::BooleanOperator:  // `use_eventlet and eventlet.monkey_patch()`
        if (child.field != g.f_left) condition = ts_node_child_by_field_id(frame.node, g.f_left);
        break;
      default: break;
    }
    if (!ts_node_is_null(condition) && names_a_toggle(context, condition)) return true;
  }
  return false;
}

}  // namespace eventlet_lsp::analyzers
