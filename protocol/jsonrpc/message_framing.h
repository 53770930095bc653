// JSON-RPC over a byte stream, as LSP frames it: "Content-Length: N\r\n\r\n" then N bytes.
// The reader is incremental (fed whatever the transport read) and never gives up on a stream:
// a malformed header is reported once and the reader resynchronises on the next header.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace eventlet_lsp::protocol {

inline constexpr std::size_t kMaxMessageBytes = 64u << 20;  // 64 MiB

class MessageReader {
 public:
  struct Item {
    enum class Kind { Message, Error } kind;
    std::string text;  // the body, or what was wrong with the framing
  };

  void feed(std::string_view bytes) { buffer_.append(bytes); }

  // The next complete body, or a framing error; nullopt when more bytes are needed.
  std::optional<Item> next();

  std::size_t buffered() const { return buffer_.size(); }

 private:
  // After a malformed header the body that followed it (of unknown length) is garbage: skip to
  // the next header.
  bool resynchronise();

  std::string buffer_;
  std::size_t skip_body_ = 0;  // bytes of an oversized body still to drop
  bool lost_ = false;          // a malformed header was dropped: look for the next header
};

// A body with its header.
std::string frame_message(std::string_view body);

}  // namespace eventlet_lsp::protocol
