"""SIGTERM and SIGHUP stop a build as Ctrl-C does: unwound, so temporary files go and workers stop."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived: unwound like Ctrl-C, so temporary files go and workers are stopped."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _StopHandler:
    """The SIGTERM/SIGHUP handler of one run: the first signal raises Stopped, later ones are ignored
    while the cleanup goes on, and a forked worker that has not yet reset its handlers just exits."""

    def __init__(self) -> None:
        self.pid, self.stopping = os.getpid(), False

    def __call__(self, signum: int, frame: object) -> None:
        if os.getpid() != self.pid:
            os._exit(128 + signum)  # a worker between fork and its initializer (workers.die_with_parent)
        if not self.stopping:
            self.stopping = True
            raise Stopped(signum)


_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextlib.contextmanager
def stop_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP stop a build as SIGINT does (their default action killed this process at once,
    leaving the workers running and the temporary files behind); the old handlers come back after."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    previous = {signum: signal.getsignal(signum) for signum in _STOP_SIGNALS}
    handler = _StopHandler()
    for signum in _STOP_SIGNALS:
        signal.signal(signum, handler)
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)
