"""Shared helpers for benchmarks: wall time and peak RSS of a child process, and tool lookup."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """One measured command: wall seconds and the peak resident memory of its process tree."""

    seconds: float
    peak_rss_mb: float
    returncode: int


# A fresh wrapper process per command, so that the peak RSS is this command's alone (RUSAGE_CHILDREN of a
# long-lived benchmark process would keep the maximum of every command run before it).
_WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "seconds = time.perf_counter() - start\n"
    "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "sys.stderr.write(f'\\n__measure__ {seconds} {rss}\\n')\n"
    "sys.exit(code)\n"
)


def measure(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Run `command` once, from process start to exit; RSS is the largest process's peak (ru_maxrss)."""
    result = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command],
        env={**os.environ, **(env or {})},
        capture_output=True,
        check=False,
    )
    stderr = result.stderr.decode(errors="replace")
    head, _, tail = stderr.rpartition("__measure__ ")
    seconds, rss_kb = (float(v) for v in tail.split()[:2])
    if result.returncode != 0:
        print(head[-2000:])
    return Run(seconds, rss_kb / 1024, result.returncode)


def ebookify_command() -> list[str]:
    """The installed command next to this interpreter (the venv's), else `python -m ebookify`."""
    script = Path(sys.executable).parent / "ebookify"
    return [str(script)] if script.exists() else [sys.executable, "-m", "ebookify"]


def tool(name: str) -> str | None:
    """The path of an external tool (pandoc, ebook-convert) or None when it is not installed."""
    return shutil.which(name)
