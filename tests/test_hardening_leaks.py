"""Hardening, leaks: building a book reads no file beyond its inputs and our package, and opens no socket."""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import ebookify
from ebookify import WriteOptions, make_book, normalize_bytes, write_epub
from ebookify.render.pdf.writer import PARTS_FOLDER_PREFIX

from .hardening import run_cli

_RECORDING: list[list[tuple[str, str]]] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    """Record file opens and network use while a test listens (audit hooks cannot be removed)."""
    if _RECORDING and (event == "open" or event.startswith(("socket.", "urllib."))):
        _RECORDING[-1].append((event, str(args[0]) if args else ""))


sys.addaudithook(_audit)


@pytest.fixture
def audited() -> Iterator[list[tuple[str, str]]]:
    """Every file open and socket event of this process during the test."""
    events: list[tuple[str, str]] = []
    _RECORDING.append(events)
    try:
        yield events
    finally:
        _RECORDING.remove(events)


class Listener:
    """A loopback server that counts the connections anyone makes to it."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.server.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.server.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    try:
        yield server
    finally:
        server.close()


def _bait(canary: Path, port: int) -> bytes:
    """A story whose header and text point at the canary file and the listener in every way HTML can."""
    file_url, http = canary.as_uri(), f"http://127.0.0.1:{port}"
    lines = [
        f"<img src={file_url}> <img src='{http}/img.png'>",
        f"<a rel=attachment href={file_url}>attached</a>",
        f"<link rel=stylesheet href={http}/x.css> <style>@import url({file_url});</style>",
        f"@import url({http}/y.css); body {{ background: url({file_url}) }}",
        f"<iframe src={http}/frame></iframe> <object data={file_url}></object>",
        f"<svg><image href={file_url}/></svg> <video poster={http}/p.png></video>",
        f"<!DOCTYPE x [<!ENTITY e SYSTEM {file_url}>]> &e; <?xml-stylesheet href={http}/z.css?>",
    ]
    header = f"Title: <img src={file_url}>\nAuthor: <a href={http}/a>A</a>\nSummary: url({file_url})\n\n"
    return (header + "\n\n".join(f"Bait {line} end." for line in lines) + "\n").encode()


def _allowed_roots(*folders: Path) -> tuple[str, ...]:
    """Where a build may open files: Python itself (imports), our package and styles, the given folders."""
    package = Path(ebookify.__file__).resolve().parent
    roots = {sys.prefix, sys.base_prefix, str(package), str(package.parent / "styles"), *map(str, folders)}
    return tuple(str(Path(root).resolve()) for root in roots)


# System files the standard library reads on its own: the MIME table (mimetypes) and the null device.
_SYSTEM_FILES = ("/dev/null", "/etc/mime.types")


def _is_own_temporary(path: str) -> bool:
    """The renderer's own temporary files (tempfile's "tmp" names in the temporary folder), that folder,
    and the PDF writer's folder of laid-out parts."""
    folder = Path(tempfile.gettempdir()).resolve()
    resolved = Path(path).resolve()
    for parts in (resolved, resolved.parent):
        if parts.parent == folder and parts.name.startswith(PARTS_FOLDER_PREFIX):
            return True
    return resolved == folder or (resolved.parent == folder and resolved.name.startswith("tmp"))


def _check_opens(events: list[tuple[str, str]], canary: Path, *folders: Path) -> None:
    roots = _allowed_roots(*folders)
    opened = [path for event, path in events if event == "open" and not path.isdigit()]
    assert not [path for path in opened if canary.name in path]
    strays = [
        path
        for path in opened
        if not str(Path(path).resolve()).startswith(roots)
        and path not in _SYSTEM_FILES
        and not _is_own_temporary(path)
    ]
    assert strays == []
    assert [event for event in events if event[0] != "open"] == []  # no socket or URL was touched


@pytest.fixture
def canary(tmp_path: Path) -> Path:
    secret = tmp_path / "secret" / "canary.txt"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0 canary secret", encoding="utf-8")
    return secret


def test_an_epub_reads_nothing_it_should_not(
    tmp_path: Path, canary: Path, listener: Listener, audited: list[tuple[str, str]]
) -> None:
    source = tmp_path / "bait.txt"
    source.write_bytes(_bait(canary, listener.port))
    out = tmp_path / "out"
    out.mkdir()
    assert run_cli([str(source), "-o", str(out / "bait.epub"), "-q"]).code == 0
    write_epub(make_book([normalize_bytes(source.read_bytes(), "bait.txt")]), out / "lib.epub")
    _check_opens(audited, canary, source, out)
    assert listener.connections == 0
    assert b"canary secret" not in (out / "bait.epub").read_bytes()


@pytest.mark.slow
def test_a_pdf_reads_nothing_it_should_not(
    tmp_path: Path, canary: Path, listener: Listener, audited: list[tuple[str, str]]
) -> None:
    from ebookify import write_pdf

    book = make_book([normalize_bytes(_bait(canary, listener.port), "bait.txt")])
    import weasyprint  # noqa: F401 (imported before recording: its import opens fonts and data files)

    target = write_pdf(book, tmp_path / "bait.pdf", WriteOptions(jobs=1))
    _check_opens(audited, canary, tmp_path)
    assert listener.connections == 0
    assert b"canary secret" not in target.read_bytes()


@pytest.mark.slow
def test_pdf_workers_in_other_processes_connect_nowhere(
    tmp_path: Path, canary: Path, listener: Listener
) -> None:
    # The audit hook cannot see forked workers; the listener sees any process that connects to it.
    from ebookify import write_pdf

    book = make_book([normalize_bytes(_bait(canary, listener.port), "bait.txt")] * 2, title="Twice")
    target = write_pdf(book, tmp_path / "bait.pdf", WriteOptions(jobs=2))
    assert listener.connections == 0
    assert b"canary secret" not in target.read_bytes()


def test_the_listener_counts_a_real_connection(listener: Listener, audited: list[tuple[str, str]]) -> None:
    # The checks above must be able to fail: a connection is counted, and the audit hook sees it.
    with socket.create_connection(("127.0.0.1", listener.port), timeout=5):
        pass
    for _ in range(50):
        if listener.connections:
            break
        threading.Event().wait(0.05)
    assert listener.connections == 1
    assert any(event == "socket.connect" for event, _ in audited)


def test_the_file_check_catches_a_read_of_the_canary(
    tmp_path: Path, canary: Path, audited: list[tuple[str, str]]
) -> None:
    _check_opens(audited, canary, tmp_path)  # nothing read yet
    canary.read_text(encoding="utf-8")
    with pytest.raises(AssertionError):
        _check_opens(audited, canary, tmp_path)
    with pytest.raises(AssertionError):
        _check_opens([("open", "/etc/hostname")], canary, tmp_path)  # outside every allowed place
