"""Batch benchmark: 1,000 generated stories (~5,000 words each, with headers, notes, chapters) to EPUB with
`ebookify batch` on the local process pool, on a 2-worker Dask LocalCluster, and with a shell loop running
pandoc once per file (when pandoc is installed); PDF cost per 1,000 words on a smaller batch; the client's
peak memory at 1,000 and at 10,000 inputs.

Usage: python benchmarks/bench_batch.py [--stories 1000] [--words 5000] [--many 10000] [--many-words 300]
                                        [--pdf-stories 40] [--no-pandoc] [--pandoc-sample N] [--no-cluster]
pandoc takes 1-3 s a file on a busy 2-core machine: --pandoc-sample 200 times it on the first 200 inputs.
The stories are generated from the bundled corpus into a temporary folder; nothing is committed. Targets
(issue 20): local pool >= 5x the pandoc loop's stories/s; LocalCluster within 25% of the local pool; client
peak memory under 300 MB whatever the number of inputs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench_anthology import corpus_paragraphs, make_story
from measure import tool

# The client runs in a fresh process that reports its own peak RSS (the client: discovery, the state, the
# books on their way to disk) and its children's largest (a local worker), besides the batch's wall time.
_CLIENT = (
    "import json, resource, sys, time\n"
    "from ebookify.batch.cli import run_batch_command\n"
    "start = time.perf_counter()\n"
    "code = run_batch_command(sys.argv[1:])\n"
    "seconds = time.perf_counter() - start\n"
    "me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
    "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
    "sys.stderr.write('__batch__ ' + json.dumps([seconds, me, kids, code]) + '\\n')\n"
)


@dataclass(frozen=True)
class BatchRun:
    """One measured batch: wall seconds, client and largest-worker peak RSS (MB), exit code, and the
    workers' own seconds and words from the state database."""

    seconds: float
    client_mb: float
    worker_mb: float
    returncode: int
    stories: int
    worker_seconds: float
    cpu_seconds: float
    words: int

    def rate(self) -> float:
        """Stories per second, wall time."""
        return self.stories / self.seconds

    def cpu_per_1000_words(self) -> float:
        """Seconds of worker CPU per 1,000 words."""
        return 1000 * self.cpu_seconds / max(self.words, 1)

    def wall_per_1000_words(self) -> float:
        """Seconds of worker wall time (CPU and waiting for a core) per 1,000 words."""
        return 1000 * self.worker_seconds / max(self.words, 1)


