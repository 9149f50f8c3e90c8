"""Worker processes tied to their parent: they die with it, and a stopped build stops them at once."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # multiprocessing and ctypes take 20 ms to import; a one-story run never needs them
    from concurrent.futures import ProcessPoolExecutor

PR_SET_PDEATHSIG = 1
"""prctl(2) option: the signal the kernel sends this process when its parent dies (Linux)."""
_WATCH_SECONDS = 1.0


def _ask_kernel_for_death_signal() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(_WATCH_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def die_with_parent(parent: int) -> None:
    """Pool initializer: this worker ends when `parent` ends, even when it was killed with SIGKILL.

    Without this, killing a PDF build left its workers running (~80 MB each, adopted by PID 1, holding the
    caller's stderr open). Linux kills the worker itself (PR_SET_PDEATHSIG); elsewhere a thread watches
    the parent. SIGTERM and SIGHUP get their default action back: a forked worker inherits the parent's
    handlers, which turn them into an exception meant for the parent's cleanup."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if not _ask_kernel_for_death_signal():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the kernel was asked
        os._exit(1)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """End a pool now (the build failed or was interrupted): its workers are killed, not waited for."""
    processes = list(pool._processes.values())  # the executor has no public way to reach them
    manager = getattr(pool, "_executor_manager_thread", None)  # shutdown() forgets it
    for process in processes:
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)
    # The pool's manager thread closes its wake-up pipe when it sees the workers gone; at interpreter
    # exit, concurrent.futures writes to that pipe without a lock (CPython 3.11; see gh-125451), so an
    # exit racing the close printed "Exception ignored ... Bad file descriptor" after "interrupted".
    if manager is not None:
        manager.join(timeout=5)
