"""Helpers of the hardening tests: run the CLI in-process, and check a written book against its model."""

from __future__ import annotations

import contextlib
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ebookify.cli import main
from ebookify.model import Book, Paragraph, Story, Verse

_XHTML = "{http://www.w3.org/1999/xhtml}"
_PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)


def story_bytes(middle: str, encoding: str = "utf-8", title: str = "Odd Input") -> bytes:
    """A small story with a header, whose second paragraph is `middle`, encoded as asked."""
    text = (
        f"Title: {title}\nAuthor: Test Writer\n\n"
        "The first paragraph of the story is plain and long enough to read as text.\n\n"
        f"{middle}\n\n"
        "The last paragraph of the story is plain as well, so that it can be found again.\n"
    )
    return text.encode(encoding)


@dataclass(frozen=True)
class CliResult:
    """What one in-process CLI run returned and printed."""

    code: int
    out: str
    err: str


def run_cli(argv: Sequence[str]) -> CliResult:
    """Run `ebookify ARGV` in this process; any exception escaping main() is a failed test (a traceback)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exit_info:  # argparse errors
            code = int(exit_info.code or 0)
    return CliResult(code, out.getvalue(), err.getvalue())


def assert_one_line_error(result: CliResult, *words: str) -> None:
    """A failed run: a non-zero exit code and exactly one `ebookify: error:` line naming `words`."""
    assert result.code != 0, result
    assert result.err.startswith("ebookify: error: "), result.err
    assert result.err.count("\n") == 1, result.err
    assert "Traceback" not in result.err
    for word in words:
        assert word in result.err, (word, result.err)


def assert_container(path: Path) -> None:
    """OCF: the mimetype entry first, stored (not deflated), without an extra field, with the right bytes."""
    with zipfile.ZipFile(path) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert first.extra == b""
        assert archive.read(first) == b"application/epub+zip"
    # The local header too: readers sniff the first bytes of the file, not the central directory.
    head = path.read_bytes()[:58]
    assert head[26:28] == (8).to_bytes(2, "little") and head[28:30] == b"\0\0"
    assert head[30:58] == b"mimetypeapplication/epub+zip"


def _element_text(element: etree._Element) -> str:
    """The text of an element as the model holds it: <br/> is "\\n", <wbr/> is nothing."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{_XHTML}br":
            parts.append("\n")
        else:
            parts.append(_element_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _spine(archive: zipfile.ZipFile) -> list[etree._Element]:
    opf = etree.fromstring(archive.read("EPUB/content.opf"), _PARSER)
    ns = {"opf": "http://www.idpf.org/2007/opf"}
    hrefs = {i.get("id"): i.get("href") for i in opf.iterfind(".//opf:manifest/opf:item", ns)}
    refs = [hrefs[r.get("idref")] for r in opf.iterfind(".//opf:spine/opf:itemref", ns)]
    return [etree.fromstring(archive.read(f"EPUB/{href}"), _PARSER) for href in refs]


def chapter_texts(path: Path) -> list[str]:
    """Every chapter heading and paragraph of the book's chapter sections, in reading order."""
    texts = []
    with zipfile.ZipFile(path) as archive:
        for root in _spine(archive):
            for section in root.iter(f"{_XHTML}section"):
                if "chapter" not in (section.get("class") or "").split():
                    continue
                for element in section.iter(f"{_XHTML}p", f"{_XHTML}h2"):
                    if element.getparent() is section:
                        texts.append(_element_text(element))
    return texts


def model_texts(stories: Sequence[Story]) -> list[str]:
    """The model's chapter headings, paragraphs and stanzas in reading order (chapter_texts must equal it)."""
    texts = []
    for story in stories:
        for chapter in story.chapters:
            if chapter.title:
                texts.append(chapter.title)
            texts += [block.text for block in chapter.blocks if isinstance(block, Paragraph | Verse)]
    return texts


def assert_book_matches(path: Path, book: Book) -> None:
    """A valid container whose chapters hold exactly the model's text, character for character."""
    assert_container(path)
    assert chapter_texts(path) == model_texts(book.stories)


def opf_values(path: Path, name: str) -> list[str]:
    """The values of one Dublin Core element of the package document."""
    with zipfile.ZipFile(path) as archive:
        opf = etree.fromstring(archive.read("EPUB/content.opf"), _PARSER)
    ns = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
    return ["".join(str(t) for t in e.itertext()) for e in opf.iterfind(f".//opf:metadata/dc:{name}", ns)]


def paragraphs(story: Story) -> list[str]:
    """The texts of a story's chapter paragraphs (scene breaks left out), in order."""
    return [block.text for c in story.chapters for block in c.blocks if isinstance(block, Paragraph)]
