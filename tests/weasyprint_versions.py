"""The oldest WeasyPrint and pydyf that pyproject allows, and a check that they make the newest's books.

`make test` builds a second venv with the oldest allowed versions, runs the PDF tests there, then:

    python -m tests.weasyprint_versions pins                    # "weasyprint==70 pydyf==0.11", from pyproject
    python -m tests.weasyprint_versions compare OLD_VENV NEW_VENV

`compare` writes the same PDFs with each venv's `ebookify` and fails unless their pages hold the same text
(pdftotext, page by page), the same outline and the same pixels (pdftoppm, grey, 30 dpi); two files of the
same bytes are the same book without reading them. It refuses to compare
two venvs with the same WeasyPrint and pydyf, or an old venv not on the pinned versions: it never skips.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
PINNED = ("weasyprint", "pydyf")
# The books compared: the two demo stories (cover, metadata page, a short contents) and a novel of 483 pages
# (laid out in parallel parts, a contents of 40 entries, running heads and folios stamped by the assembly).
BOOKS = (
    ROOT / "examples" / "goodbye-my-almost-lover.txt",
    ROOT / "examples" / "change-of-plans.txt",
    ROOT / "tests" / "data" / "gutenberg" / "jack-sheppard-16215-8.txt",
)
DPI = 30
_LOWER = re.compile(r"^\s*([A-Za-z0-9_.-]+)\s*(?:\[[^]]*\])?\s*[^;]*?>=\s*([0-9][0-9.]*)")


def oldest_pins(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """`name==lower` for each pinned package, its lower bound read from the project's dependencies."""
    dependencies = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    lowest = {}
    for requirement in dependencies:
        found = _LOWER.match(requirement)
        if found and found.group(1).lower() in PINNED:
            lowest[found.group(1).lower()] = found.group(2)
    missing = [name for name in PINNED if name not in lowest]
    if missing:
        raise SystemExit(f"pyproject.toml gives no lower bound (>=) for {', '.join(missing)}")
    return [f"{name}=={lowest[name]}" for name in PINNED]


def installed_versions(venv: Path) -> dict[str, str]:
    """The WeasyPrint and pydyf versions a venv's Python imports."""
    code = "import weasyprint, pydyf; print(weasyprint.__version__, pydyf.__version__)"
    python = str(venv / "bin" / "python")
    out = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout
    weasy, dyf = out.split()
    return {"weasyprint": weasy, "pydyf": dyf}


def _same_release(version: str, pin: str) -> bool:
    """'69.0' is the release of the pin '69', '0.11.0' of '0.11'."""
    wanted = [int(n) for n in pin.split(".")]
    have = [int(n) for n in re.findall(r"\d+", version)[: max(len(wanted), 1)]]
    return have + [0] * (len(wanted) - len(have)) == wanted


def page_pixels(pdf: Path, folder: Path) -> list[bytes]:
    """Every page rendered grey at DPI, as PGM bytes (uncompressed: equal bytes are equal pixels)."""
    prefix = folder / pdf.stem
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), str(pdf), str(prefix)], check=True)
    return [page.read_bytes() for page in sorted(folder.glob(f"{pdf.stem}-*.pgm"))]


def _outline(reader: PdfReader) -> list[str]:
    """The bookmarks' titles in order, nested ones included."""
    titles: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(getattr(item, "title", item)))

    walk(list(reader.outline))
    return titles


def page_texts(pdf: Path) -> list[str]:
    """The text of every page (pdftotext, reading order): pypdf took 20 s of CPU for the novel's 480 pages."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def differences(old: Path, new: Path, folder: Path) -> list[str]:
    """What differs between two PDFs of the same book: pages, text, outline, pixels; empty when none."""
    if old.read_bytes() == new.read_bytes():
        return []  # the same file: the same pages, text, outline and pixels (both venvs' books are, today)
    old_reader, new_reader = PdfReader(old), PdfReader(new)
    if len(old_reader.pages) != len(new_reader.pages):
        return [f"{len(old_reader.pages)} pages against {len(new_reader.pages)}"]
    found = [
        f"page {number}: the text differs"
        for number, (a, b) in enumerate(zip(page_texts(old), page_texts(new), strict=False), start=1)
        if a != b
    ]
    if _outline(old_reader) != _outline(new_reader):
        found.append("the outline differs")
    (folder / "old").mkdir()
    (folder / "new").mkdir()
    old_pages, new_pages = page_pixels(old, folder / "old"), page_pixels(new, folder / "new")
    if len(old_pages) != len(new_pages) or not old_pages:
        found.append(f"pdftoppm rendered {len(old_pages)} pages against {len(new_pages)}")
    found += [
        f"page {number}: the pixels differ at {DPI} dpi"
        for number, (a, b) in enumerate(zip(old_pages, new_pages, strict=False), start=1)
        if a != b
    ]
    return found


def _build(venv: Path, source: Path, target: Path) -> None:
    """The PDF of one story, written by the venv's own ebookify."""
    subprocess.run([str(venv / "bin" / "ebookify"), str(source), "-o", str(target), "-q"], check=True)


def compare(old_venv: Path, new_venv: Path) -> int:
    """Build every book with both venvs and report each difference; 1 when any, or when the check is void."""
    old, new = installed_versions(old_venv), installed_versions(new_venv)
    pins = dict(pin.split("==") for pin in oldest_pins())
    pinned = " ".join(oldest_pins())
    print(f"old venv: WeasyPrint {old['weasyprint']}, pydyf {old['pydyf']} (pinned {pinned})")
    print(f"new venv: WeasyPrint {new['weasyprint']}, pydyf {new['pydyf']}")
    wrong = [name for name, pin in pins.items() if not _same_release(old[name], pin)]
    if wrong:
        print(f"FAILED: the old venv is not on the oldest allowed {', '.join(wrong)}")
        return 1
    if old == new:
        print("FAILED: both venvs have the same WeasyPrint and pydyf: nothing would be compared")
        return 1
    failures = 0
    with tempfile.TemporaryDirectory(prefix="ebookify-weasyprint-versions-") as name:
        for number, source in enumerate(BOOKS):
            folder = Path(name) / str(number)
            folder.mkdir()
            _build(old_venv, source, folder / "old.pdf")
            _build(new_venv, source, folder / "new.pdf")
            found = differences(folder / "old.pdf", folder / "new.pdf", folder)
            pages = len(PdfReader(folder / "new.pdf").pages)
            print(f"{source.name}: {pages} pages, {'identical' if not found else 'DIFFERENT'}")
            for line in found[:20]:
                print(f"  {line}")
            failures += bool(found)
    print(f"{len(BOOKS) - failures} passed, {failures} failed")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    """The command line: `pins` or `compare OLD_VENV NEW_VENV`."""
    parser = argparse.ArgumentParser(prog="python -m tests.weasyprint_versions", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("pins", help="print the oldest allowed versions as pip requirements")
    both = commands.add_parser("compare", help="compare the PDFs of the two venvs")
    both.add_argument("old_venv", type=Path)
    both.add_argument("new_venv", type=Path)
    args = parser.parse_args(argv)
    if args.command == "pins":
        print(" ".join(oldest_pins()))
        return 0
    return compare(args.old_venv, args.new_venv)


if __name__ == "__main__":
    sys.exit(main())
