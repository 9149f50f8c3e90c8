"""Checks the facts a human reader wrote about a real text (tests/data/real/expected/*.json) in-process.

The facts use the format of the shared corpus checker (`../shared/corpus/tools/check_expectations.py`):
metadata, chapters, chapter_titles, parts, scene_breaks, paragraphs, verse_blocks, first_paragraph_starts,
paragraph_starts, stanzas, same_line, thoughts, not_thoughts, thoughts_at_least/most, emphasized, front_notes,
end_notes, body_includes, body_excludes, source_words. Each is judged the way the checker judges it, on
`story_to_dict(load_story(path))` instead of the output of `ebookify inspect --json`. One difference: the
body text of body_includes, body_excludes and source_words also holds sub-headings (sections' titles,
datelines), which the book prints and the shared checker, knowing only paragraphs and verse, does not see.

Every fact has a stable key (the file and what a reader expects) and, when it fails, a detail (what the
normalizer gave), printed as `KEY (got DETAIL)`. tests/data/real/known_failures.txt lists the facts that fail
today, one message a line; they are matched by key, so a changed detail does not matter but a fixed fact does.

    python -m tests.facts                            every failing fact, then "N passed, M failed"
    python -m tests.facts --update-known-failures    rewrite known_failures.txt from today's failures
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ebookify.inspect import story_to_dict
from ebookify.model import Story
from ebookify.normalize.pipeline import load_story

REAL = Path(__file__).parent / "data" / "real"
EXPECTED = REAL / "expected"
KNOWN_FAILURES = REAL / "known_failures.txt"

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2026": "...",
        "\u2014": "--",
        "\u2013": "-",
        "\u00a0": " ",
    }
)
_DETAIL = re.compile(r" \(got .*\)$", re.DOTALL)

Block = dict[str, Any]


@dataclass(frozen=True)
class Fact:
    """One fact about one text: a stable key, whether it holds, and what was seen when it does not."""

    key: str
    ok: bool
    detail: str = ""

    @property
    def message(self) -> str:
        """The line printed for a failing fact (and kept in known_failures.txt)."""
        return f"{self.key} (got {self.detail})" if self.detail else self.key


def key_of(message: str) -> str:
    """The stable key of a printed message: the message without its trailing '(got ...)' detail."""
    return _DETAIL.sub("", message.strip())


def norm(text: str) -> str:
    """Compare text the way a reader does: ignore quote style, dashes and spacing."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip().lower()


def words(text: str) -> list[str]:
    """The words of a text, for the no-word-lost count."""
    return re.findall(r"[a-z0-9]+", norm(text).replace("'", ""))


def block_text(block: Block) -> str:
    """A paragraph's text, or a verse block's lines joined by line breaks."""
    if block.get("type") == "verse":
        return "\n".join(
            "".join(span["text"] for span in line.get("spans", [])) for line in block.get("lines", [])
        )
    return "".join(span["text"] for span in block.get("spans", []))


def lines_of(text: str) -> list[str]:
    """A block's lines, compared the way a reader does, line breaks kept."""
    return [norm(line) for line in text.translate(_QUOTES).split("\n") if line.strip()]


def flat(blocks: Iterable[Block]) -> list[Block]:
    """Blocks with each quote block (a letter, an e-mail, a quoted document) replaced by its blocks."""
    out: list[Block] = []
    for block in blocks:
        out.extend(flat(block.get("blocks", [])) if block.get("type") == "quote" else [block])
    return out


