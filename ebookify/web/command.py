"""`ebookify serve`: checks the web extra is installed, starts uvicorn on 127.0.0.1, opens the browser."""

from __future__ import annotations

import argparse
import logging
import socket
import threading
import webbrowser
from collections.abc import Sequence

from ebookify.errors import OptionsError

log = logging.getLogger("ebookify")

HOST = "127.0.0.1"
"""The page is for this computer only: it never listens on a network address."""
MISSING = 'ebookify serve needs the web extra: pip install "ebookify[web]"'


def _parser() -> argparse.ArgumentParser:
    from ebookify.cli_parsers import CommandParser

    parser = CommandParser(
        prog="ebookify serve",
        description="A page in your browser: drop stories in, see what was understood, fix it, download "
        "the EPUB or PDF. Everything stays on this computer; files go to a temporary folder that is "
        "removed when you start over, after 30 idle minutes, or when the server stops (Ctrl-C).",
    )
    parser.add_argument("--port", type=int, default=8000, help="the port to listen on (default 8000)")
    parser.add_argument("--no-browser", action="store_true", help="do not open the page in a browser")
    return parser


def check_installed() -> None:
    """The web dependencies import, or one line says how to install them."""
    try:
        import jinja2  # noqa: F401
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise OptionsError(MISSING) from None


def run_serve(argv: Sequence[str]) -> int:
    """Serve the page until Ctrl-C; every session folder is removed on the way out."""
    args = _parser().parse_args(argv)
    if not 0 < args.port < 65536:
        raise OptionsError(f"--port must be between 1 and 65535, not {args.port}")
    check_installed()
    import uvicorn

    from ebookify.web.app import create_app
    from ebookify.web.guard import allowed_hosts

    listening = _listen(HOST, args.port)
    app = create_app(allowed_hosts(HOST, args.port))
    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    url = f"http://{HOST}:{args.port}/"
    log.warning("serving the page at %s (Ctrl-C stops it)", url)
    if not args.no_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    with listening:
        uvicorn.Server(config).run(sockets=[listening])
    return 0


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so that a port in use is one line before anything starts."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((host, port))
    except OSError as error:
        listening.close()
        raise OptionsError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    return listening
