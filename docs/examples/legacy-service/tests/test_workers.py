import unittest
from unittest import mock

import eventlet

from legacy_service import workers


ORDER = {"id": "A-1", "lines": [{"qty": 2, "price": 5}, {"qty": 1, "price": 3}]}


class PriceTest(unittest.TestCase):

    @mock.patch("eventlet.sleep")
    def test_price_order(self, fake_sleep):
        self.assertEqual(13, workers.price_order(ORDER))
        fake_sleep.assert_called_once_with(0.01)

    def test_price_all_keeps_order(self):
        other = dict(ORDER, id="A-2", lines=[{"qty": 1, "price": 1}])
        with mock.patch.object(eventlet, "sleep"):
            self.assertEqual([13, 1], workers.price_all([ORDER, other]))

    def test_reprice(self):
        self.assertEqual(13, workers.reprice(ORDER))


if __name__ == "__main__":
    unittest.main()
