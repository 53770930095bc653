// The hover at a position of an open document: the finding under the cursor, explained.
#pragma once

#include <nlohmann/json.hpp>

#include "analyzers/config/settings.h"
#include "server/session/document.h"

namespace eventlet_lsp::server {

// The LSP Hover for byte `offset` of `document`, or null when no finding is there.
nlohmann::json hover_at(const Document& document, std::uint32_t offset, const analyzers::Settings& settings,
                        bool markdown, protocol::PositionEncoding encoding);

}  // namespace eventlet_lsp::server
