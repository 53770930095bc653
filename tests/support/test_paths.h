// Where the tests find the repository and the built binary.
#pragma once

#include <filesystem>

namespace eventlet_lsp::testing {

inline std::filesystem::path source_dir() { return EVENTLET_LSP_SOURCE_DIR; }
inline std::filesystem::path fixtures_dir() { return source_dir() / "tests" / "fixtures"; }
inline std::filesystem::path binary_path() { return EVENTLET_LSP_BINARY; }

}  // namespace eventlet_lsp::testing
