// Eventlet's environment variables passed as keyword names (EL904), where the reporter's string
// pass cannot see them because they are not strings:
//   os.environ.update(EVENTLET_NO_GREENDNS="yes")
//   subprocess.run(cmd, env=dict(os.environ, EVENTLET_HUB="poll"))
//   mock.patch.dict(os.environ, EVENTLET_HUB="selects")
// Only keyword arguments: a module constant or a parameter named EVENTLET_* is the program's own.
#include <algorithm>

#include "analyzers/parse/python_grammar.h"
#include "analyzers/python/deployment_findings.h"
#include "analyzers/python/search_area.h"

namespace eventlet_lsp::analyzers {

void report_environment_keywords(const SyntaxTree& tree, const SearchArea& area, const SyntaxPathFinder& paths,
                                 std::vector<Finding>& findings) {
  const PythonGrammar& g = PythonGrammar::instance();
  const std::string_view source = tree.source();
  for (const std::uint32_t at : area.find_all(source, "EVENTLET_")) {
    if (at > 0 && is_word_char(source[at - 1])) continue;  // MY_EVENTLET_HUB
    std::uint32_t end = at + 9;
    while (end < source.size() && is_word_char(source[end])) ++end;
    const std::string_view name = source.substr(at, end - at);
    const bool variable = name.size() > 9 && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!variable) continue;
    // `NAME=` (not `==`): a keyword argument may be there; only then is a syntax path worth building.
    std::size_t sign = end;
    while (sign < source.size() && (source[sign] == ' ' || source[sign] == '\t')) ++sign;
    if (sign + 1 >= source.size() || source[sign] != '=' || source[sign + 1] == '=') continue;
    const SyntaxPath path = paths.at(at);
    const std::size_t n = path.size() - 1;
    if (n < 1 || path[n].kind != NodeKind::Identifier || path[n].field != g.f_name ||
        path[n - 1].kind != NodeKind::KeywordArgument)
      continue;
    findings.push_back(deployment_finding("EL904", tree, path[n].node, at, end, name, std::string(name)));
  }
}

}  // namespace eventlet_lsp::analyzers
