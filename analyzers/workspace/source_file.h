// Reading and auditing one file of a tree: Python or one of the text files around it.
#pragma once

#include <filesystem>
#include <string>

#include "analyzers/core/finding.h"

namespace eventlet_lsp::analyzers {

class PythonParser;

enum class SourceKind : std::uint8_t { Python, Text, NotAudited };

SourceKind source_kind(const std::filesystem::path& path);

inline constexpr std::uintmax_t kDefaultMaxFileBytes = 16u << 20;  // 16 MiB

struct FileAnalysis {
  FileReport report;
  std::string source;  // the bytes read, for converting positions; empty when not read
};

// Analyses bytes already in memory (an editor buffer, a test).
FileAnalysis analyze_source(std::string path, std::string source, PythonParser& parser,
                            const AnalysisOptions& options = {});

// Reads and analyses a file. Never throws: unreadable, too large or binary files come back as
// problems in the report.
FileAnalysis analyze_path(const std::filesystem::path& path, PythonParser& parser,
                          std::uintmax_t max_bytes = kDefaultMaxFileBytes,
                          const AnalysisOptions& options = {});

}  // namespace eventlet_lsp::analyzers
