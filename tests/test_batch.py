"""`ebookify batch` on the local process pool: statuses, resume, re-conversion, reports, the catalog."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ebookify.batch import BatchOptions, run_batch
from ebookify.batch.local import WORKER_DIED
from ebookify.batch.opds import ACQUISITION, ATOM
from ebookify.batch.progress import QuietProgress
from ebookify.batch.state import BatchState
from ebookify.cli import main
from ebookify.options import WriteOptions
from tests.batch_helpers import (
    COUNT_FILE,
    CRASH_MARK,
    conversions,
    counting_task,
    crashing_task,
    story_text,
    write_stories,
)

# Whole batches on a process pool, killed and resumed: make test runs them; the units are test_batch_units.
pytestmark = pytest.mark.slow


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Good stories in a folder tree and a zip, plus an empty file and a binary one."""
    src = tmp_path / "src"
    write_stories(src, 3)
    write_stories(src / "deeper", 2, start=10)
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (src / "notes.md").write_text("not matched by the glob", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "more.zip", "w") as archive:
        archive.writestr("inner/zipped.txt", story_text(20))
        archive.writestr("../../escape.txt", story_text(21))
    return tmp_path


def _options(root: Path, **changes: object) -> BatchOptions:
    values: dict[str, object] = {
        "sources": (root / "src", root / "more.zip"),
        "outdir": root / "out",
        "jobs": 1,  # one process starts faster than two converts these few stories
        "chunk_stories": 2,
    }
    values.update(changes)
    return BatchOptions(**values)  # type: ignore[arg-type]


def _statuses(outdir: Path) -> dict[str, str]:
    state = BatchState(outdir)
    try:
        return {Path(row.source.split("!")[-1]).name: row.status for row in state.rows()}
    finally:
        state.close()


def test_mixed_inputs_get_the_right_statuses_and_mirrored_outputs(mixed: Path) -> None:
    summary = run_batch(_options(mixed))
    assert (summary.done, summary.failed, summary.skipped) == (7, 2, 0)
    assert not summary.ok
    statuses = _statuses(mixed / "out")
    assert statuses["empty.txt"] == statuses["binary.txt"] == "failed"
    assert "notes.md" not in statuses
    out = mixed / "out"
    assert (out / "story-000.epub").is_file() and (out / "deeper" / "story-010.epub").is_file()
    assert (out / "more" / "inner" / "zipped.epub").is_file()
    # A member named ../../escape.txt stays inside OUTDIR.
    assert (out / "more" / "escape.epub").is_file() and not (mixed / "escape.epub").exists()
    assert not list(out.rglob("*.part"))


