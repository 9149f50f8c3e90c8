"""The command line's entry point: picks the command, and reports every error as one line on stderr."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from ebookify.cli_commands import run_build, run_convert, run_inspect
from ebookify.cli_signals import Stopped, stop_signals
from ebookify.errors import EbookifyError, OptionsError, one_line

COMMANDS = ("inspect", "build", "batch", "serve")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: dispatch to a command; user errors become one line on stderr."""
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="ebookify: %(message)s")
    with stop_signals(), _fewer_collections():
        return _dispatch(argv)


# A command's objects (the text's lines, paragraphs, spans) are acyclic and mostly live until it ends, so the
# collector's passes over them free nothing: collecting after 100,000 allocations instead of 700 leaves
# the novel's `inspect --json` one collection instead of 89, 25-40 ms of its 0.55 s.
_COLLECT_AFTER = 100_000


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """The garbage collector's first threshold raised for one command, restored after it (tests call main)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(_COLLECT_AFTER, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _dispatch(argv: list[str]) -> int:
    try:
        if argv and argv[0] == COMMANDS[0]:
            return run_inspect(argv[1:])
        if argv and argv[0] == COMMANDS[1]:
            return run_build(argv[1:])
        if argv and argv[0] == "batch":
            from ebookify.batch.cli import run_batch_command

            return run_batch_command(argv[1:])
        if argv and argv[0] == "serve":
            from ebookify.web.command import run_serve

            return run_serve(argv[1:])
        _check_command(argv)
        return run_convert(argv)
    except EbookifyError as error:
        print(f"ebookify: error: {one_line(str(error))}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt as interrupt:
        signum = interrupt.signum if isinstance(interrupt, Stopped) else signal.SIGINT
        name = signal.Signals(signum).name
        print(f"ebookify: interrupted{'' if name == 'SIGINT' else f' ({name})'}", file=sys.stderr)
        return 128 + signum  # the shell's convention: 130 for Ctrl-C, 143 for SIGTERM
    except BrokenPipeError:
        return 0
    except MemoryError:
        print("ebookify: error: out of memory (see 'Hardening and limits' in the README)", file=sys.stderr)
        return INTERNAL_ERROR_EXIT
    except Exception as error:  # a bug: the user gets one line, EBOOKIFY_DEBUG=1 shows the traceback
        if os.environ.get("EBOOKIFY_DEBUG"):
            raise
        detail = one_line(f"{type(error).__name__}: {error}")
        print(f"ebookify: error: internal error ({detail}); please report it", file=sys.stderr)
        return INTERNAL_ERROR_EXIT


def _check_command(argv: Sequence[str]) -> None:
    """A first word that is no file but close to a command (`ebookify buidl x.toml`) is a typo of it."""
    first = argv[0] if argv else ""
    if not first or first.startswith("-") or "." in first or "/" in first or Path(first).exists():
        return
    import difflib  # only for a mistyped command: not imported by every run

    close = difflib.get_close_matches(first, COMMANDS, n=1, cutoff=0.6)
    if close:
        raise OptionsError(f"no command or file {first!r}; did you mean 'ebookify {close[0]}'?")


INTERNAL_ERROR_EXIT = 70
"""Exit code of an unexpected failure (EX_SOFTWARE); user errors use 1 to 3 (see ebookify.errors)."""
