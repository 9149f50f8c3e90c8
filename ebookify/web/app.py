"""The ASGI application of `ebookify serve`: routes, the Host/Origin guard, headers, lifespan.

Security headers on every response; the lifespan task ends idle sessions and removes every session folder
when the server stops."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterable
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ebookify import __version__
from ebookify.normalize.pipeline import MAX_INPUT_BYTES
from ebookify.web import api, books
from ebookify.web.guard import HostOriginGuard
from ebookify.web.requests import COOKIE, session_of
from ebookify.web.responses import answers, error_response, json_response
from ebookify.web.sessions import MAX_SESSION_BYTES, SessionStore

STATIC = Path(__file__).parent / "static"
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'"
)
REAP_EVERY_SECONDS = 30.0

_templates = Environment(loader=PackageLoader("ebookify.web", "templates"), autoescape=select_autoescape())


async def index(request: Request) -> Response:
    """GET /: the page, with a session (the cookie's, or a new one)."""
    store: SessionStore = request.app.state.store
    session = store.get(request.cookies.get(COOKIE)) or store.create()
    page = _templates.get_template("index.html").render(
        version=__version__,
        file_limit=MAX_INPUT_BYTES // 2**20,
        session_limit=MAX_SESSION_BYTES // 2**20,
    )
    response = HTMLResponse(page, headers={"cache-control": "no-store"})
    response.set_cookie(COOKIE, session.session_id, httponly=True, samesite="strict")
    return response


@answers
async def end_session(request: Request) -> Response:
    """POST /api/end: the session's folder and files are removed now."""
    session = session_of(request)
    request.app.state.store.end(session.session_id)
    response = json_response({"ended": True})
    response.delete_cookie(COOKIE)
    return response


_HTTP_ERRORS = {404: "There is nothing at this address.", 405: "This address does not take that request."}


async def http_error(request: Request, error: Exception) -> Response:
    """Starlette's own errors (no such route, wrong method) as one-sentence JSON too."""
    status = error.status_code if isinstance(error, HTTPException) else 500
    return error_response(status, _HTTP_ERRORS.get(status, "The request could not be served."))


class SecurityHeaders:
    """Adds the page's content policy (unless an answer set its own) and no-sniffing to every answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Wrap `send` to add the headers."""

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {key.lower() for key, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", PAGE_POLICY.encode()))
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)


def routes() -> list[Route | Mount]:
    """Every endpoint; none takes a path from the client (ids are looked up in the session)."""
    return [
        Route("/", index),
        Route("/api/state", api.get_state),
        Route("/api/stories", api.add_story, methods=["POST"]),
        Route("/api/stories/{story_id}", api.get_story),
        Route("/api/stories/{story_id}", api.edit_story, methods=["PUT"]),
        Route("/api/stories/{story_id}", api.remove_story, methods=["DELETE"]),
        Route("/api/order", api.reorder, methods=["POST"]),
        Route("/api/manifest", api.add_manifest, methods=["POST"]),
        Route("/api/settings", api.change_settings, methods=["PUT"]),
        Route("/api/style", api.upload_style, methods=["POST"]),
        Route("/api/builds", books.build, methods=["POST"]),
        Route("/api/builds/{build_id}", books.build_status),
        Route("/api/end", end_session, methods=["POST"]),
        Route("/preview/book", books.preview_book),
        Route("/preview/{story_id}", books.preview_story),
        Route("/book.css", books.book_css),
        Route("/download/{build_id}", books.download),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]


async def _reap_forever(store: SessionStore, every: float) -> None:
    while True:
        await asyncio.sleep(every)
        store.reap()


def create_app(
    hosts: Iterable[str], store: SessionStore | None = None, reap_every: float = REAP_EVERY_SECONDS
) -> Starlette:
    """The app for a server answering at `hosts` (host:port values, see guard.allowed_hosts)."""
    store = store or SessionStore()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        reaper = asyncio.create_task(_reap_forever(store, reap_every))
        try:
            yield
        finally:
            reaper.cancel()
            store.end_all()

    app = Starlette(
        routes=routes(),
        middleware=[Middleware(HostOriginGuard, hosts=tuple(hosts)), Middleware(SecurityHeaders)],
        lifespan=lifespan,
        exception_handlers={HTTPException: http_error},
    )
    app.state.store = store
    return app
