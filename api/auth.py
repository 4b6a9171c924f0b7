"""API keys and their two roles, reader and admin.

A key comes in `Authorization: Bearer KEY` or `X-API-Key: KEY`. When no key is configured the
API is open, and `rescite serve` then binds only to loopback unless told otherwise (see bind.py).
"""

from __future__ import annotations

import hmac
from enum import IntEnum
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from rescite.api.errors import ApiError
from rescite.core.settings import ApiSettings

bearer_scheme = HTTPBearer(auto_error=False, description="Authorization: Bearer KEY")
api_key_scheme = APIKeyHeader(name="X-API-Key", auto_error=False, description="X-API-Key: KEY")


class Role(IntEnum):
    NONE = 0
    READER = 1
    ADMIN = 2


def _matches(key: str, keys: list[str]) -> bool:
    # Compare against every key so the time taken does not say which one nearly matched.
    found = False
    for candidate in keys:
        found |= hmac.compare_digest(key.encode(), candidate.encode())
    return found


def role_of(key: str | None, settings: ApiSettings) -> Role:
    if not key:
        return Role.NONE
    if _matches(key, settings.admin_keys):
        return Role.ADMIN
    if _matches(key, settings.reader_keys):
        return Role.READER
    return Role.NONE


def keys_configured(settings: ApiSettings) -> bool:
    return bool(settings.reader_keys or settings.admin_keys)


def _presented_key(
    bearer: HTTPAuthorizationCredentials | None, header_key: str | None
) -> str | None:
    if bearer is not None and bearer.credentials:
        return bearer.credentials
    return header_key or None


def _require(request: Request, key: str | None, needed: Role) -> None:
    settings: ApiSettings = request.app.state.settings.api
    if not keys_configured(settings):
        return
    if not key:
        raise ApiError(401, "an API key is required: send 'Authorization: Bearer KEY'")
    role = role_of(key, settings)
    if role is Role.NONE:
        raise ApiError(401, "unknown API key: check the key or ask an administrator for one")
    if role < needed:
        raise ApiError(403, "this needs an admin key; a reader key can only search and read")


Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)]
HeaderKey = Annotated[str | None, Depends(api_key_scheme)]


async def require_reader(request: Request, bearer: Bearer, header_key: HeaderKey) -> None:
    _require(request, _presented_key(bearer, header_key), Role.READER)


async def require_admin(request: Request, bearer: Bearer, header_key: HeaderKey) -> None:
    _require(request, _presented_key(bearer, header_key), Role.ADMIN)
