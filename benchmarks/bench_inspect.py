"""Time of `ebookify inspect --json` on the Jack Sheppard novel, process start to exit (target: under 0.5 s).

Also, in process, the two normalizer stages whose budgets were once asserted in unit tests: the structure
parse of the novel (under 1 s) and the inline marking of its 155,000 words (under 2 s).

Issue 15 keeps the normalizer's speed in a benchmark, not a timed test: run it after changing a rule.
Run: .venv/bin/python benchmarks/bench_inspect.py [--repeat N]
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from measure import measure

import ebookify
from ebookify.normalize.decode.decode import decode_bytes
from ebookify.normalize.inline.inline import mark_inline
from ebookify.normalize.structure.structure import parse_structure

NOVEL = Path(__file__).resolve().parent.parent / "tests" / "data" / "gutenberg" / "jack-sheppard-16215-8.txt"
TARGET_SECONDS = 0.5
STRUCTURE_SECONDS = 1.0
INLINE_SECONDS = 2.0


def best_seconds(work: Callable[[], object], repeat: int) -> float:
    """The best wall time of `repeat` calls of work, in this process."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def stage_lines(repeat: int) -> str:
    """The structure parse and the inline marking of the novel, each against its budget."""
    text = NOVEL.read_bytes().decode("latin-1").replace("\r\n", "\n")
    decoded = decode_bytes(NOVEL.read_bytes(), str(NOVEL), None).text
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", decoded) if p.strip()]
    lines = []
    for name, work, budget in (
        ("parse_structure", lambda: parse_structure(text), STRUCTURE_SECONDS),
        ("mark_inline", lambda: mark_inline(paragraphs), INLINE_SECONDS),
    ):
        seconds = best_seconds(work, repeat)
        lines.append(
            f"{name} {NOVEL.name}: best of {repeat} {seconds:.3f} s (budget {budget} s: "
            f"{'met' if seconds < budget else 'NOT met'})\n"
        )
    return "".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs; the best is reported (default 5)")
    args = parser.parse_args()
    # An installed package runs from bytecode (pip compiles it); a checkout run with PYTHONDONTWRITEBYTECODE
    # would compile its 70 modules again on every run (0.1 s), which no user waits for.
    compileall.compile_dir(Path(ebookify.__file__).parent, quiet=1)
    command = shutil.which("ebookify", path=str(Path(sys.executable).parent)) or "ebookify"
    # Likewise a user's first run keeps the compiled regular expressions beside the bytecode
    # (normalize/pattern_cache.py) unless bytecode writing is off, as it is in some checkouts: one run
    # allowed to write them first.
    first_run_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(
        [command, "inspect", "--json", str(NOVEL)], check=True, env=first_run_env, stdout=subprocess.DEVNULL
    )
    runs = [measure([command, "inspect", "--json", str(NOVEL)]) for _ in range(args.repeat)]
    if any(run.returncode for run in runs):
        sys.stderr.write("ebookify inspect failed\n")
        return 1
    best = min(runs, key=lambda run: run.seconds)
    verdict = "met" if best.seconds < TARGET_SECONDS else "NOT met"
    sys.stdout.write(
        f"inspect --json {NOVEL.name} ({NOVEL.stat().st_size / 1000:.0f} KB): best of {args.repeat} "
        f"{best.seconds:.3f} s, peak {best.peak_rss_mb:.0f} MB (target {TARGET_SECONDS} s: {verdict}); "
        f"all runs: {', '.join(f'{run.seconds:.3f}' for run in runs)}\n"
    )
    sys.stdout.write(stage_lines(args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
