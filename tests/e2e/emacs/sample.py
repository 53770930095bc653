"""Fixture for the Emacs end-to-end test (tests/e2e/emacs/e2e.el).

The test works on a temporary copy of this file: it finds lines by their text, applies code
actions to the buffer and compares the result with the text it expects. Keep the two in step.
"""
import eventlet


def worker(item):
    return item * 2


def poll():
    eventlet.sleep(1)


eventlet.spawn(worker)
pool = eventlet.GreenPool(4)
results = list(pool.imap(worker, range(10)))
eventlet.sleep(2.5)
