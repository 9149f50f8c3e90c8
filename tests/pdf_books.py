"""Books built by hand for the PDF tests (independent of the normalizer), and PDF text helpers."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from ebookify import Book, Chapter, Metadata, Paragraph, SceneBreak, Span, Story, make_book

from .conftest import DATA

JACK = DATA / "gutenberg" / "jack-sheppard-16215-8.txt"
_CHAPTER = re.compile(r"CHAPTER [IVXLC]+\.")


def jack_sheppard() -> Book:
    """The Gutenberg novel cut at its "CHAPTER N." lines; the next paragraph joins the heading."""
    text = JACK.read_bytes().decode("latin-1").replace("\r\n", "\n")
    body = text.split("*** START OF THIS PROJECT GUTENBERG EBOOK JACK SHEPPARD ***")[1]
    body = body.split("*** END OF THIS PROJECT GUTENBERG EBOOK")[0]
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
    start = paragraphs.index("CHAPTER I.")
    chapters: list[Chapter] = []
    title: str | None = None
    blocks: list[Paragraph | SceneBreak] = []
    pending = False
    for paragraph in paragraphs[start:]:
        if _CHAPTER.fullmatch(paragraph):
            if title is not None:
                chapters.append(Chapter(title, tuple(blocks)))
            title, blocks, pending = paragraph, [], True
        elif pending:
            title, pending = f"{title} {paragraph}", False
        else:
            spans = tuple(
                Span(t, "emphasis" if i % 2 else "plain") for i, t in enumerate(paragraph.split("_")) if t
            )
            blocks.append(Paragraph(spans))
    assert title is not None
    chapters.append(Chapter(title, tuple(blocks)))
    meta = Metadata(
        title="Jack Sheppard",
        authors=("William Harrison Ainsworth",),
        summary="A romance of the eighteenth-century London underworld.",
        genres=("Historical", "Adventure"),
    )
    return make_book([Story(str(JACK), meta, tuple(chapters))])


def story(title: str, chapters: int, paragraphs: int, words: int = 60, breaks_every: int = 0) -> Story:
    """A synthetic story: numbered paragraphs of `words` words, a scene break every few paragraphs."""
    made = []
    for c in range(1, chapters + 1):
        blocks: list[Paragraph | SceneBreak] = []
        for p in range(1, paragraphs + 1):
            blocks.append(Paragraph((Span(f"Para{c}x{p} " + "lorem " * words),)))
            if breaks_every and p % breaks_every == 0 and p < paragraphs:
                blocks.append(SceneBreak())
        made.append(Chapter(f"Chapter {c} of {title}", tuple(blocks)))
    return Story(f"{title}.txt", Metadata(title, ("Test Author",), summary=f"About {title}."), tuple(made))


def page_texts(pdf: Path) -> list[str]:
    """The text of every page (pdftotext, reading order), one string per page."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def lines(page: str) -> list[str]:
    """A page's non-empty lines, stripped."""
    return [line.strip() for line in page.splitlines() if line.strip()]
