"""`ebookify serve`: checks the web extra is installed, starts uvicorn on 127.0.0.1, opens the browser."""

from __future__ import annotations

import argparse
import logging
import threading
import webbrowser
from collections.abc import Sequence

from ebookify.errors import OptionsError

log = logging.getLogger("ebookify")

MISSING = 'ebookify serve needs the web extra: pip install "ebookify[web]"'


def _parser() -> argparse.ArgumentParser:
    from ebookify.cli import _Parser

    parser = _Parser(
        prog="ebookify serve",
        description="A page in your browser: drop stories in, see what was understood, fix it, download "
        "the EPUB or PDF. Everything stays on this computer; files go to a temporary folder that is "
        "removed when you start over, after 30 idle minutes, or when the server stops (Ctrl-C).",
    )
    parser.add_argument("--port", type=int, default=8000, help="the port to listen on (default 8000)")
    parser.add_argument("--host", default="127.0.0.1", help=argparse.SUPPRESS)
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

    app = create_app(allowed_hosts(args.host, args.port))
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    url = f"http://{args.host}:{args.port}/"
    log.warning("serving the page at %s (Ctrl-C stops it)", url)
    if not args.no_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    try:
        server.run()
    except SystemExit as exit_:  # uvicorn exits when the port is taken
        raise OptionsError(f"cannot listen on {args.host}:{args.port} (is the port in use?)") from exit_
    return 0
