#include "protocol/lsp/uri.h"

#include <cctype>

namespace eventlet_lsp::protocol {

std::string percent_encode_path(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::string_view("/-._~").find(static_cast<char>(c)) != std::string_view::npos) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
  }
  return encoded;
}

std::filesystem::path path_from_uri(const std::string& uri) {
  constexpr std::string_view kScheme = "file://";
  if (!uri.starts_with(kScheme)) return {};
  std::string path;
  std::string_view rest = std::string_view(uri).substr(kScheme.size());
  if (const auto slash = rest.find('/'); slash != 0) {  // file://host/path: drop the host
    if (slash == std::string_view::npos) return {};
    rest.remove_prefix(slash);
  }
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && std::isxdigit(static_cast<unsigned char>(rest[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(rest[i + 2]))) {
      path += static_cast<char>(std::stoi(std::string(rest.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      path += rest[i];
    }
  }
  return path;
}

std::string uri_from_path(const std::filesystem::path& path) {
  return "file://" + percent_encode_path(std::filesystem::absolute(path).lexically_normal().string());
}

}  // namespace eventlet_lsp::protocol