def read_source(path: Path) -> str:
    """A source file's text for the word count, decoded as the checker decodes it."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


class _Story:
    """The views of one normalized story that the facts look at."""

    def __init__(self, story: dict[str, Any]) -> None:
        self.meta: dict[str, Any] = story.get("metadata", {})
        self.chapters: list[dict[str, Any]] = story.get("chapters", [])
        self.body = [b for ch in self.chapters for b in flat(ch.get("blocks", []))]
        self.paras = [b for b in self.body if b.get("type") == "paragraph"]
        texts = [b for b in self.body if b.get("type") in ("paragraph", "verse")]
        self.block_lines = [lines_of(block_text(b)) for b in texts]
        self.para_texts = [norm(block_text(b)) for b in self.paras]
        spans = [s for b in self.paras for s in b.get("spans", [])]
        self.thoughts = [norm(s["text"]) for s in spans if s.get("style") == "thought"]
        self.styled = [norm(s["text"]) for s in spans if s.get("style", "plain") != "plain"]
        self.front = " ".join(norm(block_text(b)) for b in story.get("front_notes", []))
        self.end = " ".join(norm(block_text(b)) for b in story.get("end_notes", []))
        # A sub-heading (a section's title, a dateline) is body text a reader sees, though no paragraph.
        seen = [b for b in self.body if b.get("type") in ("paragraph", "verse", "subheading")]
        self.body_text = " ".join(norm(block_text(b)) for b in seen)

    def count(self, kind: str) -> int:
        return sum(1 for b in self.body if b.get("type") == kind)

    def all_text(self) -> str:
        """Everything a reader can see, for the no-word-lost count."""
        return " ".join(
            [
                *(str(v) for v in self.meta.get("fields", {}).values()),
                self.front,
                self.end,
                str(self.meta.get("title") or ""),
                *(str(a) for a in self.meta.get("authors") or []),
                *(ch.get("title") or "" for ch in self.chapters),
                *(ch.get("part") or "" for ch in self.chapters),
                *(norm(block_text(b)) for ch in self.chapters for b in ch.get("notes", [])),
                self.body_text,
            ]
        )


def _names(want: str, got: str | None) -> bool:
    """Whether a heading names what a reader expects (whole words, any case and quote style)."""
    return re.search(rf"(?<![a-z0-9]){re.escape(norm(want))}(?![a-z0-9])", norm(got or "")) is not None


def _holds_stanza(want_lines: list[str], lines: list[str]) -> bool:
    for i in range(len(lines) - len(want_lines) + 1):
        if all(lines[i + k].startswith(w) for k, w in enumerate(want_lines)):
            return True
    return False


def _range(want: int | list[int]) -> tuple[int, int]:
    return (want, want) if isinstance(want, int) else (want[0], want[1])


def _metadata_facts(exp: dict[str, Any], s: _Story) -> Iterator[Fact]:
    for key, want in exp.get("metadata", {}).items():
        got = s.meta.get(key)
        if isinstance(want, list):
            got_list = [norm(str(g)) for g in (got or [])]
            ok = all(norm(w) in got_list for w in want)
            yield Fact(f"metadata.{key}: want {want}", ok, repr(got))
        else:
            options = want["one_of"] if isinstance(want, dict) else [want]
            ok = got is not None and any(norm(str(got)).rstrip(". ") == norm(w).rstrip(". ") for w in options)
            yield Fact(f"metadata.{key}: want {want!r}", ok, repr(got))


def _structure_facts(exp: dict[str, Any], s: _Story) -> Iterator[Fact]:
    if "chapters" in exp:
        low, high = _range(exp["chapters"])
        yield Fact(f"chapters: want {exp['chapters']}", low <= len(s.chapters) <= high, str(len(s.chapters)))
    for part in exp.get("parts", []):
        ok = any(_names(part, ch.get("part")) for ch in s.chapters)
        yield Fact(f"no chapter in a part titled {part!r}", ok)
    for title in exp.get("chapter_titles", []):
        ok = any(_names(title, ch.get("title")) for ch in s.chapters)
        yield Fact(f"no chapter titled {title!r}", ok)
    for kind, label in (("scene_break", "scene_breaks"), ("verse", "verse blocks")):
        field = "scene_breaks" if kind == "scene_break" else "verse_blocks"
        if field in exp:
            low, high = exp[field]
            got = s.count(kind)
            yield Fact(f"{label}: want {low}..{high}", low <= got <= high, str(got))
    if "paragraphs" in exp:
        low, high = exp["paragraphs"]
        yield Fact(f"paragraphs: want {low}..{high}", low <= len(s.paras) <= high, str(len(s.paras)))


def _text_facts(exp: dict[str, Any], s: _Story) -> Iterator[Fact]:
    if "first_paragraph_starts" in exp:
        first = s.para_texts[0] if s.para_texts else ""
        want_first = norm(exp["first_paragraph_starts"]).lstrip("\"'(")
        ok = first.lstrip("\"'(").startswith(want_first)
        yield Fact(f"story should begin {want_first!r}", ok, repr(first[:60]))
    for stanza in exp.get("stanzas", []):
        want_lines = [norm(line) for line in stanza]
        ok = any(_holds_stanza(want_lines, lines) for lines in s.block_lines)
        yield Fact(f"lines not kept together as verse: {stanza[:2]}", ok)
    for phrase in exp.get("same_line", []):
        p = norm(phrase)
        ok = any(p in line for lines in s.block_lines for line in lines)
        yield Fact(f"a line break or paragraph break inside {phrase!r}", ok)
    for phrase in exp.get("paragraph_starts", []):
        p = norm(phrase).lstrip("\"'(")
        ok = any(t.lstrip("\"'(").startswith(p) for t in s.para_texts)
        yield Fact(f"no paragraph starts with {phrase!r}", ok)
    for phrase in exp.get("body_excludes", []):
        yield Fact(f"body should not contain {phrase!r}", norm(phrase) not in s.body_text)
    for phrase in exp.get("body_includes", []):
        yield Fact(f"body lost {phrase!r}", norm(phrase) in s.body_text)
    for phrase in exp.get("front_notes", []):
        p = norm(phrase)
        yield Fact(f"not a front note: {phrase!r}", p in s.front and p not in s.body_text)
    for phrase in exp.get("end_notes", []):
        p = norm(phrase)
        yield Fact(f"not an end note: {phrase!r}", p in s.end and p not in s.body_text)


def _inline_facts(exp: dict[str, Any], s: _Story) -> Iterator[Fact]:
    for phrase in exp.get("thoughts", []):
        yield Fact(f"not italicized as a thought: {phrase!r}", any(norm(phrase) in t for t in s.thoughts))
    for phrase in exp.get("emphasized", []):
        yield Fact(f"not italicized: {phrase!r}", any(norm(phrase) in t for t in s.styled))
    for phrase in exp.get("not_thoughts", []):
        ok = not any(norm(phrase) in t for t in s.thoughts)
        yield Fact(f"wrongly italicized as a thought: {phrase!r}", ok)
    if "thoughts_at_least" in exp:
        least = exp["thoughts_at_least"]
        yield Fact(f"thought spans: want >= {least}", len(s.thoughts) >= least, str(len(s.thoughts)))
    if "thoughts_at_most" in exp:
        most = exp["thoughts_at_most"]
        yield Fact(f"thought spans: want <= {most}", len(s.thoughts) <= most, str(len(s.thoughts)))


def _word_facts(exp: dict[str, Any], s: _Story, folder: Path) -> Iterator[Fact]:
    if "source_words" not in exp:
        return
    source = read_source(folder / exp["source_words"])
    for marker in exp.get("dropped_markers", []):
        source = source.replace(marker, " ")
    want = collections.Counter(words(source))
    lost = want - collections.Counter(words(s.all_text()))
    total, missing = sum(want.values()), sum(lost.values())
    ok = missing <= max(2, total // 500)
    yield Fact("no words lost", ok, f"{missing} of {total} lost: {list(lost.elements())[:12]}")


_CHECKS: tuple[Callable[[dict[str, Any], _Story], Iterator[Fact]], ...] = (
    _metadata_facts,
    _structure_facts,
    _text_facts,
    _inline_facts,
)


def check(expected_file: Path) -> list[Fact]:
    """Every fact of one facts file, judged on the normalizer's model of its input."""
    exp = json.loads(expected_file.read_text(encoding="utf-8"))
    return check_story(expected_file, exp, load_story(expected_file.parent / exp["input"]))


