"""Runs a batch's tasks on a Dask distributed cluster, worker deaths isolated.

Bytes travel with the task, a bounded window of tasks is in flight (as_completed(...).add), and versions are
checked on connect."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ebookify import __version__
from ebookify.batch.local import WORKER_DIED, Outcome, Task, failed_results
from ebookify.batch.task import StoryJob, TaskSettings, convert_stories, report_line
from ebookify.errors import EbookifyError, OptionsError

if TYPE_CHECKING:
    from distributed import Client, Future

log = logging.getLogger("ebookify")

INSTALL_HINT = 'the Dask cluster needs dask and distributed: pip install "ebookify[cluster]"'


class ClusterError(EbookifyError):
    """The cluster cannot run the batch (unreachable, or workers with another ebookify)."""

    exit_code = 2


def connect(address: str) -> Client:
    """A client of the scheduler at `address` (tcp://HOST:8786), or a clear error; Dask's setting
    distributed.comm.timeouts.connect (30 s by default) says how long to try."""
    try:
        from distributed import Client
    except ImportError:
        raise OptionsError(f"--scheduler: {INSTALL_HINT}") from None
    try:
        return Client(address, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {report_line(str(exc))}") from None


def check_versions(client: Client) -> None:
    """Refuse workers whose ebookify differs from this one (their books would differ); log other
    mismatches (dask, distributed, msgpack...) that Dask reports."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # check=True compares the packages Dask needs; it warns on a mismatch (it never raises).
        versions = client.get_versions(check=True, packages=["ebookify"])
    for warning in caught:
        log.warning("Dask: %s", report_line(str(warning.message)))
    workers: dict[str, Any] = dict(versions["workers"])  # type: ignore[index]
    other = {
        name: (info or {}).get("packages", {}).get("ebookify")
        for name, info in workers.items()
        if (info or {}).get("packages", {}).get("ebookify") != __version__
    }
    if other:
        found = ", ".join(f"{name} has {version or 'none'}" for name, version in sorted(other.items()))
        raise ClusterError(f"Dask workers must run ebookify {__version__} like this client: {found}")


def dashboard_address(client: Client) -> str | None:
    """The cluster's dashboard URL, when its scheduler serves one (it needs bokeh)."""
    services = client.scheduler_info().get("services", {})
    return str(client.dashboard_link) if "dashboard" in services else None


class DaskExecutor:
    """Sends chunks to the cluster, `window` tasks in flight. Dask reschedules a task whose worker died
    (up to the scheduler's allowed-failures, then KilledWorker): a chunk that killed workers is split and
    each story retried alone once, so only the story that kills again fails."""

    def __init__(self, client: Client, window: int = 0, task: Task = convert_stories) -> None:
        self.client, self.task = client, task
        cores = sum(client.nthreads().values()) or 1
        self.window = window or 2 * cores

    def _submit(self, chunk: list[StoryJob], settings: TaskSettings) -> Future[Any]:
        # pure=False: two chunks with the same bytes are still two tasks (a pure task runs once per key).
        return self.client.submit(self.task, chunk, settings, pure=False, retries=1)

    def run(self, chunks: Iterable[list[StoryJob]], settings: TaskSettings) -> Iterator[Outcome]:
        """Each chunk with its results, as they finish; chunks are drawn only as slots free."""
        from distributed import as_completed
        from distributed.client import FutureCancelledError
        from distributed.scheduler import KilledWorker

        source = iter(chunks)
        pending: dict[Any, tuple[list[StoryJob], bool]] = {}
        retries: list[list[StoryJob]] = []
        flow = as_completed(with_results=False, loop=self.client.loop)

        def refill() -> None:
            while len(pending) < self.window:
                chunk = retries.pop() if retries else next(source, None)
                if chunk is None:
                    return
                # A story alone was already retried by the scheduler (allowed-failures): no more.
                alone = len(chunk) == 1
                future = self._submit(chunk, settings)
                pending[future.key] = (chunk, alone)
                flow.add(future)

        refill()
        for future in flow:
            chunk, alone = pending.pop(future.key)
            try:
                results = future.result()
            except KilledWorker:
                if alone:  # it killed its worker again, alone: the culprit
                    yield chunk, failed_results(chunk, WORKER_DIED)
                else:
                    retries += [[job] for job in reversed(chunk)]
                results = None
            except (FutureCancelledError, Exception) as error:
                message = report_line(f"task failed ({type(error).__name__}: {error})")
                yield chunk, failed_results(chunk, message)
                results = None
            future.release()  # the cluster forgets the books as soon as the client has them
            if results is not None:
                yield chunk, results
            refill()

    def close(self) -> None:
        """Cancel what is in flight and disconnect."""
        self.client.close()


def dask_executor(address: str, task: Task, note: Callable[[str], None]) -> DaskExecutor:
    """Connect, check the workers' versions, say where the dashboard is, and run there."""
    client = connect(address)
    try:
        check_versions(client)
    except BaseException:
        client.close()
        raise
    dashboard = dashboard_address(client)
    where = f", dashboard {dashboard}" if dashboard else " (no dashboard: the scheduler needs bokeh)"
    note(f"Dask scheduler {address}{where}")
    return DaskExecutor(client, task=task)
