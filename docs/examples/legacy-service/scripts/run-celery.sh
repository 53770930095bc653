#!/bin/sh
# Start the Celery worker with the eventlet pool (one process, many green threads).
set -eu
export EVENTLET_NO_GREENDNS="${EVENTLET_NO_GREENDNS:-yes}"
exec celery -A legacy_service worker -P eventlet --concurrency "${CELERY_CONCURRENCY:-200}" --loglevel INFO
