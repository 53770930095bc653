#include "analyzers/text_files/text_findings.h"

#include <algorithm>
#include <cctype>

#include "analyzers/catalog/rule_registry.h"
#include "analyzers/python/noqa.h"
#include "analyzers/python/python_analyzer.h"

namespace eventlet_lsp::analyzers {

void TextFindings::add(std::string_view code, std::uint32_t start, std::uint32_t end) {
  const RuleDefinition& definition = rule(code);
  const SourceRange range = lines_.range(start, end);
  // `# noqa` on the same line, after the finding, marks it; the settings decide what it hides.
  const std::uint32_t line_begin = lines_.line_start(range.start.row);
  std::size_t line_end = text_.find('\n', start);
  if (line_end == std::string_view::npos) line_end = text_.size();
  const std::string_view line = text_.substr(line_begin, line_end - line_begin);
  Suppression suppression = Suppression::None;
  if (const std::size_t hash = line.find('#'); honour_noqa_ && hash != std::string_view::npos) {
    if (auto directive = parse_noqa(line.substr(hash))) suppression = directive->match(definition);
  }
  Finding finding;
  finding.rule = &definition;
  finding.range = range;
  finding.message = format_message(definition.message, text_.substr(start, end - start));
  finding.severity = definition.default_severity;
  finding.suppression = suppression;
  findings_.push_back(std::move(finding));
}

std::vector<Finding> TextFindings::take() && {
  std::stable_sort(findings_.begin(), findings_.end(), [](const Finding& a, const Finding& b) {
    return a.range.start_byte < b.range.start_byte;
  });
  return std::move(findings_);
}

bool requirement_names_eventlet(std::string_view requirement) {
  std::size_t i = 0;
  while (i < requirement.size() && (requirement[i] == ' ' || requirement[i] == '\t' ||
                                    requirement[i] == '"' || requirement[i] == '\'')) {
    ++i;
  }
  std::string name;
  for (; i < requirement.size(); ++i) {
    const char c = requirement[i];
    if (std::isalnum(static_cast<unsigned char>(c))) {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (c == '-' || c == '_' || c == '.') {
      name += '-';
    } else {
      break;
    }
  }
  return name == "eventlet";
}

}  // namespace eventlet_lsp::analyzers
