"""Anthologies from the command line: order, sorting, metadata union, skipping bad stories, progress."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ebookify import load_story, make_book
from ebookify.cli import main
from ebookify.errors import OptionsError

from .conftest import DATA

GOODBYE = DATA / "goodbye-my-almost-lover.txt"
CHANGE = DATA / "change-of-plans.txt"


def nav_titles(epub: Path) -> str:
    return zipfile.ZipFile(epub).read("EPUB/nav.xhtml").decode()


def test_stories_in_given_order(tmp_path: Path) -> None:
    out = tmp_path / "a.epub"
    assert main([str(CHANGE), str(GOODBYE), "-o", str(out), "--title", "Winter Collection", "-q"]) == 0
    nav = nav_titles(out)
    assert nav.index("Change of Plans") < nav.index("Goodbye, my almost lover")
    assert "<dc:title>Winter Collection</dc:title>" in zipfile.ZipFile(out).read("EPUB/content.opf").decode()


def test_sort_by_title(tmp_path: Path) -> None:
    out = tmp_path / "a.epub"
    assert main([str(GOODBYE), str(CHANGE), "-o", str(out), "--sort", "title", "-q"]) == 0
    nav = nav_titles(out)
    assert nav.index("Change of Plans") < nav.index("Goodbye, my almost lover")


def test_quoted_glob_is_expanded(tmp_path: Path) -> None:
    for source in (GOODBYE, CHANGE):
        (tmp_path / source.name).write_bytes(source.read_bytes())
    out = tmp_path / "all.epub"
    assert main([str(tmp_path / "*.txt"), "-o", str(out), "-q"]) == 0
    nav = nav_titles(out)
    assert "Change of Plans" in nav and "Goodbye, my almost lover" in nav


def test_glob_without_match_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "*.txt"), "-o", str(tmp_path / "x.epub")]) != 0
    assert "no file matches" in capsys.readouterr().err


def test_metadata_union_and_editor() -> None:
    stories = [load_story(GOODBYE), load_story(CHANGE)]
    book = make_book(stories, title="Both", editor="Ed")
    assert book.is_anthology and book.editor == "Ed"
    assert set(stories[0].metadata.genres) <= set(book.metadata.genres)
    assert set(stories[0].metadata.pairings) <= set(book.metadata.pairings)


def test_bad_story_stops_the_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = tmp_path / "a.epub"
    assert main([str(GOODBYE), str(bad), "-o", str(out)]) != 0
    err = capsys.readouterr().err
    assert "bad.txt" in err and "Traceback" not in err
    assert not out.exists()


def test_skip_bad_leaves_it_out_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    out = tmp_path / "a.epub"
    assert main([str(GOODBYE), str(bad), str(CHANGE), "-o", str(out), "--skip-bad"]) == 0
    err = capsys.readouterr().err
    assert "skipping" in err and "bad.txt" in err
    nav = nav_titles(out)
    assert "Change of Plans" in nav and "Goodbye, my almost lover" in nav


def test_plain_progress_lines_when_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(GOODBYE), str(CHANGE), "-o", str(tmp_path / "a.epub")]) == 0
    err = capsys.readouterr().err
    assert "[1/2] read goodbye-my-almost-lover.txt" in err and "[2/2] read change-of-plans.txt" in err


def test_quiet_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(GOODBYE), str(CHANGE), "-o", str(tmp_path / "a.epub"), "-q"]) == 0
    assert capsys.readouterr().err == ""


def test_book_title_page_lists_the_stories_with_authors(tmp_path: Path) -> None:
    out = tmp_path / "a.epub"
    assert main([str(GOODBYE), str(CHANGE), "-o", str(out), "--editor", "Ed", "-q"]) == 0
    page = zipfile.ZipFile(out).read("EPUB/book-title.xhtml").decode()
    listing = page[page.index('class="story-list"') :]
    assert listing.index("Goodbye, my almost lover") < listing.index("Change of Plans")
    assert "edited by Ed" in page


@pytest.mark.slow
def test_parallel_loading_keeps_order_and_reports_bad_stories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ebookify import book as book_module
    from ebookify.book import StorySource, load_stories
    from ebookify.errors import InputError

    monkeypatch.setattr(book_module, "PARALLEL_MIN_BYTES", 0)
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"   \n")
    sources = [StorySource(p) for p in (CHANGE, bad, GOODBYE)]
    skipped: list[str] = []
    stories = load_stories(
        sources, skip_bad=True, on_skipped=lambda path, error: skipped.append(str(error)), jobs=2
    )
    assert [s.metadata.title for s in stories] == ["Change of Plans", "Goodbye, my almost lover"]
    assert skipped == [f"no text in {bad}"]
    assert stories == [load_story(CHANGE), load_story(GOODBYE)]
    with pytest.raises(InputError, match="no text in"):
        load_stories(sources, jobs=2)


def test_an_unknown_sort_is_a_clear_error() -> None:
    stories = [load_story(path) for path in (GOODBYE, CHANGE)]
    with pytest.raises(OptionsError, match=r"unknown sort 'bogus' .*author, name, title"):
        make_book(stories, sort="bogus")
    # Leave alone: a known key sorts.
    titles = [s.metadata.title for s in make_book(stories, sort="title").stories]
    assert titles == sorted(titles, key=str.casefold)
