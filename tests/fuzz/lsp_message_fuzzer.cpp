// libFuzzer target for the language server's input side: arbitrary bytes go through the
// transport's framing (protocol::MessageReader, fed in chunks as reads would deliver them), and
// every extracted body through a fresh server::Session and server::Dispatcher on an io_context,
// exactly as server/transport/serve.cpp wires them, minus the sockets. Malformed framing, JSON,
// params and message sequences (didChange before didOpen, requests after shutdown, responses
// to requests never sent, cancellations...) are all explored.
//
// What the harness changes, to keep each input bounded and reproducible:
//   * the client's workspace folders (initialize's workspaceFolders, rootUri, rootPath) are
//     replaced by a small sandbox workspace made at start-up, so that indexing never walks the
//     real file system;
//   * stdin is /dev/null, so that a URI naming /dev/stdin cannot block;
//   * at most kMaxMessages bodies per input, and io.poll() (never run()) drains the handlers;
//   * outgoing messages are checked to be JSON-RPC 2.0, serialised (protocol::to_wire +
//     frame_message, as the real sender does) and dropped.
// Exceptions are not caught: one escaping the dispatcher would end the real server too.
#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "protocol/jsonrpc/message.h"
#include "protocol/jsonrpc/message_framing.h"
#include "server/lsp/dispatcher.h"
#include "server/session/document.h"
#include "server/session/session.h"

namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using namespace eventlet_lsp;

constexpr std::size_t kMaxMessages = 128;
constexpr int kMaxPollRounds = 64;

std::string sandbox_uri;

void write_file(const fs::path& path, std::string_view text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

void make_sandbox() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern =
      std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/eventlet-lsp-fuzz-XXXXXX";
  const char* made = ::mkdtemp(pattern.data());
  if (made == nullptr) std::abort();
  const fs::path root = made;
  write_file(root / "pyproject.toml",
             "[tool.eventlet-lsp]\ntarget = \"asyncio\"\nignore = "
             "[\"EL901\"]\n[tool.eventlet-lsp.severity]\n"
             "EL301 = \"error\"\n");
  write_file(root / "app" / "__init__.py", "import eventlet\neventlet.monkey_patch()\n");
  write_file(root / "app" / "workers.py",
             "from eventlet import greenpool, spawn\nimport eventlet.green.socket as gsock\n\n"
             "pool = greenpool.GreenPool()\n\ndef run(f):\n    spawn(f)\n    pool.spawn_n(f)\n"
             "    eventlet.sleep(0)  # noqa: EL201\n");
  write_file(root / "app" / "plain.py", "def f():\n    return 1\n");
  write_file(root / "sub" / "pyproject.toml",
             "[tool.eventlet-lsp]\nselect = [\"EL3\"\n");  // broken
  write_file(root / "sub" / "mod.py", "import eventlet\neventlet.spawn_after(1, print)\n");
  write_file(root / "requirements.txt", "eventlet==0.33.3\nrequests\n");
  sandbox_uri = server::uri_from_path(root);
  // Removed at a normal exit; after a crash scripts/fuzz removes it (it sets TMPDIR).
  std::atexit([] {
    std::error_code error;
    fs::remove_all(server::path_from_uri(sandbox_uri), error);
  });
}

// Points initialize's workspace at the sandbox. Other bodies pass through byte for byte.
std::string sandboxed(const std::string& body) {
  if (body.find("initialize") == std::string::npos) return body;
  json value = json::parse(body, nullptr, false);
  if (value.is_discarded() || !value.is_object()) return body;
  const auto method = value.find("method");
  const auto params = value.find("params");
  if (method == value.end() || *method != "initialize" || params == value.end() ||
      !params->is_object())
    return body;
  bool changed = false;
  if (auto folders = params->find("workspaceFolders");
      folders != params->end() && folders->is_array()) {
    for (json& folder : *folders) {
      if (folder.is_object() && folder.contains("uri") && folder["uri"].is_string()) {
        folder["uri"] = sandbox_uri;
        changed = true;
      }
    }
  }
  for (const char* key : {"rootUri", "rootPath"}) {
    if (auto root = params->find(key); root != params->end() && root->is_string()) {
      *root =
          std::string(key) == "rootUri" ? sandbox_uri : server::path_from_uri(sandbox_uri).string();
      changed = true;
    }
  }
  return changed ? value.dump(-1, ' ', false, json::error_handler_t::replace) : body;
}

