"""Fast tests of the PDF writer's pieces: page geometry, part planning, page numbers, fetcher, speedup."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ebookify import OptionsError, WriteOptions, make_book
from ebookify.render.pdf.geometry import page_geometry
from ebookify.render.pdf.layout import book_layout, group_sections
from ebookify.render.pdf.sections import Section, TocEntry, book_sections
from ebookify.render.pdf.weasy.fetcher import DenyAllFetcher, ResourceRefusedError
from ebookify.render.pdf.worker import RenderJob

from .pdf_books import story

MM = 72 / 25.4


@pytest.mark.parametrize(
    ("size", "width_mm", "height_mm"),
    [
        ("A5", 148, 210),
        ("a4", 210, 297),
        ("Letter", 215.9, 279.4),
        ("6x9", 152.4, 228.6),
        ("6×9in", 152.4, 228.6),
    ],
)
def test_named_page_sizes(size: str, width_mm: float, height_mm: float) -> None:
    geometry = page_geometry(size)
    assert geometry.width == pytest.approx(width_mm * MM, abs=0.1)
    assert geometry.height == pytest.approx(height_mm * MM, abs=0.1)


def test_css_page_size_and_mirrored_margins() -> None:
    geometry = page_geometry("140mm 216mm")
    assert geometry.width == pytest.approx(140 * MM)
    assert geometry.inner > geometry.outer  # the binding side is wider
    assert geometry.verso_shift == pytest.approx(geometry.outer - geometry.inner)


def test_big_pages_get_bigger_type() -> None:
    assert page_geometry("A4").font_pt > page_geometry("A5").font_pt


@pytest.mark.parametrize("size", ["A0-ish", "12", "1mm 1mm", "huge 3in", "300cm 300cm"])
def test_bad_page_sizes_are_user_errors(size: str) -> None:
    with pytest.raises(OptionsError):
        page_geometry(size)


def _section(anchor: str, kind: str = "chapter", weight: int = 10, story_number: int = 0) -> Section:
    return Section(anchor, kind, story_number, anchor.upper(), f"head {anchor}", "x" * weight)  # type: ignore[arg-type]


def test_parts_group_whole_sections_and_keep_a_title_page_with_its_chapter() -> None:
    sections = [_section("t", "titlepage", 50), _section("a", weight=50), _section("b", weight=50)]
    parts = group_sections(sections, weight=60)
    assert [[s.anchor for s in part] for part in parts] == [["t", "a"], ["b"]]
    # Leave alone: everything fits in one part.
    assert len(group_sections(sections, weight=1000)) == 1


def test_layout_numbers_pages_across_parts_and_sets_running_heads() -> None:
    parts = [[_section("a"), _section("b")], [_section("c")]]
    layout = book_layout("Book", parts, [3, 2], [{"a": 0, "b": 2}, {"c": 0}])
    assert layout.starts == {"a": 0, "b": 2, "c": 3}
    assert [e.folio for e in layout.toc] == ["1", "3", "4"]
    names = [(p.page_name, p.head, p.folio) for p in layout.furniture]
    assert names == [
        ("opening-recto", "", "1"),
        ("verso", "Book", "2"),  # book title on the left
        ("opening-recto", "", "3"),
        ("opening-verso", "", "4"),
        ("recto", "head c", "5"),  # chapter title on the right
    ]


def test_contents_and_outline_open_the_heading_page_after_front_notes() -> None:
    # Chapter a's front notes fill two pages before its heading (on its third page): the contents and
    # the bookmark open the heading's page, which carries no running head; a section's start is kept.
    noted = replace(_section("a"), heading="a-heading")
    parts = [[noted, _section("b")]]
    layout = book_layout("Book", parts, [6], [{"a": 0, "a-heading": 2, "b": 4}])
    assert layout.starts == {"a": 0, "b": 4}
    assert layout.targets == {"a": 2, "b": 4}
    assert [e.folio for e in layout.toc] == ["3", "5"]
    assert [item.page for item in layout.outline] == [2, 4]
    pages = [p.page_name for p in layout.furniture]
    assert pages == ["opening-recto", "verso", "opening-recto", "verso", "opening-recto", "verso"]
    # Leave alone: a heading on the section's first page (a short note above it) changes nothing.
    layout = book_layout("Book", parts, [6], [{"a": 0, "a-heading": 0, "b": 4}])
    assert layout.targets == layout.starts == {"a": 0, "b": 4}
    assert [p.page_name for p in layout.furniture][:3] == ["opening-recto", "verso", "recto"]


def test_a_story_opens_on_a_right_hand_page() -> None:
    # Story two's title page would fall on text page 3, a left-hand page: a blank page goes before it
    # and every later page moves one on. Story three's falls on a right-hand page and is left alone.
    two, three = (
        [_section("t2", "titlepage", 10, 1), _section("b", "chapter", 10, 1)],
        [
            _section("t3", "titlepage", 10, 2),
            _section("c", "chapter", 10, 2),
        ],
    )
    parts = [[_section("t1", "titlepage"), _section("a")], two + three]
    layout = book_layout("Book", parts, [3, 5], [{"t1": 0, "a": 1}, {"t2": 0, "b": 1, "t3": 2, "c": 3}])
    assert layout.blanks == (3,)
    assert layout.starts == {"t1": 0, "a": 1, "t2": 4, "b": 5, "t3": 6, "c": 7}
    assert layout.page_count == 9
    assert [p.page_name for p in layout.furniture][2:5] == ["recto", "blank", "blank"]  # text, blank, title
    assert [e.folio for e in layout.toc if e.is_story] == ["1", "5", "7"]


def test_anthology_contents_and_outline_nest_chapters_under_stories() -> None:
    book = make_book([story("One", 2, 1), story("Two", 1, 1)])
    sections = book_sections(book, WriteOptions())
    assert [s.kind for s in sections] == ["titlepage", "chapter", "chapter", "titlepage", "chapter"]
    starts = {s.anchor: i for i, s in enumerate(sections)}
    layout = book_layout("Collected", [sections], [len(sections)], [starts])
    assert [(e.title, e.is_story, e.depth) for e in layout.toc] == [
        ("One", True, 0),
        ("Chapter 1 of One", False, 1),
        ("Chapter 2 of One", False, 1),
        ("Two", True, 0),  # a one-chapter story is listed once
    ]
    assert [(i.title, [c.title for c in i.children]) for i in layout.outline] == [
        ("One", ["Chapter 1 of One", "Chapter 2 of One"]),
        ("Two", []),
    ]
    assert layout.furniture[0].page_name == "blank"  # a story's title page carries nothing


def test_fetcher_refuses_files_and_network(tmp_path: Path) -> None:
    allowed = tmp_path / "cover.png"
    allowed.write_bytes(b"png")
    fetcher = DenyAllFetcher(allowed_files=(allowed,), served={"ebookify-internal:x": (b"data", "image/png")})
    for url in (
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.css",
        "https://example.org/",
        f"file://{tmp_path}/other",
    ):
        with pytest.raises(ResourceRefusedError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 4
    assert fetcher.fetch(allowed.as_uri()).read() == b"png"
    assert fetcher.fetch("ebookify-internal:x").read() == b"data"


def test_page_reference_cache_matches_pydyf() -> None:
    import pydyf  # type: ignore[import-untyped]

    from ebookify.render.pdf.weasy import speedups as weasy_speedups

    pdf = pydyf.PDF()
    for _ in range(3):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    expected = tuple(f"{n} 0 R".encode() for n in pdf.pages["Kids"][::3])
    assert weasy_speedups.install()
    assert pdf.page_references == expected
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))  # a new page invalidates the cache
    assert len(pdf.page_references) == 4


@pytest.mark.slow
@pytest.mark.parametrize("run", [30, 41])
def test_contents_laid_out_in_runs_match_the_contents_laid_out_at_once(tmp_path: Path, run: int) -> None:
    # A run that goes on from a dropped page must set its entries exactly where one long document
    # would: same entries on every page (the novel's 58 chapters, long and short titles, stories first).
    from ebookify.render.pdf.layout import running_heads
    from ebookify.render.pdf.sections import contents_document
    from ebookify.render.pdf.worker import render_job
    from ebookify.render.pdf.writer import _book_jobs

    from .pdf_books import jack_sheppard, page_texts

    book = jack_sheppard()
    chapters = book.stories[0].chapters
    toc = [
        TocEntry(f"c{i}", c.title or "", str(7 * i + 1), False, i % 9 == 0) for i, c in enumerate(chapters)
    ]
    contents = contents_document(book, toc)
    assert contents is not None
    options = WriteOptions()
    parts = group_sections(book_sections(book, options), 10**9)
    jobs, _ = _book_jobs(book, options, parts, running_heads("Jack Sheppard", parts[0]))
    css = jobs.front_job.stylesheets

    def pages(size: int, folder: Path) -> list[str]:
        folder.mkdir()
        job = RenderJob(
            contents.first,
            css,
            items=contents.items,
            continued_html=contents.continued,
            items_per_document=size,
            target=str(folder / "contents.pdf"),
        )
        result = render_job(job)
        assert not result.problems
        return [text for path in result.paths for text in page_texts(Path(path))]

    whole = pages(1000, tmp_path / "whole")
    assert len(whole) >= 3
    assert pages(run, tmp_path / "runs") == whole
