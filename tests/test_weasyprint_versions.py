"""The oldest-WeasyPrint check: its pins come from pyproject's lower bounds, and it sees a changed page."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from . import weasyprint_versions
from .weasyprint_versions import _same_release, differences, oldest_pins


def _pyproject(folder: Path, dependencies: list[str]) -> Path:
    path = folder / "pyproject.toml"
    listed = ", ".join(f'"{d}"' for d in dependencies)
    path.write_text(f"[project]\nname = 'x'\ndependencies = [{listed}]\n", encoding="utf-8")
    return path


def test_the_pins_are_the_lower_bounds_of_weasyprint_and_pydyf(tmp_path: Path) -> None:
    path = _pyproject(tmp_path, ["lxml>=5", "weasyprint >= 70, <71", "pydyf>=0.11,<0.14"])
    assert oldest_pins(path) == ["weasyprint==70", "pydyf==0.11"]
    # Leave alone: without a lower bound there is no oldest version to test, and that is an error.
    with pytest.raises(SystemExit, match="pydyf"):
        oldest_pins(_pyproject(tmp_path, ["weasyprint>=70", "pydyf<1"]))


def test_the_project_pins_what_it_allows() -> None:
    assert [pin.split("==")[0] for pin in oldest_pins()] == ["weasyprint", "pydyf"]


def test_a_version_is_of_its_pins_release() -> None:
    assert _same_release("70.0", "70") and _same_release("0.11.0", "0.11") and _same_release("70", "70.0")
    assert not _same_release("70.1", "70.0") and not _same_release("0.13.0", "0.11")


def _pdf(path: Path, sizes: list[tuple[int, int]]) -> Path:
    pdf = pikepdf.new()
    for width, height in sizes:
        pdf.add_blank_page(page_size=(width, height))
    pdf.save(path)
    return path


def test_a_changed_page_or_page_count_is_a_difference(tmp_path: Path) -> None:
    one = _pdf(tmp_path / "one.pdf", [(300, 400), (300, 400)])
    for name in ("same", "bigger", "short"):
        (tmp_path / name).mkdir()
    assert differences(one, _pdf(tmp_path / "same.pdf", [(300, 400), (300, 400)]), tmp_path / "same") == []
    bigger = _pdf(tmp_path / "bigger.pdf", [(300, 400), (300, 500)])
    assert differences(one, bigger, tmp_path / "bigger") == ["page 2: the pixels differ at 30 dpi"]
    short = _pdf(tmp_path / "short.pdf", [(300, 400)])
    assert differences(one, short, tmp_path / "short") == ["2 pages against 1"]


def _text_pdf(path: Path, text: str) -> Path:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(300, 400))
    page = pdf.pages[0]
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
    )
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream(f"BT /F1 24 Tf 20 300 Td ({text}) Tj ET".encode())
    pdf.save(path)
    return path


def test_a_changed_word_is_a_difference_of_text(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    found = differences(
        _text_pdf(tmp_path / "a.pdf", "Hello"), _text_pdf(tmp_path / "b.pdf", "Hallo"), tmp_path / "d"
    )
    assert "page 1: the text differs" in found


def test_the_same_bytes_are_the_same_book_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = _text_pdf(tmp_path / "one.pdf", "Hello")
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(one.read_bytes())

    def unread(pdf: Path, *_: object) -> list[str]:
        raise AssertionError(f"{pdf} was read")

    monkeypatch.setattr(weasyprint_versions, "page_texts", unread)
    monkeypatch.setattr(weasyprint_versions, "page_pixels", unread)
    assert differences(one, copy, tmp_path) == []
    # Leave alone: a file of other bytes is read, even when it shows the same book.
    with pytest.raises(AssertionError, match="was read"):
        differences(one, _text_pdf(tmp_path / "other.pdf", "Hello "), tmp_path)
