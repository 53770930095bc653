#include "server/features/hover.h"

#include "analyzers/explain/usage_explanation.h"
#include "protocol/lsp/positions.h"

namespace eventlet_lsp::server {

using nlohmann::json;

json hover_at(const Document& document, std::uint32_t offset, const analyzers::Settings& settings, bool markdown,
              protocol::PositionEncoding encoding) {
  const analyzers::Finding* best = nullptr;
  for (const analyzers::Finding& finding : document.findings) {
    if (!settings.is_enabled(*finding.rule)) continue;
    if (offset < finding.range.start_byte || offset >= finding.range.end_byte) continue;
    // The innermost use under the cursor (`pool.imap` rather than a whole import statement);
    // between equal ranges, the scenario rule rather than the async-def note.
    const auto width = [](const analyzers::Finding& f) { return f.range.end_byte - f.range.start_byte; };
    if (best == nullptr || width(finding) < width(*best) ||
        (width(finding) == width(*best) && best->rule->code == "EL004")) {
      best = &finding;
    }
  }
  if (best == nullptr) return nullptr;
  analyzers::ExplanationOptions options;
  options.format = markdown ? analyzers::TextFormat::Markdown : analyzers::TextFormat::PlainText;
  options.guide_base_url = settings.guide_base_url;
  options.target = settings.target;
  const auto& range = best->range;
  return json{{"contents", {{"kind", markdown ? "markdown" : "plaintext"},
                            {"value", analyzers::explain_finding(*best, options)}}},
              {"range", protocol::range_to_json(
                            document.index->position(range.start.row, range.start.column, encoding),
                            document.index->position(range.end.row, range.end.column, encoding))}};
}

}  // namespace eventlet_lsp::server
