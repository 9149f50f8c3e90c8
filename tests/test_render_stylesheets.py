"""The user's CSS: local @imports and url() files packed and served, remote and outside ones refused."""

from __future__ import annotations

import base64
import io
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from ebookify import Chapter, Metadata, Paragraph, Span, Story, WriteOptions, make_book, write_epub, write_pdf
from ebookify.cli import main
from ebookify.errors import OptionsError
from ebookify.render.css_references import check_standalone
from ebookify.render.stylesheets import MAX_IMPORT_DEPTH, BookStyle, StyleFile, book_style

from .epubcheck import check_one, require_java
from .images import png_header

PNG = (  # a 1x1 PNG
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa75\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _font() -> Path:
    """A TrueType font of the system's (DejaVu Serif, which the PDF tests need anyway)."""
    found = subprocess.run(
        ["fc-match", "-f", "%{file}", "DejaVu Serif"], check=False, capture_output=True, text=True
    )
    path = Path(found.stdout.strip())
    if path.suffix.lower() != ".ttf" or not path.is_file():
        pytest.skip("no DejaVu Serif .ttf on this system")
    return path


def _tiny_font() -> bytes:
    """A TrueType font of one glyph, made here (a few hundred bytes)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    pen = TTGlyphPen(None)
    pen.moveTo((0, 0))
    pen.lineTo((0, 500))
    pen.lineTo((500, 500))
    pen.closePath()
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "a"])
    builder.setupCharacterMap({ord("a"): "a"})
    builder.setupGlyf({".notdef": pen.glyph(), "a": pen.glyph()})
    builder.setupHorizontalMetrics({".notdef": (500, 0), "a": (500, 0)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Tiny", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()


TINY = _tiny_font()


def _styled(folder: Path, main_css: str, **files: str | bytes) -> Path:
    """A stylesheet `my.css` in `folder/css` with the given files beside it (names with / make folders)."""
    css = folder / "css"
    css.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = css / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    (css / "my.css").write_text(main_css, encoding="utf-8")
    return css / "my.css"


def _book() -> Any:
    paragraphs = (Paragraph((Span("It was a dark and stormy night."),)), Paragraph((Span("The end."),)))
    return make_book([Story("s.txt", Metadata("Styled", ("Ann",)), (Chapter("One", paragraphs),))])


def _refusal(style: Path) -> str:
    with pytest.raises(OptionsError) as caught:
        book_style(str(style))
    message = str(caught.value)
    assert "\n" not in message and str(style.parent) in message  # the file that makes the reference
    return message


MAIN = '@import "extra.css";\nbody { background: url(img/bg.png); }\n'


def test_local_import_and_files_are_gathered_and_renamed(tmp_path: Path) -> None:
    extra = '@font-face { font-family: "Body"; src: url("fonts/Body.ttf") format("truetype"); }\n'
    files: dict[str, str | bytes] = {"extra.css": extra, "img__bg.png": PNG, "fonts__Body.ttf": TINY}
    style = _styled(tmp_path, MAIN, **files)
    result = book_style(str(style), "internal:style/")
    assert (
        result.css
        == '@import "internal:style/extra.css";\nbody { background: url("internal:style/img-bg.png"); }\n'
    )
    packed = {f.name: f for f in result.files}
    assert {name: f.media_type for name, f in packed.items()} == {
        "extra.css": "text/css",
        "img-bg.png": "image/png",
        "fonts-Body.ttf": "font/ttf",
    }
    # The imported file's own reference is relative to it, rewritten the same way.
    assert b'url("internal:style/fonts-Body.ttf")' in packed["extra.css"].data
    assert packed["img-bg.png"].data == PNG


def test_a_stylesheet_without_references_and_a_builtin_style_are_left_as_written(tmp_path: Path) -> None:
    plain = "/* mine */\np { color: teal }\n@namespace svg url(http://www.w3.org/2000/svg);\n"
    plain += "a { filter: url(#f) }"
    assert book_style(str(_styled(tmp_path, plain))) == BookStyle(plain)
    assert book_style("classic").files == ()


PNG_DATA = "data:image/png;base64," + base64.b64encode(PNG).decode("ascii")


def test_a_data_url_becomes_a_file_of_the_book(tmp_path: Path) -> None:
    # The PDF renderer fetches no data: URL, so both books get it as a file (once for the same URL twice).
    css = f'p {{ background: url("{PNG_DATA}") }} h1 {{ background: url({PNG_DATA}) }}'
    result = book_style(str(_styled(tmp_path, css)))
    assert result.css == 'p { background: url("inline.png") } h1 { background: url("inline.png") }'
    assert result.files == (StyleFile("inline.png", PNG, "image/png"),)
    tiny = base64.b64encode(TINY).decode("ascii")
    font = book_style(
        str(_styled(tmp_path, f"@font-face {{ src: url(data:application/x-font-ttf;base64,{tiny}) }}"))
    )
    assert font.files == (StyleFile("inline.ttf", TINY, "font/ttf"),)
    assert "not a font or image" in _refusal(_styled(tmp_path, "p { background: url(data:,hello) }"))
    assert "damaged" in _refusal(_styled(tmp_path, "p { background: url(data:image/png;base64,@@) }"))
    assert "@import" in _refusal(_styled(tmp_path, '@import "data:text/css,p{}";'))


def test_a_file_imported_twice_is_packed_once(tmp_path: Path) -> None:
    # A diamond: both imports import base.css; it is one file, not a loop.
    main_css = '@import "a.css";\n@import url(b.css);\n'
    style = _styled(
        tmp_path,
        main_css,
        **{"a.css": '@import "base.css";', "b.css": '@import "base.css";', "base.css": "p{}"},
    )
    assert sorted(f.name for f in book_style(str(style)).files) == ["a.css", "b.css", "base.css"]


@pytest.mark.parametrize(
    "reference",
    [
        '@import "http://example.com/x.css";',
        "@import url(https://example.com/x.css);",
        '@import "//example.com/x.css";',
        "p { background: url(ftp://example.com/bg.png) }",
    ],
)
def test_a_remote_reference_is_refused_with_one_line(tmp_path: Path, reference: str) -> None:
    message = _refusal(_styled(tmp_path, reference))
    assert "example.com" in message and "remote" in message


@pytest.mark.parametrize(
    "reference",
    [
        "p { background: url(../outside.png) }",
        '@import "sub/../../outside.css";',
        "p { background: url(file:///etc/passwd) }",
        'p { background: url("/etc/hosts") }',
    ],
)
def test_a_file_outside_the_stylesheets_folder_is_refused(tmp_path: Path, reference: str) -> None:
    (tmp_path / "outside.png").write_bytes(PNG)
    (tmp_path / "outside.css").write_text("p {}", encoding="utf-8")
    assert "outside the stylesheet's folder" in _refusal(_styled(tmp_path, reference))


def test_a_symlink_out_of_the_folder_is_refused_and_one_inside_is_read(tmp_path: Path) -> None:
    (tmp_path / "secret.png").write_bytes(PNG)
    style = _styled(tmp_path, "p { background: url(link.png) }")
    (style.parent / "link.png").symlink_to(tmp_path / "secret.png")
    assert "outside" in _refusal(style)
    (style.parent / "link.png").unlink()
    (style.parent / "real.png").write_bytes(PNG)
    (style.parent / "link.png").symlink_to(style.parent / "real.png")
    assert [f.name for f in book_style(str(style)).files] == ["real.png"]


def test_import_loops_and_deep_chains_are_refused(tmp_path: Path) -> None:
    style = _styled(tmp_path, '@import "a.css";', **{"a.css": '@import "my.css";'})
    assert "loop" in _refusal(style)
    chain = {f"c{n}.css": f'@import "c{n + 1}.css";' for n in range(MAX_IMPORT_DEPTH + 2)}
    assert "deep" in _refusal(_styled(tmp_path / "deep", '@import "c0.css";', **chain))
    # Leave alone: a chain as deep as allowed.
    chain = {f"c{n}.css": f'@import "c{n + 1}.css";' for n in range(MAX_IMPORT_DEPTH - 1)}
    chain[f"c{MAX_IMPORT_DEPTH - 1}.css"] = "p {}"
    assert (
        len(book_style(str(_styled(tmp_path / "ok", '@import "c0.css";', **chain))).files) == MAX_IMPORT_DEPTH
    )


def test_missing_files_and_types_a_book_cannot_hold_are_refused(tmp_path: Path) -> None:
    assert "No such file" in _refusal(_styled(tmp_path, "p { background: url(none.png) }"))
    story = _styled(tmp_path, "p { background: url(notes.txt) }", **{"notes.txt": "x"})
    assert "font or image" in _refusal(story)
    assert ".css" in _refusal(_styled(tmp_path, '@import "bg.png";', **{"bg.png": PNG}))


def test_a_font_file_that_is_no_font_or_a_damaged_one_is_refused(tmp_path: Path) -> None:
    rule = '@font-face { font-family: "Mine"; src: url(mine.ttf); }'
    assert "not a font file" in _refusal(_styled(tmp_path, rule, **{"mine.ttf": "not a font at all\n"}))
    cut = _styled(tmp_path, rule, **{"mine.ttf": TINY[: len(TINY) - 40]})
    assert "damaged font" in _refusal(cut)
    inline = (
        '@font-face { src: url("data:font/woff2;base64,' + base64.b64encode(b"wOF2junk").decode() + '") }'
    )
    assert "damaged font" in _refusal(_styled(tmp_path, inline))
    # Leave alone: the same rule naming a real font.
    assert book_style(str(_styled(tmp_path, rule, **{"mine.ttf": TINY}))).files[0].data == TINY


def test_a_fonts_media_type_follows_its_bytes_not_its_name(tmp_path: Path) -> None:
    # A WOFF font saved as mine.ttf is packed as mine.woff, font/woff: a reader picks its decoder by the type.
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(TINY))
    font.flavor = "woff"
    woff = io.BytesIO()
    font.save(woff)
    rule = '@font-face { font-family: "Mine"; src: url(mine.ttf); }'
    style = book_style(str(_styled(tmp_path, rule, **{"mine.ttf": woff.getvalue()})))
    assert (style.files[0].name, style.files[0].media_type) == ("mine.woff", "font/woff")
    assert 'url("mine.woff")' in style.css
    # Left alone: a TrueType font named .ttf stays font/ttf.
    assert book_style(str(_styled(tmp_path, rule, **{"mine.ttf": TINY}))).files[0].media_type == "font/ttf"


def test_an_image_over_the_pixel_bound_is_refused_from_its_header(tmp_path: Path) -> None:
    # 30000 x 30000 would decode to gigabytes (Pillow itself refuses it), 8000 x 8000 is over our bound:
    # both are refused in our words, from the size in the header, before any decoding.
    rule = "body { background: url(bg.png) }"
    for size in (30_000, 8_000):
        said = _refusal(_styled(tmp_path / str(size), rule, **{"bg.png": png_header(size, size)}))
        assert "over the 50 megapixels read" in said and "decompression bomb" not in said
    # Leave alone: 7000 x 7000 is 49 megapixels (a large photo), within the bound.
    big = io.BytesIO()
    Image.new("1", (7000, 7000)).save(big, format="PNG")
    assert book_style(str(_styled(tmp_path / "7000", rule, **{"bg.png": big.getvalue()}))).files


def test_an_image_file_that_is_no_image_or_a_damaged_one_is_refused(tmp_path: Path) -> None:
    rule = "body { background: url(bg.png) }"
    assert "not an image file" in _refusal(_styled(tmp_path, rule, **{"bg.png": "not a png\n"}))
    assert "damaged image" in _refusal(_styled(tmp_path, rule, **{"bg.png": PNG[:40]}))
    svg = "body { background: url(bg.svg) }"
    assert "SVG" in _refusal(_styled(tmp_path, svg, **{"bg.svg": "<svg><unclosed></svg>"}))
    assert "<html>" in _refusal(_styled(tmp_path, svg, **{"bg.svg": "<html/>"}))
    # Leave alone: a real PNG and a real SVG.
    good = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'
    files: dict[str, str | bytes] = {"bg.png": PNG, "bg.svg": good}
    assert len(book_style(str(_styled(tmp_path, rule + svg, **files))).files) == 2


# The EPUB packed such files and the PDF stopped with exit 3 ("Font-face 'Mine' cannot be loaded", "Failed to
# load image"): both refuse them now, before any work.
_BROKEN = {
    "font": (
        '@font-face { font-family: "Mine"; src: url(mine.ttf); }\np { font-family: "Mine" }\n',
        "mine.ttf",
    ),
    "image": ("body { background: url(bg.png) }\n", "bg.png"),
}


@pytest.mark.parametrize("suffix", [".epub", ".pdf"])
@pytest.mark.parametrize("kind", sorted(_BROKEN))
def test_the_cli_refuses_a_font_or_image_that_is_not_one_in_both_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str, kind: str
) -> None:
    story = tmp_path / "story.txt"
    story.write_text("It was a dark and stormy night.\n\nThe end.\n", encoding="utf-8")
    rule, name = _BROKEN[kind]
    style = _styled(tmp_path, rule, **{name: "not a font or an image at all\n"})
    target = tmp_path / f"story{suffix}"
    assert main([str(story), "--style", str(style), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert (
        err.count("\n") == 1
        and "my.css" in err
        and f'"{name}"' in err
        and f"not a{'n' * (kind == 'image')} {kind}" in err
    )
    assert not target.exists()


def test_the_cli_refuses_a_remote_import_with_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text("It was a dark and stormy night.\n\nThe end.\n", encoding="utf-8")
    style = _styled(tmp_path, '@import "https://example.com/evil.css";\n')
    target = tmp_path / "story.epub"
    assert main([str(story), "--style", str(style), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "my.css" in err and "https://example.com/evil.css" in err
    assert not target.exists()
    # Leave alone: the same story with a local import.
    style = _styled(tmp_path, '@import "extra.css";\n', **{"extra.css": "p { color: teal }"})
    assert main([str(story), "--style", str(style), "-o", str(target), "-q"]) == 0


def test_the_epub_holds_the_import_and_the_font_and_passes_epubcheck(tmp_path: Path) -> None:
    require_java()
    extra = '@font-face { font-family: "Body"; src: url(fonts/Body.ttf); }\nbody { font-family: "Body" }\n'
    extra += f"h1 {{ background: url({PNG_DATA}) }}\n"
    files: dict[str, str | bytes] = {
        "extra.css": extra,
        "img__bg.png": PNG,
        "fonts__Body.ttf": _font().read_bytes(),
    }
    style = _styled(tmp_path, MAIN, **files)
    target = write_epub(_book(), tmp_path / "styled.epub", WriteOptions(style=str(style)))
    with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as archive:
        names = set(archive.namelist())
        opf = archive.read("EPUB/content.opf").decode("utf-8")
        assert archive.read("EPUB/styles/book.css").decode("utf-8").startswith('@import "extra.css";')
        assert b'url("fonts-Body.ttf")' in archive.read("EPUB/styles/extra.css")
    wanted = {"extra.css", "fonts-Body.ttf", "img-bg.png", "inline.png"}
    assert {f"EPUB/styles/{name}" for name in wanted} <= names
    assert 'href="styles/fonts-Body.ttf"' in opf and 'media-type="font/ttf"' in opf
    problems = [m for m in check_one(target) if not m.startswith(("USAGE", "INFO"))]
    assert problems == []


@pytest.mark.slow
def test_the_pdf_uses_the_imported_rule_and_the_font(tmp_path: Path, fetched: list[str]) -> None:
    extra = '@font-face { font-family: "Shown"; src: url(fonts/Body.ttf); }\np { font-family: "Shown" }\n'
    extra += f"body {{ background: url({PNG_DATA}) }}\n"  # refused as a data: URL before: exit 3
    files: dict[str, str | bytes] = {"extra.css": extra, "fonts__Body.ttf": _font().read_bytes()}
    style = _styled(tmp_path, '@import "extra.css";\n', **files)
    target = write_pdf(_book(), tmp_path / "styled.pdf", WriteOptions(style=str(style), jobs=1))
    assert any(url.endswith("style/extra.css") for url in fetched), fetched
    assert any(url.endswith("style/fonts-Body.ttf") for url in fetched), fetched
    assert any(url.endswith("style/inline.png") for url in fetched), fetched
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
    assert "+Shown" in fonts  # the text is set in the imported @font-face, by its own name


def test_an_uploaded_stylesheet_must_stand_alone() -> None:
    with pytest.raises(OptionsError, match="refers to another file"):
        check_standalone('@import "other.css";', "the stylesheet")
    with pytest.raises(OptionsError, match=r"example\.com"):
        check_standalone("p { background: url(http://example.com/x.png) }", "the stylesheet")
    # Leave alone: inline data, fragments and @namespace names.
    check_standalone(
        '@namespace svg url(http://www.w3.org/2000/svg); p { background: url("data:,x") }'
        " a { filter: url(#f) }",
        "the stylesheet",
    )


def test_a_manifests_style_gets_the_same_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("It was a dark and stormy night.\n\nThe end.\n", encoding="utf-8")
    _styled(tmp_path, '@import "extra.css";\n', **{"extra.css": "p { color: teal }"})
    manifest = tmp_path / "book.toml"
    manifest.write_text(
        'title = "T"\nstyle = "css/my.css"\nformats = ["epub"]\n[[stories]]\npath = "a.txt"\n',
        encoding="utf-8",
    )
    assert main(["build", str(manifest), "-q"]) == 0
    with zipfile.ZipFile(next(tmp_path.glob("*.epub"))) as book:
        assert book.read("EPUB/styles/extra.css") == b"p { color: teal }"
    (tmp_path / "css" / "extra.css").write_text('@import "../../elsewhere.css";', encoding="utf-8")
    assert main(["build", str(manifest), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "extra.css" in err and "../../elsewhere.css" in err
