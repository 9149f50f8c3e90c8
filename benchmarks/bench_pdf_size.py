"""PDF size with each font face embedded once (render/pdf/fonts.py) against a program per part, same pages.

Usage: python benchmarks/bench_pdf_size.py [INPUT] [--jobs N]
Builds the book twice in this process: as ebookify writes it, and with the assembly's font sharing switched
off (each part keeping its own subsets, as before). Prints both sizes and whether the pages are the same
(page count, text, outline, pixels at 30 dpi). The issue's target is half the size; exit 1 when the pages
differ or the book did not get smaller, not for the target (fonts alone cannot reach it: docs/benchmarks.md).
Default input: the Katrine novel of the corpus when it is there, else Jack Sheppard.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ebookify import load_story, make_book  # noqa: E402
from ebookify.options import WriteOptions  # noqa: E402
from ebookify.render.pdf import render_pdf_bytes  # noqa: E402
from ebookify.render.pdf.fonts import SharedFonts  # noqa: E402
from tests.weasyprint_versions import differences  # noqa: E402

KATRINE = ROOT.parent / "shared" / "corpus" / "gutenberg" / "katrine-14263-8.txt"
JACK = ROOT / "tests" / "data" / "gutenberg" / "jack-sheppard-16215-8.txt"
TARGET = 0.5


def main() -> int:
    """Print both sizes and the comparison; 1 when the pages differ or nothing was saved."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("input", nargs="?", type=Path, default=KATRINE if KATRINE.exists() else JACK)
    parser.add_argument("--jobs", type=int, default=0)
    args = parser.parse_args()
    book = make_book([load_story(args.input)])
    options = WriteOptions(jobs=args.jobs)
    shared = render_pdf_bytes(book, options)
    share = SharedFonts.add_object
    SharedFonts.add_object = lambda self, obj: None  # type: ignore[method-assign]
    try:
        apart = render_pdf_bytes(book, options)
    finally:
        SharedFonts.add_object = share  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "apart.pdf").write_bytes(apart)
        (folder / "shared.pdf").write_bytes(shared)
        found = differences(folder / "apart.pdf", folder / "shared.pdf", folder)
    ratio = len(shared) / len(apart)
    print(f"{args.input.name}: a program per part {len(apart):,} bytes, one per face {len(shared):,} bytes")
    print(f"ratio {ratio:.3f} (issue target {TARGET}: {'met' if ratio <= TARGET else 'not met'})")
    print("pages: " + ("identical (text, outline, pixels at 30 dpi)" if not found else "; ".join(found[:5])))
    return 0 if not found and ratio < 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