void drain(boost::asio::io_context& io) {
  for (int round = 0; round < kMaxPollRounds && !io.stopped(); ++round) {
    if (io.poll() == 0) break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // No log output: it would slow every input down and drown libFuzzer's report. A logger
  // without sinks also survives the log level that a fuzzed settings object may set.
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("fuzz"));
  const int null = ::open("/dev/null", O_RDONLY);
  if (null >= 0) {
    ::dup2(null, STDIN_FILENO);
    ::close(null);
  }
  make_sandbox();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // EVENTLET_LSP_FUZZ_VERBOSE=1 prints what goes in and out (to inspect a seed or a crash).
  static const bool verbose = std::getenv("EVENTLET_LSP_FUZZ_VERBOSE") != nullptr;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (verbose) std::fprintf(stderr, "== input of %zu bytes\n", size);
  boost::asio::io_context io;  // declared first: destroyed last, with handlers never run
  // As the server's pending read does, keeps io from stopping when it runs out of handlers: then
  // io.stopped() means `exit`, and poll() keeps running what later messages post.
  auto work = boost::asio::make_work_guard(io);
  std::size_t sent_bytes = 0;
  server::Session session(io, [&sent_bytes](const std::string& body) {
    // Some messages are written as text (publishDiagnostics): it must parse.
    const json message = json::parse(body, nullptr, false);
    // Whatever came in, what goes out must be JSON-RPC 2.0: an object with "jsonrpc": "2.0" and
    // a method (request, notification) or an id (response).
    const auto version = message.is_object() ? message.find("jsonrpc") : message.end();
    if (!message.is_object() || version == message.end() || *version != "2.0" ||
        !(message.contains("method") || message.contains("id"))) {
      std::fprintf(stderr, "invalid outgoing message: %s\n",
                   message.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
      std::abort();
    }
    const std::string framed = protocol::frame_message(body);
    sent_bytes += framed.size();
    if (verbose) std::fprintf(stderr, "<- %.300s\n", framed.c_str() + framed.find('{'));
  });
  server::Dispatcher dispatcher(session);
  protocol::MessageReader reader;

  // Reads arrive in pieces of varying size, derived from the input's size so that a crashing
  // input replays the same way.
  std::uint32_t state = static_cast<std::uint32_t>(size) * 2654435761u + 1;
  std::size_t messages = 0;
  std::size_t at = 0;
  while (at < input.size() && messages < kMaxMessages && !io.stopped()) {
    state = state * 1103515245u + 12345u;
    const std::size_t piece =
        (state >> 16) % 4 == 0 ? 1 + (state >> 8) % 7 : 1 + (state >> 4) % 4096;
    reader.feed(input.substr(at, piece));
    at += std::min(piece, input.size() - at);
    while (messages < kMaxMessages) {
      auto item = reader.next();
      if (!item) break;
      ++messages;
      const bool body = item->kind == protocol::MessageReader::Item::Kind::Message;
      if (verbose)
        std::fprintf(stderr, "-> %s %.200s\n", body ? "body" : "framing error", item->text.c_str());
      if (body) {
        dispatcher.on_message(sandboxed(item->text));
      } else {
        dispatcher.on_framing_error(item->text);
      }
    }
    drain(io);  // the read handler returned: what it posted runs before the next read
  }
  drain(io);
  return 0;
}
