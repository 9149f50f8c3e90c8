"""Imports WeasyPrint with its native-library lookups answered from one `ldconfig -p` listing."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_LDCONFIG = "/sbin/ldconfig"
# ctypes names the C library ABI it can load this way in its ldconfig lookup (ctypes/util.py).
_ABI_TYPES = {
    "x86_64-64": "libc6,x86-64",
    "ppc64-64": "libc6,64bit",
    "sparc64-64": "libc6,64bit",
    "s390x-64": "libc6,64bit",
    "ia64-64": "libc6,IA-64",
}


def listing_lookup(listing: str, abi: str) -> Callable[[str], str | None]:
    """find_library answered from an `ldconfig -p` listing: the first soname of `lib<name>.` for the
    ABI, as ctypes itself answers on Linux before it falls back to running gcc and ld."""

    def find_library(name: str) -> str | None:
        match = re.search(rf"\s+(lib{re.escape(name)}\.[^\s]+)\s+\({re.escape(abi)}", listing)
        return match.group(1) if match else None

    return find_library


@contextmanager
def _quick_find_library() -> Iterator[None]:
    # WeasyPrint tries several names for each of its seven libraries; cffi hands each name that does not
    # load to ctypes.util.find_library, which on Linux runs ldconfig, then gcc, then ld: 54 processes
    # and 0.17 s of the 0.45 s import, before the first page can be laid out. One ldconfig listing
    # gives the same answers (a library ldconfig does not know is still found by its .so name).
    original = ctypes.util.find_library
    if not sys.platform.startswith("linux") or not os.access(_LDCONFIG, os.X_OK):
        yield
        return
    try:
        env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
        listing = subprocess.run(
            [_LDCONFIG, "-p"], capture_output=True, text=True, env=env, check=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        yield
        return
    machine = f"{os.uname().machine}-{8 * ctypes.sizeof(ctypes.c_void_p)}"
    ctypes.util.find_library = listing_lookup(listing, _ABI_TYPES.get(machine, "libc6"))  # type: ignore[assignment]
    try:
        yield
    finally:
        ctypes.util.find_library = original


if "weasyprint" not in sys.modules:
    with _quick_find_library():
        import weasyprint  # noqa: F401

from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: E402

__all__ = ["URLFetcher", "URLFetcherResponse"]
