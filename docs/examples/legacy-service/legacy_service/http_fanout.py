"""Health checks of the upstream services, made concurrently."""

import eventlet
from eventlet.green.urllib import request

from legacy_service.config import CONF


def _probe(url):
    try:
        with request.urlopen(url + "/healthz", timeout=2) as response:
            return url, response.status
    except OSError as exc:
        return url, str(exc)


def check_upstreams(urls=None):
    urls = list(urls or CONF.upstreams)
    pool = eventlet.GreenPool(CONF.fanout_size)
    return dict(pool.imap(_probe, urls))
