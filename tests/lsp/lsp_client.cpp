#include "lsp_client.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "../support/test_paths.h"

extern char** environ;

namespace eventlet_lsp::testing {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

void set_nonblocking(int fd) {
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

std::string abbreviate(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  return text.substr(0, limit) + "... (" + std::to_string(text.size()) + " bytes)";
}

}  // namespace

LspClient::LspClient(LspClientOptions options) : options_(std::move(options)) {
  ::signal(SIGPIPE, SIG_IGN);  // a server that died must fail the test, not kill it

  // Everything the child needs is built before fork: only async-signal-safe calls after it.
  std::vector<std::string> argv_storage{binary_path().string()};
  argv_storage.insert(argv_storage.end(), options_.args.begin(), options_.args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const std::string directory = options_.working_directory.string();

  int in_pipe[2], out_pipe[2], err_pipe[2], exec_pipe[2];
  if (::pipe2(in_pipe, O_CLOEXEC) != 0 || ::pipe2(out_pipe, O_CLOEXEC) != 0 ||
      ::pipe2(err_pipe, O_CLOEXEC) != 0 || ::pipe2(exec_pipe, O_CLOEXEC) != 0) {
    output_error_ = std::string("pipe: ") + std::strerror(errno);
    reaped_ = true;
    return;
  }
  pid_ = ::fork();
  if (pid_ == 0) {
    if (::dup2(in_pipe[0], STDIN_FILENO) < 0 || ::dup2(out_pipe[1], STDOUT_FILENO) < 0 ||
        ::dup2(err_pipe[1], STDERR_FILENO) < 0) {
      int error = errno;
      [[maybe_unused]] auto n = ::write(exec_pipe[1], &error, sizeof error);
      ::_exit(127);
    }
    if (!directory.empty() && ::chdir(directory.c_str()) != 0) {
      int error = errno;
      [[maybe_unused]] auto n = ::write(exec_pipe[1], &error, sizeof error);
      ::_exit(127);
    }
    ::signal(SIGPIPE, SIG_DFL);
    ::execve(argv[0], argv.data(), environ);
    int error = errno;
    [[maybe_unused]] auto n = ::write(exec_pipe[1], &error, sizeof error);
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  ::close(exec_pipe[1]);
  stdin_fd_ = in_pipe[1];
  stdout_fd_ = out_pipe[0];
  stderr_fd_ = err_pipe[0];
  if (pid_ < 0) {
    output_error_ = std::string("fork: ") + std::strerror(errno);
    reaped_ = true;
    ::close(exec_pipe[0]);
    close_fd(stdin_fd_);
    close_fd(stdout_fd_);
    close_fd(stderr_fd_);
    return;
  }
  int exec_error = 0;
  ssize_t got = 0;
  do {
    got = ::read(exec_pipe[0], &exec_error, sizeof exec_error);
  } while (got < 0 && errno == EINTR);
  ::close(exec_pipe[0]);
  if (got == static_cast<ssize_t>(sizeof exec_error)) {
    output_error_ = "could not start " + argv_storage[0] + ": " + std::strerror(exec_error);
  }
  set_nonblocking(stdin_fd_);
  set_nonblocking(stdout_fd_);
  set_nonblocking(stderr_fd_);
}

LspClient::~LspClient() {
  if (!reaped_ && pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    reaped_ = true;
  }
  // What is left in stderr, then: a sanitizer report fails the test (when the server is built
  // with EVENTLET_LSP_SANITIZE), even if the transcript looked right.
  const auto deadline = Clock::now() + Millis(500);
  while (stderr_fd_ >= 0 && Clock::now() < deadline) {
    char buffer[65536];
    pollfd fd{stderr_fd_, POLLIN, 0};
    if (::poll(&fd, 1, 50) <= 0) continue;
    const ssize_t n = ::read(stderr_fd_, buffer, sizeof buffer);
    if (n > 0)
      stderr_.append(buffer, static_cast<std::size_t>(n));
    else if (n == 0 || (errno != EAGAIN && errno != EINTR))
      close_fd(stderr_fd_);
  }
  for (const char* report : {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:"}) {
    if (stderr_.find(report) != std::string::npos) {
      ADD_FAILURE() << "the server's stderr has a sanitizer report:\n" << abbreviate(stderr_, 8000);
      break;
    }
  }
  close_fd(stdin_fd_);
  close_fd(stdout_fd_);
  close_fd(stderr_fd_);
  close_fd(socket_fd_);
}

void LspClient::close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// --- transport -------------------------------------------------------------------------------

bool LspClient::connect_tcp(unsigned short port, Millis timeout) {
  const auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
      set_nonblocking(fd);
      socket_fd_ = fd;
      tcp_ = true;
      return true;
    }
    ::close(fd);
    if (!running()) return false;
    pump(std::min(deadline, Clock::now() + Millis(20)));
  }
  return false;
}

std::string LspClient::frame_text(std::string_view body) {
  std::string framed = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  framed.append(body);
  return framed;
}

std::string LspClient::frame(const Json& message) {
  return frame_text(message.dump());
}

void LspClient::send_raw(std::string_view bytes) {
  pending_write_.append(bytes);
  wait_until([this] { return pending_write_.empty(); }, Millis(20000));
}

void LspClient::send(const Json& message) {
  send_raw(frame(message));
}

void LspClient::close_stdin() {
  wait_until([this] { return pending_write_.empty(); }, Millis(20000));
  if (tcp_) {
    if (socket_fd_ >= 0) ::shutdown(socket_fd_, SHUT_WR);
  } else {
    close_fd(stdin_fd_);
  }
}

bool LspClient::pump(Clock::time_point deadline) {
  struct Entry {
    int fd;
    short events;
  };
  std::vector<Entry> entries;
  auto want = [&](int fd, short events) {
    if (fd < 0) return;
    for (Entry& entry : entries) {
      if (entry.fd == fd) {
        entry.events |= events;
        return;
      }
    }
    entries.push_back({fd, events});
  };
  const int protocol_in = tcp_ ? socket_fd_ : stdout_fd_;
  const int protocol_out = tcp_ ? socket_fd_ : stdin_fd_;
  want(protocol_in, POLLIN);
  want(stdout_fd_, POLLIN);
  want(stderr_fd_, POLLIN);
  if (!pending_write_.empty()) {
    if (protocol_out >= 0) {
      want(protocol_out, POLLOUT);
    } else {  // nowhere to go: the channel is closed
      pending_write_.clear();
      written_ = 0;
    }
  }
  if (entries.empty()) return false;

  std::vector<pollfd> fds;
  for (const Entry& entry : entries) fds.push_back({entry.fd, entry.events, 0});
  const auto remaining = std::chrono::duration_cast<Millis>(deadline - Clock::now()).count();
  const int wait_ms = static_cast<int>(std::clamp<long long>(remaining, 0, 50));
  const int ready = ::poll(fds.data(), fds.size(), wait_ms);
  if (ready <= 0) return true;

  char buffer[65536];
  for (const pollfd& entry : fds) {
    if (entry.revents == 0) continue;
    const int fd = entry.fd;
    if (fd == protocol_out && (entry.revents & POLLOUT) != 0 && !pending_write_.empty()) {
      const ssize_t wrote =
          ::write(fd, pending_write_.data() + written_, pending_write_.size() - written_);
      if (wrote > 0) {
        written_ += static_cast<std::size_t>(wrote);
        if (written_ == pending_write_.size()) {
          pending_write_.clear();
          written_ = 0;
        }
      } else if (wrote < 0 && errno != EAGAIN && errno != EINTR) {
        pending_write_.clear();  // server gone
        written_ = 0;
      }
    }
    const bool readable = fd == protocol_in || fd == stdout_fd_ || fd == stderr_fd_;
    if (!readable) {
      // The write end of the server's stdin: an error or hang-up means the server closed it.
      if ((entry.revents & (POLLERR | POLLHUP)) != 0) {
        pending_write_.clear();
        written_ = 0;
        close_fd(stdin_fd_);
      }
      continue;
    }
    if ((entry.revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      const std::string_view data(buffer, static_cast<std::size_t>(n));
      if (fd == protocol_in) {
        raw_output_.append(data);
        input_buffer_.append(data);
        parse_output();
      } else if (fd == stdout_fd_) {
        process_stdout_.append(data);
      } else {
        stderr_.append(data);
      }
    } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
      if (fd == socket_fd_)
        close_fd(socket_fd_);
      else if (fd == stdout_fd_)
        close_fd(stdout_fd_);
      else
        close_fd(stderr_fd_);
    }
  }
  return true;
}

void LspClient::parse_output() {
  while (output_error_.empty()) {
    const std::size_t end = input_buffer_.find("\r\n\r\n");
    if (end == std::string::npos) {
      if (input_buffer_.size() > 1024)
        output_error_ = "no end of header in: " + abbreviate(input_buffer_, 200);
      return;
    }
    std::optional<std::size_t> length;
    std::istringstream headers(input_buffer_.substr(0, end));
    std::string line;
    while (std::getline(headers, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const std::size_t colon = line.find(':');
      const std::string name = colon == std::string::npos ? line : line.substr(0, colon);
      std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      if (name == "Content-Length") {
        std::size_t parsed = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
        if (ec != std::errc() || ptr != value.data() + value.size()) {
          output_error_ = "bad Content-Length header: '" + line + "'";
          return;
        }
        length = parsed;
      } else if (name != "Content-Type") {
        output_error_ = "unexpected header line: '" + abbreviate(line, 200) + "'";
        return;
      }
    }
    if (!length) {
      output_error_ =
          "header without Content-Length: " + abbreviate(input_buffer_.substr(0, end), 200);
      return;
    }
    if (input_buffer_.size() < end + 4 + *length) return;
    const std::string body = input_buffer_.substr(end + 4, *length);
    input_buffer_.erase(0, end + 4 + *length);
    Json message = Json::parse(body, nullptr, false);
    if (message.is_discarded() || !message.is_object() ||
        message.value("jsonrpc", Json()) != "2.0") {
      output_error_ = "not a JSON-RPC 2.0 message: " + abbreviate(body, 300);
      return;
    }
    on_message(std::move(message));
  }
}

void LspClient::on_message(Json message) {
  transcript_.push_back(message);
  const bool has_method = message.contains("method");
  const bool has_id = message.contains("id");
  if (has_method && has_id) {
    server_requests_.push_back(message);
    if (!options_.answer_server_requests) return;
    const std::string method = message["method"].get<std::string>();
    Json reply{{"jsonrpc", "2.0"}, {"id", message["id"]}};
    if (auto it = answers_.find(method); it != answers_.end()) {
      reply[it->second.second ? "error" : "result"] = it->second.first;
    } else if (method == "workspace/configuration") {
      Json result = Json::array();
      const Json params = message.value("params", Json::object());
      if (params.is_object() && params.contains("items") && params["items"].is_array()) {
        for (std::size_t i = 0; i < params["items"].size(); ++i) result.push_back(configuration_);
      }
      reply["result"] = result;
    } else {
      reply["result"] = nullptr;
    }
    pending_write_ += frame(reply);  // written by the next pump: no recursion from here
  } else if (has_method) {
    notifications_.push_back(std::move(message));
  } else if (has_id) {
    const std::string key = message["id"].dump();
    responses_[key] = std::move(message);
  } else {
    output_error_ = "neither request, notification nor response: " + message.dump();
  }
}

// --- JSON-RPC --------------------------------------------------------------------------------

Json LspClient::send_request(const std::string& method, const Json& params) {
  const Json id = next_id();
  Json message{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
  if (!params.is_null()) message["params"] = params;
  send(message);
  return id;
}

Json LspClient::wait_response(const Json& id, Millis timeout) {
  const std::string key = id.dump();
  if (!wait_until([&] { return responses_.contains(key); }, timeout)) return nullptr;
  Json response = std::move(responses_[key]);
  responses_.erase(key);
  return response;
}

Json LspClient::request(const std::string& method, const Json& params, Millis timeout) {
  return wait_response(send_request(method, params), timeout);
}

void LspClient::notify(const std::string& method, const Json& params) {
  Json message{{"jsonrpc", "2.0"}, {"method", method}};
  if (!params.is_null()) message["params"] = params;
  send(message);
}

std::optional<Json> LspClient::wait_for_notification(
    const std::string& method, const std::function<bool(const Json&)>& predicate, Millis timeout) {
  std::optional<Json> found;
  wait_until(
      [&] {
        for (auto it = notifications_.begin(); it != notifications_.end(); ++it) {
          if ((*it)["method"] != method) continue;
          if (predicate && !predicate((*it).value("params", Json()))) continue;
          found = std::move(*it);
          notifications_.erase(it);
          return true;
        }
        return false;
      },
      timeout);
  return found;
}

std::vector<Json> LspClient::take_notifications(const std::string& method) {
  std::vector<Json> taken;
  for (auto it = notifications_.begin(); it != notifications_.end();) {
    if (method.empty() || (*it)["method"] == method) {
      taken.push_back(std::move(*it));
      it = notifications_.erase(it);
    } else {
      ++it;
    }
  }
  return taken;
}

std::optional<Json> LspClient::wait_for_server_request(const std::string& method, Millis timeout) {
  std::optional<Json> found;
  wait_until(
      [&] {
        for (const Json& request : server_requests_) {
          if (request["method"] == method) {
            found = request;
            return true;
          }
        }
        return false;
      },
      timeout);
  return found;
}

void LspClient::set_answer(const std::string& method, Json value, bool is_error) {
  answers_[method] = {std::move(value), is_error};
}

void LspClient::respond(const Json& id, const Json& result) {
  send(Json{{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
}

bool LspClient::wait_until(const std::function<bool()>& predicate, Millis timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    if (predicate()) return true;
    if (Clock::now() >= deadline) return false;
    if (!pump(deadline)) return predicate();  // every channel is closed: nothing more will come
  }
}

void LspClient::pump_for(Millis duration) {
  const auto deadline = Clock::now() + duration;
  while (Clock::now() < deadline) {
    if (!pump(deadline)) std::this_thread::sleep_for(Millis(5));
  }
}

// --- the process -----------------------------------------------------------------------------

bool LspClient::running() {
  if (reaped_ || pid_ <= 0) return false;
  int status = 0;
  const pid_t waited = ::waitpid(pid_, &status, WNOHANG);
  if (waited == pid_) {
    reaped_ = true;
    exit_status_ = WIFEXITED(status)     ? WEXITSTATUS(status)
                   : WIFSIGNALED(status) ? 128 + WTERMSIG(status)
                                         : -1;
    return false;
  }
  return true;
}

std::optional<int> LspClient::wait_exit(Millis timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    if (!running()) {
      // Whatever the server wrote before it ended is still in the pipes: read it.
      while (pump(Clock::now()) && (stdout_fd_ >= 0 || stderr_fd_ >= 0 || socket_fd_ >= 0)) {
        if (Clock::now() >= deadline) break;
      }
      if (reaped_) return exit_status_;
      return std::nullopt;
    }
    if (Clock::now() >= deadline) return std::nullopt;
    if (!pump(std::min(deadline, Clock::now() + Millis(20))))
      std::this_thread::sleep_for(Millis(5));
  }
}

std::string LspClient::describe() const {
  std::ostringstream text;
  text << "--- transcript (server -> client) ---\n";
  for (const Json& message : transcript_) text << abbreviate(message.dump(), 600) << '\n';
  if (!output_error_.empty()) text << "--- output error ---\n" << output_error_ << '\n';
  text << "--- stderr ---\n" << abbreviate(stderr_, 4000) << '\n';
  return text.str();
}

// --- LSP conveniences ------------------------------------------------------------------------

Json LspClient::initialize(const Json& capabilities, const Json& extra, bool send_initialized) {
  Json params{{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", capabilities}};
  for (const auto& [key, value] : extra.items()) params[key] = value;
  Json response = request("initialize", params);
  if (send_initialized) notify("initialized", Json::object());
  return response;
}

void LspClient::did_open(const std::string& uri, const std::string& text, int version,
                         const std::string& language) {
  notify("textDocument/didOpen",
         {{"textDocument",
           {{"uri", uri}, {"languageId", language}, {"version", version}, {"text", text}}}});
}

void LspClient::did_change(const std::string& uri, int version, const Json& changes) {
  notify("textDocument/didChange",
         {{"textDocument", {{"uri", uri}, {"version", version}}}, {"contentChanges", changes}});
}

void LspClient::did_close(const std::string& uri) {
  notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
}

std::optional<Json> LspClient::wait_for_diagnostics(const std::string& uri,
                                                    std::optional<int> version, Millis timeout) {
  auto found = wait_for_notification(
      "textDocument/publishDiagnostics",
      [&](const Json& params) {
        if (params.value("uri", std::string()) != uri) return false;
        return !version || params.value("version", Json()) == Json(*version);
      },
      timeout);
  if (!found) return std::nullopt;
  return (*found)["params"];
}

Json LspClient::hover(const std::string& uri, int line, int character) {
  return request("textDocument/hover", {{"textDocument", {{"uri", uri}}},
                                        {"position", {{"line", line}, {"character", character}}}});
}

std::optional<int> LspClient::shutdown_and_exit() {
  const Json response = request("shutdown", nullptr);
  if (response.is_null()) return std::nullopt;
  notify("exit", nullptr);
  return wait_exit();
}

// --- helpers ---------------------------------------------------------------------------------

std::string file_uri(const fs::path& path) {
  std::string uri = "file://";
  for (unsigned char c : fs::absolute(path).lexically_normal().string()) {
    if (std::isalnum(c) ||
        std::string_view("/-._~").find(static_cast<char>(c)) != std::string_view::npos) {
      uri += static_cast<char>(c);
    } else {
      static const char* hex = "0123456789ABCDEF";
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 15];
    }
  }
  return uri;
}

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "eventlet-lsp-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = fs::canonical(pattern);  // the server's URIs name the real path
}

TempDir::~TempDir() {
  std::error_code error;
  fs::remove_all(path_, error);
}

fs::path TempDir::write(const fs::path& relative, std::string_view content) const {
  const fs::path target = path_ / relative;
  fs::create_directories(target.parent_path());
  std::ofstream out(target, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  return target;
}

}  // namespace eventlet_lsp::testing
