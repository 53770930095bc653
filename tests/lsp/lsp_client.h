// A language-server client for transcript tests: starts the real eventlet-lsp binary with pipes
// for stdin, stdout and stderr (fork/exec), speaks framed JSON-RPC to it, and keeps everything
// the server says in order. Single-threaded: every wait pumps the pipes with poll(), so the
// server can never block on a full pipe while the test waits for something else.
//
//  - Responses are matched to requests by id; notifications queue up until a test takes them.
//  - Requests from the server (window/workDoneProgress/create, client/registerCapability,
//    workspace/configuration, ...) are answered as soon as they are read, unless the test
//    turns that off or sets its own answer.
//  - Everything read on the protocol channel is kept raw too, for stdout-hygiene checks.
//  - The destructor kills the server if it is still running.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventlet_lsp::testing {

using Json = nlohmann::json;
using Millis = std::chrono::milliseconds;

// How long a test waits for something the server should do promptly. Generous on purpose: a
// passing test never waits this long, a failing one fails after it.
inline constexpr Millis kWait{5000};

struct LspClientOptions {
  std::vector<std::string> args;  // after the program path; empty: the stdio server
  std::filesystem::path working_directory;
  bool answer_server_requests = true;
};

class LspClient {
 public:
  explicit LspClient(LspClientOptions options = {});
  ~LspClient();
  LspClient(const LspClient&) = delete;
  LspClient& operator=(const LspClient&) = delete;

  // --- transport -------------------------------------------------------------------------------
  // `serve --listen PORT`: connect to the server (retrying until it listens) and use the socket
  // as the protocol channel from now on; the process's stdout is then drained separately.
  bool connect_tcp(unsigned short port, Millis timeout = kWait);
  // Bytes as they are, framed or not, in one write (as far as the pipe allows).
  void send_raw(std::string_view bytes);
  void send(const Json& message);
  static std::string frame(const Json& message);
  static std::string frame_text(std::string_view body);
  // Closes the protocol channel towards the server (stdin, or the socket's write side).
  void close_stdin();

  // --- JSON-RPC --------------------------------------------------------------------------------
  Json next_id() { return Json(next_id_++); }
  // Sends a request and returns its id without waiting.
  Json send_request(const std::string& method, const Json& params);
  // The whole response message ({"id", "result"} or {"id", "error"}), or null on timeout.
  Json wait_response(const Json& id, Millis timeout = kWait);
  Json request(const std::string& method, const Json& params, Millis timeout = kWait);
  void notify(const std::string& method, const Json& params);

  // The first queued notification of `method` that `predicate` accepts, removed from the queue
  // (others stay queued); waits for it up to `timeout`.
  std::optional<Json> wait_for_notification(const std::string& method,
                                            const std::function<bool(const Json&)>& predicate = {},
                                            Millis timeout = kWait);
  // Removes and returns every queued notification (of `method`, or all when empty).
  std::vector<Json> take_notifications(const std::string& method = "");
  // Requests the server sent, in order (answered or not).
  const std::vector<Json>& server_requests() const { return server_requests_; }
  std::optional<Json> wait_for_server_request(const std::string& method, Millis timeout = kWait);
  // The answer given to the server's requests of `method`: a result, or an error object when
  // `is_error`. Without one: workspace/configuration gets `configuration` per item, others null.
  void set_answer(const std::string& method, Json value, bool is_error = false);
  void set_configuration(Json value) { configuration_ = std::move(value); }
  void respond(const Json& id, const Json& result);

  // Everything the server sent, in order.
  const std::vector<Json>& transcript() const { return transcript_; }
  // Waits until `predicate` holds (pumping I/O meanwhile); false on timeout.
  bool wait_until(const std::function<bool()>& predicate, Millis timeout = kWait);
  // Pumps I/O for `duration`, whatever happens.
  void pump_for(Millis duration);

  // --- the process -----------------------------------------------------------------------------
  pid_t pid() const { return pid_; }
  // The exit status (128 + signal when killed by one), or nullopt on timeout.
  std::optional<int> wait_exit(Millis timeout = kWait);
  bool running();
  std::string stderr_text() const { return stderr_; }
  // Raw bytes read on the protocol channel (stdout, or the socket).
  const std::string& raw_output() const { return raw_output_; }
  // The process's stdout when it is not the protocol channel (TCP mode).
  const std::string& process_stdout() const { return process_stdout_; }
  // Non-empty when the server's output could not be parsed as framed JSON-RPC.
  const std::string& output_error() const { return output_error_; }
  // For failure messages: the transcript and stderr.
  std::string describe() const;

  // --- LSP conveniences ------------------------------------------------------------------------
  // initialize with these capabilities (plus `extra` params), then `initialized`. Returns the
  // initialize response.
  Json initialize(const Json& capabilities = Json::object(), const Json& extra = Json::object(),
                  bool send_initialized = true);
  void did_open(const std::string& uri, const std::string& text, int version = 1,
                const std::string& language = "python");
  void did_change(const std::string& uri, int version, const Json& changes);
  void did_close(const std::string& uri);
  // The next publishDiagnostics for `uri` (optionally of one version).
  std::optional<Json> wait_for_diagnostics(const std::string& uri,
                                           std::optional<int> version = std::nullopt,
                                           Millis timeout = kWait);
  Json hover(const std::string& uri, int line, int character);
  // Shuts down cleanly: shutdown, exit, and the exit status.
  std::optional<int> shutdown_and_exit();

 private:
  bool pump(std::chrono::steady_clock::time_point deadline);
  void parse_output();
  void on_message(Json message);
  void close_fd(int& fd);

  LspClientOptions options_;
  pid_t pid_ = -1;
  bool reaped_ = false;
  int exit_status_ = -1;

  int stdin_fd_ = -1;   // the server's stdin (write end)
  int stdout_fd_ = -1;  // the server's stdout (read end)
  int stderr_fd_ = -1;  // the server's stderr (read end)
  int socket_fd_ = -1;  // TCP mode
  bool tcp_ = false;

  std::string pending_write_;  // bytes for the server; the first written_ of them are sent
  std::size_t written_ = 0;
  std::string input_buffer_;  // unparsed bytes of the protocol channel
  std::string raw_output_;
  std::string process_stdout_;
  std::string stderr_;
  std::string output_error_;

  std::int64_t next_id_ = 1;
  std::map<std::string, Json> responses_;  // by dumped id
  std::deque<Json> notifications_;
  std::vector<Json> server_requests_;
  std::vector<Json> transcript_;
  std::map<std::string, std::pair<Json, bool>> answers_;
  Json configuration_ = Json::object();
};

// file:// URI of a path (absolute, percent-encoded like the server does).
std::string file_uri(const std::filesystem::path& path);

// A fresh temporary directory, removed with its contents at the end of the scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // Writes a file (creating directories), returns its path.
  std::filesystem::path write(const std::filesystem::path& relative,
                              std::string_view content) const;
  std::string uri() const { return file_uri(path_); }
  std::string uri(const std::filesystem::path& relative) const {
    return file_uri(path_ / relative);
  }

 private:
  std::filesystem::path path_;
};

}  // namespace eventlet_lsp::testing
