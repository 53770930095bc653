// `from eventlet.green import socket` -> `import socket`; `from eventlet.green.urllib import
// request` -> `from urllib import request`; `import eventlet.green.socket as s` -> `import socket
// as s`. The green module is a drop-in clone of the standard one, so the names stay. Safe only
// when nothing else in the file uses Eventlet (no green thread left to block); unsafe otherwise.
#include <map>

#include "analyzers/catalog/rule.h"
#include "analyzers/fixes/rewrites/rewrites.h"
#include "analyzers/parse/python_grammar.h"
#include "analyzers/python/literals.h"

namespace eventlet_lsp::analyzers {

namespace {

// The standard module behind a green one (Python 2 names map to their Python 3 homes), and
// the imports that make its submodules available.
struct StdlibModule {
  std::string_view module;
  std::string_view extra;  // submodules to import so that `name.sub` works
};

const std::map<std::string_view, StdlibModule>& stdlib_modules() {
  static const std::map<std::string_view, StdlibModule> modules{
      {"socket", {"socket", ""}},       {"ssl", {"ssl", ""}},
      {"select", {"select", ""}},       {"selectors", {"selectors", ""}},
      {"time", {"time", ""}},           {"os", {"os", ""}},
      {"subprocess", {"subprocess", ""}}, {"threading", {"threading", ""}},
      {"thread", {"_thread", ""}},      {"Queue", {"queue", ""}},
      {"SocketServer", {"socketserver", ""}}, {"BaseHTTPServer", {"http.server", ""}},
      {"SimpleHTTPServer", {"http.server", ""}}, {"CGIHTTPServer", {"http.server", ""}},
      {"httplib", {"http.client", ""}}, {"urllib2", {"urllib.request", ""}},
      {"ftplib", {"ftplib", ""}},       {"profile", {"profile", ""}},
      {"builtin", {"builtins", ""}},    {"zmq", {"zmq", ""}},
      {"MySQLdb", {"MySQLdb", ""}},     {"OpenSSL", {"OpenSSL", ""}},
      {"asyncore", {"asyncore", ""}},   {"asynchat", {"asynchat", ""}},
      {"urllib", {"urllib", "urllib.request, urllib.parse, urllib.error"}},
      {"http", {"http", "http.client, http.server, http.cookies, http.cookiejar"}},
  };
  return modules;
}

// "eventlet.green.urllib.request" -> "urllib.request"; empty when not a known green module.
std::string stdlib_of(std::string_view green_path) {
  constexpr std::string_view kPrefix = "eventlet.green.";
  if (!green_path.starts_with(kPrefix)) return {};
  std::string_view rest = green_path.substr(kPrefix.size());
  const std::string_view head = rest.substr(0, rest.find('.'));
  const auto it = stdlib_modules().find(head);
  if (it == stdlib_modules().end()) return {};
  return std::string(it->second.module) + std::string(rest.substr(head.size()));
}

// Other Eventlet use in the file besides green-module imports and their uses.
bool other_eventlet_use(const RewriteSite& site) {
  if (site.all_findings == nullptr) return true;
  for (const Finding& finding : *site.all_findings) {
    const std::string_view code = finding.rule->code;
    if (code == "EL001" || code == "EL201" || code == "EL602" || code == "EL804") continue;
    if (code.starts_with("EL9")) continue;
    return true;
  }
  return false;
}

std::optional<std::string> rewritten_statement(const RewriteSite& site, TSNode statement) {
  const PythonGrammar& g = PythonGrammar::instance();
  std::vector<std::string> lines;
  if (g.kind(statement) == NodeKind::ImportFromStatement) {
    const TSNode module_node = ts_node_child_by_field_id(statement, g.f_module_name);
    const std::string module = dotted_name_text(site.tree, module_node);
    std::vector<std::string> names;
    for (std::uint32_t i = 0; i < ts_node_named_child_count(statement); ++i) {
      const TSNode item = ts_node_named_child(statement, i);
      if (ts_node_eq(item, module_node)) continue;
      if (g.kind(item) == NodeKind::WildcardImport) return std::nullopt;
      TSNode name = item;
      TSNode alias{};
      if (g.kind(item) == NodeKind::AliasedImport) {
        name = ts_node_child_by_field_id(item, g.f_name);
        alias = ts_node_child_by_field_id(item, g.f_alias);
      } else if (g.kind(item) != NodeKind::DottedName) {
        continue;
      }
      const std::string bound = ts_node_is_null(alias) ? dotted_name_text(site.tree, name) : std::string(site.text(alias));
      if (module == "eventlet.green") {
        const auto it = stdlib_modules().find(dotted_name_text(site.tree, name));
        if (it == stdlib_modules().end()) return std::nullopt;
        const StdlibModule& target = it->second;
        if (!target.extra.empty()) {
          if (bound != target.module) return std::nullopt;  // `import urllib.request` binds `urllib`
          lines.push_back("import " + std::string(target.extra));
        } else if (bound == target.module) {
          lines.push_back("import " + std::string(target.module));
        } else {
          lines.push_back("import " + std::string(target.module) + " as " + bound);
        }
      } else {
        const std::string stdlib = stdlib_of(module);
        if (stdlib.empty()) return std::nullopt;
        names.push_back(std::string(site.text(item)));
      }
    }
    if (module != "eventlet.green") {
      const std::string stdlib = stdlib_of(module);
      std::string line = "from " + stdlib + " import ";
      for (std::size_t k = 0; k < names.size(); ++k) line += (k ? ", " : "") + names[k];
      lines.push_back(line);
    }
  } else if (g.kind(statement) == NodeKind::ImportStatement) {
    for (std::uint32_t i = 0; i < ts_node_named_child_count(statement); ++i) {
      const TSNode item = ts_node_named_child(statement, i);
      if (g.kind(item) != NodeKind::AliasedImport) return std::nullopt;  // `import eventlet.green.x` keeps its dotted uses
      const std::string stdlib = stdlib_of(dotted_name_text(site.tree, ts_node_child_by_field_id(item, g.f_name)));
      if (stdlib.empty()) return std::nullopt;
      lines.push_back("import " + stdlib + " as " + std::string(site.text(ts_node_child_by_field_id(item, g.f_alias))));
    }
  } else {
    return std::nullopt;
  }
  if (lines.empty()) return std::nullopt;
  // Several imports on their own lines, at the statement's indentation.
  const std::string_view source = site.tree.source();
  const std::uint32_t start = ts_node_start_byte(statement);
  std::size_t line_start = source.rfind('\n', start == 0 ? 0 : start - 1);
  line_start = (start == 0 || line_start == std::string_view::npos) ? 0 : line_start + 1;
  const std::string prefix(source.substr(line_start, start - line_start));
  const bool own_line = prefix.find_first_not_of(" \t") == std::string::npos;
  std::string text;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (k > 0) text += std::string(newline_of(source)) + (own_line ? prefix : std::string());
    text += lines[k];
  }
  if (!own_line && lines.size() > 1) return std::nullopt;
  return text;
}

}  // namespace

