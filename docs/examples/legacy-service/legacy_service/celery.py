"""Celery application; the worker runs with ``-P eventlet`` (see scripts/)."""

from celery import Celery

from legacy_service import workers

app = Celery("legacy_service", broker="redis://localhost:6379/0")


@app.task
def price(order):
    return workers.price_order(order)