def check_story(expected_file: Path, exp: dict[str, Any], model: Story) -> list[Fact]:
    """Every fact of one facts file (`exp`, read from `expected_file`), judged on a model of its input."""
    story = _Story(story_to_dict(model))
    facts = [fact for judge in _CHECKS for fact in judge(exp, story)]
    facts += _word_facts(exp, story, expected_file.parent)
    return [Fact(f"{expected_file.name}: {f.key}", f.ok, f.detail) for f in facts]


def facts_files() -> list[Path]:
    """The facts files of the real texts, in name order."""
    return sorted(EXPECTED.glob("*.json"))


def read_known_failures(path: Path = KNOWN_FAILURES) -> list[str]:
    """The keys of the facts recorded as failing (comment and blank lines skipped)."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [key_of(line) for line in lines if line.strip() and not line.startswith("#")]


_HEADER = (
    "# Facts about tests/data/real that fail today, one message a line,\n"
    "# matched without the '(got ...)' detail.\n"
    "# Regenerate after the rules improve: python -m tests.facts --update-known-failures\n"
    "# (tests/test_real_texts.py fails when a listed fact passes, so this list can only shrink.)\n"
)


def write_known_failures(facts: Iterable[Fact], path: Path = KNOWN_FAILURES) -> int:
    """Rewrite the list of failing facts; returns how many there are."""
    failing = [f.message for f in facts if not f.ok]
    path.write_text(_HEADER + "".join(line + "\n" for line in failing), encoding="utf-8")
    return len(failing)


def main(argv: list[str] | None = None) -> int:
    """Print every failing fact and the totals; with --update-known-failures, also rewrite the list."""
    parser = argparse.ArgumentParser(prog="python -m tests.facts", description=__doc__.splitlines()[0])
    parser.add_argument("--update-known-failures", action="store_true", help="rewrite known_failures.txt")
    parser.add_argument("files", nargs="*", type=Path, help="facts files (default: all of tests/data/real)")
    args = parser.parse_args(argv)
    if args.update_known_failures and args.files:
        parser.error("--update-known-failures rewrites the list for every text: give no files")
    files: list[Path] = args.files or facts_files()
    facts = [fact for path in files for fact in check(path)]
    failing = [f for f in facts if not f.ok]
    out = sys.stdout
    for fact in failing:
        out.write(fact.message + "\n")
    out.write(f"{len(facts) - len(failing)} passed, {len(failing)} failed\n")
    if args.update_known_failures:
        before = collections.Counter(read_known_failures())
        after = collections.Counter(f.key for f in failing)
        write_known_failures(facts)
        out.write(
            f"known_failures.txt: {sum(after.values())} failing facts listed (was {sum(before.values())})\n"
        )
        out.write(f"fixed since the last list: {sum((before - after).values())}\n")
        for key in (after - before).elements():
            # A fact that held before and fails now is a regression: the list grows, say so loudly.
            out.write(f"NEWLY FAILING (held before): {key}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
