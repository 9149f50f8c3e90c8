"""Line-end hyphens that copy as text the readers' tools join: the drawn hyphen carries /ActualText."""

from __future__ import annotations

import re
from typing import Any

# WeasyPrint draws a hyphenated line's hyphen (CSS hyphenate-character, U+2010 by default) as the last
# glyph of the line's last TJ operation, and maps that glyph to U+2010 for text extraction: copied text
# reads "Dis‐ tributed". Tagged PDF's way to give drawn glyphs other text is a marked-content span with
# /ActualText; a hyphen-minus there is what extractors take for a line-end hyphen and join the word
# over (poppler's pdftotext gives "Distributed"), while the page still shows the same glyph.
ACTUAL_TEXT = b"/Span <</ActualText <FEFF002D>>> BDC"
_LAST_GLYPH = re.compile(rb"\[(.*)([0-9a-f]{4})>(-?[0-9.]+)?\] TJ", re.S)
"""The line's glyphs as WeasyPrint writes them: <hex glyph ids>, kerning numbers between; the last
glyph (four hex digits; a line of a two-digit bitmap font, colour emoji, is taken as the same shape, and
a hyphen is never drawn from one) and the kerning after it."""


def split_last_glyph(operation: bytes) -> list[bytes] | None:
    """The TJ operation as the line's glyphs but the last, then the last glyph in an /ActualText span;
    None when it is not of the shape WeasyPrint writes."""
    match = _LAST_GLYPH.fullmatch(operation)
    if match is None:
        return None
    head, glyph, kerning = match.group(1), match.group(2), match.group(3) or b""
    head = head[:-1] if head.endswith(b"<") else head + b">"
    operations = [b"[" + head + b"] TJ"] if head else []
    return [*operations, ACTUAL_TEXT, b"[<" + glyph + b">" + kerning + b"] TJ", b"EMC"]


def _marked_hyphens(original: Any) -> Any:
    def draw_first_line(stream: Any, textbox: Any, *args: Any) -> Any:
        result = original(stream, textbox, *args)
        style = textbox.style
        hyphen = style["hyphenate_character"]
        if style["hyphens"] != "none" and hyphen and textbox.pango_layout.text.endswith(hyphen):
            operations = stream.stream
            last = operations[-1] if operations else None
            replaced = split_last_glyph(last) if isinstance(last, bytes) else None
            if replaced is not None:
                operations[-1:] = replaced
        return result

    draw_first_line.ebookify_original = original  # type: ignore[attr-defined]
    return draw_first_line


def _has_known_shape(function: Any) -> bool:
    """The patch reads what WeasyPrint 69-70's draw_first_line writes last; anything else is left alone."""
    import inspect

    source = inspect.getsource(function)
    parameters = list(inspect.signature(function).parameters)
    return (
        source.rstrip().endswith("return emojis")
        and "    stream.show_text(string)\n\n    return emojis" in source
        and parameters[:2] == ["stream", "textbox"]
    )


def install() -> bool:
    """Mark drawn line-end hyphens; False, touching nothing, when WeasyPrint's drawing has another shape."""
    import pydyf  # type: ignore[import-untyped]
    import weasyprint
    from weasyprint.draw import text

    from ebookify.render.pdf.weasy.speedups import versions_are_tested

    if not versions_are_tested(weasyprint.__version__, pydyf.__version__):
        return False
    function = getattr(text, "draw_first_line", None)
    if hasattr(function, "ebookify_original"):
        return True  # installed by an earlier job of this worker
    if function is None or not _has_known_shape(function):
        return False
    text.draw_first_line = _marked_hyphens(function)
    return True
