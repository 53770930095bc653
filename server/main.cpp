// eventlet-lsp: the command line. Each subcommand lives in server/cli/.
#include <CLI/CLI.hpp>

#include <iostream>

#include "analyzers/catalog/rule_registry.h"
#include "analyzers/config/settings.h"
#include "analyzers/workspace/source_file.h"
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "server/cli/check_command.h"
#include "server/cli/check_file_command.h"
#include "server/cli/fix_command.h"
#include "server/cli/rules_command.h"
#include "server/transport/serve.h"

namespace {

using namespace eventlet_lsp;

// What a bare `# noqa` does: "ignore" (the default, it is another linter's) or "suppress".
void add_bare_noqa_option(CLI::App& command, analyzers::SettingsOverrides& overrides) {
  command
      .add_option_function<std::string>(
          "--bare-noqa", [&overrides](const std::string& value) { overrides.bare_noqa = analyzers::parse_bare_noqa(value); },
          "What a `# noqa` without codes hides: ignore (nothing; the default) or suppress (everything on its line)")
      ->check(CLI::IsMember({"ignore", "suppress"}));
}

void add_check_command(CLI::App& app, server::CheckOptions& options, std::string& format,
                       std::vector<std::string>& severities, std::string& target,
                       std::vector<std::string>& select) {
  CLI::App* check = app.add_subcommand("check", "Audit Python files and folders for Eventlet usage");
  check->add_option("paths", options.paths, "Files or folders (default: the current folder)");
  check->add_option("--format", format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
      ->default_val("text");
  check->add_option("--select", select, "Only these rules (codes, prefixes like EL3, names, ALL)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  check->add_option("--extend-select", options.overrides.extend_select, "Add rules to the selection")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  check->add_option("--ignore", options.overrides.ignore, "Skip these rules (codes, prefixes, names)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  check->add_option("--exclude", options.overrides.exclude, "Skip paths matching these globs")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  check->add_option("--severity", severities, "Override a rule's severity: CODE=error|warning|information|hint")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  check->add_option("--target", target, "Migration target the messages assume")
      ->check(CLI::IsMember({"threading", "asyncio"}));
  check->add_option("--config", options.config_file, "Use this pyproject.toml instead of the nearest one");
  check->add_flag("--isolated", options.isolated, "Ignore configuration files");
  check->add_flag("--exit-zero", options.exit_zero, "Exit 0 even when usages are found");
  check->add_flag("--ignore-noqa", options.ignore_noqa, "Report usages on lines with `# noqa` too");
  add_bare_noqa_option(*check, options.overrides);
  check->add_flag_callback("--no-summary", [&options] { options.summary = false; }, "Text format: no summary table");
  check->add_flag_callback("--no-progress", [&options] { options.progress = false; }, "No progress bar on stderr");
  check->add_option("-j,--threads", options.threads, "Worker threads (default: one per core)");
  check->add_option("--max-file-size", options.max_file_bytes, "Skip files larger than this many bytes")
      ->default_val(analyzers::kDefaultMaxFileBytes);
  check->add_option("--color", options.color, "Color the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"eventlet-lsp: find, explain and rewrite Eventlet usages (migration guide: "
               "https://removal.eventlet.org)"};
  app.set_version_flag("--version", std::string("eventlet-lsp ") + EVENTLET_LSP_VERSION);
  app.require_subcommand(0, 1);  // none: the language server on stdio

  std::string log_file;
  std::string log_level = "info";
  std::string check_file;
  app.add_option("--log-file", log_file, "Language server: log to this file instead of stderr");
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error or off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}));
  // vscode-languageclient (and other clients) add --stdio when told to use stdio: it is the default.
  bool stdio = false;
  app.add_flag("--stdio", stdio, "Language server on stdio (the default; accepted for clients that pass it)");
  app.add_option("--check", check_file,
                 "Run the language server's pipeline on one file and print each stage (for bug reports)");

  server::ServeOptions serve_options;
  CLI::App* serve = app.add_subcommand("serve", "The language server (the default): JSON-RPC on stdio");
  serve->add_option("--listen", serve_options.listen_port, "Serve one client over TCP on 127.0.0.1:PORT instead");
  serve->add_flag("--stdio", stdio, "JSON-RPC on stdio (the default)");

  server::CheckOptions check_options;
  std::string format = "text";
  std::vector<std::string> severities;
  std::vector<std::string> select;
  std::string target;
  add_check_command(app, check_options, format, severities, target, select);

  server::FixOptions fix_options;
  std::string fix_target;
  CLI::App* fix = app.add_subcommand("fix", "Rewrite Eventlet usages (safe rewrites only, unless --unsafe)");
  fix->add_option("paths", fix_options.paths, "Files or folders (default: the current folder)");
  fix->add_option("--target", fix_target, "Rewrite towards threading or asyncio (default: the configured target)")
      ->check(CLI::IsMember({"threading", "asyncio"}));
  fix->add_flag("--unsafe", fix_options.unsafe, "Also apply rewrites that may change behaviour");
  fix->add_flag("--diff", fix_options.diff, "Print a unified diff and write nothing");
  fix->add_flag("--exit-zero", fix_options.exit_zero, "Exit 0 even when usages are left");
  fix->add_option("--select", fix_options.overrides.extend_select, "Only fix these rules")
      ->delimiter(',')->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  fix->add_option("--ignore", fix_options.overrides.ignore, "Do not fix these rules")
      ->delimiter(',')->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  fix->add_option("--config", fix_options.config_file, "Use this pyproject.toml instead of the nearest one");
  fix->add_flag("--isolated", fix_options.isolated, "Ignore configuration files");
  add_bare_noqa_option(*fix, fix_options.overrides);

  std::string rules_format = "text";
  CLI::App* rules = app.add_subcommand("rules", "List the rules of the catalog");
  rules->add_option("--format", rules_format, "Output format")
      ->check(CLI::IsMember({"text", "json", "markdown"}));

  std::string rule_code;
  CLI::App* rule = app.add_subcommand("rule", "Explain one rule");
  rule->add_option("code", rule_code, "A rule code (EL301) or name (spawn-fire-and-forget)")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }

