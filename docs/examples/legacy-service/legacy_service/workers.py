"""Order processing with green threads."""

import logging

import eventlet
from eventlet import corolocal
from eventlet import queue
from eventlet import semaphore

LOG = logging.getLogger(__name__)

_request_state = corolocal.local()
_db_slots = semaphore.Semaphore(5)
_jobs = queue.Queue(maxsize=1000)


def price_order(order):
    _request_state.order_id = order["id"]
    with _db_slots:
        eventlet.sleep(0.01)  # stands in for a database round trip
        return sum(line["qty"] * line["price"] for line in order["lines"])


def price_all(orders):
    pile = eventlet.GreenPile(10)
    for order in orders:
        pile.spawn(price_order, order)
    return list(pile)


def enqueue(order):
    _jobs.put(order)


def _consume():
    while True:
        order = _jobs.get()
        try:
            LOG.info("order %s costs %s", order["id"], price_order(order))
        finally:
            _jobs.task_done()


def run_consumers(count=4):
    pool = eventlet.GreenPool(count)
    for _ in range(count):
        pool.spawn_n(_consume)
    return pool


def reprice(order):
    thread = eventlet.spawn(price_order, order)
    return thread.wait()
