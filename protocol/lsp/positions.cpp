#include "protocol/lsp/positions.h"

#include <limits>

namespace eventlet_lsp::protocol {

using json = nlohmann::json;

json position_to_json(const Position& position) {
  return json{{"line", position.line}, {"character", position.character}};
}

json range_to_json(const Position& start, const Position& end) {
  return json{{"start", position_to_json(start)}, {"end", position_to_json(end)}};
}

std::optional<Position> position_from_json(const json& value, std::string& error) {
  if (!value.is_object()) {
    error = "a position must be an object";
    return std::nullopt;
  }
  const auto line = value.find("line");
  const auto character = value.find("character");
  auto valid = [](const json& number) {
    return number.is_number_unsigned() ||
           (number.is_number_integer() && number.get<std::int64_t>() >= 0);
  };
  if (line == value.end() || character == value.end() || !valid(*line) || !valid(*character)) {
    error = "a position needs non-negative integer \"line\" and \"character\"";
    return std::nullopt;
  }
  const auto clamp = [](const json& number) {
    const std::uint64_t raw = number.get<std::uint64_t>();
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(raw, std::numeric_limits<std::uint32_t>::max()));
  };
  return Position{clamp(*line), clamp(*character)};
}

std::optional<ByteRange> range_from_json(const json& value, const LineIndex& index,
                                         PositionEncoding encoding, std::string& error,
                                         bool* clamped) {
  if (!value.is_object() || !value.contains("start") || !value.contains("end")) {
    error = "a range needs \"start\" and \"end\"";
    return std::nullopt;
  }
  const auto start = position_from_json(value["start"], error);
  const auto end = position_from_json(value["end"], error);
  if (!start || !end) return std::nullopt;
  bool start_exact = true;
  bool end_exact = true;
  ByteRange range{index.offset(*start, encoding, &start_exact), index.offset(*end, encoding, &end_exact)};
  if (range.end < range.start) std::swap(range.start, range.end);
  if (clamped != nullptr) *clamped = !start_exact || !end_exact;
  return range;
}

}  // namespace eventlet_lsp::protocol
