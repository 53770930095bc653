#include <toml++/toml.h>

#include <sstream>

#include "analyzers/text_files/text_audits.h"

namespace eventlet_lsp::analyzers {

namespace {

// toml++ positions are 1-based lines and columns counted in code points.
std::uint32_t byte_offset(const TextFindings& findings, const toml::source_position& position) {
  const std::string_view text = findings.text();
  if (position.line == 0 || position.line > findings.lines().line_count()) return 0;
  std::uint32_t offset = findings.lines().line_start(position.line - 1);
  for (std::uint32_t column = 1; column < position.column && offset < text.size(); ++column) {
    ++offset;
    while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) ++offset;
  }
  return offset;
}

void add_node(TextFindings& findings, std::string_view code, const toml::node& node) {
  const toml::source_region& region = node.source();
  const std::uint32_t start = byte_offset(findings, region.begin);
  std::uint32_t end = byte_offset(findings, region.end);
  if (end <= start) end = start + 1;
  findings.add(code, start, end);
}

void audit_requirement_array(TextFindings& findings, const toml::node* node) {
  const toml::array* array = node != nullptr ? node->as_array() : nullptr;
  if (array == nullptr) return;
  for (const toml::node& item : *array) {
    if (const auto* value = item.as_string(); value && requirement_names_eventlet(value->get()))
      add_node(findings, "EL901", item);
  }
}

// Poetry: [tool.poetry.dependencies] eventlet = "^0.33"
void audit_poetry_table(TextFindings& findings, const toml::node* node) {
  const toml::table* table = node != nullptr ? node->as_table() : nullptr;
  if (table == nullptr) return;
  for (const auto& [key, value] : *table) {
    if (requirement_names_eventlet(key.str())) {
      const toml::source_region& region = key.source();
      const std::uint32_t start = byte_offset(findings, region.begin);
      const std::uint32_t end = byte_offset(findings, value.source().end);
      findings.add("EL901", start, end > start ? end : start + 1);
    }
  }
}

}  // namespace

void audit_pyproject(TextFindings& findings, std::vector<FileProblem>& problems) {
  toml::table document;
  try {
    document = toml::parse(findings.text(), std::string_view("pyproject.toml"));
  } catch (const toml::parse_error& error) {
    std::ostringstream message;
    message << "invalid TOML at line " << error.source().begin.line << ": " << error.description();
    problems.push_back({FileProblem::Kind::SyntaxError, message.str()});
    return;
  }
  audit_requirement_array(findings, document.at_path("project.dependencies").node());
  audit_requirement_array(findings, document.at_path("build-system.requires").node());
  for (const char* groups : {"project.optional-dependencies", "dependency-groups"}) {
    if (const toml::table* table = document.at_path(groups).as_table()) {
      for (const auto& [name, group] : *table) audit_requirement_array(findings, &group);
    }
  }
  audit_poetry_table(findings, document.at_path("tool.poetry.dependencies").node());
  if (const toml::table* poetry_groups = document.at_path("tool.poetry.group").as_table()) {
    for (const auto& [name, group] : *poetry_groups) {
      if (const toml::table* table = group.as_table())
        audit_poetry_table(findings, table->get("dependencies"));
    }
  }
  if (const toml::node* concurrency = document.at_path("tool.coverage.run.concurrency").node()) {
    if (const toml::array* array = concurrency->as_array()) {
      for (const toml::node& item : *array) {
        if (item.value<std::string>() == "eventlet") add_node(findings, "EL902", item);
      }
    } else if (concurrency->value<std::string>() == "eventlet") {
      add_node(findings, "EL902", *concurrency);
    }
  }
}

}  // namespace eventlet_lsp::analyzers
