"""Time to normalize and write huge inputs (a 1 MB line, a 200,000-character word, 100,000 paragraphs,
10,000 chapters, a 12 MB line) against generous bounds of 30 s per MB: a hang or a quadratic step, not a
slow machine, breaks them. The same cases are tests/test_hardening_size.py, which checks that no text is lost.

Measured on a loaded 2-core machine: 1 MB line 0.4 s, 100,000 paragraphs 2.3 s, 10,000 chapters 1.5 s,
a 12 MB line 4.6 s.
Run: .venv/bin/python benchmarks/bench_sizes.py [--skip-12mb]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from ebookify import make_book, normalize_bytes, write_epub

SECONDS_PER_MB = 30
WORDS = ("the", "quick", "brown", "fox", "jumps", "over", "a", "lazy", "dog", "and", "then", "she", "said")


def _words(count: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(count))


def cases(with_12mb: bool) -> dict[str, tuple[str, float]]:
    """name: (the story's text, its size in MB for the bound)."""
    found = {
        "line-1mb": (_words(200_000, 1)[: 2**20], 1.0),
        "word-200k": (f"Before. {'abcdefghij' * 20_000} after.", 0.2),
        "para-100k": (_words(100_000, 2) + ".", 0.5),
        "tiny-paragraphs": ("\n\n".join(f"Line {n}." for n in range(100_000)), 1.0),
        "chapters-10k": (
            "\n\n".join(f"Chapter {n}\n\nThe text of chapter {n}." for n in range(1, 10_001)),
            0.5,
        ),
    }
    if with_12mb:
        found["line-12mb"] = ((_words(20_000, 3) + " ") * 140, 12.0)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-12mb", action="store_true", help="leave out the 12 MB line (the slowest)")
    args = parser.parse_args()
    over = 0
    with tempfile.TemporaryDirectory() as folder:
        for name, (text, megabytes) in cases(not args.skip_12mb).items():
            bound = SECONDS_PER_MB * max(megabytes, 1)
            start = time.perf_counter()
            story = normalize_bytes(f"Title: {name}\n\n{text}\n".encode(), f"{name}.txt")
            normalized = time.perf_counter() - start
            write_epub(make_book([story]), Path(folder) / f"{name}.epub")
            written = time.perf_counter() - start
            verdict = "met" if normalized < bound else "NOT met"
            sys.stdout.write(
                f"{name}: normalized {normalized:.2f} s (bound {bound:.0f} s: {verdict}), "
                f"with the EPUB {written:.2f} s\n"
            )
            over += normalized >= bound
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
