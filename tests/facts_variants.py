"""Checks that each real text's facts hold on the same text as users receive it: other encodings and layouts.

A story reaches a user saved from Word on Windows (Windows-1252, CRLF), from an old Mac (Latin-1, CR), as
UTF-16, with a byte-order mark, as mojibake (UTF-8 once read as Windows-1252 and saved again), with trailing
spaces, with tabs for indentation, or hard-wrapped by a text archive. For every real text with facts
(tests/data/real/expected and, when it is there, the shared corpus ../shared/corpus/expected), each variant
is made in memory from the text the normalizer decodes, and every fact that holds on the original must hold
on the variant too, except the facts a variant truly changes (named with the reason in VARIANTS).

    python -m tests.facts_variants                   each fact a variant breaks, then the totals
    python -m tests.facts_variants --variant wrap72  only some variants (repeat the option)
    python -m tests.facts_variants FILE.json ...     only some texts
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ebookify.normalize.decode.decode import decode_bytes
from ebookify.normalize.markup.read import read_markup
from ebookify.normalize.pipeline import normalize_bytes, read_input
from tests.facts import EXPECTED, Fact, check_story

SHARED_EXPECTED = Path(__file__).parent.parent.parent / "shared" / "corpus" / "expected"


@dataclass(frozen=True)
class Source:
    """One real text: its facts file, its facts, its input file and the text the normalizer decodes."""

    expected: Path
    facts: dict[str, Any]
    path: Path
    text: str
    marked: bool
    """Whether the text is read as Markdown or HTML (where two trailing spaces are a line break)."""


def read_source(expected: Path) -> Source:
    """A facts file and the decoded text of its input."""
    facts = json.loads(expected.read_text(encoding="utf-8"))
    path = expected.parent / facts["input"]
    text = decode_bytes(read_input(path), str(path)).text
    return Source(expected, facts, path, text, read_markup(text).description != "plain text")


def _encoded(text: str, codec: str, line_end: str) -> bytes | None:
    try:
        return text.replace("\n", line_end).encode(codec)
    except UnicodeEncodeError:
        return None  # the text does not fit the code page: no one could have saved it so


def _mojibake(source: Source) -> bytes | None:
    if source.text.isascii():
        return None  # ASCII reads the same in both codecs: nothing to damage
    # As the shared corpus makes it: cp1252's five undefined bytes become U+FFFD, a lossy damage.
    return source.text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")


_TRAILING = (" ", "  ", "\t", "   ", " \t")


def _trailing_spaces(source: Source) -> bytes:
    lines = source.text.split("\n")
    return "\n".join(line + _TRAILING[n % len(_TRAILING)] for n, line in enumerate(lines)).encode("utf-8")


_LEADING = re.compile(r"^[ \t]+", re.MULTILINE)


def _tabs(source: Source) -> bytes | None:
    """Leading spaces as tabs every 8 columns, as `unexpand` writes them."""
    if not re.search(r"^ {8}", source.text, re.MULTILINE):
        return None  # no line is indented 8 spaces: the variant would be the text itself

    def tabbed(match: re.Match[str]) -> str:
        width = len(match.group().expandtabs(8))
        return "\t" * (width // 8) + " " * (width % 8)

    return _LEADING.sub(tabbed, source.text).encode("utf-8")


# A text is a paste of one line per paragraph when this share of its non-blank lines is longer than
# _LONG_LINE: no hard-wrapped text has lines that long (wrapped texts in the corpora: 0-1%; pastes 27-97%).
_LONG_SHARE = 0.2
_LONG_LINE = 100


def one_line_paragraphs(text: str) -> bool:
    """Whether the text's paragraphs are single long lines (a paste, not a hard-wrapped file)."""
    lines = [line for line in text.split("\n") if line.strip()]
    return sum(len(line) > _LONG_LINE for line in lines) >= _LONG_SHARE * max(len(lines), 1)


_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)\n.*?\n\1\n", re.DOTALL)


def hard_wrap(text: str, width: int) -> str:
    """Every one-line paragraph longer than `width` wrapped at `width` columns, as an old text archive does
    (the shared corpus's tools/make_variants.py). Front matter (YAML opening a Markdown file) is data a
    converter wrote, not the pasted text: wrapping its values would change their meaning, so it is kept."""
    front = _FRONT_MATTER.match(text)
    head, body = (text[: front.end()], text[front.end() :]) if front else ("", text)
    out = []
    for para in body.split("\n\n"):
        out.append("\n".join(textwrap.wrap(para, width)) if "\n" not in para and len(para) > width else para)
    return head + "\n\n".join(out)


def _wrapped(width: int) -> Callable[[Source], bytes | None]:
    def make(source: Source) -> bytes | None:
        return hard_wrap(source.text, width).encode("utf-8") if one_line_paragraphs(source.text) else None

    return make


