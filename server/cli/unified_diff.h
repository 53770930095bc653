// A unified diff of two texts (Myers' line diff, three lines of context), as `diff -u` prints it.
#pragma once

#include <string>
#include <string_view>

namespace eventlet_lsp::server {

std::string unified_diff(std::string_view before, std::string_view after, const std::string& old_name,
                         const std::string& new_name);

}  // namespace eventlet_lsp::server
