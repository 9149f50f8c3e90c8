"""The one-JVM EPUBCheck batch reports exactly what separate `java -jar epubcheck.jar` runs report."""

from __future__ import annotations

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


@pytest.mark.slow
def test_repeated_runs_in_one_jvm_give_the_messages_of_separate_runs(tmp_path: Path) -> None:
    valid, broken = _books(tmp_path)
    alone = {book: epubcheck.check_alone(book) for book in (broken, valid)}
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
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    valid, broken = _books(tmp_path)
    unlaunchable = tmp_path / "Broken.java"
    unlaunchable.write_text("this is not Java\n", encoding="utf-8")  # what a JRE without javac also fails on
    monkeypatch.setattr(epubcheck, "BATCH_SOURCE", unlaunchable)
    monkeypatch.setattr(epubcheck._Shared, "batch", None)
    monkeypatch.setattr(epubcheck._Shared, "failed", False)
    with pytest.warns(UserWarning, match="one JVM per book"):
        reports = epubcheck.check_many([valid, broken])
    assert reports[valid] == []
    assert any(message.startswith(("ERROR", "FATAL")) for message in reports[broken])