@dataclass(frozen=True)
class Variant:
    """One way a text reaches users: how to make it (None where it does not apply), the facts it changes."""

    name: str
    make: Callable[[Source], bytes | None]
    changes: tuple[str, ...] = ()
    """Starts of the fact keys the variant truly changes: those facts are not checked on it."""


# A re-wrap puts line breaks inside a long verse line or a kept line (a same_line phrase) as the source's
# author never did: the breaks are the variant's, and no reader could tell them from the author's.
_REWRAPPED = ("a line break or paragraph break inside", "lines not kept together as verse")

VARIANTS: tuple[Variant, ...] = (
    Variant("cp1252-crlf", lambda s: _encoded(s.text, "cp1252", "\r\n")),
    Variant("latin1-cr", lambda s: _encoded(s.text, "latin-1", "\r")),
    Variant("utf16-bom", lambda s: b"\xff\xfe" + s.text.encode("utf-16-le")),
    Variant("utf8-bom", lambda s: b"\xef\xbb\xbf" + s.text.encode("utf-8")),
    Variant("mojibake", _mojibake),
    Variant("trailing-spaces", _trailing_spaces),
    Variant("tabs", _tabs),
    Variant("wrap72", _wrapped(72), _REWRAPPED),
    Variant("wrap65", _wrapped(65), _REWRAPPED),
)


@dataclass(frozen=True)
class Outcome:
    """What one variant of one text gave: the facts checked and the ones it broke."""

    text: str
    variant: str
    checked: int
    broken: tuple[Fact, ...]


def _model_facts(source: Source, data: bytes) -> list[Fact]:
    return check_story(source.expected, source.facts, normalize_bytes(data, str(source.path)))


def compare(original: list[Fact], varied: list[Fact], changes: Iterable[str]) -> tuple[int, list[Fact]]:
    """How many of the original's passing facts were checked on the variant, and which of them fail."""
    skipped = tuple(changes)
    pairs = zip(original, varied, strict=True)
    # A key is "FILE.json: what a reader expects": the kind of fact is told by the part after the file.
    checked = [(o, v) for o, v in pairs if o.ok and not v.key.split(": ", 1)[-1].startswith(skipped)]
    return len(checked), [v for _, v in checked if not v.ok]


def check_variants(
    expected: Path, names: Iterable[str] = (), variants: Iterable[Variant] = VARIANTS
) -> list[Outcome]:
    """Every variant of one text that applies (those named, by default all), compared with the original."""
    source = read_source(expected)
    original = _model_facts(source, read_input(source.path))
    outcomes = []
    for variant in (v for v in variants if not names or v.name in names):
        data = variant.make(source)
        if data is None:
            continue
        checked, broken = compare(original, _model_facts(source, data), variant.changes)
        outcomes.append(Outcome(expected.stem, variant.name, checked, tuple(broken)))
    return outcomes


def all_facts_files(shared: Path | None = SHARED_EXPECTED) -> list[Path]:
    """Our real texts' facts files, then the shared corpus's (without its variants: they are made here)."""
    files = sorted(EXPECTED.glob("*.json"))
    if shared is not None and shared.is_dir():
        for path in sorted(shared.glob("*.json")):
            if "/variants/" not in json.loads(path.read_text(encoding="utf-8"))["input"]:
                files.append(path)
    return files


def _run(files: list[Path], names: tuple[str, ...], jobs: int) -> Iterator[Outcome]:
    if jobs <= 1:
        for path in files:
            yield from check_variants(path, names)
        return
    with ProcessPoolExecutor(jobs) as pool:
        for outcomes in pool.map(check_variants, files, [names] * len(files)):
            yield from outcomes


def main(argv: list[str] | None = None) -> int:
    """Print every fact a variant breaks and the totals per variant; exit 1 when any fact broke."""
    parser = argparse.ArgumentParser(
        prog="python -m tests.facts_variants", description=__doc__.splitlines()[0]
    )
    names = [variant.name for variant in VARIANTS]
    parser.add_argument("--variant", action="append", choices=names, help="check only this variant")
    parser.add_argument("--jobs", type=int, default=1, help="texts checked at once (default 1)")
    parser.add_argument(
        "files", nargs="*", type=Path, help="facts files (default: ours and the shared corpus)"
    )
    args = parser.parse_args(argv)
    chosen = tuple(args.variant or names)
    totals: dict[str, list[int]] = {name: [0, 0, 0] for name in chosen}
    out = sys.stdout
    for outcome in _run(args.files or all_facts_files(), chosen, args.jobs):
        for fact in outcome.broken:
            out.write(f"[{outcome.variant}] {fact.message}\n")
        counts = totals[outcome.variant]
        counts[0] += 1
        counts[1] += outcome.checked
        counts[2] += len(outcome.broken)
    for name, (texts, checked, broken) in totals.items():
        out.write(f"{name:16} {texts:3} texts, {checked:5} facts checked, {broken:3} broken\n")
    texts, checked, broken = (sum(c[i] for c in totals.values()) for i in range(3))
    out.write(f"total: {texts} variant texts, {checked - broken} passed, {broken} failed\n")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