std::vector<Rewrite> rewrite_green_import(const RewriteSite& site) {
  const PythonGrammar& g = PythonGrammar::instance();
  const std::string_view code = site.finding.rule->code;
  TSNode statement{};
  if (code == "EL001") {
    statement = site.reference();
  } else if ((code == "EL201" || code == "EL602" || code == "EL804") && site.finding.related) {
    // The use's fix is its import's: the related location is that import statement.
    const auto& origin = site.finding.related->range;
    TSNode node = ts_node_descendant_for_byte_range(site.tree.root(), origin.start_byte, origin.start_byte);
    while (!ts_node_is_null(node) && g.kind(node) != NodeKind::ImportStatement &&
           g.kind(node) != NodeKind::ImportFromStatement)
      node = ts_node_parent(node);
    statement = node;
  }
  if (ts_node_is_null(statement)) return {};
  if (g.kind(statement) != NodeKind::ImportStatement && g.kind(statement) != NodeKind::ImportFromStatement) return {};
  if (site.text(statement).find("eventlet.green") == std::string_view::npos) return {};
  const auto text = rewritten_statement(site, statement);
  if (!text) return {};
  const bool safe = !other_eventlet_use(site);
  Rewrite rewrite{safe ? "Import the standard module instead of Eventlet's green copy"
                       : "Import the standard module instead of Eventlet's green copy (unsafe: green threads "
                         "in this file would block on it)",
                  safe ? FixSafety::Safe : FixSafety::Unsafe, MigrationTarget::Threading,
                  {{ts_node_start_byte(statement), ts_node_end_byte(statement), *text}}, {}};
  return {std::move(rewrite)};
}

}  // namespace eventlet_lsp::analyzers
