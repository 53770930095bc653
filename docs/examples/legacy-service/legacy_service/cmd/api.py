"""Entry point of the API process: ``legacy-service-api``."""

import os

# Monkey patching must happen before anything else imports socket or
# threading. Operators can turn it off while we migrate away from Eventlet.
if os.environ.get("LEGACY_SERVICE_DISABLE_EVENTLET") != "1":
    import eventlet

    eventlet.monkey_patch()

import argparse  # noqa: E402
import logging  # noqa: E402

from legacy_service import background  # noqa: E402
from legacy_service import config  # noqa: E402
from legacy_service import wsgi_app  # noqa: E402

LOG = logging.getLogger(__name__)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="legacy-service-api")
    parser.add_argument("--host", default=config.CONF.bind_host)
    parser.add_argument("--port", type=int, default=config.CONF.bind_port)
    parser.add_argument(
        "--workers",
        type=int,
        default=50,
        help="size of the green thread pool serving requests (deprecated)",
    )
    return parser.parse_args(argv)


def main(argv=None):
    logging.basicConfig(level=logging.INFO)
    args = parse_args(argv)
    background.start_housekeeping()
    LOG.info("listening on %s:%d", args.host, args.port)
    wsgi_app.serve(args.host, args.port, workers=args.workers)


if __name__ == "__main__":
    main()
