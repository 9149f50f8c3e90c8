"""The whole corpus as one anthology (two fan-fiction stories, three novels): EPUB, PDF, nested contents."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from ebookify import load_story, make_book, write_epub, write_pdf
from ebookify.model import Book

from .conftest import DATA
from .epubcheck import check_many

SOURCES = [
    DATA / "goodbye-my-almost-lover.txt",
    DATA / "change-of-plans.txt",
    *sorted((DATA / "gutenberg").glob("*.txt")),
]
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def book() -> Book:
    return make_book([load_story(p) for p in SOURCES], title="The Whole Corpus", editor="Test Editor")


def text_of(element: etree._Element | None) -> str:
    return "" if element is None else "".join(str(t) for t in element.itertext()).strip()


def _flat(items: Sequence[object]) -> list[object]:
    """An outline's items with the nested lists (chapters under parts) flattened."""
    return [leaf for item in items for leaf in (_flat(item) if isinstance(item, list) else [item])]


def nav_tree(epub: Path) -> list[tuple[str, list[str]]]:
    """(story title, [part and chapter titles]) from the EPUB 3 nav's table of contents."""
    root = etree.fromstring(zipfile.ZipFile(epub).read("EPUB/nav.xhtml"))
    toc = next(
        n for n in root.iter(f"{XHTML}nav") if "toc" in (n.get("{http://www.idpf.org/2007/ops}type") or "")
    )
    tree = []
    top = toc.find(f"{XHTML}ol")
    assert top is not None
    for item in top.findall(f"{XHTML}li"):
        label = text_of(item.find(f"{XHTML}a")) or text_of(item.find(f"{XHTML}span"))
        inner = item.find(f"{XHTML}ol")
        # Chapters may be nested under parts (Jack Sheppard's epochs): every line under the story counts.
        children = [] if inner is None else [text_of(a) for a in inner.iter(f"{XHTML}a")]
        tree.append((label, children))
    return tree


@pytest.mark.slow
def test_corpus_anthology_epub(book: Book, tmp_path: Path) -> None:
    target = tmp_path / "corpus.epub"
    write_epub(book, target)
    assert check_many([target]) == {target: []}
    tree = nav_tree(target)
    titles = [title for title, _ in tree]
    for story in book.stories:
        assert story.metadata.title in titles
    jack = next(children for title, children in tree if "Jack Sheppard" in title)
    assert len(jack) > 30  # the novel's chapters are nested under the story
    opf = zipfile.ZipFile(target).read("EPUB/content.opf").decode()
    assert "William Harrison Ainsworth" in opf and "Test Editor" in opf


@pytest.mark.slow
def test_corpus_anthology_pdf(book: Book, tmp_path: Path) -> None:
    target = tmp_path / "corpus.pdf"
    write_pdf(book, target)
    reader = PdfReader(target)
    outline = reader.outline
    top = [item for item in outline if not isinstance(item, list)]
    nested = [item for item in outline if isinstance(item, list)]
    top_titles = [str(item.title) for item in top]
    for story in book.stories:
        assert any(story.metadata.title in t for t in top_titles), story.metadata.title
    assert max(len(_flat(children)) for children in nested) > 30
