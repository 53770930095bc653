"""Background housekeeping.

Historically every job here was started with eventlet.spawn and forgotten;
the migration plan replaces that with a ThreadPoolExecutor.
"""

import hashlib
import logging

import eventlet
from eventlet import tpool

LOG = logging.getLogger(__name__)

PURGE_INTERVAL = 300


def _checksum(path):
    # hashing a large export is CPU bound: run it in a native thread
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify_export(path):
    return tpool.execute(_checksum, path)


def _purge_loop():
    while True:
        LOG.debug("purging expired sessions")
        eventlet.sleep(PURGE_INTERVAL)


def _warm_cache():
    for _ in range(100):
        eventlet.sleep(0)  # let the API serve requests while we warm up


def start_housekeeping():
    """Start the purge loop and the cache warm-up; never waits for them."""
    eventlet.spawn(_purge_loop)
    eventlet.spawn_n(_warm_cache)
