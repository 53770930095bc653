"""Fixture for the Neovim end-to-end test (tests/e2e/neovim/e2e.lua).

The test checks diagnostics by line: keep the line numbers in e2e.lua in step with this file.
"""
import eventlet


def worker(item):
    return item * 2


eventlet.spawn(worker)
pool = eventlet.GreenPool(4)
results = list(pool.imap(worker, range(10)))
eventlet.sleep(1)
