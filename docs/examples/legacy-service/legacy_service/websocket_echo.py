"""Live order updates over a WebSocket (an echo for now)."""

import eventlet
from eventlet import websocket
from eventlet import wsgi

from legacy_service.config import CONF


@websocket.WebSocketWSGI
def echo(ws):
    while True:
        message = ws.wait()
        if message is None:
            break
        ws.send(message)


def serve(port=None):
    wsgi.server(eventlet.listen(("0.0.0.0", port or CONF.websocket_port)), echo)
