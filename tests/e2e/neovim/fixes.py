"""Fixture for the code actions of the Neovim end-to-end test (tests/e2e/neovim/e2e.lua).

The test applies quick fixes and source.fixAll to this buffer (it never saves it) and compares
the result with the text it expects: keep the two in step.
"""
import eventlet
from eventlet import sleep


def worker(item):
    return item * 2


def poll():
    eventlet.sleep(1)


def backoff(attempt):
    sleep(0.5 * attempt)


eventlet.spawn(worker)
eventlet.sleep(0)
eventlet.sleep(2.5)
pool = eventlet.GreenPool(4)
