"""Where the server may listen: without API keys, only on loopback unless told otherwise."""

from __future__ import annotations

import ipaddress

from rescite.api.auth import keys_configured
from rescite.core.errors import ConfigError
from rescite.core.settings import Settings


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, settings: Settings, *, allow_open_bind: bool = False) -> None:
    """Refuse a non-loopback address when the API has no keys, unless open binding is allowed."""
    if is_loopback(host) or keys_configured(settings.api):
        return
    if allow_open_bind or settings.api.allow_open_bind:
        return
    raise ConfigError(
        f"refusing to listen on {host} without API keys: set RESCITE_API__READER_KEYS and "
        "RESCITE_API__ADMIN_KEYS, bind to 127.0.0.1, or pass --allow-open-bind"
    )
