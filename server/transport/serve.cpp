#include "server/transport/serve.h"

#include <utility>  // Boost 1.74's asio/awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>
#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <memory>

#include "protocol/jsonrpc/message.h"
#include "protocol/jsonrpc/message_framing.h"
#include "server/lsp/dispatcher.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

namespace asio = boost::asio;

namespace {

// Reads framed messages from `Stream` and hands them to the dispatcher, on the I/O thread.
template <typename Stream>
class Connection {
 public:
  Connection(Stream& input, Session& session, Dispatcher& dispatcher)
      : input_(input), session_(session), dispatcher_(dispatcher) {}

  void start() { read(); }

 private:
  void read() {
    input_.async_read_some(asio::buffer(buffer_), [this](const boost::system::error_code& error, std::size_t n) {
      if (error) {  // end of input without `exit`: the client is gone
        if (!session_.exit_code) {
          spdlog::info("input closed: {}", error.message());
          session_.exit_code = 1;
        }
        session_.io().stop();
        return;
      }
      reader_.feed(std::string_view(buffer_.data(), n));
      while (auto item = reader_.next()) {
        if (item->kind == protocol::MessageReader::Item::Kind::Message) {
          dispatcher_.on_message(item->text);
        } else {
          dispatcher_.on_framing_error(item->text);
        }
      }
      read();
    });
  }

  Stream& input_;
  Session& session_;
  Dispatcher& dispatcher_;
  protocol::MessageReader reader_;
  std::array<char, 65536> buffer_{};
};

// Writes whole framed messages; only the I/O thread sends.
template <typename Write>
Session::Sender make_sender(Write write) {
  return [write](const std::string& body) {
    spdlog::trace("-> {}", body);
    const std::string framed = protocol::frame_message(body);
    if (!write(framed)) spdlog::warn("could not write to the client");
  };
}

bool write_fd(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t written = ::write(fd, data.data(), data.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

// Exits when the editor that started us is gone (initialize's processId), as LSP asks.
void watch_parent(asio::steady_timer& timer, Session& session) {
  timer.expires_after(std::chrono::seconds(1));
  timer.async_wait([&timer, &session](const boost::system::error_code& error) {
    if (error) return;
    if (session.parent_process_id && ::kill(static_cast<pid_t>(*session.parent_process_id), 0) != 0 &&
        errno == ESRCH) {
      spdlog::info("parent process {} is gone: exiting", *session.parent_process_id);
      session.exit_code = 1;
      session.io().stop();
      return;
    }
    watch_parent(timer, session);
  });
}

template <typename Stream>
int run(asio::io_context& io, Stream& input, Session::Sender sender) {
  Session session(io, std::move(sender));
  Dispatcher dispatcher(session);
  Connection<Stream> connection(input, session, dispatcher);
  connection.start();
  asio::steady_timer parent_timer(io);
  watch_parent(parent_timer, session);
  io.run();
  return session.exit_code.value_or(1);
}

}  // namespace

int serve(const ServeOptions& options) {
  ::signal(SIGPIPE, SIG_IGN);  // a client that closes early is an error to handle, not a signal
  asio::io_context io;
  if (options.listen_port) {
    boost::system::error_code error;
    asio::ip::tcp::acceptor acceptor(io);
    const asio::ip::tcp::endpoint endpoint{asio::ip::address_v4::loopback(), *options.listen_port};
    acceptor.open(endpoint.protocol(), error);
    if (!error) acceptor.bind(endpoint, error);
    if (!error) acceptor.listen(asio::socket_base::max_listen_connections, error);
    if (error) {
      spdlog::error("cannot listen on 127.0.0.1:{}: {}", *options.listen_port, error.message());
      return 2;
    }
    spdlog::info("listening on 127.0.0.1:{}", acceptor.local_endpoint().port());
    asio::ip::tcp::socket socket(io);
    acceptor.accept(socket, error);
    if (error) {
      spdlog::error("accepting a client failed: {}", error.message());
      return 2;
    }
    acceptor.close();
    return run(io, socket, make_sender([&socket](std::string_view data) {
                 boost::system::error_code error;
                 asio::write(socket, asio::buffer(data.data(), data.size()), error);
                 return !error;
               }));
  }
  asio::posix::stream_descriptor input(io, ::dup(STDIN_FILENO));
  const int output = STDOUT_FILENO;
#ifdef F_SETPIPE_SZ
  // A dense file's publishDiagnostics is over 100 KB: in a pipe of the default 64 KB, the server
  // would wait for the client to read the first half before writing the rest.
  if (::fcntl(output, F_SETPIPE_SZ, 1 << 20) < 0) spdlog::debug("stdout keeps its buffer size (not a pipe?)");
#endif
  return run(io, input, make_sender([output](std::string_view data) { return write_fd(output, data); }));
}

}  // namespace eventlet_lsp::server
