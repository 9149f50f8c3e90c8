"""The WeasyPrint speed-ups change nothing but the time: margin boxes are skipped only when empty."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ebookify.render.pdf.weasy import speedups as weasy_speedups
from ebookify.render.pdf.weasy.speedups import versions_are_tested
from ebookify.render.pdf.worker import RenderJob, render_job


class _Context:
    def __init__(self, styles: dict[str, dict[str, Any]]) -> None:
        self.styles = styles

    def style_for(self, page_type: object, keyword: str) -> dict[str, Any] | None:
        return self.styles.get(keyword)


class _Page:
    page_type = "page"


def _calls(styles: dict[str, dict[str, Any]]) -> list[str]:
    called: list[str] = []

    def original(context: Any, page: Any, state: Any) -> Any:
        called.append("original")
        return iter(["box"])

    boxes = list(weasy_speedups._skip_empty_margin_boxes(original)(_Context(styles), _Page(), None))
    return called + boxes


def test_margin_boxes_are_skipped_only_when_none_has_content() -> None:
    assert _calls({}) == []
    assert _calls({"@top-center": {"content": "none"}, "@bottom-left-corner": {"content": "normal"}}) == []
    # Leave alone: one box with content, even in a corner, gets WeasyPrint's own layout of all of them.
    assert _calls({"@bottom-right-corner": {"content": [("string", "7")]}}) == ["original", "box"]


@pytest.mark.slow
def test_a_running_head_still_shows_on_the_pages_that_have_one() -> None:
    css = "@page{size:A6} @page :first { @top-center { content: 'Running Head' } } p { break-after: page }"
    result = render_job(RenderJob("<p>one</p><p>two</p>", ("", css), tagged=False))
    pages = PdfReader(io.BytesIO(result.pdf)).pages
    assert "Running Head" in pages[0].extract_text()
    assert "Running Head" not in pages[1].extract_text() and "two" in pages[1].extract_text()


@pytest.mark.slow
def test_justified_text_is_drawn_exactly_as_without_the_lazy_layouts() -> None:
    from weasyprint.layout import inline

    weasy_speedups.install()
    patched = inline.add_word_spacing
    assert hasattr(patched, "ebookify_original")  # WeasyPrint as pinned has the shape the patch mirrors
    words = " ".join(f"word{i} <em>em{i}</em> a\u00a0b" for i in range(200))
    css = "@page{size:A6} p { text-align: justify; hyphens: auto } .wide { word-spacing: 3px }"
    html = f'<html lang="en"><p>{words}</p><p class="wide">{words} <u>under {words}</u></p></html>'
    job = RenderJob(html, ("", css), tagged=True)
    with_patch = render_job(job)
    inline.add_word_spacing = patched.ebookify_original
    try:
        without = render_job(job)
    finally:
        inline.add_word_spacing = patched
    assert with_patch.page_count == without.page_count > 1
    assert with_patch.pdf == without.pdf


def _decoded_streams(pdf: bytes) -> list[bytes]:
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        # The cross-reference stream lists byte offsets, which move when the streams shrink or grow.
        streams = [obj for obj in document.objects if isinstance(obj, pikepdf.Stream)]
        return [obj.read_bytes() for obj in streams if obj.get("/Type") != "/XRef"]


@pytest.mark.slow
def test_streams_deflated_faster_decode_to_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    import pydyf  # type: ignore[import-untyped]

    weasy_speedups.install()
    patched = pydyf.Stream.data
    assert patched.fget is weasy_speedups._stream_data  # pydyf as pinned has the shape the patch mirrors
    import hashlib

    # Varied words: a repetitive text deflates to the same bytes at any level.
    words = " ".join(hashlib.sha1(str(i).encode()).hexdigest()[: 3 + i % 9] for i in range(4000))
    job = RenderJob(f'<html lang="en"><p>{words}</p></html>', ("", "@page{size:A6}"), tagged=True)
    fast = render_job(job)
    monkeypatch.setattr(pydyf.Stream, "data", property(weasy_speedups.ORIGINALS["stream_data"]))
    monkeypatch.setattr(weasy_speedups, "_stream_data_has_known_shape", lambda: False)  # stay unpatched
    slow = render_job(job)
    monkeypatch.undo()
    assert pydyf.Stream.data is patched
    assert fast.pdf != slow.pdf  # the patch did change the compression
    assert _decoded_streams(fast.pdf) == _decoded_streams(slow.pdf)


def _pixels(pdf: bytes, folder: Path) -> list[bytes]:
    from PIL import Image

    source = folder / "page.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(source), str(folder / "p")], check=True)
    return [Image.open(path).convert("L").tobytes() for path in sorted(folder.glob("p-*.png"))]


@pytest.mark.slow
def test_dot_leaders_are_drawn_as_before_with_far_fewer_text_boxes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from weasyprint.layout import inline

    weasy_speedups.install()
    patched = inline.handle_leader
    assert hasattr(patched, "ebookify_original")
    entries = "".join(
        f'<li><span>Chapter {i}: {"a long title " * (i % 7)}</span> <span class="n">{i * 13}</span></li>'
        for i in range(40)
    )
    css = "@page{size:A6} li { list-style: none } .n::before { content: leader('. ') }"
    job = RenderJob(f'<html lang="en"><ol>{entries}</ol></html>', ("", css), tagged=True)
    merged = render_job(job)
    monkeypatch.setattr(inline, "handle_leader", patched.ebookify_original)
    monkeypatch.setattr(weasy_speedups, "install", lambda: True)  # render without the patch
    separate = render_job(job)
    monkeypatch.undo()
    assert merged.page_count == separate.page_count > 1
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    # The same pages at 150 dpi, but for anti-aliasing: Pango places a run of glyphs to 1/1024 px, so
    # a dot may land a hair away from where its own box put it (here ~30 pixels of 540,000 change).
    for one, other in zip(
        _pixels(merged.pdf, tmp_path / "a"), _pixels(separate.pdf, tmp_path / "b"), strict=True
    ):
        assert sum(abs(x - y) > 64 for x, y in zip(one, other, strict=True)) < 200
    text_objects = [b"".join(_decoded_streams(r.pdf)).count(b"BT") for r in (merged, separate)]
    assert text_objects[0] * 2 < text_objects[1]  # one text object a leader instead of one a dot


def _marked_ids(page: Any) -> list[int]:
    import pikepdf

    ids = []
    for instruction in pikepdf.parse_content_stream(page):
        operands, operator = instruction.operands, instruction.operator
        properties = operands[1] if operator == pikepdf.Operator("BDC") else None
        if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
            ids.append(int(properties.MCID))
    return ids


@pytest.mark.slow
def test_lines_of_text_are_marked_in_their_paragraph_and_every_id_finds_its_element() -> None:
    import pikepdf

    words = " ".join(f"word{i} <em>stress{i}</em> <a href='#x'>link{i}</a>" for i in range(150))
    html = f'<html lang="en"><p id="x">{words}</p><ul><li>item one</li><li>item two</li></ul></html>'
    result = render_job(RenderJob(html, ("", "@page{size:A6}"), tagged=True))
    with pikepdf.open(io.BytesIO(result.pdf)) as pdf:
        parents = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
        paragraphs = 0
        for page in pdf.pages:
            ids = _marked_ids(page)
            assert ids, "every page has marked text"
            owners = parents[int(page.obj.StructParents)]
            for mcid in ids:
                owner = owners[mcid]
                assert mcid in [kid for kid in owner.K if isinstance(kid, int)]  # the id is its kid
                assert owner.Pg.objgen == page.obj.objgen
                paragraphs += owner.S == "/P"
            # No element is left holding a single line of text of a paragraph on its own.
            assert all(owner.S != "/Span" or owner.P.S not in ("/P", "/LBody") for owner in owners)
        assert paragraphs > 100  # the paragraph's lines belong to the paragraph itself
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(result.pdf)).pages)
    assert "word149 stress149 link149" in " ".join(text.split()) and "item two" in text


def test_internals_are_touched_only_on_tested_versions() -> None:
    # The one version-checked door: WeasyPrint 66 and 68 broke with these patches (issue 19).
    assert versions_are_tested("70.0", "0.13.0")
    assert versions_are_tested("70.0", "0.11.0")  # the oldest pins CI tests
    assert not versions_are_tested("69.1", "0.10.0")  # outside the pins of pyproject.toml, so untested
    assert not versions_are_tested("68.1", "0.13.0")
    assert not versions_are_tested("71.0", "0.13.0")
    assert not versions_are_tested("70.0", "0.14.0")
    assert not versions_are_tested("70.0", "0.9.2")
    assert not versions_are_tested("", "0.13.0")
