"""Refuses requests meant for another site: a foreign Host, or a cross-site state change.

A Host that is not the address listened on (DNS rebinding), and a state-changing request whose Origin is
not this page (cross-site request forgery)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host values of the listening address; 127.0.0.1 is also reached as localhost."""
    names = {host}
    if host in ("127.0.0.1", "localhost"):
        names |= {"127.0.0.1", "localhost"}
    if host in ("::1", "[::1]"):
        names = {"[::1]"}
    return frozenset(f"{name}:{port}".lower() for name in names)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def refusal(scope: Scope, hosts: frozenset[str]) -> str | None:
    """Why the request is refused, in one sentence; None lets it through."""
    host = (_header(scope, b"host") or "").lower()
    if host not in hosts:
        return "This page only answers at the address ebookify serve printed; open that address."
    if scope.get("method", "GET") in SAFE_METHODS:
        return None
    origin = (_header(scope, b"origin") or "").lower()
    if origin not in {f"http://{h}" for h in hosts}:
        return "This request did not come from the ebookify page, so it was refused."
    return None


class HostOriginGuard:
    """ASGI middleware applying `refusal` to every HTTP request before the app sees it."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = frozenset(h.lower() for h in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer 403 with a one-sentence JSON error, or pass the request on."""
        if scope["type"] == "http" and (reason := refusal(scope, self.hosts)) is not None:
            body = json.dumps({"error": reason}).encode()
            headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
            await send({"type": "http.response.start", "status": 403, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send)
