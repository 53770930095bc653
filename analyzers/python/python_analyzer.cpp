#include "analyzers/python/python_analyzer.h"

#include <algorithm>
#include <unordered_map>

#include "analyzers/catalog/api_table.h"
#include "analyzers/catalog/rule_registry.h"
#include "analyzers/parse/syntax_walk.h"
#include "analyzers/python/binding_collector.h"
#include "analyzers/python/literals.h"
#include "analyzers/python/name_resolver.h"
#include "analyzers/python/noqa.h"
#include "analyzers/python/syntax_frame.h"
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

class ReferenceFinder {
 public:
  ReferenceFinder(const SyntaxTree& tree, const ScopeModel& model)
      : tree_(tree), model_(model), resolver_(model, tree), g_(PythonGrammar::instance()) {
    scopes_.push_back(0);
    wildcard_ = model.candidate_names.contains("*");
  }

  bool enter(TSNode node, TSFieldId field) {
    const NodeKind kind = g_.kind(node);
    frames_.push_back(SyntaxFrame{node, kind, field, is_target(kind, field)});
    if (scope_opened_by(kind)) scopes_.push_back(++last_scope_);
    switch (kind) {
      case NodeKind::ImportStatement:
      case NodeKind::ImportFromStatement:
      case NodeKind::FutureImportStatement:
      case NodeKind::GlobalStatement:
      case NodeKind::NonlocalStatement: return false;
      case NodeKind::Identifier: on_identifier(node); return false;
      case NodeKind::String: on_string(node); return true;  // f-string interpolations are code
      case NodeKind::Comment: on_comment(node); return false;
      default: return true;
    }
  }

  void leave(TSNode /*node*/) {
    if (scope_opened_by(frames_.back().kind)) scopes_.pop_back();
    frames_.pop_back();
  }

  std::vector<Finding> finish() && {
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
    std::erase_if(findings_, [this](const Finding& finding) {
      auto it = noqa_.find(finding.range.start.row);
      return it != noqa_.end() && it->second.suppresses(*finding.rule);
    });
    std::stable_sort(findings_.begin(), findings_.end(), [](const Finding& a, const Finding& b) {
      if (a.range.start_byte != b.range.start_byte) return a.range.start_byte < b.range.start_byte;
      return a.rule->code < b.rule->code;
    });
    return std::move(findings_);
  }

 private:
  // Whether a node with this kind, in this field of the current parent, is an assignment target.
  bool is_target(NodeKind kind, TSFieldId field) const {
    if (frames_.empty()) return false;
    const SyntaxFrame& parent = frames_.back();
    switch (parent.kind) {
      case NodeKind::Assignment:
      case NodeKind::AugmentedAssignment:
      case NodeKind::ForStatement:
      case NodeKind::ForInClause: return field == g_.f_left;
      case NodeKind::AsPattern:
      case NodeKind::ExceptClause: return field == g_.f_alias;
      case NodeKind::NamedExpression: return field == g_.f_name;
      case NodeKind::PatternList:
      case NodeKind::TuplePattern:
      case NodeKind::ListPattern:
      case NodeKind::Tuple:
      case NodeKind::List:
      case NodeKind::ParenthesizedExpression:
      case NodeKind::ListSplatPattern:
      case NodeKind::AsPatternTarget: return parent.target;
      default: break;
    }
    (void)kind;
    return false;
  }

  // An identifier that names a value being read, not a binding, a keyword or an attribute.
  bool is_load(const SyntaxFrame& frame) const {
    if (frame.target || frames_.size() < 2) return false;
    const SyntaxFrame& parent = frames_[frames_.size() - 2];
    switch (parent.kind) {
      case NodeKind::Attribute: return frame.field != g_.f_attribute;
      case NodeKind::KeywordArgument:
      case NodeKind::FunctionDefinition:
      case NodeKind::ClassDefinition:
      case NodeKind::DefaultParameter:
      case NodeKind::TypedDefaultParameter: return frame.field != g_.f_name;
      case NodeKind::Parameters:
      case NodeKind::LambdaParameters:
      case NodeKind::ListSplatPattern:
      case NodeKind::DictionarySplatPattern:
      case NodeKind::AsPatternTarget: return false;
      case NodeKind::TypedParameter: return frame.field != 0;  // the name has no field
      default: return true;
    }
  }

  void on_identifier(TSNode node) {
    const SyntaxFrame& frame = frames_.back();
    const std::string_view name = tree_.text(node);
    const std::size_t at = frames_.size() - 1;
    if (model_.candidate_names.contains(name) || wildcard_) {
      if (!is_load(frame)) return;
      if (Resolution resolution = resolver_.resolve_name(name, scopes_.back()))
        report(resolution, at);
      return;
    }
    // `self.pool.spawn(...)`: the instance lives in an attribute of `self`.
    if (model_.candidate_attributes.empty() || at == 0) return;
    const SyntaxFrame& parent = frames_[at - 1];
    if (parent.kind != NodeKind::Attribute || frame.field != g_.f_object) return;
    TSNode attribute = ts_node_child_by_field_id(parent.node, g_.f_attribute);
    const std::string_view attribute_name = tree_.text(attribute);
    if (!model_.candidate_attributes.contains(attribute_name)) return;
    if (Resolution resolution = resolver_.resolve_self_attribute(name, attribute_name, scopes_.back()))
      report(resolution, at - 1);
  }