def test_report_lists_every_failure_with_its_reason(mixed: Path) -> None:
    run_batch(_options(mixed))
    with (mixed / "out" / "report.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    failed = {Path(r["source"]).name: r["error"] for r in rows if r["status"] == "failed"}
    assert set(failed) == {"empty.txt", "binary.txt"}
    assert all(reason.strip() for reason in failed.values())
    index = (mixed / "out" / "index.html").read_text(encoding="utf-8")
    for reason in failed.values():
        assert reason.replace("'", "&#x27;").replace('"', "&quot;") in index
    assert "Story Number 0" in index


def _check_feed(catalog: Path, entries: int, types: list[str]) -> None:
    feed = etree.parse(str(catalog)).getroot()
    assert feed.tag == f"{{{ATOM}}}feed"
    found = feed.findall(f"{{{ATOM}}}entry")
    assert len(found) == entries
    for link in feed.iter(f"{{{ATOM}}}link"):
        assert link.get("type"), "every OPDS link has a type"
    for entry in found:
        for tag in ("id", "title", "updated"):
            assert (entry.findtext(f"{{{ATOM}}}{tag}") or "").strip()
        links = list(entry.iter(f"{{{ATOM}}}link"))
        acquisitions = [link for link in links if link.get("rel") == ACQUISITION]
        assert sorted(str(link.get("type")) for link in acquisitions) == types
        images = [link for link in links if "opds-spec.org/image" in str(link.get("rel"))]
        assert images
        for link in acquisitions + images:
            assert (catalog.parent / str(link.get("href"))).is_file()


def test_opds_feed_parses_as_atom_and_every_acquisition_link_resolves(mixed: Path) -> None:
    run_batch(_options(mixed))
    _check_feed(mixed / "out" / "catalog.xml", 7, ["application/epub+zip"])
    one = (mixed / "src" / "story-000.txt",)
    run_batch(_options(mixed, sources=one, outdir=mixed / "both", formats=("epub", "pdf")))
    _check_feed(mixed / "both" / "catalog.xml", 1, ["application/epub+zip", "application/pdf"])


def test_an_interrupted_batch_resumes_and_converts_only_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_stories(tmp_path / "src", 10)
    count_file = tmp_path / "count.txt"
    monkeypatch.setenv(COUNT_FILE, str(count_file))

    class Interrupt(QuietProgress):
        def advance(self, status: str, source: str, error: str | None = None) -> None:
            super().advance(status, source, error)
            if self.counts["done"] == 4:
                raise KeyboardInterrupt  # Ctrl-C after four books were written

    options = BatchOptions(sources=(tmp_path / "src",), outdir=tmp_path / "out", jobs=1, chunk_stories=2)
    with pytest.raises(KeyboardInterrupt):
        run_batch(options, Interrupt(), task=counting_task)
    recorded = _statuses(tmp_path / "out")
    assert 4 <= len(recorded) < 10
    first = conversions(count_file)
    count_file.unlink()
    summary = run_batch(options, task=counting_task)
    assert summary.ok and summary.skipped == len(recorded) and summary.done == 10 - len(recorded)
    again = conversions(count_file)
    assert len(again) == 10 - len(recorded)
    assert not set(again) & set(_done_sources(tmp_path, recorded)), "a finished book converted again"
    assert len(first) >= len(recorded)
    assert len(list((tmp_path / "out").glob("*.epub"))) == 10


def _done_sources(root: Path, recorded: dict[str, str]) -> list[str]:
    return [str((root / "src" / name).absolute()) for name in recorded]


def test_a_changed_input_or_option_is_converted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = write_stories(tmp_path / "src", 3)
    count_file = tmp_path / "count.txt"
    monkeypatch.setenv(COUNT_FILE, str(count_file))
    options = BatchOptions(sources=(tmp_path / "src",), outdir=tmp_path / "out", jobs=1)
    assert run_batch(options, task=counting_task).done == 3
    assert run_batch(options, task=counting_task).skipped == 3
    assert len(conversions(count_file)) == 3
    paths[1].write_text(story_text(1) + "\nOne more line.\n", encoding="utf-8")
    summary = run_batch(options, task=counting_task)
    assert (summary.done, summary.skipped) == (1, 2)
    assert conversions(count_file)[-1] == str(paths[1].absolute())
    modern = BatchOptions(
        sources=(tmp_path / "src",), outdir=tmp_path / "out", jobs=1, write=WriteOptions(style="modern")
    )
    assert run_batch(modern, task=counting_task).done == 3
    assert len(conversions(count_file)) == 7


def test_failures_are_kept_until_retried(mixed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    count_file = mixed / "count.txt"
    monkeypatch.setenv(COUNT_FILE, str(count_file))
    run_batch(_options(mixed), task=counting_task)
    again = run_batch(_options(mixed), task=counting_task)
    assert (again.done, again.failed, again.kept_failures, again.ok) == (0, 0, 2, False)
    assert len(conversions(count_file)) == 9  # the first run only: the second converted nothing
    retried = run_batch(_options(mixed, retry_failed=True), task=counting_task)
    assert (retried.done, retried.failed) == (0, 2)


def test_a_story_that_kills_its_worker_fails_alone(tmp_path: Path) -> None:
    write_stories(tmp_path / "src", 6)
    (tmp_path / "src" / "story-002.txt").write_text(story_text(2) + CRASH_MARK.decode(), encoding="utf-8")
    options = BatchOptions(sources=(tmp_path / "src",), outdir=tmp_path / "out", jobs=2, chunk_stories=2)
    summary = run_batch(options, task=crashing_task)
    assert (summary.done, summary.failed) == (5, 1)
    assert summary.failures == [(str((tmp_path / "src" / "story-002.txt").absolute()), WORKER_DIED)]


def test_max_failures_stops_early(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for number in range(12):
        (src / f"empty-{number:02d}.txt").write_bytes(b"")
    options = BatchOptions(sources=(src,), outdir=tmp_path / "out", jobs=1, chunk_stories=1, max_failures=3)
    summary = run_batch(options)
    assert summary.stopped and 3 <= summary.failed < 12


def test_cli_exit_codes_and_summary(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = mixed / "good"
    write_stories(good, 2)
    assert main(["batch", str(good), "-o", str(mixed / "good-out"), "-q", "-j", "1"]) == 0
    assert main(["batch", str(mixed / "src"), "-o", str(mixed / "out"), "-q", "-j", "1"]) == 1
    out = capsys.readouterr().out
    assert "failed: " in out and "empty.txt" in out
    assert main(["batch", str(mixed / "nowhere"), "-o", str(mixed / "x")]) == 2
    assert main(["batch", str(good), "-o", str(mixed / "y"), "--format", "mobi"]) == 2
    assert "no such file" in capsys.readouterr().err


def _done_rows(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
            return int(connection.execute("SELECT COUNT(*) FROM books WHERE status='done'").fetchone()[0])
    except sqlite3.Error:
        return 0  # the table is not there yet


def test_a_batch_killed_with_sigkill_leaves_no_partial_book_and_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_stories(tmp_path / "src", 40)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "ebookify", "batch", str(tmp_path / "src"), "-o", str(out), "-q"]
    process = subprocess.Popen([*command, "-j", "1", "--chunk", "1"], start_new_session=True)
    deadline = time.monotonic() + 120
    while _done_rows(out / ".ebookify-batch.sqlite") < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the batch ended before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)  # the client and its workers, as a power loss would
    process.wait()
    recorded = _statuses(out)
    assert 3 <= len(recorded) < 40
    for book in out.glob("*.epub"):  # every book on disk is whole (written to a temporary file, renamed)
        with zipfile.ZipFile(book) as archive:
            assert archive.testzip() is None
    count_file = tmp_path / "count.txt"
    monkeypatch.setenv(COUNT_FILE, str(count_file))
    summary = run_batch(BatchOptions(sources=(tmp_path / "src",), outdir=out, jobs=1), task=counting_task)
    assert (summary.done, summary.skipped, summary.failed) == (40 - len(recorded), len(recorded), 0)
    assert len(conversions(count_file)) == 40 - len(recorded)
    assert not list(out.rglob("*.part")) and len(list(out.glob("*.epub"))) == 40


def test_cli_usage_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch"]) == 2
    assert main(["batch", "x", "-o", "y", "--retry-faild"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2 and "did you mean --retry-failed?" in lines[1]