def run_client(args: list[str], outdir: Path) -> BatchRun:
    """`ebookify batch ARGS -o OUTDIR -q` in a fresh process, measured."""
    result = subprocess.run(
        [sys.executable, "-c", _CLIENT, *args, "-o", str(outdir), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    line = next(ln for ln in result.stderr.splitlines() if ln.startswith("__batch__ "))
    seconds, client_mb, worker_mb, code = json.loads(line.removeprefix("__batch__ "))
    if code != 0:
        print(result.stdout[-2000:], result.stderr[-2000:])
    with sqlite3.connect(outdir / ".ebookify-batch.sqlite") as db:
        stories, worker_seconds, cpu_seconds, words = db.execute(
            "SELECT COUNT(*), SUM(seconds), SUM(cpu_seconds), SUM(words) FROM books WHERE status = 'done'"
        ).fetchone()
    return BatchRun(
        seconds, client_mb, worker_mb, code, stories, worker_seconds or 0.0, cpu_seconds or 0.0, words or 0
    )


def make_short_story(number: int, words: int, pool: list[str], rng: random.Random) -> str:
    """A story of about `words` words (bench_anthology's stories have 40 paragraphs at least)."""
    lines = [f"Title: Short Story {number}", f"Author: Writer {number % 17}", "Rating: K", ""]
    count = 0
    while count < words:
        paragraph = rng.choice(pool)
        lines += [paragraph, ""]
        count += len(paragraph.split())
    return "\n".join(lines)


def generate(folder: Path, count: int, words: int, seed: int = 7, short: bool = False) -> tuple[int, float]:
    """`count` stories of about `words` words; returns the total words and megabytes."""
    folder.mkdir(parents=True)
    rng, pool = random.Random(seed), corpus_paragraphs()
    total, size = 0, 0
    for number in range(1, count + 1):
        story = (make_short_story if short else make_story)(number, words, pool, rng)
        total += len(story.split())
        size += (folder / f"story-{number:05d}.txt").write_text(story, encoding="utf-8")
    return total, size / 1e6


def pandoc_loop(src: Path, out: Path, sample: int) -> tuple[int, float]:
    """A shell loop starting pandoc once per file, as people do today, on the first `sample` inputs (0: all);
    returns the files converted and the wall seconds."""
    out.mkdir()
    files = sorted(src.glob("*.txt"))[: sample or None]
    script = (
        'out="$1"; shift; for f in "$@"; do pandoc -f markdown -t epub3 --metadata title=Story "$f" '
        '-o "$out/$(basename "$f" .txt).epub" || exit 1; done'
    )
    start = time.perf_counter()
    command = ["sh", "-c", script, "loop", str(out), *map(str, files)]
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
    return len(files), time.perf_counter() - start


def show(label: str, run: BatchRun, local_workers: bool = True) -> None:
    # A Dask worker is no child of the client: its memory is the cluster's to report (see the dashboard).
    worker = f", largest worker {run.worker_mb:.0f} MB" if local_workers else ""
    print(
        f"{label}: {run.stories} books in {run.seconds:.1f} s = {run.rate():.2f} stories/s; "
        f"client peak {run.client_mb:.0f} MB{worker}; "
        f"per 1,000 words: worker CPU {run.cpu_per_1000_words():.4f} s, worker wall "
        f"{run.wall_per_1000_words():.4f} s; exit {run.returncode}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--many", type=int, default=10000, help="inputs of the second memory run (0: none)")
    parser.add_argument("--many-words", type=int, default=300)
    parser.add_argument("--pdf-stories", type=int, default=40, help="stories of the PDF run (0: none)")
    parser.add_argument("--no-pandoc", action="store_true")
    parser.add_argument(
        "--pandoc-sample", type=int, default=0, help="run pandoc on the first N inputs only (0: all)"
    )
    parser.add_argument("--no-cluster", action="store_true")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        words, megabytes = generate(root / "src", args.stories, args.words)
        print(f"{args.stories} stories, {words:,} words, {megabytes:.1f} MB")
        local = run_client([str(root / "src")], root / "local")
        show("local pool (2 processes)", local)
        if not args.no_cluster:
            from distributed import LocalCluster

            start = time.perf_counter()
            cluster_args = {"n_workers": 2, "threads_per_worker": 1, "dashboard_address": ":0"}
            with LocalCluster(**cluster_args) as cluster:  # type: ignore[no-untyped-call]
                print(f"LocalCluster of 2 workers started in {time.perf_counter() - start:.1f} s")
                dask = run_client(
                    [str(root / "src"), "--scheduler", cluster.scheduler_address], root / "dask"
                )
            show("Dask LocalCluster (2 workers)", dask, local_workers=False)
            print(f"cluster / local throughput: {dask.rate() / local.rate():.2f}")
        if args.no_pandoc or tool("pandoc") is None:
            print(
                "pandoc loop: not run ("
                + ("--no-pandoc" if args.no_pandoc else "pandoc is not installed")
                + ")"
            )
        else:
            count, seconds = pandoc_loop(root / "src", root / "pandoc", args.pandoc_sample)
            rate = count / seconds
            print(
                f"pandoc loop: {count} books (the first of the same inputs) in {seconds:.1f} s "
                f"= {rate:.2f} stories/s"
            )
            print(f"local pool / pandoc loop throughput: {local.rate() / rate:.1f}x")
        if args.pdf_stories:
            generate(root / "pdf-src", args.pdf_stories, args.words, seed=11)
            pdf = run_client([str(root / "pdf-src"), "--format", "pdf"], root / "pdf")
            show("PDF, local pool", pdf)
        if args.many:
            many_words, many_mb = generate(root / "many", args.many, args.many_words, seed=13, short=True)
            print(f"{args.many} stories, {many_words:,} words, {many_mb:.1f} MB")
            many = run_client([str(root / "many")], root / "many-out")
            show(f"{args.many} inputs, local pool", many)
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
