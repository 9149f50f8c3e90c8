"""No silent loss, no partial files: the text check after writing, atomic writes, long-chapter splitting."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ebookify import write_epub
from ebookify.errors import WriterError
from ebookify.model import Book, Chapter, Metadata, Paragraph, SceneBreak, Span, Story
from ebookify.options import WriteOptions
from ebookify.render.epub import epub_bytes
from ebookify.render.epub import writer as epub_module
from ebookify.render.epub.split import split_blocks
from ebookify.render.epub.verify import match_in_order, squash, verify_epub, written_texts


def epub_text_elements(data: bytes) -> list[str]:
    """The text of every paragraph, heading and metadata row of an EPUB, in spine order, squashed."""
    # Written text is XML-legal already: only whitespace needs removing.
    return ["".join(text.split()) for text in written_texts(data)]


def para(text: str) -> Paragraph:
    return Paragraph((Span(text),))


def book_with(*paragraphs: str, title: str = "T", authors: tuple[str, ...] = ("Ann",)) -> Book:
    meta = Metadata(title=title, authors=authors)
    story = Story("s.txt", meta, (Chapter("One", tuple(para(p) for p in paragraphs)),))
    return Book(meta, (story,))


def replace_in_epub(data: bytes, name: str, old: bytes, new: bytes) -> bytes:
    """A copy of the EPUB with one file's bytes edited (to imitate a writer that lost text)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, content.replace(old, new) if info.filename == name else content)
    return out.getvalue()


def test_verification_catches_a_dropped_paragraph() -> None:
    book = book_with("First paragraph.", "Second paragraph.", "Third paragraph.")
    data = epub_bytes(book)
    verify_epub(data, book, WriteOptions())  # the real book passes
    damaged = replace_in_epub(data, "EPUB/s001-c0001.xhtml", b"<p>Second paragraph.</p>", b"")
    with pytest.raises(WriterError, match="Second paragraph"):
        verify_epub(damaged, book, WriteOptions())


def test_verification_catches_a_truncated_paragraph() -> None:
    book = book_with("A paragraph that ebooklib would cut at a lone surrogate.")
    damaged = replace_in_epub(epub_bytes(book), "EPUB/s001-c0001.xhtml", b" at a lone surrogate.", b"")
    with pytest.raises(WriterError, match="text was lost"):
        verify_epub(damaged, book, WriteOptions())


def test_verification_catches_a_lost_author_or_title() -> None:
    book = book_with("Text.", title="Title", authors=("Ann", "Bob"))
    data = epub_bytes(book)
    no_bob = replace_in_epub(data, "EPUB/content.opf", b'<dc:creator id="creator02">Bob</dc:creator>', b"")
    with pytest.raises(WriterError, match="authors"):
        verify_epub(no_bob, book, WriteOptions())
    no_title = replace_in_epub(data, "EPUB/content.opf", b"<dc:title>Title</dc:title>", b"")
    with pytest.raises(WriterError, match="title"):
        verify_epub(no_title, book, WriteOptions())


def test_match_in_order_needs_whole_elements_in_order() -> None:
    match_in_order(["a", "label", "bc"], ["a", "b c"], "X")
    with pytest.raises(WriterError):
        match_in_order(["bc", "a"], ["a", "bc"], "X")  # out of order
    with pytest.raises(WriterError):
        match_in_order(["abc"], ["ab"], "X")  # only part of the paragraph is there


def test_hard_text_survives_the_round_trip() -> None:
    hard = [
        "Markup-looking text: &copy; &amp; <b>bold?</b> </p> <![CDATA[x]]>",
        "Non-Latin text: 日本語のテキスト, Ελληνικά, עברית, emoji 🙂",
        "Combining accents: e\u0301 and a zero width joiner \u200d here",
    ]
    book = book_with(*hard)
    elements = epub_text_elements(epub_bytes(book))
    for text in hard:
        assert text.replace(" ", "") in elements


def test_control_characters_do_not_cost_the_rest_of_the_paragraph() -> None:
    # ebooklib turns \x0c into U+FFFD and a lone surrogate cuts the paragraph; the writer removes them.
    book = book_with("Before\x0cafter and \ud800 the end.")
    elements = epub_text_elements(epub_bytes(book))
    assert "Beforeafterandtheend." in elements


