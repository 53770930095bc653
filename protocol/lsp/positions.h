// LSP Position and Range <-> JSON, and <-> byte offsets through a LineIndex.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "protocol/position/line_index.h"

namespace eventlet_lsp::protocol {

struct ByteRange {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

nlohmann::json position_to_json(const Position& position);
nlohmann::json range_to_json(const Position& start, const Position& end);

// Reads {"line": n, "character": n}; nullopt (with `error` set) when malformed.
std::optional<Position> position_from_json(const nlohmann::json& value, std::string& error);

// A range as byte offsets; positions out of the text are clamped (`clamped` set).
std::optional<ByteRange> range_from_json(const nlohmann::json& value, const LineIndex& index,
                                         PositionEncoding encoding, std::string& error,
                                         bool* clamped = nullptr);

}  // namespace eventlet_lsp::protocol
