"""Settings for legacy-service, read from the environment.

This module has no concurrency code at all: an audit must skip it.
"""

import dataclasses
import os


@dataclasses.dataclass(frozen=True)
class Settings:
    bind_host: str = "0.0.0.0"
    bind_port: int = 8080
    echo_port: int = 6000
    websocket_port: int = 7000
    upstreams: tuple = ()
    fanout_size: int = 20
    # Deprecated: kept for operators who still set it; see docs/upgrade.rst.
    use_eventlet: bool = True


def _flag(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def load():
    upstreams = os.environ.get("LEGACY_SERVICE_UPSTREAMS", "")
    return Settings(
        bind_host=os.environ.get("LEGACY_SERVICE_HOST", "0.0.0.0"),
        bind_port=int(os.environ.get("LEGACY_SERVICE_PORT", "8080")),
        upstreams=tuple(u for u in upstreams.split(",") if u),
        fanout_size=int(os.environ.get("LEGACY_SERVICE_FANOUT", "20")),
        use_eventlet=_flag("LEGACY_SERVICE_USE_EVENTLET", True),
    )


CONF = load()
