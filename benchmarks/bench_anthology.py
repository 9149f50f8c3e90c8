"""Anthology benchmark: 100 generated stories (~2 million words) to one EPUB and one PDF, time and peak RSS.

Usage: python benchmarks/bench_anthology.py [--stories 100] [--words 20000] [--no-pdf]
The stories are generated from the bundled corpus (shuffled paragraphs with fan-fiction headers, chapters and
scene breaks) into a temporary folder; nothing is committed. Targets: EPUB <= 10 s and <= 500 MB peak RSS.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from pathlib import Path

from measure import measure

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
EBOOKIFY = [sys.executable, "-m", "ebookify"]


def corpus_paragraphs() -> list[str]:
    """Paragraphs of the bundled novels, unwrapped, as the raw material for generated stories."""
    paragraphs: list[str] = []
    for path in sorted((DATA / "gutenberg").glob("*.txt")):
        text = path.read_bytes().decode("latin-1").replace("\r\n", "\n")
        for block in re.split(r"\n\s*\n", text):
            joined = " ".join(block.split())
            if len(joined.split()) >= 12:
                paragraphs.append(joined)
    return paragraphs


def make_story(number: int, words: int, pool: list[str], rng: random.Random) -> str:
    """One story: a header, an author's note, chapters of shuffled paragraphs with scene breaks."""
    lines = [
        f"Title: Generated Story {number}",
        f"Author: Writer {number % 17}",
        "Rating: T",
        "Genre: Romance/Hurt/Comfort",
        f"Summary: Story number {number} of the benchmark anthology.",
        "",
        "A/N: Thanks for reading!",
        "",
    ]
    count, chapter = 0, 0
    while count < words:
        chapter += 1
        lines += [f"Chapter {chapter}", ""]
        for index in range(40):
            paragraph = rng.choice(pool)
            lines += [paragraph, ""]
            count += len(paragraph.split())
            if index == 20:
                lines += ["* * *", ""]
    return "\n".join(lines)


def pdf_pages(folder: Path) -> str:
    """The page count of the anthology's PDF, as a reader sees it ("?" when there is none)."""
    import pikepdf

    try:
        with pikepdf.Pdf.open(folder / "anthology.pdf") as pdf:
            return f"{len(pdf.pages):,}"
    except (OSError, pikepdf.PdfError):
        return "?"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--stories", type=int, default=100)
    parser.add_argument("--words", type=int, default=20000)
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()
    rng = random.Random(7)
    pool = corpus_paragraphs()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        total = 0
        for number in range(1, args.stories + 1):
            story = make_story(number, args.words, pool, rng)
            total += len(story.split())
            (folder / f"story-{number:03d}.txt").write_text(story, encoding="utf-8")
        inputs = sorted(str(p) for p in folder.glob("*.txt"))
        megabytes = sum(Path(p).stat().st_size for p in inputs) / 1e6
        print(f"{args.stories} stories, {total:,} words, {megabytes:.1f} MB")
        epub = measure([*EBOOKIFY, *inputs, "-o", str(folder / "anthology.epub"), "-q", "--title", "Bench"])
        print(f"EPUB: {epub.seconds:.2f} s, peak RSS {epub.peak_rss_mb:.0f} MB, exit {epub.returncode}")
        if not args.no_pdf:
            pdf = measure([*EBOOKIFY, *inputs, "-o", str(folder / "anthology.pdf"), "-q", "--title", "Bench"])
            rss = f"peak RSS {pdf.peak_rss_mb:.0f} MB (largest process)"
            print(f"PDF:  {pdf.seconds:.2f} s, {rss}, exit {pdf.returncode}, {pdf_pages(folder)} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
