// Runs a program for a test and captures what it says: stdout, stderr and the exit status kept
// apart. No shell (argv goes to execve as is), no temporary files (pipes drained with poll), and a
// timeout after which the child's process group is killed. Header-only, POSIX.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

extern char** environ;

namespace eventlet_lsp::testing {

struct ProcessOptions {
  // The child's working directory; empty: the test's own.
  std::filesystem::path working_directory;
  // Variables set (or replaced) in the child's environment, on top of the test's environment.
  std::vector<std::pair<std::string, std::string>> environment;
  // Variables removed from the child's environment (NO_COLOR, say).
  std::vector<std::string> unset_environment;
  // Bytes written to the child's stdin, which is then closed (nothing: stdin is /dev/null).
  std::optional<std::string> stdin_data;
  std::chrono::milliseconds timeout{std::chrono::seconds(60)};
};

struct ProcessResult {
  std::string out;  // stdout
  std::string err;  // stderr
  int exit_code = -1;     // valid when exited()
  int term_signal = 0;    // the signal that ended the child, 0 when it exited
  bool timed_out = false; // killed after ProcessOptions::timeout
  std::string spawn_error;  // non-empty when the program could not be started

  bool exited() const { return spawn_error.empty() && !timed_out && term_signal == 0; }

  // For failure messages: how the process ended, and what it printed.
  std::string describe() const {
    std::ostringstream text;
    if (!spawn_error.empty()) text << "could not start: " << spawn_error << '\n';
    else if (timed_out) text << "timed out (killed)\n";
    else if (term_signal != 0) text << "killed by signal " << term_signal << " (" << ::strsignal(term_signal) << ")\n";
    else text << "exit status " << exit_code << '\n';
    text << "--- stdout ---\n" << out << "\n--- stderr ---\n" << err << '\n';
    return text.str();
  }
};

namespace detail {

inline void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// The environment the child gets: ours, minus `unset`, with `additions` set.
inline std::vector<std::string> child_environment(const ProcessOptions& options) {
  std::map<std::string, std::string> variables;
  std::vector<std::string> order;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string text(*entry);
    const std::size_t equals = text.find('=');
    const std::string name = text.substr(0, equals);
    if (!variables.contains(name)) order.push_back(name);
    variables[name] = equals == std::string::npos ? std::string() : text.substr(equals + 1);
  }
  for (const std::string& name : options.unset_environment) variables.erase(name);
  for (const auto& [name, value] : options.environment) {
    if (!variables.contains(name)) order.push_back(name);
    variables[name] = value;
  }
  std::vector<std::string> result;
  for (const std::string& name : order) {
    if (auto it = variables.find(name); it != variables.end()) {
      result.push_back(name + "=" + it->second);
      variables.erase(it);  // once, even if `order` repeats a name
    }
  }
  return result;
}

}  // namespace detail

