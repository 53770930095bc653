"""Small helpers shared by the API and the worker."""

import logging

import eventlet as ev
from eventlet import greenthread as gt

try:
    from eventlet.green import subprocess
except ImportError:  # the worker image does not ship eventlet any more
    import subprocess

LOG = logging.getLogger(__name__)


def cooperative_yield():
    ev.sleep(0)


def current_task_name():
    return getattr(ev.getcurrent(), "name", "main")


def run_git(*args):
    return subprocess.check_output(("git",) + args).decode()


def retry(fn, attempts=3, delay=0.5):
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except OSError:
            LOG.warning("attempt %d failed", attempt)
            gt.sleep(delay * attempt)
    raise RuntimeError("gave up after %d attempts" % attempts)