  // The server's stdout is the protocol channel: logs go to stderr or a file, never stdout.
  try {
    auto logger = log_file.empty()
                      ? spdlog::stderr_logger_mt("eventlet-lsp")
                      : spdlog::basic_logger_mt("eventlet-lsp", log_file);
    logger->set_level(spdlog::level::from_str(log_level));
    logger->flush_on(spdlog::level::trace);  // a log read while the server runs must be complete
    spdlog::set_default_logger(logger);
  } catch (const spdlog::spdlog_ex& error) {
    std::cerr << "eventlet-lsp: cannot log to " << log_file << ": " << error.what() << '\n';
    return 2;
  }
  if (!check_file.empty()) return server::run_check_file_command(check_file, std::cout);
  if (app.got_subcommand("serve") || app.get_subcommands().empty()) return server::serve(serve_options);

  if (app.got_subcommand("rules")) {
    const auto format_value = rules_format == "json" ? server::RulesFormat::Json
                              : rules_format == "markdown" ? server::RulesFormat::Markdown
                                                           : server::RulesFormat::Text;
    return server::run_rules_command(format_value, std::cout);
  }
  if (app.got_subcommand("rule")) return server::run_rule_command(rule_code, std::cout, std::cerr);
  if (app.got_subcommand("fix")) {
    for (const auto* list : {&fix_options.overrides.extend_select, &fix_options.overrides.ignore}) {
      for (const std::string& selector : *list) {
        if (!analyzers::is_valid_selector(selector)) {
          std::cerr << "eventlet-lsp: unknown rule selector '" << selector << "'\n";
          return 2;
        }
      }
    }
    // --select on fix narrows what is fixed: it replaces the selection.
    if (!fix_options.overrides.extend_select.empty()) {
      fix_options.overrides.select = fix_options.overrides.extend_select;
      fix_options.overrides.extend_select.clear();
    }
    if (!fix_target.empty()) fix_options.overrides.target = analyzers::parse_target(fix_target);
    return server::run_fix_command(fix_options);
  }

  // check
  if (format == "json") check_options.format = server::ReportFormat::Json;
  else if (format == "sarif") check_options.format = server::ReportFormat::Sarif;
  else if (format == "github") check_options.format = server::ReportFormat::Github;
  if (!select.empty()) check_options.overrides.select = select;
  for (const std::string& selector : select) {
    if (!analyzers::is_valid_selector(selector)) {
      std::cerr << "eventlet-lsp: --select: unknown rule selector '" << selector << "'\n";
      return 2;
    }
  }
  for (const std::string& selector : check_options.overrides.extend_select) {
    if (!analyzers::is_valid_selector(selector)) {
      std::cerr << "eventlet-lsp: --extend-select: unknown rule selector '" << selector << "'\n";
      return 2;
    }
  }
  for (const std::string& selector : check_options.overrides.ignore) {
    if (!analyzers::is_valid_selector(selector)) {
      std::cerr << "eventlet-lsp: --ignore: unknown rule selector '" << selector << "'\n";
      return 2;
    }
  }
  for (const std::string& item : severities) {
    const auto equals = item.find('=');
    const auto* definition = equals == std::string::npos ? nullptr : analyzers::find_rule(item.substr(0, equals));
    const auto level = equals == std::string::npos ? std::nullopt : analyzers::parse_severity(item.substr(equals + 1));
    if (definition == nullptr || !level) {
      std::cerr << "eventlet-lsp: --severity: expected CODE=error|warning|information|hint, got '" << item << "'\n";
      return 2;
    }
    check_options.overrides.severity[std::string(definition->code)] = *level;
  }
  if (!target.empty()) check_options.overrides.target = analyzers::parse_target(target);
  return server::run_check_command(check_options);
}
