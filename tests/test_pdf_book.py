"""A small anthology laid out in several parts: page numbers, running heads, breaks, outline, tags."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ebookify import WriteOptions, make_book, write_pdf
from ebookify.render.pdf import render_pdf_bytes

from .pdf_books import lines, page_texts, story

BOOK = make_book(
    [story("Winter", 3, 14, breaks_every=3), story("Summer", 2, 12, breaks_every=4)],
    title="Seasons",
    authors=["Test Author"],
    summary="Two stories.",
)
ORNAMENT = re.compile(r"^[^\w]+$")  # the scene-break ornament has no letters or digits


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # A tiny part size forces many parts, so page numbers must carry across part borders.
    data = render_pdf_bytes(BOOK, WriteOptions(jobs=2), part_weight=4000)
    target = tmp_path_factory.mktemp("pdf") / "seasons.pdf"
    target.write_bytes(data)
    return target


def _text_pages(reader: PdfReader) -> list[int]:
    return [i for i, label in enumerate(reader.page_labels) if label.isdigit()]


@pytest.mark.slow
def test_the_same_pages_whatever_the_number_of_processes(pdf: Path, tmp_path: Path) -> None:
    # Bytes may differ (font caches warm up differently per process); the pages may not.
    single = tmp_path / "single.pdf"
    single.write_bytes(render_pdf_bytes(BOOK, WriteOptions(jobs=1), part_weight=4000))
    assert page_texts(single) == page_texts(pdf)
    # The same book laid out the same way gives the same bytes (reproducible builds).
    assert render_pdf_bytes(BOOK, WriteOptions(jobs=1), part_weight=4000) == single.read_bytes()


@pytest.mark.slow
def test_folios_are_continuous_and_match_page_labels(pdf: Path) -> None:
    reader = PdfReader(pdf)
    texts = page_texts(pdf)
    text_pages = _text_pages(reader)
    assert text_pages[0] % 2 == 0  # the text opens on a recto (odd page number)
    printed = {}
    for index in text_pages:
        page_lines = lines(texts[index])
        if page_lines and page_lines[-1].isdigit():
            printed[index] = page_lines[-1]
    # Story title pages and the blank pages before them carry no folio; every other text page shows its label.
    blank = [index for index in text_pages if not lines(texts[index])]
    assert len(printed) >= len(text_pages) - 2 - len(blank)
    assert all(reader.page_labels[i] == folio for i, folio in printed.items())


@pytest.mark.slow
def test_every_story_opens_on_a_new_right_hand_page(pdf: Path) -> None:
    # A story's title page opens a page, and a right-hand one (a blank page goes before it if need be).
    reader = PdfReader(pdf)
    texts = page_texts(pdf)
    openings = [i for i in _text_pages(reader) if lines(texts[i])[1:2] == ["by Test Author"]]
    assert [lines(texts[i])[0] for i in openings] == ["Winter", "Summer"]  # each at the top of a page
    assert all(int(reader.page_labels[i]) % 2 == 1 for i in openings)  # odd folio: a right-hand page


def test_running_heads_book_title_left_story_title_right(pdf: Path) -> None:
    reader = PdfReader(pdf)
    texts = page_texts(pdf)
    heads = {lines(texts[i])[0] for i in _text_pages(reader) if lines(texts[i])}
    assert {"Seasons", "Winter", "Summer"} <= heads
    for index in _text_pages(reader):
        if "by Test Author" in texts[index]:
            continue  # a story's title page opens with the story's title, as a heading
        first = lines(texts[index])[0] if lines(texts[index]) else ""
        if first == "Seasons":
            assert int(reader.page_labels[index]) % 2 == 0  # book title only on versos
        if first in ("Winter", "Summer"):
            assert int(reader.page_labels[index]) % 2 == 1


@pytest.mark.slow
def test_scene_breaks_never_open_or_close_a_page(pdf: Path) -> None:
    texts = page_texts(pdf)
    seen = 0
    for text in texts:
        body = [
            line for line in lines(text) if line not in ("Seasons", "Winter", "Summer") and not line.isdigit()
        ]
        seen += sum(1 for line in body if ORNAMENT.match(line))
        if body:
            assert not ORNAMENT.match(body[0]), body[:2]
            assert not ORNAMENT.match(body[-1]), body[-2:]
    assert seen >= 10  # the ornaments are there (9 + 2 breaks), just never stranded


@pytest.mark.slow
def test_outline_nests_chapters_under_stories_and_matches_contents(pdf: Path) -> None:
    reader = PdfReader(pdf)
    outline: Any = reader.outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert titles == ["Winter", "Summer"]
    nested = [[c.title for c in item] for item in outline if isinstance(item, list)]
    assert nested == [
        [f"Chapter {i} of Winter" for i in (1, 2, 3)],
        ["Chapter 1 of Summer", "Chapter 2 of Summer"],
    ]
    contents = " ".join(page_texts(pdf)[:4])
    for item in outline:
        for entry in item if isinstance(item, list) else [item]:
            page: Any = reader.get_destination_page_number(entry)
            label = reader.page_labels[page]
            assert re.search(rf"{re.escape(entry.title)}[ .]*{label}\b", contents), entry.title


@pytest.mark.slow
def test_metadata_and_tags(pdf: Path) -> None:
    reader = PdfReader(pdf)
    meta = reader.metadata
    assert meta is not None
    assert (meta.title, meta.author, meta.subject) == ("Seasons", "Test Author", "Two stories.")
    root: Any = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "en"
    tree = root["/StructTreeRoot"]
    document = tree["/K"][0].get_object()
    assert document["/S"] == "/Document" and len(document["/K"]) > 10
    pages: Any = reader.pages
    texts = page_texts(pdf)
    keyed = [i for i in _text_pages(reader) if "/StructParents" in pages[i]]
    keys = [int(pages[i]["/StructParents"]) for i in keyed]
    assert keys == sorted(set(keys))  # every text page has its own key in the parent tree
    assert all(not lines(texts[i]) for i in set(_text_pages(reader)) - set(keyed))  # but a blank page


# WeasyPrint 70 leaves its sRGB profile file open when it writes PDF/A: its leak, not ours.
@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize(("variant", "marker"), [("pdf/ua-1", b"pdfuaid:part"), ("pdf/a-3b", b"pdfaid:part")])
def test_pdf_variants_keep_their_identification(tmp_path: Path, variant: str, marker: bytes) -> None:
    target = write_pdf(
        make_book([story("Short", 1, 3)]), tmp_path / "v.pdf", WriteOptions(pdf_variant=variant)
    )
    root: Any = PdfReader(target).trailer["/Root"]
    assert marker in root["/Metadata"].get_object().get_data()
    if variant == "pdf/a-3b":
        assert "/OutputIntents" in root


@pytest.mark.slow
def test_the_assembly_holds_one_text_part_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # Bounded memory on a long anthology: each part is copied into the book and closed before the next
    # one is opened (qpdf holds every object it parsed while a part is open); all are closed at the end.
    from ebookify.render.pdf import merge

    real_open = merge.read_pdf
    opened: list[str] = []
    open_now: set[str] = set()
    most = 0

    def tracked(path: Path) -> Any:
        nonlocal most
        pdf = real_open(path)
        opened.append(path.name)
        open_now.add(path.name)
        most = max(most, sum(name.startswith("text-") for name in open_now))
        pdf_close = pdf.close

        def close() -> None:
            open_now.discard(path.name)
            pdf_close()

        pdf.close = close  # type: ignore[method-assign]
        return pdf

    monkeypatch.setattr(merge, "read_pdf", tracked)
    data = render_pdf_bytes(BOOK, WriteOptions(jobs=1), part_weight=4000)
    assert sum(name.startswith("text-") for name in opened) >= 4  # the tiny part size makes many parts
    assert len(set(opened)) == len(opened)
    assert most == 1
    assert not open_now
    assert len(PdfReader(io.BytesIO(data)).pages) > len(opened)


@pytest.mark.slow
def test_a_long_contents_laid_out_in_runs_reads_as_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A big anthology's contents is laid out a run of entries at a time (bounded memory); the pages must
    # be those of the contents laid out in one go: same entries on the same pages, every link kept.
    from ebookify.render.pdf import writer as pdf_module

    book = make_book(
        [story(f"Story {n}", 9, 1, words=10) for n in range(1, 8)], title="Many", authors=["Test Author"]
    )
    whole, runs = tmp_path / "whole.pdf", tmp_path / "runs.pdf"
    whole.write_bytes(render_pdf_bytes(book, WriteOptions(jobs=1)))
    monkeypatch.setattr(
        pdf_module, "CONTENTS_RUN", 23
    )  # 70 entries, 20-27 a page: a run of 23 fills less than a page and grows
    runs.write_bytes(render_pdf_bytes(book, WriteOptions(jobs=1)))
    reader = PdfReader(runs)
    contents = [i for i, label in enumerate(reader.page_labels) if not label.isdigit()][2:]
    assert len(contents) >= 3  # cover, title page, then the contents over several pages
    assert page_texts(runs) == page_texts(whole)
    targets = []
    for index in contents:
        for annotation in reader.pages[index].get("/Annots", []):
            dest = annotation.get_object()["/Dest"]
            number = reader.get_page_number(dest[0].get_object())
            assert number is not None
            targets.append(reader.page_labels[number])
    printed = [
        line.rsplit(" ", 1)[-1] for i in contents for line in lines(page_texts(runs)[i]) if ". ." in line
    ]
    assert len(printed) == 7 + 7 * 9  # a story entry and nine chapter entries per story

    def runs_of(values: list[str]) -> list[str]:  # an entry's text is several links to one page
        return [v for i, v in enumerate(values) if i == 0 or values[i - 1] != v]

    assert runs_of(targets) == runs_of(printed)  # each link opens the page its entry names
