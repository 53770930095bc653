"""Fixture for the VS Code end-to-end test (tests/e2e/vscode/e2e.mjs).

The test copies this file into a fresh workspace and checks what VS Code shows for it by line:
keep EXPECTED_PROBLEMS in e2e.mjs in step with this file. It fixes the first `eventlet.sleep`
with a quick fix, the second with "Eventlet: Fix all in file", and saves.
"""
import eventlet


def worker(item):
    return item * 2


def poll():
    eventlet.sleep(1)


def backoff():
    eventlet.sleep(2.5)


eventlet.monkey_patch()
eventlet.spawn(worker)
