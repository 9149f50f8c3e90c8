"""Workers die with their parent, SIGTERM/SIGHUP stop a build like Ctrl-C, and a killed run's leftovers go."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ebookify.leftovers import folder_prefix, part_prefix, part_start, remove_leftovers
from ebookify.options import core_count

from .conftest import DATA

NOVEL = DATA / "gutenberg" / "jack-sheppard-16215-8.txt"  # long enough that its PDF takes a while

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")


def _comm(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "comm").read_text()
    except OSError:
        return ""


def _children(pid: int) -> list[int]:
    """The live (not zombie) Python processes whose parent is `pid` (not its fc-match look-ups)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid and fields[0] != "Z" and _comm(int(stat.parent.name)) == _comm(pid):
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def build(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], list[int], Path]]:
    """A PDF build of the novel with two workers, started in its own TMPDIR; yields it once both workers
    run and its temporary folder and part file exist."""
    if core_count() < 2:
        pytest.skip("--jobs is capped at the core count: one core starts no worker")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = dict(os.environ, TMPDIR=str(temporary))
    argv = [sys.executable, "-m", "ebookify", str(NOVEL), "-o", str(tmp_path / "b.pdf"), "-j", "2", "-q"]
    process = subprocess.Popen(argv, env=env, stderr=subprocess.PIPE)
    workers: list[int] = []
    try:
        assert _wait_for(lambda: len(_children(process.pid)) >= 2, 120), "no workers started"
        assert _wait_for(lambda: any(temporary.iterdir()) and _parts(tmp_path), 60)
        workers[:] = _children(process.pid)
        yield process, workers, tmp_path
    finally:
        process.kill()
        process.wait()
        for pid in workers:  # never leave a worker behind, whatever the test found
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        if process.stderr is not None:
            process.stderr.close()


def _parts(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.mark.slow
def test_killing_the_parent_kills_the_workers_and_the_next_run_cleans_up(
    build: tuple[subprocess.Popen[bytes], list[int], Path],
) -> None:
    process, workers, folder = build
    os.kill(process.pid, signal.SIGKILL)
    process.wait()  # not communicate(): orphaned workers would hold its stderr open (the bug itself)
    assert _wait_for(lambda: not any(map(_alive, workers)), 5), "workers outlived their parent"
    # SIGKILL cannot be cleaned up after: the next build of the same book removes what was left.
    assert _parts(folder) and any((folder / "tmp").iterdir())
    small = folder / "small.txt"
    small.write_bytes((DATA / "change-of-plans.txt").read_bytes())
    env = dict(os.environ, TMPDIR=str(folder / "tmp"))
    argv = [sys.executable, "-m", "ebookify", str(small), "-o", str(folder / "b.pdf"), "-j", "2", "-q"]
    subprocess.run(argv, env=env, check=True, timeout=300)
    assert _parts(folder) == [] and list((folder / "tmp").iterdir()) == []
    assert (folder / "b.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.slow
@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_sigterm_and_sighup_stop_a_build_like_ctrl_c(
    build: tuple[subprocess.Popen[bytes], list[int], Path], name: str, code: int
) -> None:
    process, workers, folder = build
    process.send_signal(getattr(signal, name))
    assert process.wait(timeout=60) == code
    assert _wait_for(lambda: not any(map(_alive, workers)), 5)
    err = process.stderr.read() if process.stderr else b""
    assert err.decode() == f"ebookify: interrupted ({name})\n"
    # Cleaned on the way out: no part file, no temporary folder, no book.
    assert _parts(folder) == [] and list((folder / "tmp").iterdir()) == []
    assert not (folder / "b.pdf").exists()


_POOL = """
import os, sys, time
from concurrent.futures import ProcessPoolExecutor
from ebookify.workers import die_with_parent
tied = sys.argv[1] == "tied"
pool = ProcessPoolExecutor(1, initializer=die_with_parent if tied else None,
                           initargs=(os.getpid(),) if tied else ())
pool.submit(time.sleep, 60)
time.sleep(60)
"""


@pytest.mark.slow
@pytest.mark.parametrize("tied", [True, False])
def test_a_pool_worker_dies_with_its_parent_only_when_tied(tied: bool) -> None:
    arg = "tied" if tied else "loose"
    process = subprocess.Popen([sys.executable, "-c", _POOL, arg])
    workers: list[int] = []
    try:
        assert _wait_for(lambda: bool(_children(process.pid)), 60)
        workers = [pid for pid in _children(process.pid) if _alive(pid)]
        time.sleep(0.5)  # the initializer has run
        os.kill(process.pid, signal.SIGKILL)
        process.communicate()
        gone = _wait_for(lambda: not any(map(_alive, workers)), 5)
        # Leave alone (the control case): a worker without the initializer outlives its parent.
        assert gone is tied
    finally:
        process.kill()
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_remove_leftovers_takes_only_a_dead_process_s_files(tmp_path: Path) -> None:
    target = tmp_path / "b.epub"
    dead = _dead_pid()
    stale = tmp_path / f".b.epub.{dead}.abcd_123.part"
    running = tmp_path / f"{part_prefix(target)}zzzz9999.part"  # this process is alive
    other_book = tmp_path / f".b.epub.5.epub.{dead}.abcd_123.part"  # another book's part, not b.epub's
    unrelated = tmp_path / ".b.epub.notes"
    for path in (stale, running, other_book, unrelated):
        path.write_bytes(b"x")
    assert remove_leftovers(tmp_path, part_start(target), ".part") == [stale.name]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in (running, other_book, unrelated)
    )


def test_remove_leftovers_takes_a_dead_process_s_folder(tmp_path: Path) -> None:
    dead = _dead_pid()
    stale = tmp_path / f"ebookify-pdf-{dead}-abcd_123"
    (stale / "inner").mkdir(parents=True)
    (stale / "inner" / "text-00000.pdf").write_bytes(b"%PDF-")
    mine = tmp_path / f"{folder_prefix('ebookify-pdf-')}zzzz9999"
    mine.mkdir()
    assert remove_leftovers(tmp_path, "ebookify-pdf-", folders=True) == [stale.name]
    assert [p.name for p in tmp_path.iterdir()] == [mine.name]


def _nap(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def test_a_stopped_pool_has_closed_its_wakeup_before_the_exit() -> None:
    # The race behind "Exception ignored ... Bad file descriptor" after "interrupted (SIGHUP)": at exit,
    # concurrent.futures writes to the manager thread's wake-up pipe while that thread closes it.
    from concurrent.futures import ProcessPoolExecutor

    from ebookify.workers import stop_pool

    pool = ProcessPoolExecutor(max_workers=2)
    futures = [pool.submit(_nap, 30.0) for _ in range(2)]
    assert _wait_for(lambda: any(future.running() for future in futures), 60)
    manager, wakeup = vars(pool)["_executor_manager_thread"], vars(pool)["_executor_manager_thread_wakeup"]
    stop_pool(pool)
    assert manager is not None and not manager.is_alive()
    assert wakeup._closed
