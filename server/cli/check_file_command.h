// `eventlet-lsp --check FILE`: the language server's pipeline on one file, stage by stage, for
// bug reports (as clangd's --check).
#pragma once

#include <iosfwd>
#include <string>

namespace eventlet_lsp::server {

int run_check_file_command(const std::string& path, std::ostream& out);

}  // namespace eventlet_lsp::server
