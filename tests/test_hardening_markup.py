"""Hardening, markup-looking text in a story and its metadata: printed, never parsed or followed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ebookify import WriteOptions, load_story, make_book, normalize_bytes

from .epubcheck import check_many
from .hardening import assert_book_matches, opf_values, paragraphs, run_cli

# Straight quotes would be typeset as curly ones: the hostile strings use none, so they must come back as is.
HOSTILE = (
    "< & &amp; &nbsp; &copy; ]]> <![CDATA[x]]>",
    "<script>alert(1)</script>",
    "<img src=file:///etc/passwd>",
    "<a rel=attachment href=file:///etc/passwd>x</a>",
    "<?xml version=1.0?> <?xml-stylesheet href=http://127.0.0.1:9/x.css?>",
    "<!DOCTYPE x [<!ENTITY e SYSTEM file:///etc/passwd>]> &e;",
    "@import url(http://127.0.0.1:9/); <style>@import url(file:///etc/passwd);</style>",
    "</p></body></html> <p>",
)


def _hostile_story() -> bytes:
    header = (
        f"Title: {HOSTILE[1]} & {HOSTILE[0]}\n"
        f"Author: {HOSTILE[3]}\n"
        f"Summary: {HOSTILE[5]}\n"
        f"Tags: {HOSTILE[2]}, {HOSTILE[6]}\n\n"
    )
    body = "\n\n".join(f"Text {text} end." for text in HOSTILE)
    return (header + body + "\n\nA/N: " + HOSTILE[4] + "\n").encode()


def test_markup_in_text_and_header_reaches_the_model_literally() -> None:
    story = normalize_bytes(_hostile_story(), "hostile.txt")
    assert story.metadata.title == f"{HOSTILE[1]} & {HOSTILE[0]}"
    assert story.metadata.authors == (HOSTILE[3],)
    for text in HOSTILE:
        assert f"Text {text} end." in paragraphs(story)


@pytest.fixture(scope="module")
def hostile_epub(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The hostile story as an EPUB through the CLI, and the source it came from."""
    folder = tmp_path_factory.mktemp("markup")
    source = folder / "hostile.txt"
    source.write_bytes(_hostile_story())
    target = folder / "hostile.epub"
    result = run_cli([str(source), "-o", str(target), "-q"])
    assert result.code == 0 and result.err == "", result
    return source, target


def test_markup_is_escaped_in_the_epub(hostile_epub: tuple[Path, Path]) -> None:
    source, target = hostile_epub
    story = load_story(source)
    assert_book_matches(target, make_book([story]))
    assert opf_values(target, "title") == [story.metadata.title]
    assert opf_values(target, "creator") == list(story.metadata.authors)
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        everything = b"".join(
            archive.read(name) for name in names if name.endswith((".xhtml", ".opf", ".ncx"))
        )
    assert b"<script" not in everything and b"<img src=file" not in everything
    assert b"<!ENTITY" not in everything and b"root:x:" not in everything
    assert not any("passwd" in name for name in names)  # nothing was embedded


@pytest.mark.slow
def test_the_hostile_epub_passes_epubcheck(hostile_epub: tuple[Path, Path]) -> None:
    _, target = hostile_epub
    assert check_many([target]) == {target: []}


@pytest.mark.slow
def test_markup_is_printed_in_the_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from ebookify import write_pdf

    from .pdf_books import page_texts

    story = normalize_bytes(_hostile_story(), "hostile.txt")
    target = write_pdf(make_book([story]), tmp_path / "hostile.pdf", WriteOptions(jobs=1))
    text = "".join("".join(page.split()) for page in page_texts(target))
    for hostile in HOSTILE:
        assert "".join(hostile.split()) in text, hostile
    reader = PdfReader(target)
    assert reader.metadata is not None and reader.metadata.title == story.metadata.title
    assert b"root:x:" not in target.read_bytes()