def test_a_failed_build_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "book.epub"
    target.write_bytes(b"the old book")

    def lose_text(data: bytes, book: Book, options: WriteOptions) -> None:
        raise WriterError("EPUB: text was lost while writing (missing: 'x')")

    monkeypatch.setattr(epub_module, "verify_epub", lose_text)
    with pytest.raises(WriterError, match="text was lost"):
        write_epub(book_with("Text."), target)
    assert target.read_bytes() == b"the old book"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.epub"]


def test_writing_into_a_missing_folder_or_onto_a_folder_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(WriterError, match="does not exist"):
        write_epub(book_with("Text."), tmp_path / "missing" / "book.epub")
    with pytest.raises(WriterError, match="is a directory"):
        write_epub(book_with("Text."), tmp_path)


def test_a_successful_build_replaces_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "book.epub"
    target.write_bytes(b"the old book")
    write_epub(book_with("Text."), target)
    assert zipfile.ZipFile(target).read("mimetype") == b"application/epub+zip"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.epub"]


def test_split_blocks_leaves_a_short_chapter_whole() -> None:
    blocks = (para("a" * 100), SceneBreak(), para("b" * 100))
    assert split_blocks(blocks, limit=1000) == [blocks]
    assert split_blocks((), limit=1000) == [()]


def test_split_blocks_cuts_a_long_chapter_before_a_scene_break_and_keeps_every_block() -> None:
    blocks = (para("a" * 400), para("b" * 300), SceneBreak(), para("c" * 400), para("d" * 400))
    runs = split_blocks(blocks, limit=1000)
    assert [block for run in runs for block in run] == list(blocks)
    assert runs[0] == blocks[:2]  # cut before the break, which opens the next file
    assert isinstance(runs[1][0], SceneBreak)


def test_split_blocks_cuts_between_paragraphs_when_there_is_no_scene_break() -> None:
    blocks = tuple(para(str(n) * 300) for n in range(10))
    runs = split_blocks(blocks, limit=1000)
    assert [block for run in runs for block in run] == list(blocks)
    assert all(sum(len(b.text) for b in run if isinstance(b, Paragraph)) <= 1000 for run in runs)
    assert len(runs) == 4


def test_a_long_chapter_becomes_several_files_with_one_contents_entry(tmp_path: Path) -> None:
    paragraphs = [f"Paragraph {n} " + "word " * 400 for n in range(150)]  # about 300,000 characters
    book = book_with(*paragraphs)
    archive = zipfile.ZipFile(io.BytesIO(epub_bytes(book)))
    parts = sorted(n for n in archive.namelist() if n.startswith("EPUB/s001-c0001"))
    assert parts == ["EPUB/s001-c0001-2.xhtml", "EPUB/s001-c0001.xhtml"]
    continued = archive.read("EPUB/s001-c0001-2.xhtml").decode()
    assert '<p class="first">' not in continued  # the chapter goes on: its paragraphs stay indented
    assert b"s001-c0001-2" not in archive.read("EPUB/nav.xhtml")
    assert b"s001-c0001-2" not in archive.read("EPUB/toc.ncx")


def test_writing_an_epub_does_not_import_weasyprint(tmp_path: Path) -> None:
    # WeasyPrint costs half a second to import: the EPUB path (the benchmark's) must not pay for it.
    import subprocess
    import sys

    source = tmp_path / "story.txt"
    source.write_text("Title: T\n\nSome text of a story.\n", encoding="utf-8")
    probe = (
        "import sys; from ebookify.cli import main; "
        f"code = main([{str(source)!r}, '-o', {str(tmp_path / 'out.epub')!r}, '-q']); "
        "print(code, 'weasyprint' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "False"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=80), min_size=1, max_size=4))
def test_any_text_is_written_whole_or_refused(paragraphs: list[str]) -> None:
    # Property: whatever the characters (controls, surrogates, markup), each paragraph comes back whole.
    book = book_with(*paragraphs)
    elements = epub_text_elements(epub_bytes(book))
    for text in paragraphs:
        expected = squash(text)
        assert not expected or expected in elements
