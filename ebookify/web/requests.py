"""Reading what the browser sends: a bounded body, a JSON object, and the session its cookie names."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from ebookify.web.sessions import Session, SessionStore

COOKIE = "ebookify_session"
MAX_JSON_BYTES = 256 * 1024
"""A form's worth of JSON (a long summary fits many times over)."""


class PageError(Exception):
    """A request the page cannot serve: its HTTP status and one sentence for the user."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


async def read_body(request: Request, limit: int, what: str) -> bytes:
    """The request's body, refused as soon as it is known to be larger than `limit` bytes."""
    declared = request.headers.get("content-length", "")
    too_large = PageError(413, f"{what} is too large (the limit is {_size(limit)})")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def _size(limit: int) -> str:
    return f"{limit // 2**20} MiB" if limit >= 2**20 else f"{limit // 1024} KiB"


async def read_json(request: Request) -> dict[str, Any]:
    """A JSON object from the body; anything else is a one-sentence error."""
    data = await read_body(request, MAX_JSON_BYTES, "the request")
    try:
        value = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        raise PageError(400, "the request was not valid JSON") from None
    if not isinstance(value, dict):
        raise PageError(400, "the request was not a JSON object")
    return value


def session_of(request: Request) -> Session:
    """The session named by the cookie; an ended one is a one-sentence error."""
    store: SessionStore = request.app.state.store
    session = store.get(request.cookies.get(COOKIE))
    if session is None:
        raise PageError(410, "Your session has ended (idle or closed); reload the page to start again.")
    return session


def text_field(values: dict[str, Any], key: str, limit: int = 20_000) -> str:
    """A string field of a JSON object (missing: empty); other types are refused."""
    value = values.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise PageError(400, f"{key} must be text")
    if len(value) > limit:
        raise PageError(400, f"{key} is longer than {limit} characters")
    return value


def bool_field(values: dict[str, Any], key: str, default: bool) -> bool:
    """A true/false field of a JSON object."""
    value = values.get(key, default)
    if not isinstance(value, bool):
        raise PageError(400, f"{key} must be true or false")
    return value
