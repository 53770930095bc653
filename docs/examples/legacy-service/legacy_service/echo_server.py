"""A TCP echo service used by the load balancer's health probe."""

import eventlet
from eventlet.green import socket

from legacy_service.config import CONF


def _handle(conn):
    try:
        while True:
            data = conn.recv(4096)
            if not data:
                return
            conn.sendall(data)
    finally:
        conn.close()


def serve(port=None):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("0.0.0.0", port or CONF.echo_port))
    server.listen(50)
    while True:
        conn, _addr = server.accept()
        eventlet.spawn_n(_handle, conn)
