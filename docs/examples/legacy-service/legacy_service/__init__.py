"""legacy-service: a small order-tracking service that grew up on Eventlet.

The package is imported by the API process, by the Celery worker and by the
test-suite. Monkey patching happens in :mod:`legacy_service.cmd.api`, never
at import time, so that library users stay in control.
"""

__version__ = "2.4.1"
