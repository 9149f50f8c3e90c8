"""The one-JVM EPUBCheck batch reports exactly what separate `java -jar epubcheck.jar` runs report."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import pytest

from ebookify import load_story, make_book, write_epub

from . import epubcheck
from .conftest import DATA


def _books(folder: Path) -> tuple[Path, Path]:
    """A valid book, and a copy missing its first chapter file (still named in the package document)."""
    valid = folder / "valid.epub"
    write_epub(make_book([load_story(DATA / "change-of-plans.txt")]), valid)
    broken = folder / "broken.epub"
    with zipfile.ZipFile(valid) as source, zipfile.ZipFile(broken, "w") as target:
        chapters = [n for n in source.namelist() if n.endswith(".xhtml") and "nav" not in n]
        for info in source.infolist():
            if info.filename != chapters[0]:
                target.writestr(info, source.read(info))
    return valid, broken


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The valid book and its broken copy."""
    return _books(tmp_path_factory.mktemp("epubcheck-batch"))


@pytest.fixture(scope="module")
def fallback(books: tuple[Path, Path]) -> tuple[dict[Path, list[str]], list[str]]:
    """Both books checked when the batch cannot start (a source the launcher cannot compile, as a JRE without
    javac fails): one separate `java -jar` run per book (check_alone), and the warnings given. One module
    fixture, because each JVM start costs seconds: the batch test compares against these separate runs."""
    valid, broken = books
    unlaunchable = valid.parent / "Broken.java"
    unlaunchable.write_text("this is not Java\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        patch.setattr(epubcheck, "BATCH_SOURCE", unlaunchable)
        patch.setattr(epubcheck._Shared, "batch", None)
        patch.setattr(epubcheck._Shared, "failed", False)
        reports = epubcheck.check_many([valid, broken])
    return reports, [str(warning.message) for warning in caught]


@pytest.mark.slow
def test_repeated_runs_in_one_jvm_give_the_messages_of_separate_runs(
    books: tuple[Path, Path], fallback: tuple[dict[Path, list[str]], list[str]]
) -> None:
    valid, broken = books
    alone = fallback[0]
    assert any(message.startswith(("ERROR", "FATAL")) for message in alone[broken])
    assert alone[valid] == []
    try:
        batch = epubcheck.Batch(epubcheck.require_java())
    except epubcheck.BatchUnavailableError as error:
        pytest.skip(f"no JDK source launcher here, so the batch cannot run: {error}")
    try:
        # Broken, valid, broken: no state from one book leaks into the next.
        assert [batch.check(book) for book in (broken, valid, broken)] == [alone[broken], [], alone[broken]]
    finally:
        batch.close()


@pytest.mark.slow
def test_without_the_source_launcher_every_book_is_still_checked(
    books: tuple[Path, Path], fallback: tuple[dict[Path, list[str]], list[str]]
) -> None:
    valid, broken = books
    reports, warned = fallback
    assert any("one JVM per book" in message for message in warned)
    assert reports[valid] == []
    assert any(message.startswith(("ERROR", "FATAL")) for message in reports[broken])
