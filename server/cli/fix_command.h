// `eventlet-lsp fix PATH... [--target threading|asyncio] [--unsafe] [--diff]`: applies the
// rewrites, safe ones only unless asked, writing files atomically or printing a diff.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzers/config/config_resolver.h"

namespace eventlet_lsp::server {

struct FixOptions {
  std::vector<std::string> paths;
  analyzers::SettingsOverrides overrides;
  std::optional<std::string> config_file;
  bool isolated = false;
  bool unsafe = false;
  bool diff = false;
  bool exit_zero = false;
};

// 0 when no usage is left, 1 when some are (for a person to handle), 2 on errors.
int run_fix_command(const FixOptions& options);

}  // namespace eventlet_lsp::server
