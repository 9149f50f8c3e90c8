"""PDF size as ebookify writes it against the same book with every size saving switched off, same pages.

Usage: python benchmarks/bench_pdf_size.py [INPUT] [--jobs N]
Builds the book twice in this process: as ebookify writes it, and with the savings switched off (each part
keeping its own font subsets as OpenType programs, WeasyPrint's hex text operations in two-byte codes,
three content streams a page deflated by zlib, the cover in 24-bit RGB): that second book is the PDF as
issue 18 measured it. With --no-word-spacing the first book keeps WeasyPrint's numbers around justified
spaces (ebookify moves them by Tw where poppler draws every glyph at the same place). Prints both
sizes, where the bytes are, and whether the pages are the same (page count, text, outline, pixels at
30 dpi). The issue's target is half the size; exit 1 when the pages differ or the book did not get
smaller, not for the target (docs/benchmarks.md says where the bytes that are left go).
Default input: the Katrine novel of the corpus when it is there, else Jack Sheppard.
"""

from __future__ import annotations

import argparse
import functools
import io
import sys
import tempfile
import zlib
from collections import Counter
from pathlib import Path
from typing import BinaryIO

import pikepdf
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ebookify import load_story, make_book  # noqa: E402
from ebookify.options import WriteOptions  # noqa: E402
from ebookify.render.pdf import deflate, furniture, merge, palette, render_pdf_bytes  # noqa: E402
from ebookify.render.pdf.fonts import SharedFonts  # noqa: E402
from ebookify.render.pdf.one_byte import plan_one_byte  # noqa: E402
from ebookify.render.pdf.weasy import compact  # noqa: E402
from tests.weasyprint_versions import differences  # noqa: E402

KATRINE = ROOT.parent / "shared" / "corpus" / "gutenberg" / "katrine-14263-8.txt"
JACK = ROOT / "tests" / "data" / "gutenberg" / "jack-sheppard-16215-8.txt"
TARGET = 0.5


def _three_streams(book: pikepdf.Pdf, page: pikepdf.Page, prefix: bytes, suffix: bytes) -> None:
    page.contents_add(pikepdf.Stream(book, prefix), prepend=True)
    page.contents_add(pikepdf.Stream(book, suffix), prepend=False)


def _save_at_default_level(book: pikepdf.Pdf, handle: BinaryIO, version: str) -> None:
    """merge.save_book before its object streams were deflated at level 9."""
    book.save(
        handle,
        min_version=version,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
        compress_streams=True,
        deterministic_id=True,
    )


def switched_off(patch: pytest.MonkeyPatch) -> None:
    """Every saving off: the book as it was written before them (the workers are forked: they inherit it)."""
    patch.setattr(SharedFonts, "add_object", lambda self, obj: None)
    patch.setattr(merge, "plan_one_byte", lambda book, programs: plan_one_byte(book, set()))
    patch.setattr(deflate, "_compressor", lambda: functools.partial(zlib.compress, level=9))
    patch.setattr(merge, "save_book", _save_at_default_level)
    patch.setattr(compact, "compact_operation", lambda operation: operation)
    patch.setattr(furniture, "wrap_contents", _three_streams)
    patch.setattr(palette, "to_palette", lambda image: False)


def where(data: bytes) -> Counter[str]:
    """Stream bytes (as stored) by kind, and what lies outside the streams."""
    found: Counter[str] = Counter()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        kinds: dict[tuple[int, int], str] = {}
        for page in pdf.pages:
            value = page.obj.get("/Contents")
            for stream in value if isinstance(value, pikepdf.Array) else [value]:
                if isinstance(stream, pikepdf.Stream):
                    kinds[stream.objgen] = "page content"
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
                for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                    if key in obj:
                        kinds[obj[key].objgen] = "font programs"
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                kind = kinds.get(obj.objgen) or _KINDS.get(str(obj.get("/Type")), "")
                kind = kind or _KINDS.get(str(obj.get("/Subtype")), "other streams (ToUnicode maps)")
                found[kind] += len(obj.read_raw_bytes())
    found["outside streams"] = len(data) - sum(found.values())
    return found


_KINDS = {
    "/ObjStm": "object streams",
    "/XRef": "cross-reference stream",
    "/Image": "images",
    "/Form": "forms",
}


def main() -> int:
    """Print both sizes, where the bytes are, the comparison; 1 when the pages differ or nothing was saved."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("input", nargs="?", type=Path, default=KATRINE if KATRINE.exists() else JACK)
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument(
        "--no-word-spacing", action="store_true", help="justified spaces keep their numbers (no Tw)"
    )
    args = parser.parse_args()
    book = make_book([load_story(args.input)])
    options = WriteOptions(jobs=args.jobs)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(merge.BookJoiner, "word_spacing", not args.no_word_spacing)
        small = render_pdf_bytes(book, options)
    with pytest.MonkeyPatch.context() as patch:
        switched_off(patch)
        patch.setattr(merge.BookJoiner, "word_spacing", False)
        before = render_pdf_bytes(book, options)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "before.pdf").write_bytes(before)
        (folder / "small.pdf").write_bytes(small)
        found = differences(folder / "before.pdf", folder / "small.pdf", folder)
    ratio = len(small) / len(before)
    print(f"{args.input.name}: savings off {len(before):,} bytes, as written {len(small):,} bytes")
    old, new = where(before), where(small)
    for kind in sorted(set(old) | set(new), key=lambda k: -old[k]):
        print(f"  {kind:<24} {old[kind]:>10,} {new[kind]:>10,}")
    print(f"ratio {ratio:.3f} (issue target {TARGET}: {'met' if ratio <= TARGET else 'not met'})")
    print("pages: " + ("identical (text, outline, pixels at 30 dpi)" if not found else "; ".join(found[:5])))
    return 0 if not found and ratio < 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
