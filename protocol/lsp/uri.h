// file:// URIs and the paths they name (RFC 8089, percent-encoding per RFC 3986).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace eventlet_lsp::protocol {

// Percent-encodes every byte of a path except unreserved characters and '/'.
std::string percent_encode_path(std::string_view path);

// file:///a%20b/c.py -> /a b/c.py; empty for other schemes.
std::filesystem::path path_from_uri(const std::string& uri);
// An absolute, normalised path as a file:// URI.
std::string uri_from_path(const std::filesystem::path& path);

}  // namespace eventlet_lsp::protocol