// Runs `program` with `args` (argv[1...]; argv[0] is the program path).
inline ProcessResult run_process(const std::filesystem::path& program, const std::vector<std::string>& args,
                                 const ProcessOptions& options = {}) {
  ProcessResult result;

  // Everything the child needs is prepared before fork: between fork and exec in a threaded
  // process only async-signal-safe calls are allowed (no malloc, no setenv).
  std::vector<std::string> argv_storage;
  argv_storage.push_back(program.string());
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_storage = detail::child_environment(options);
  std::vector<char*> envp;
  for (std::string& variable : env_storage) envp.push_back(variable.data());
  envp.push_back(nullptr);
  const std::string directory = options.working_directory.string();
  const std::string program_path = program.string();

  int out_pipe[2] = {-1, -1};
  int err_pipe[2] = {-1, -1};
  int in_pipe[2] = {-1, -1};
  int exec_pipe[2] = {-1, -1};  // reports an exec failure's errno; closed by a successful exec
  auto close_all = [&] {
    for (int* pair : {out_pipe, err_pipe, in_pipe, exec_pipe}) {
      detail::close_fd(pair[0]);
      detail::close_fd(pair[1]);
    }
  };
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0 ||
      ::pipe2(exec_pipe, O_CLOEXEC) != 0 || (options.stdin_data && ::pipe2(in_pipe, O_CLOEXEC) != 0)) {
    result.spawn_error = std::string("pipe: ") + std::strerror(errno);
    close_all();
    return result;
  }

  const pid_t pid = ::fork();
  if (pid < 0) {
    result.spawn_error = std::string("fork: ") + std::strerror(errno);
    close_all();
    return result;
  }
  if (pid == 0) {
    // Child: async-signal-safe calls only.
    ::setpgid(0, 0);  // its own group, so a timeout kills its children too
    auto fail = [&](int error) {
      [[maybe_unused]] const ssize_t written = ::write(exec_pipe[1], &error, sizeof error);
      ::_exit(127);
    };
    int stdin_fd = options.stdin_data ? in_pipe[0] : ::open("/dev/null", O_RDONLY);
    if (stdin_fd < 0) fail(errno);
    if (::dup2(stdin_fd, STDIN_FILENO) < 0 || ::dup2(out_pipe[1], STDOUT_FILENO) < 0 ||
        ::dup2(err_pipe[1], STDERR_FILENO) < 0)
      fail(errno);
    if (!directory.empty() && ::chdir(directory.c_str()) != 0) fail(errno);
    ::signal(SIGPIPE, SIG_DFL);
    ::execve(program_path.c_str(), argv.data(), envp.data());
    fail(errno);
  }

  // Parent.
  ::setpgid(pid, pid);  // also here: no race with the child's own call
  detail::close_fd(out_pipe[1]);
  detail::close_fd(err_pipe[1]);
  detail::close_fd(exec_pipe[1]);
  detail::close_fd(in_pipe[0]);

  int exec_error = 0;
  ssize_t got = 0;
  do {
    got = ::read(exec_pipe[0], &exec_error, sizeof exec_error);
  } while (got < 0 && errno == EINTR);
  detail::close_fd(exec_pipe[0]);
  if (got == static_cast<ssize_t>(sizeof exec_error)) {
    result.spawn_error = program_path + ": " + std::strerror(exec_error);
    ::waitpid(pid, nullptr, 0);
    close_all();
    return result;
  }

  std::size_t stdin_written = 0;
  if (options.stdin_data && options.stdin_data->empty()) detail::close_fd(in_pipe[1]);
  if (in_pipe[1] >= 0) ::fcntl(in_pipe[1], F_SETFL, ::fcntl(in_pipe[1], F_GETFL) | O_NONBLOCK);

  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  char buffer[65536];
  while (out_pipe[0] >= 0 || err_pipe[0] >= 0) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) {
      result.timed_out = true;
      break;
    }
    pollfd fds[3];
    nfds_t count = 0;
    for (int fd : {out_pipe[0], err_pipe[0]}) {
      if (fd >= 0) fds[count++] = {fd, POLLIN, 0};
    }
    if (in_pipe[1] >= 0) fds[count++] = {in_pipe[1], POLLOUT, 0};
    const auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1;
    const int ready = ::poll(fds, count, static_cast<int>(std::min<long long>(remaining, 1000)));
    if (ready < 0) {
      if (errno == EINTR) continue;
      result.spawn_error = std::string("poll: ") + std::strerror(errno);
      break;
    }
    for (nfds_t i = 0; i < count; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in_pipe[1]) {
        const std::string& data = *options.stdin_data;
        const ssize_t wrote = ::write(in_pipe[1], data.data() + stdin_written, data.size() - stdin_written);
        if (wrote > 0) stdin_written += static_cast<std::size_t>(wrote);
        if ((wrote < 0 && errno != EAGAIN && errno != EINTR) || stdin_written == data.size() ||
            (fds[i].revents & (POLLERR | POLLHUP)) != 0)
          detail::close_fd(in_pipe[1]);
        continue;
      }
      int& fd = fds[i].fd == out_pipe[0] ? out_pipe[0] : err_pipe[0];
      std::string& sink = fds[i].fd == out_pipe[0] ? result.out : result.err;
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n > 0) sink.append(buffer, static_cast<std::size_t>(n));
      else if (n == 0 || (errno != EINTR && errno != EAGAIN)) detail::close_fd(fd);
    }
  }

  // The pipes are closed (or the time is up): wait for the child, still under the deadline.
  int status = 0;
  for (;;) {
    const pid_t waited = result.timed_out ? 0 : ::waitpid(pid, &status, WNOHANG);
    if (waited == pid) break;
    if (waited < 0 && errno != EINTR) {
      result.spawn_error = std::string("waitpid: ") + std::strerror(errno);
      break;
    }
    if (result.timed_out || std::chrono::steady_clock::now() >= deadline) {
      result.timed_out = true;
      ::kill(-pid, SIGKILL);
      ::kill(pid, SIGKILL);
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  close_all();
  if (!result.timed_out && result.spawn_error.empty()) {
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    else if (WIFSIGNALED(status)) result.term_signal = WTERMSIG(status);
  }
  return result;
}

}  // namespace eventlet_lsp::testing
