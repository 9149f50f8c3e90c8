"""Shared helpers for benchmarks: wall time and peak RSS of a child process, and tool lookup."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    """One measured command: wall seconds and the peak resident memory of its process tree."""

    seconds: float
    peak_rss_mb: float
    returncode: int


def measure(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Run `command` once, from process start to exit; RSS is the largest child's max RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run(command, env={**os.environ, **(env or {})}, capture_output=True, check=False)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if result.returncode != 0:
        print(result.stderr.decode(errors="replace")[-2000:])
    return Run(seconds, max(after, before) / 1024, result.returncode)


def tool(name: str) -> str | None:
    """The path of an external tool (pandoc, ebook-convert) or None when it is not installed."""
    return shutil.which(name)
