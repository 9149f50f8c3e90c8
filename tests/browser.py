"""Headless Debian Chromium driven by Selenium through the system chromedriver (nothing is downloaded),
and an `ebookify serve` process on a free port for it to visit."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .epubcheck import missing

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
REQUIRED_BY = ("EBOOKIFY_REQUIRE_BROWSER", "EBOOKIFY_REQUIRE_EPUBCHECK")
"""Set by `make test` and CI: a missing browser then fails the test instead of skipping it."""


def require_chromium() -> None:
    """Skip when Chromium or its driver is missing, unless the test command demands the browser test."""
    absent = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if not absent:
        return
    message = (
        f"the browser test needs {' and '.join(absent)} (make system installs chromium and chromium-driver)"
    )
    missing(message, required_by=REQUIRED_BY)


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serving(temporary: Path) -> Iterator[str]:
    """`ebookify serve` in a process of its own, its session folders under `temporary`; stopped after."""
    port = free_port()
    env = os.environ | {"TMPDIR": str(temporary)}
    process = subprocess.Popen(
        [sys.executable, "-m", "ebookify", "serve", "--port", str(port), "--no-browser"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(url + "static/app.css", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    assert process.stderr is not None
                    raise RuntimeError(f"ebookify serve did not start: {process.stderr.read()!r}") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        assert process.stderr is not None
        process.stderr.close()


@contextlib.contextmanager
def chromium(width: int, height: int, downloads: Path) -> Iterator[WebDriver]:
    """A headless Chromium window of this size whose downloads go to `downloads`; quit after."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="ebookify-chromium-")
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
    ):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        import shutil

        shutil.rmtree(profile, ignore_errors=True)
