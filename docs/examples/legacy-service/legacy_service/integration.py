"""Glue with third-party libraries that predate our Eventlet removal."""

import eventlet
from eventlet import hubs
from eventlet.green import threading

# A requests module whose sockets are green even without monkey patching.
requests = eventlet.import_patched("requests")

_lock = threading.Lock()
_seen = set()


def use_asyncio_hub():
    """Hybrid step of the migration: run Eventlet on top of asyncio."""
    hubs.use_hub("asyncio")


def fetch_catalog(url):
    response = requests.get(url, timeout=5)
    response.raise_for_status()
    return response.json()


def _record(item):
    with _lock:
        _seen.add(item)


def record_async(item):
    worker = threading.Thread(target=_record, args=(item,), daemon=True)
    worker.start()
    return worker
