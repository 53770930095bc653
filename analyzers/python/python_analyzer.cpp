#include "analyzers/python/python_analyzer.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "analyzers/catalog/api_table.h"
#include "analyzers/catalog/rule_registry.h"
#include "analyzers/python/binding_collector.h"
#include "analyzers/python/deployment_findings.h"
#include "analyzers/python/literals.h"
#include "analyzers/python/name_resolver.h"
#include "analyzers/python/noqa.h"
#include "analyzers/python/syntax_frame.h"
#include "analyzers/python/syntax_path.h"
#include "analyzers/rules/context_checks.h"

namespace eventlet_lsp::analyzers {

std::string format_message(std::string_view message_template, std::string_view api) {
  std::string shown;
  bool space = false;
  for (char c : api) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\\') {
      space = !shown.empty();
      continue;
    }
    if (space) shown += ' ';
    space = false;
    shown += c;
    if (shown.size() > 80) {
      shown += "...";
      break;
    }
  }
  std::string message(message_template);
  for (std::size_t at = message.find("{api}"); at != std::string::npos;
       at = message.find("{api}", at + shown.size())) {
    message.replace(at, 5, shown);
  }
  return message;
}

namespace {

bool is_dotted_identifier(std::string_view text) {
  if (text.empty()) return false;
  bool start = true;
  for (char c : text) {
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    const bool digit = c >= '0' && c <= '9';
    if (c == '.') {
      if (start) return false;
      start = true;
      continue;
    }
    if (!(alpha || (digit && !start))) return false;
    start = false;
  }
  return !start;
}

bool is_environment_variable_name(std::string_view text) {
  if (!text.starts_with("EVENTLET_") || text.size() == 9) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

class ReferenceReporter {
 public:
  ReferenceReporter(const SyntaxTree& tree, const ScopeModel& model, const AnalysisOptions& options,
                    const SearchArea& area)
      : tree_(tree), area_(area), paths_(tree), model_(model), options_(options), resolver_(model, tree),
        g_(PythonGrammar::instance()) {}

  std::vector<Finding> run() && {
    for (const NameUse& use : model_.uses) on_use(use);
    on_strings();
    add_deployment_findings(tree_, area_, findings_);
    for (const ImportSite& site : model_.eventlet_imports) {
      const RuleDefinition& inventory = rule("EL001");
      Finding finding;
      finding.rule = &inventory;
      finding.range = site.statement;
      finding.message = format_message(inventory.message, site.module_name);
      finding.qualified_name = canonical_api_name(site.module_name);
      finding.severity = inventory.default_severity;
      findings_.push_back(std::move(finding));
    }
    if (options_.honour_noqa) apply_noqa();
    std::stable_sort(findings_.begin(), findings_.end(), [](const Finding& a, const Finding& b) {
      if (a.range.start_byte != b.range.start_byte) return a.range.start_byte < b.range.start_byte;
      return a.rule->code < b.rule->code;
    });
    return std::move(findings_);
  }

 private:
  void on_use(const NameUse& use) {
    const std::size_t at = use.path.size() - 1;
    TSNode node = use.path[at].node;
    if (use.kind == NameUse::Kind::Name) {
      if (Resolution resolution = resolver_.resolve_name(tree_.text(node), use.scope))
        report(resolution, use, at);
      return;
    }
    TSNode object = ts_node_child_by_field_id(node, g_.f_object);
    TSNode attribute = ts_node_child_by_field_id(node, g_.f_attribute);
    if (Resolution resolution =
            resolver_.resolve_self_attribute(tree_.text(object), tree_.text(attribute), use.scope))
      report(resolution, use, at);
  }

  // Extends a resolved name through the attribute chain above it and reports the result.
  void report(const Resolution& resolution, const NameUse& use, std::size_t at) {
    const SyntaxPath& path = use.path;
    if (resolution.kind == Resolution::Kind::Instance) {
      report_instance_member(resolution, use, at);
      return;
    }
    std::string name = resolution.qualified_name;
    ApiMatch match = lookup_api(name);
    while (!match.unknown && at > 0) {
      const SyntaxFrame& parent = path[at - 1];
      if (parent.kind != NodeKind::Attribute || path[at].field != g_.f_object) break;
      TSNode attribute = ts_node_child_by_field_id(parent.node, g_.f_attribute);
      std::string next = name + "." + std::string(tree_.text(attribute));
      ApiMatch next_match = lookup_api(next);
      const bool into_open_module = match.exact && match.entry != nullptr &&
                                    match.entry->kind == ApiKind::Module &&
                                    match.entry->open_namespace;
      if (!(next_match.exact || next_match.unknown || into_open_module)) break;
      name = std::move(next);
      match = std::move(next_match);
      --at;
    }
    emit(match, use, at, resolution);
  }

  void report_instance_member(const Resolution& resolution, const NameUse& use, std::size_t at) {
    if (at == 0) return;
    const SyntaxFrame& parent = use.path[at - 1];
    if (parent.kind != NodeKind::Attribute || use.path[at].field != g_.f_object) return;
    TSNode attribute = ts_node_child_by_field_id(parent.node, g_.f_attribute);
    const std::string member = resolution.qualified_name + "." + std::string(tree_.text(attribute));
    // A member the catalog does not list is still a use of the Eventlet object: it is reported
    // under the rule of its class.
    // Attributes the program stores on the object (`thread.entry = entry`) are its own data.
    const bool stored = parent.target && at >= 2 && use.path[at - 2].kind == NodeKind::Assignment;
    const ApiMatch match = lookup_api(member);
    if (match.entry == nullptr || (!match.exact && stored)) return;
    emit(match, use, at - 1, resolution);
  }

  const std::vector<std::string_view>& enclosing_parameters(std::uint32_t scope) const {
    for (std::uint32_t index = scope;; index = model_.scopes[index].parent) {
      const Scope& current = model_.scopes[index];
      if (current.kind == Scope::Kind::Function || current.kind == Scope::Kind::Lambda || index == 0)
        return current.parameters;
    }
  }

  bool inside_async_function(std::uint32_t scope) const {
    for (std::uint32_t index = scope;; index = model_.scopes[index].parent) {
      const Scope& current = model_.scopes[index];
      if (current.kind == Scope::Kind::Comprehension && index != 0) continue;
      return current.kind == Scope::Kind::Function && current.is_async;
    }
  }

  std::string_view refine(const ApiEntry& entry, const ReferenceContext& context) const {
    switch (entry.context) {
      case ApiContext::None: break;
      case ApiContext::Spawn:
        if (spawn_result_discarded(context)) return "EL301";
        break;
      case ApiContext::MonkeyPatch:
        if (monkey_patch_behind_toggle(context)) return "EL802";
        break;
      case ApiContext::Sleep:
        if (sleep_is_cooperative_yield(context)) return "EL505";
        break;
      case ApiContext::ImportPatched:
        if (import_patched_http_client(context)) return "EL202";
        break;
    }
    return entry.rule_code;
  }

  void emit(const ApiMatch& match, const NameUse& use, std::size_t at, const Resolution& resolution) {
    const SyntaxPath& path = use.path;
    const SyntaxFrame& frame = path[at];
    TSNode call{};
    if (at > 0 && path[at - 1].kind == NodeKind::Call && frame.field == g_.f_function)
      call = path[at - 1].node;
    const ReferenceContext context{tree_, std::span(path).first(at), frame.node, call,
                                   enclosing_parameters(use.scope)};
    std::string_view code = "EL002";
    if (!match.unknown && match.entry != nullptr) {
      code = match.exact ? refine(*match.entry, context) : match.entry->rule_code;
    }
    const std::string_view written = tree_.text(frame.node);
    add(rule(code), frame.node, written, match.canonical, resolution.via);
    if (inside_async_function(use.scope))
      add(rule("EL004"), frame.node, written, match.canonical, nullptr);
  }

  void add(const RuleDefinition& definition, TSNode node, std::string_view written,
           std::string qualified_name, const Binding* via) {
    Finding finding;
    finding.rule = &definition;
    finding.range = range_of(node);
    finding.message = format_message(definition.message, written);
    finding.qualified_name = std::move(qualified_name);
    finding.severity = definition.default_severity;
    if (via != nullptr && via->origin.start.row != finding.range.start.row) {
      finding.related = RelatedLocation{
          via->origin, "`" + std::string(via->name) + "` is bound to Eventlet here"};
    }
    findings_.push_back(std::move(finding));
  }

  // String literals whose whole value names Eventlet ("eventlet.sleep") or one of its
  // environment variables ("EVENTLET_HUB").
  void on_strings() {
    const std::string_view source = tree_.source();
    for (std::string_view needle : {std::string_view("eventlet"), std::string_view("EVENTLET_")}) {
      for (std::uint32_t at : area_.find_all(source, needle)) {
        if (at == 0) continue;
        const char before = source[at - 1];
        if (before != '"' && before != '\'' ) continue;  // the value must start the literal
        const SyntaxPath path = paths_.at(at);
        const std::size_t n = path.size() - 1;
        if (n < 1 || path[n].kind != NodeKind::StringContent || path[n - 1].kind != NodeKind::String)
          continue;
        on_string(path, n - 1);
      }
    }
  }

  void on_string(const SyntaxPath& path, std::size_t at) {
    TSNode node = path[at].node;
    // A string statement is a docstring (or a comment written as a string): never a usage.
    if (at > 0) {
      const NodeKind holder = path[at - 1].kind;
      if (holder == NodeKind::ExpressionStatement) return;
      if (holder == NodeKind::ConcatenatedString && at > 1 &&
          path[at - 2].kind == NodeKind::ExpressionStatement)
        return;
    }
    const auto value = plain_string_value(tree_, node);
    if (!value || value->empty()) return;
    if (is_eventlet_module_name(*value) && is_dotted_identifier(*value)) {
      on_eventlet_string(path, at, *value);
    } else if (is_environment_variable_name(*value)) {
      add(rule("EL904"), node, *value, std::string(*value), nullptr);
    }
  }

  // The name a string value is assigned to or passed as: `worker_class = "eventlet"`.
  std::string_view assigned_name(const SyntaxPath& path, std::size_t at) const {
    if (at == 0) return {};
    const SyntaxFrame& parent = path[at - 1];
    TSNode name{};
    if (parent.kind == NodeKind::Assignment && path[at].field == g_.f_right) {
      name = ts_node_child_by_field_id(parent.node, g_.f_left);
      if (!ts_node_is_null(name) && g_.kind(name) == NodeKind::Attribute)
        name = ts_node_child_by_field_id(name, g_.f_attribute);
    } else if (parent.kind == NodeKind::KeywordArgument && path[at].field == g_.f_value) {
      name = ts_node_child_by_field_id(parent.node, g_.f_name);
    }
    if (ts_node_is_null(name) || g_.kind(name) != NodeKind::Identifier) return {};
    return tree_.text(name);
  }

  void on_eventlet_string(const SyntaxPath& path, std::size_t at, std::string_view value) {
    TSNode node = path[at].node;
    if (value == "eventlet") {
      const std::string_view setting = assigned_name(path, at);
      if (setting == "worker_class") {  // gunicorn configuration
        add(rule("EL102"), node, value, "eventlet", nullptr);
        return;
      }
      if (setting == "worker_pool" || setting == "pool") {  // celery configuration
        add(rule("EL903"), node, value, "eventlet", nullptr);
        return;
      }
    }
    if (value == "eventlet") {
      switch (backend_choice(path, at)) {
        case BackendChoice::Switch: add(rule("EL905"), node, value, "eventlet", nullptr); return;
        case BackendChoice::Data: return;
        case BackendChoice::None: break;
      }
    }
    ApiMatch match = lookup_api(value);
    // "eventlet.net", "eventlet.readthedocs": a domain name, not a name Eventlet defines.
    if (match.unknown && value.find('.') != std::string_view::npos) return;
    add(rule("EL003"), node, value, match.canonical, nullptr);
  }

  enum class BackendChoice : std::uint8_t { None, Switch, Data };

  // What the string "eventlet" does where it stands: selects a backend (compared, passed as an
  // option or a choice, assigned as a setting, the key of a mapping to code), keys a mapping to
  // plain data (intersphinx_mapping, extras_require: no usage at all), or neither (EL003:
  // `"eventlet" in sys.modules`, `import_module("eventlet")`).
  BackendChoice backend_choice(const SyntaxPath& path, std::size_t at) const {
    if (at == 0) return BackendChoice::None;
    const SyntaxFrame& parent = path[at - 1];
    const std::string_view parent_type = ts_node_type(parent.node);
    if (parent.kind == NodeKind::Comparison) {
      // `"eventlet" in sys.modules` asks whether Eventlet is loaded; `mode == "eventlet"` chooses.
      TSNode first = ts_node_named_child(parent.node, 0);
      const bool left = ts_node_eq(first, path[at].node);
      return left && ts_node_named_child_count(parent.node) == 2 && comparison_is_membership(parent.node)
                 ? BackendChoice::None
                 : BackendChoice::Switch;
    }
    if (parent.kind == NodeKind::KeywordArgument && path[at].field == g_.f_value) return BackendChoice::Switch;
    if (parent.kind == NodeKind::Assignment && path[at].field == g_.f_right) return BackendChoice::Switch;
    if (parent_type == "pair") {
      static const TSFieldId f_key = g_.field("key");
      if (!ts_node_eq(ts_node_child_by_field_id(parent.node, f_key), path[at].node)) return BackendChoice::None;
      // A single string names the implementation (`'eventlet': 'celery.concurrency.eventlet:TaskPool'`,
      // gunicorn's worker table) unless it is a URL; tuples and lists are data (Sphinx's
      // intersphinx_mapping, extras_require).
      TSNode mapped = ts_node_child_by_field_id(parent.node, g_.f_value);
      if (!ts_node_is_null(mapped) && std::string_view(ts_node_type(mapped)) == "string")
        return tree_.text(mapped).find("://") == std::string_view::npos ? BackendChoice::Switch : BackendChoice::Data;
      return is_plain_data(mapped) ? BackendChoice::Data : BackendChoice::Switch;
    }
    if (parent.kind == NodeKind::Tuple || parent.kind == NodeKind::List || parent_type == "set") {
      // `mode in ("eventlet", "gevent")`, `choices=["eventlet", "threading"]`
      if (at < 2) return BackendChoice::None;
      const SyntaxFrame& holder = path[at - 2];
      if (holder.kind == NodeKind::Comparison && !ts_node_eq(ts_node_named_child(holder.node, 0), parent.node))
        return BackendChoice::Switch;
      if (holder.kind == NodeKind::KeywordArgument) {
        TSNode name = ts_node_child_by_field_id(holder.node, g_.f_name);
        if (!ts_node_is_null(name) && tree_.text(name) == "choices") return BackendChoice::Switch;
      }
    }
    return BackendChoice::None;
  }

  bool comparison_is_membership(TSNode comparison) const {
    const std::uint32_t count = ts_node_child_count(comparison);
    for (std::uint32_t i = 0; i < count; ++i) {
      const std::string_view type = ts_node_type(ts_node_child(comparison, i));
      if (type == "in" || type == "not in") return true;
    }
    return false;
  }

  // A literal made of literals: strings, numbers, None/True/False, and tuples or lists of them.
  bool is_plain_data(TSNode node) const {
    if (ts_node_is_null(node)) return false;
    const std::string_view type = ts_node_type(node);
    if (type == "string" || type == "concatenated_string" || type == "integer" || type == "float" ||
        type == "none" || type == "true" || type == "false")
      return true;
    if (type == "tuple" || type == "list" || type == "parenthesized_expression") {
      const std::uint32_t count = ts_node_named_child_count(node);
      for (std::uint32_t i = 0; i < count; ++i) {
        TSNode child = ts_node_named_child(node, i);
        if (std::string_view(ts_node_type(child)) == "comment") continue;
        if (!is_plain_data(child)) return false;
      }
      return true;
    }
    return false;
  }

  // `# noqa` comments on the lines of findings (any spelling of "noqa", as flake8 reads it) mark
  // the findings they name; the caller's settings decide what a mark hides.
  void apply_noqa() {
    if (findings_.empty()) return;
    const std::string_view source = tree_.source();
    std::unordered_map<std::uint32_t, std::optional<NoqaDirective>> directives;
    for (Finding& finding : findings_) {
      const std::uint32_t row = finding.range.start.row;
      auto [known, inserted] = directives.try_emplace(row);
      std::optional<NoqaDirective>& directive = known->second;
      if (inserted) {
        const std::uint32_t line_begin = finding.range.start_byte - finding.range.start.column;
        std::size_t line_end = source.find('\n', finding.range.start_byte);
        if (line_end == std::string_view::npos) line_end = source.size();
        for (std::size_t hash = source.find('#', line_begin); hash < line_end && !directive;
             hash = source.find('#', hash + 1)) {
          const SyntaxPath path = paths_.at(static_cast<std::uint32_t>(hash));
          if (path.back().kind == NodeKind::Comment) directive = parse_noqa(tree_.text(path.back().node));
        }
      }
      if (directive) finding.suppression = directive->match(*finding.rule);
    }
  }

  const SyntaxTree& tree_;
  const SearchArea& area_;
  const SyntaxPathFinder paths_;
  const ScopeModel& model_;
  const AnalysisOptions& options_;
  NameResolver resolver_;
  const PythonGrammar& g_;
  std::vector<Finding> findings_;
};

}  // namespace

std::vector<Finding> analyze_python(const SyntaxTree& tree) {
  if (!tree.valid()) return {};
  const ScopeModel model = collect_bindings(tree);
  return analyze_python(tree, model);
}

std::vector<Finding> analyze_python(const SyntaxTree& tree, const ScopeModel& model,
                                    const AnalysisOptions& options, const SearchArea& area) {
  if (!tree.valid()) return {};
  return ReferenceReporter(tree, model, options, area).run();
}

}  // namespace eventlet_lsp::analyzers
