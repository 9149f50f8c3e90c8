"""`ebookify batch` on a Dask LocalCluster with 2 worker processes: statuses, a worker killed mid-batch,
a story that kills its workers, the version check, EPUBCheck on a sample of the books."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ebookify import __version__
from ebookify.batch import BatchOptions, run_batch
from ebookify.batch.cluster import ClusterError, check_versions
from ebookify.batch.local import WORKER_DIED
from ebookify.batch.progress import QuietProgress
from tests.batch_helpers import CRASH_MARK, crashing_task, story_text, write_stories
from tests.epubcheck import check_many

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")
# A Dask LocalCluster (scheduler, nannies, workers) per module: make test runs these.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Two worker processes of one thread; a task that kills workers twice is KilledWorker (the default
    of 3 would kill 4 workers per bad story, slowly)."""
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 1}),
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as local,
    ):
        yield local


def _options(root: Path, cluster: Any, **changes: object) -> BatchOptions:
    values: dict[str, object] = {
        "sources": (root / "src",),
        "outdir": root / "out",
        "scheduler": cluster.scheduler_address,
        "chunk_stories": 2,
    }
    values.update(changes)
    return BatchOptions(**values)  # type: ignore[arg-type]


@pytest.mark.slow
def test_mixed_batch_completes_on_the_cluster_and_the_books_pass_epubcheck(
    tmp_path: Path, cluster: Any
) -> None:
    write_stories(tmp_path / "src", 6)
    (tmp_path / "src" / "empty.txt").write_bytes(b"")
    (tmp_path / "src" / "binary.txt").write_bytes(bytes(range(256)) * 64)
    summary = run_batch(_options(tmp_path, cluster))
    assert (summary.done, summary.failed) == (6, 2)
    assert {Path(source).name for source, _ in summary.failures} == {"empty.txt", "binary.txt"}
    books = sorted((tmp_path / "out").glob("*.epub"))
    assert len(books) == 6
    assert check_many(books[:1]) == {books[0]: []}  # one JVM start: 6-15 s
    again = run_batch(_options(tmp_path, cluster))
    assert (again.done, again.skipped) == (0, 8)


def test_killing_a_worker_mid_batch_still_completes_it(tmp_path: Path, cluster: Any) -> None:
    write_stories(tmp_path / "src", 16)
    client = distributed.Client(cluster.scheduler_address, set_as_default=False)
    try:
        pids = sorted(client.run(os.getpid).values())
    finally:
        client.close()

    class KillOne(QuietProgress):
        def advance(self, status: str, source: str, error: str | None = None) -> None:
            super().advance(status, source, error)
            if self.counts["done"] == 1:
                os.kill(pids[0], signal.SIGKILL)  # mid-batch: tasks are in flight on both workers

    summary = run_batch(_options(tmp_path, cluster, chunk_stories=1), KillOne())
    assert (summary.done, summary.failed) == (16, 0)
    assert len(list((tmp_path / "out").glob("*.epub"))) == 16


def test_a_story_that_kills_its_workers_fails_alone(tmp_path: Path, cluster: Any) -> None:
    write_stories(tmp_path / "src", 4)
    bad = tmp_path / "src" / "story-001.txt"
    bad.write_text(story_text(1) + CRASH_MARK.decode(), encoding="utf-8")
    summary = run_batch(_options(tmp_path, cluster), task=crashing_task)
    assert (summary.done, summary.failed) == (3, 1)
    assert summary.failures == [(str(bad.absolute()), WORKER_DIED)]


class _FakeClient:
    def __init__(self, worker_version: str | None) -> None:
        self.worker_version = worker_version

    def get_versions(self, check: bool = False, packages: list[str] | None = None) -> dict[str, Any]:
        worker = {"packages": {"ebookify": self.worker_version, "dask": "x"}}
        return {"client": {"packages": {"ebookify": __version__}}, "scheduler": {}, "workers": {"w1": worker}}


def test_a_worker_with_another_ebookify_is_a_clear_error() -> None:
    check_versions(_FakeClient(__version__))  # type: ignore[arg-type]
    with pytest.raises(ClusterError, match=r"w1 has 0\.0\.1"):
        check_versions(_FakeClient("0.0.1"))  # type: ignore[arg-type]
    with pytest.raises(ClusterError, match="w1 has none"):
        check_versions(_FakeClient(None))  # type: ignore[arg-type]


def test_scheduler_unreachable_is_one_line(tmp_path: Path) -> None:
    write_stories(tmp_path / "src", 1)
    options = BatchOptions(
        sources=(tmp_path / "src",), outdir=tmp_path / "out", scheduler="tcp://127.0.0.1:9"
    )
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
        pytest.raises(ClusterError, match="cannot reach the Dask scheduler"),
    ):
        run_batch(options)
