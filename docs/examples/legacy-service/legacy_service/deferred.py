"""Deferred work: confirmations that arrive later, reminders, time limits."""

import logging

import eventlet
from eventlet import event

LOG = logging.getLogger(__name__)

REMINDER_DELAY = 30


class PaymentConfirmation:
    """A one-shot result delivered by the payment callback handler."""

    def __init__(self, order_id):
        self.order_id = order_id
        self._done = event.Event()
        self._reminder = eventlet.spawn_after(REMINDER_DELAY, self._remind)

    def _remind(self):
        LOG.warning("order %s still waiting for payment", self.order_id)

    def confirm(self, receipt):
        self._reminder.cancel()
        self._done.send(receipt)

    def wait(self, timeout=60):
        with eventlet.Timeout(timeout):
            return self._done.wait()
