"""EPUB benchmark: the 934 KB Jack Sheppard novel to an EPUB, end to end, against Pandoc and Calibre.

Usage: python benchmarks/bench_epub.py [--runs 3] [--input FILE]
Each tool runs as its own process, timed from process start to file written; the best of --runs counts.
ebookify runs as `.venv/bin/ebookify` (the installed command); Pandoc (`pandoc -f markdown`) and Calibre
(`ebook-convert --enable-heuristics`) run on the same input in the same run when they are installed.
Targets: at most 1/3 of Pandoc's time and 1/25 of Calibre's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from measure import Run, ebookify_command, measure, tool

ROOT = Path(__file__).resolve().parent.parent
NOVEL = ROOT / "tests" / "data" / "gutenberg" / "jack-sheppard-16215-8.txt"
TARGETS = {"pandoc": 3.0, "calibre": 25.0}


def best_of(command: list[str], runs: int, output: Path) -> Run | None:
    """The fastest of `runs` runs; None when a run fails or writes nothing."""
    results = []
    for _ in range(runs):
        output.unlink(missing_ok=True)
        result = measure(command)
        if result.returncode != 0 or not output.exists():
            return None
        results.append(result)
    return min(results, key=lambda r: r.seconds)


def commands(source: Path, folder: Path) -> dict[str, tuple[list[str], Path]]:
    """The command of each tool that is installed, with the file it writes."""
    found = {
        "ebookify": (
            [*ebookify_command(), str(source), "-o", str(folder / "e.epub"), "-q"],
            folder / "e.epub",
        )
    }
    pandoc = tool("pandoc")
    if pandoc:
        # Pandoc needs to be told the encoding: it reads UTF-8 only, so it gets a converted copy (not timed).
        utf8 = folder / "input-utf8.txt"
        utf8.write_text(source.read_bytes().decode("latin-1"), encoding="utf-8")
        target = folder / "p.epub"
        found["pandoc"] = ([pandoc, "-f", "markdown", "-t", "epub3", str(utf8), "-o", str(target)], target)
    convert = tool("ebook-convert")
    if convert:
        target = folder / "c.epub"
        command = [convert, str(source), str(target), "--enable-heuristics", "--input-encoding", "latin-1"]
        found["calibre"] = (command, target)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per tool; the best counts (default 3)")
    parser.add_argument("--input", type=Path, default=NOVEL, help="the novel (default: Jack Sheppard)")
    args = parser.parse_args()
    print(f"input: {args.input.name} ({args.input.stat().st_size / 1024:.0f} KB), best of {args.runs} runs")
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (command, output) in commands(args.input, Path(tmp)).items():
            result = best_of(command, args.runs, output)
            if result is None:
                print(f"{name:9} failed")
                continue
            times[name] = result.seconds
            size = output.stat().st_size / 1024
            print(f"{name:9} {result.seconds:7.2f} s  {result.peak_rss_mb:6.0f} MB peak RSS  {size:6.0f} KB")
    if "ebookify" not in times:
        return 1
    for other, target in TARGETS.items():
        if other in times:
            ratio = times[other] / times["ebookify"]
            verdict = "meets" if ratio >= target else "misses"
            print(f"ebookify is {ratio:.1f}x faster than {other} ({verdict} the target of {target:g}x)")
        else:
            print(f"{other} is not installed: no ratio")
    return 0


if __name__ == "__main__":
    sys.exit(main())
