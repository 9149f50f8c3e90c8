"""Runs a batch's tasks on a local process pool: a bounded window in flight, crashes isolated."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from ebookify.batch.task import StoryJob, StoryResult, TaskSettings, convert_stories, report_line
from ebookify.workers import die_with_parent, stop_pool

Task = Callable[[list[StoryJob], TaskSettings], list[StoryResult]]
Outcome = tuple[list[StoryJob], list[StoryResult]]

WORKER_DIED = "the worker process died converting this story, twice (killed, out of memory or crashed)"


def _start_worker(parent: int) -> None:
    """Workers leave Ctrl-C to the client, which stops them (else each would print a traceback), and die
    with the client even when it is killed with SIGKILL."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


def failed_results(jobs: Iterable[StoryJob], error: str) -> list[StoryResult]:
    """The same failure for every story of a chunk."""
    return [StoryResult(job.source, error) for job in jobs]


class LocalExecutor:
    """A pool of `workers` processes (spawned: the client may run a progress thread, and a fork of a
    threaded process can deadlock) with at most 2 chunks per worker in flight, so that neither the
    queue nor the books waiting to be written grow with the number of inputs."""

    def __init__(self, workers: int, task: Task = convert_stories) -> None:
        self.workers, self.task = max(1, workers), task
        self.window = 2 * self.workers
        self._pool: ProcessPoolExecutor | None = None

    @property
    def pool(self) -> ProcessPoolExecutor:
        """The pool, started on first use (a re-run with nothing to convert starts no process)."""
        if self._pool is None:
            self._pool = self._new_pool(self.workers)
        return self._pool

    @staticmethod
    def _new_pool(workers: int) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
        )

    def run(self, chunks: Iterable[list[StoryJob]], settings: TaskSettings) -> Iterator[Outcome]:
        """Each chunk with its results, in the order they finish; chunks are drawn only as slots free."""
        source = iter(chunks)
        pending: dict[Future[list[StoryResult]], list[StoryJob]] = {}
        exhausted = False
        while True:
            while not exhausted and len(pending) < self.window:
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                else:
                    pending[self.pool.submit(self.task, chunk, settings)] = chunk
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            suspects: deque[StoryJob] = deque()
            for future in done:
                yield from self._outcome(future, pending.pop(future), suspects)
            if suspects:
                # The pool is broken: every chunk in flight died with it, culprit or not.
                for future in wait(pending).done:
                    yield from self._outcome(future, pending.pop(future), suspects)
                self.pool.shutdown(wait=False)
                self._pool = None
                yield from self._isolate(suspects, settings)

    def _outcome(
        self, future: Future[list[StoryResult]], chunk: list[StoryJob], suspects: deque[StoryJob]
    ) -> Iterator[Outcome]:
        try:
            yield chunk, future.result()
        except BrokenProcessPool:
            suspects.extend(chunk)
        except Exception as error:  # the task itself never raises: this is the pool's own trouble
            yield chunk, failed_results(chunk, report_line(f"task failed ({type(error).__name__}: {error})"))

    def _isolate(self, suspects: deque[StoryJob], settings: TaskSettings) -> Iterator[Outcome]:
        """The stories in flight when a worker died, each retried alone: the one that kills its worker
        again is the culprit and fails; the others are converted."""
        pool = self._new_pool(1)
        try:
            while suspects:
                job = suspects.popleft()
                try:
                    yield [job], pool.submit(self.task, [job], settings).result()
                except BrokenProcessPool:
                    yield [job], failed_results([job], WORKER_DIED)
                    pool.shutdown(wait=False)
                    pool = self._new_pool(1)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the workers now: books in flight are lost (they are converted again on the next run)."""
        if self._pool is not None:
            stop_pool(self._pool)