  // Extends a resolved name through the attribute chain above it and reports the result.
  void report(const Resolution& resolution, std::size_t at) {
    if (resolution.kind == Resolution::Kind::Instance) {
      report_instance_member(resolution, at);
      return;
    }
    std::string name = resolution.qualified_name;
    ApiMatch match = lookup_api(name);
    while (!match.unknown && at > 0) {
      const SyntaxFrame& parent = frames_[at - 1];
      if (parent.kind != NodeKind::Attribute || frames_[at].field != g_.f_object) break;
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
    emit(match, at, resolution);
  }

  void report_instance_member(const Resolution& resolution, std::size_t at) {
    if (at == 0) return;
    const SyntaxFrame& parent = frames_[at - 1];
    if (parent.kind != NodeKind::Attribute || frames_[at].field != g_.f_object) return;
    TSNode attribute = ts_node_child_by_field_id(parent.node, g_.f_attribute);
    const std::string member = resolution.qualified_name + "." + std::string(tree_.text(attribute));
    ApiMatch match = lookup_api(member);
    // Attributes of an instance that the catalog does not list are the program's own business.
    if (!match.exact) return;
    emit(match, at - 1, resolution);
  }

  const std::vector<std::string_view>& enclosing_parameters() const {
    for (std::size_t i = scopes_.size(); i-- > 0;) {
      const Scope& scope = model_.scopes[scopes_[i]];
      if (scope.kind == Scope::Kind::Function || scope.kind == Scope::Kind::Lambda)
        return scope.parameters;
    }
    return model_.scopes[0].parameters;
  }

  bool inside_async_function() const {
    for (std::size_t i = scopes_.size(); i-- > 0;) {
      const Scope& scope = model_.scopes[scopes_[i]];
      if (scope.kind == Scope::Kind::Comprehension) continue;
      return scope.kind == Scope::Kind::Function && scope.is_async;
    }
    return false;
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

  void emit(const ApiMatch& match, std::size_t at, const Resolution& resolution) {
    const SyntaxFrame& frame = frames_[at];
    TSNode call{};
    if (at > 0 && frames_[at - 1].kind == NodeKind::Call && frame.field == g_.f_function)
      call = frames_[at - 1].node;
    const ReferenceContext context{tree_, std::span(frames_).first(at), frame.node, call,
                                   enclosing_parameters()};
    std::string_view code = "EL002";
    if (!match.unknown && match.entry != nullptr) {
      code = match.exact ? refine(*match.entry, context) : match.entry->rule_code;
    }
    const std::string_view written = tree_.text(frame.node);
    add(rule(code), frame.node, written, match.canonical, resolution.via);
    if (inside_async_function()) add(rule("EL004"), frame.node, written, match.canonical, nullptr);
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

  void on_string(TSNode node) {
    const std::size_t at = frames_.size() - 1;
    // A string statement is a docstring (or a comment written as a string): never a usage.
    if (at > 0) {
      const NodeKind holder = frames_[at - 1].kind;
      if (holder == NodeKind::ExpressionStatement) return;
      if (holder == NodeKind::ConcatenatedString && at > 1 &&
          frames_[at - 2].kind == NodeKind::ExpressionStatement)
        return;
    }
    const auto value = plain_string_value(tree_, node);
    if (!value || value->empty()) return;
    const char first = value->front();
    if (first == 'e' && is_eventlet_module_name(*value) && is_dotted_identifier(*value)) {
      on_eventlet_string(node, *value, at);
    } else if (first == 'E' && is_environment_variable_name(*value)) {
      add(rule("EL904"), node, *value, std::string(*value), nullptr);
    }
  }

  // The name a string value is assigned to or passed as: `worker_class = "eventlet"`.
  std::string_view assigned_name(std::size_t at) const {
    if (at == 0) return {};
    const SyntaxFrame& parent = frames_[at - 1];
    TSNode name{};
    if (parent.kind == NodeKind::Assignment && frames_[at].field == g_.f_right) {
      name = ts_node_child_by_field_id(parent.node, g_.f_left);
      if (!ts_node_is_null(name) && g_.kind(name) == NodeKind::Attribute)
        name = ts_node_child_by_field_id(name, g_.f_attribute);
    } else if (parent.kind == NodeKind::KeywordArgument && frames_[at].field == g_.f_value) {
      name = ts_node_child_by_field_id(parent.node, g_.f_name);
    }
    if (ts_node_is_null(name) || g_.kind(name) != NodeKind::Identifier) return {};
    return tree_.text(name);
  }

  void on_eventlet_string(TSNode node, std::string_view value, std::size_t at) {
    if (value == "eventlet") {
      const std::string_view setting = assigned_name(at);
      if (setting == "worker_class") {  // gunicorn configuration
        add(rule("EL102"), node, value, "eventlet", nullptr);
        return;
      }
      if (setting == "worker_pool" || setting == "pool") {  // celery configuration
        add(rule("EL903"), node, value, "eventlet", nullptr);
        return;
      }
    }
    ApiMatch match = lookup_api(value);
    add(rule("EL003"), node, value, match.canonical, nullptr);
  }

  void on_comment(TSNode node) {
    if (auto directive = parse_noqa(tree_.text(node))) {
      noqa_[ts_node_start_point(node).row] = std::move(*directive);
    }
  }

  const SyntaxTree& tree_;
  const ScopeModel& model_;
  NameResolver resolver_;
  const PythonGrammar& g_;
  bool wildcard_ = false;
  std::vector<SyntaxFrame> frames_;
  std::vector<std::uint32_t> scopes_;
  std::uint32_t last_scope_ = 0;
  std::vector<Finding> findings_;
  std::unordered_map<std::uint32_t, NoqaDirective> noqa_;
};

}  // namespace

std::vector<Finding> analyze_python(const SyntaxTree& tree) {
  if (!tree.valid()) return {};
  const ScopeModel model = collect_bindings(tree);
  ReferenceFinder finder(tree, model);
  walk_syntax(tree.root(), finder);
  return std::move(finder).finish();
}

}  // namespace eventlet_lsp::analyzers
