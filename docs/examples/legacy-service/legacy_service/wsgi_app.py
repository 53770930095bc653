"""The HTTP API, a plain WSGI application served by eventlet.wsgi."""

import json
import logging

import eventlet
from eventlet import wsgi

from legacy_service import http_fanout

LOG = logging.getLogger(__name__)

_ORDERS = {}


def _json(start_response, status, payload):
    body = json.dumps(payload).encode("utf-8")
    start_response(status, [("Content-Type", "application/json"),
                            ("Content-Length", str(len(body)))])
    return [body]


def app(environ, start_response):
    path = environ.get("PATH_INFO", "/")
    if path == "/healthz":
        return _json(start_response, "200 OK", {"status": "ok"})
    if path == "/orders":
        return _json(start_response, "200 OK", sorted(_ORDERS))
    if path == "/upstreams":
        return _json(start_response, "200 OK", http_fanout.check_upstreams())
    return _json(start_response, "404 Not Found", {"error": path})


def serve(host, port, workers=50):
    sock = eventlet.listen((host, port))
    wsgi.server(sock, app, max_size=workers, log=LOG)
