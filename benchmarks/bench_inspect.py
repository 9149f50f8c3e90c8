"""Time of `ebookify inspect --json` on the Jack Sheppard novel, process start to exit (target: under 0.5 s).

Issue 15 keeps the normalizer's speed in a benchmark, not a timed test: run it after changing a rule.
Run: .venv/bin/python benchmarks/bench_inspect.py [--repeat N]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from measure import measure

NOVEL = Path(__file__).resolve().parent.parent / "tests" / "data" / "gutenberg" / "jack-sheppard-16215-8.txt"
TARGET_SECONDS = 0.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs; the best is reported (default 5)")
    args = parser.parse_args()
    ebookify = shutil.which("ebookify", path=str(Path(sys.executable).parent)) or "ebookify"
    runs = [measure([ebookify, "inspect", "--json", str(NOVEL)]) for _ in range(args.repeat)]
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
