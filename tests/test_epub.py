"""The EPUB writer on small hand-made books: package layout, navigation, content markup, styles, cover."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ebookify import write_epub
from ebookify.errors import OptionsError
from ebookify.model import Book, Chapter, Metadata, Paragraph, SceneBreak, Span, Story
from ebookify.options import WriteOptions
from ebookify.render.epub import epub_bytes

XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
OPF_NS = {"opf": "http://www.idpf.org/2007/opf"}


def para(*spans: str | tuple[str, str]) -> Paragraph:
    return Paragraph(tuple(Span(s) if isinstance(s, str) else Span(s[0], s[1]) for s in spans))  # type: ignore[arg-type]


def two_chapter_story(title: str = "The Story", author: str = "Ann") -> Story:
    meta = Metadata(title=title, authors=(author,), fandoms=("Naruto",), fields=(("Rating", "T"),))
    first = Chapter(
        "Chapter One",
        (
            para("It was ", ("strange", "emphasis"), ". ", ("I knew it", "thought"), " ", ("Now", "strong")),
            para("Second paragraph."),
            SceneBreak(),
            para("After the break.\nA new line."),
        ),
    )
    second = Chapter(None, (para("Untitled chapter: &copy; <b>not markup</b> </p>"),))
    return Story(
        "story.txt",
        meta,
        (first, second),
        front_notes=(para("A front note."),),
        end_notes=(para("Please review."),),
    )


def one_shot(title: str = "One Shot") -> Story:
    return Story("one.txt", Metadata(title=title), (Chapter(None, (para("Only text."),)),))


def single(story: Story) -> Book:
    return Book(story.metadata, (story,))


def build(book: Book, tmp_path: Path, options: WriteOptions = WriteOptions()) -> zipfile.ZipFile:
    target = tmp_path / "book.epub"
    write_epub(book, target, options)
    return zipfile.ZipFile(target)


def xml(archive: zipfile.ZipFile, name: str) -> etree._Element:
    return etree.fromstring(archive.read(f"EPUB/{name}"))


def spine_files(archive: zipfile.ZipFile) -> list[str]:
    opf = xml(archive, "content.opf")
    hrefs = {i.get("id"): i.get("href") for i in opf.iterfind(".//opf:item", OPF_NS)}
    return [str(hrefs[r.get("idref")]) for r in opf.iterfind(".//opf:itemref", OPF_NS)]


def test_container_starts_with_a_stored_mimetype_without_extra_field(tmp_path: Path) -> None:
    archive = build(single(two_chapter_story()), tmp_path)
    first = archive.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert first.extra == b"" and archive.read("mimetype") == b"application/epub+zip"
    raw = (tmp_path / "book.epub").read_bytes()
    assert raw[30:58] == b"mimetypeapplication/epub+zip"


def test_every_content_document_declares_encoding_and_language(tmp_path: Path) -> None:
    archive = build(single(two_chapter_story()), tmp_path)
    documents = [n for n in archive.namelist() if n.endswith(".xhtml")]
    assert len(documents) >= 5
    for name in documents:
        data = archive.read(name)
        assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>'), name
        root = etree.fromstring(data)
        assert root.get("lang") == "en" and root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert archive.read("EPUB/toc.ncx").startswith(b'<?xml version="1.0" encoding="utf-8"?>')


def test_reading_order_is_cover_title_page_contents_then_chapters(tmp_path: Path) -> None:
    archive = build(single(two_chapter_story()), tmp_path)
    assert spine_files(archive) == [
        "cover.xhtml",
        "s001-title.xhtml",
        "nav.xhtml",
        "s001-c0001.xhtml",
        "s001-c0002.xhtml",
    ]


def test_a_one_chapter_story_has_no_contents_page_in_its_reading_order(tmp_path: Path) -> None:
    archive = build(single(one_shot()), tmp_path)
    assert spine_files(archive) == ["cover.xhtml", "s001-title.xhtml", "s001-c0001.xhtml"]
    assert "EPUB/nav.xhtml" in archive.namelist()  # still the reader's menu
    marks = [a.get(EPUB_TYPE) for a in xml(archive, "nav.xhtml").iter(f"{XHTML}a") if a.get(EPUB_TYPE)]
    assert marks == ["cover", "titlepage", "bodymatter"]


def test_nav_has_contents_and_landmarks_and_the_ncx_and_guide_agree(tmp_path: Path) -> None:
    archive = build(single(two_chapter_story()), tmp_path)
    nav = xml(archive, "nav.xhtml")
    navs = {n.get(EPUB_TYPE): n for n in nav.iter(f"{XHTML}nav")}
    toc = [(a.text, a.get("href")) for a in navs["toc"].iter(f"{XHTML}a")]
    assert toc == [
        ("Title Page", "s001-title.xhtml"),
        ("Chapter One", "s001-c0001.xhtml"),
        ("Chapter 2", "s001-c0002.xhtml"),
    ]
    marks = [(a.get(EPUB_TYPE), a.get("href")) for a in navs["landmarks"].iter(f"{XHTML}a")]
    assert marks == [
        ("cover", "cover.xhtml"),
        ("titlepage", "s001-title.xhtml"),
        ("toc", "nav.xhtml#toc"),
        ("bodymatter", "s001-c0001.xhtml"),
    ]
    ncx = xml(archive, "toc.ncx")
    points = [
        (p.findtext(f"{NCX}navLabel/{NCX}text"), p.find(f"{NCX}content").get("src"), p.get("playOrder"))  # type: ignore[union-attr]
        for p in ncx.iter(f"{NCX}navPoint")
    ]
    assert points == [(title, href, str(n)) for n, (title, href) in enumerate(toc, 1)]
    guide = [
        (r.get("type"), r.get("href"))
        for r in xml(archive, "content.opf").iterfind(".//opf:reference", OPF_NS)
    ]
    assert guide == [
        ("cover", "cover.xhtml"),
        ("title-page", "s001-title.xhtml"),
        ("toc", "nav.xhtml#toc"),
        ("text", "s001-c0001.xhtml"),
    ]


def test_anthology_nests_chapters_under_their_story(tmp_path: Path) -> None:
    stories = (two_chapter_story(), one_shot())
    book = Book(Metadata(title="Collected", authors=("Ann",)), stories, editor="Ed")
    archive = build(book, tmp_path)
    nav = xml(archive, "nav.xhtml")
    toc = next(n for n in nav.iter(f"{XHTML}nav") if n.get(EPUB_TYPE) == "toc")
    top = toc.find(f"{XHTML}ol")
    assert top is not None
    items = top.findall(f"{XHTML}li")
    assert [li.findtext(f"{XHTML}a") for li in items] == ["Title Page", "The Story", "One Shot"]
    nested = items[1].findall(f"{XHTML}ol/{XHTML}li/{XHTML}a")
    assert [a.text for a in nested] == ["Chapter One", "Chapter 2"]
    assert items[2].find(f"{XHTML}ol") is None  # a one-chapter story is its own entry
    ncx = xml(archive, "toc.ncx")
    assert ncx.find(f".//{NCX}meta[@name='dtb:depth']").get("content") == "2"  # type: ignore[union-attr]
    story_point = [
        p for p in ncx.iter(f"{NCX}navPoint") if p.findtext(f"{NCX}navLabel/{NCX}text") == "The Story"
    ]
    assert len(story_point[0].findall(f"{NCX}navPoint")) == 2
    assert spine_files(archive)[:3] == ["cover.xhtml", "book-title.xhtml", "nav.xhtml"]
    title_page = etree.tostring(xml(archive, "book-title.xhtml"), encoding="unicode")
    assert "edited by Ed" in title_page


def test_chapter_markup_for_thoughts_emphasis_breaks_and_first_paragraphs(tmp_path: Path) -> None:
    archive = build(single(two_chapter_story()), tmp_path)
    text = archive.read("EPUB/s001-c0001.xhtml").decode()
    assert '<h2 class="chapter-title">Chapter One</h2>' in text
    assert (
        '<p class="first">It was <em>strange</em>. <i class="thought">I knew it</i> <strong>Now</strong></p>'
        in text
    )
    assert "<p>Second paragraph.</p>" in text
    assert '<hr class="scene-break"/>\n<p class="first">After the break.<br/>A new line.</p>' in text
    assert 'epub:type="chapter"' in text


def test_text_that_looks_like_markup_stays_text(tmp_path: Path) -> None:
    archive = build(single(two_chapter_story()), tmp_path)
    root = xml(archive, "s001-c0002.xhtml")
    paragraph = next(root.iter(f"{XHTML}p"))
    assert "".join(str(t) for t in paragraph.itertext()) == "Untitled chapter: &copy; <b>not markup</b> </p>"
    assert root.find(f".//{XHTML}b") is None


def test_notes_are_set_apart_and_can_be_left_out(tmp_path: Path) -> None:
    archive = build(single(two_chapter_story()), tmp_path)
    title_page = archive.read("EPUB/s001-title.xhtml").decode()
    assert '<aside class="notes front-notes">' in title_page and "A front note." in title_page
    last = archive.read("EPUB/s001-c0002.xhtml").decode()
    assert '<aside class="notes end-notes">' in last and "Please review." in last
    without = build(single(two_chapter_story()), tmp_path, WriteOptions(include_notes=False))
    assert "Please review." not in without.read("EPUB/s001-c0002.xhtml").decode()
    assert "A front note." not in without.read("EPUB/s001-title.xhtml").decode()


def test_title_page_lists_the_header_fields(tmp_path: Path) -> None:
    archive = build(single(two_chapter_story()), tmp_path)
    page = archive.read("EPUB/s001-title.xhtml").decode()
    assert '<h1 class="title">The Story</h1>' in page and "by Ann" in page
    assert "<dt>Rating</dt><dd>T</dd>" in page


def test_generated_cover_is_marked_as_the_cover_image(tmp_path: Path) -> None:
    archive = build(single(two_chapter_story()), tmp_path)
    opf = xml(archive, "content.opf")
    item = opf.find(".//opf:item[@properties='cover-image']", OPF_NS)
    assert (
        item is not None and item.get("href") == "images/cover.png" and item.get("media-type") == "image/png"
    )
    assert archive.read("EPUB/images/cover.png").startswith(b"\x89PNG")
    page = xml(archive, "cover.xhtml")
    image = page.find(f".//{XHTML}img")
    assert image is not None and image.get("src") == "images/cover.png"
    assert image.get("alt") == "Cover of The Story by Ann"


def test_the_users_cover_is_used_as_it_is(tmp_path: Path) -> None:
    from PIL import Image

    cover = tmp_path / "mine.jpg"
    Image.new("RGB", (60, 90), (1, 2, 3)).save(cover, format="JPEG")
    archive = build(single(one_shot()), tmp_path, WriteOptions(cover=str(cover)))
    assert archive.read("EPUB/images/cover.jpg") == cover.read_bytes()
    item = xml(archive, "content.opf").find(".//opf:item[@properties='cover-image']", OPF_NS)
    assert item is not None and item.get("media-type") == "image/jpeg"


def test_styles_builtin_and_the_users_own(tmp_path: Path) -> None:
    classic = build(single(one_shot()), tmp_path).read("EPUB/styles/book.css").decode()
    modern = (
        build(single(one_shot()), tmp_path, WriteOptions(style="modern"))
        .read("EPUB/styles/book.css")
        .decode()
    )
    assert '"classic"' in classic and '"modern"' in modern
    own = tmp_path / "mine.css"
    own.write_text("p { color: teal; }\n")
    mine = build(single(one_shot()), tmp_path, WriteOptions(style=str(own))).read("EPUB/styles/book.css")
    assert mine == b"p { color: teal; }\n"
    with pytest.raises(OptionsError, match="unknown style"):
        build(single(one_shot()), tmp_path, WriteOptions(style="baroque"))


@pytest.mark.parametrize("style", ["classic", "modern"])
def test_builtin_styles_use_only_what_every_reader_renders(style: str) -> None:
    from ebookify.resources import read_style

    css = re.sub(r"/\*.*?\*/", "", read_style(style), flags=re.S)
    # No layout that Kindle/Kobo lack, no colours that break night mode, no rem/vw (old Adobe readers).
    for banned in (
        r"display:\s*(flex|grid)",
        r"position:\s*(fixed|absolute)",
        r"\d(rem|vw|vh)\b",
        r"background",
        r"@font-face",
    ):
        assert not re.search(banned, css), banned
    assert "hr.scene-break" in css


def test_two_builds_are_byte_identical() -> None:
    book = single(two_chapter_story())
    assert epub_bytes(book) == epub_bytes(book)


def test_source_date_epoch_sets_the_zip_times(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    archive = build(single(one_shot()), tmp_path)
    assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert {info.date_time for info in build(single(one_shot()), tmp_path).infolist()} == {
        (2000, 1, 1, 0, 0, 0)
    }
