#include "protocol/jsonrpc/message_framing.h"

#include <cctype>
#include <charconv>

namespace eventlet_lsp::protocol {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

}  // namespace

bool MessageReader::resynchronise() {
  // The next header starts with Content-Length or Content-Type (LSP's only headers).
  std::size_t best = std::string::npos;
  for (std::string_view name : {std::string_view("content-length:"), std::string_view("content-type:")}) {
    for (std::size_t at = 0; at + name.size() <= buffer_.size(); ++at) {
      if (at >= best) break;
      if (iequals(std::string_view(buffer_).substr(at, name.size()), name)) {
        best = at;
        break;
      }
    }
  }
  if (best == std::string::npos) {
    if (buffer_.size() > 64) buffer_.erase(0, buffer_.size() - 64);  // a header may be arriving
    return false;
  }
  buffer_.erase(0, best);
  lost_ = false;
  return true;
}

std::optional<MessageReader::Item> MessageReader::next() {
  if (lost_ && !resynchronise()) return std::nullopt;
  if (skip_body_ > 0) {
    const std::size_t dropped = std::min(skip_body_, buffer_.size());
    buffer_.erase(0, dropped);
    skip_body_ -= dropped;
    if (skip_body_ > 0) return std::nullopt;
  }
  // Headers end at an empty line; "\n\n" is accepted too, as some clients send it.
  std::size_t end = buffer_.find("\r\n\r\n");
  std::size_t separator = 4;
  const std::size_t lf_end = buffer_.find("\n\n");
  if (lf_end != std::string::npos && (end == std::string::npos || lf_end < end)) {
    end = lf_end;
    separator = 2;
  }
  if (end == std::string::npos) {
    if (buffer_.size() > 8192) {  // no header is this long: garbage; keep looking from the end
      buffer_.erase(0, buffer_.size() - 64);
      return Item{Item::Kind::Error, "malformed header: no end of header in 8 KiB"};
    }
    return std::nullopt;
  }
  const std::string_view headers(buffer_.data(), end);
  std::optional<std::size_t> length;
  std::string problem;
  std::size_t line_start = 0;
  while (line_start <= headers.size()) {
    std::size_t line_end = headers.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = headers.size();
    const std::string_view line = trim(headers.substr(line_start, line_end - line_start));
    line_start = line_end + 1;
    if (line.empty()) continue;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      problem = "malformed header line '" + std::string(line.substr(0, 80)) + "'";
      continue;
    }
    const std::string_view name = trim(line.substr(0, colon));
    const std::string_view value = trim(line.substr(colon + 1));
    if (iequals(name, "Content-Length")) {
      std::size_t parsed = 0;
      const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
      if (ec != std::errc() || ptr != value.data() + value.size()) {
        problem = "invalid Content-Length '" + std::string(value.substr(0, 40)) + "'";
      } else {
        length = parsed;
      }
    }
  }
  if (!length) {
    // Without a length the body cannot be found: drop the header and resynchronise.
    buffer_.erase(0, end + separator);
    lost_ = true;
    return Item{Item::Kind::Error, problem.empty() ? "header without Content-Length" : problem};
  }
  if (*length > kMaxMessageBytes) {
    buffer_.erase(0, end + separator);
    skip_body_ = *length;
    const std::size_t dropped = std::min(skip_body_, buffer_.size());
    buffer_.erase(0, dropped);
    skip_body_ -= dropped;
    return Item{Item::Kind::Error, "message of " + std::to_string(*length) + " bytes is over the limit"};
  }
  if (buffer_.size() < end + separator + *length) return std::nullopt;
  Item item{Item::Kind::Message, buffer_.substr(end + separator, *length)};
  buffer_.erase(0, end + separator + *length);
  return item;
}

std::string frame_message(std::string_view body) {
  std::string framed = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  framed.append(body);
  return framed;
}

}  // namespace eventlet_lsp::protocol
