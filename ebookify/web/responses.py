"""How every endpoint answers: JSON, one-sentence errors (never a traceback), and no caching."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ebookify.errors import EbookifyError
from ebookify.web.requests import PageError

log = logging.getLogger("ebookify")

Endpoint = Callable[[Request], Awaitable[Response]]


def json_response(value: Any, status: int = 200) -> JSONResponse:
    """JSON the browser must not cache."""
    return JSONResponse(value, status_code=status, headers={"cache-control": "no-store"})


def error_response(status: int, message: str) -> JSONResponse:
    """One sentence for the page to show."""
    from ebookify.errors import one_line

    return json_response({"error": one_line(message)}, status)


def answers(endpoint: Endpoint) -> Endpoint:
    """Turn the errors an endpoint raises into one-sentence JSON answers."""

    @functools.wraps(endpoint)
    async def wrapped(request: Request) -> Response:
        try:
            return await endpoint(request)
        except PageError as error:
            return error_response(error.status, str(error))
        except EbookifyError as error:
            return error_response(400, str(error))
        except Exception as error:  # a bug: one line for the page, the traceback in the server's log
            log.exception("web request failed")
            return error_response(500, f"internal error ({type(error).__name__}: {error}); please report it")

    return wrapped
