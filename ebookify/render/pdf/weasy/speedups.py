"""Measured fixes for slow steps in WeasyPrint and pydyf (its PDF writer) that our books hit."""

from __future__ import annotations

import itertools
import logging
from typing import Any

_ATTRIBUTE = "_ebookify_page_references"
# Every page-margin box of CSS Paged Media: the sides' three boxes each, then the corners.
_MARGIN_BOXES = (
    tuple(f"@{side}-{place}" for side in ("top", "bottom") for place in ("left", "center", "right"))
    + tuple(f"@{side}-{place}" for side in ("left", "right") for place in ("top", "middle", "bottom"))
    + tuple(f"@{side}-corner" for side in ("top-left", "top-right", "bottom-left", "bottom-right"))
)
_NO_CONTENT = ("normal", "inhibit", "none")


def _cached_page_references(pdf: Any) -> tuple[bytes, ...]:
    # pydyf rebuilds the tuple of every page reference each time one structure element asks for its
    # page: O(pages x elements), 3.3 s of a 464-page book. Pages only ever get appended, so a tuple
    # cached per page count gives the same answer.
    kids = pdf.pages["Kids"]
    cached = pdf.__dict__.get(_ATTRIBUTE)
    if cached is None or cached[0] != len(kids):
        cached = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        pdf.__dict__[_ATTRIBUTE] = cached
    references: tuple[bytes, ...] = cached[1]
    return references


def _skip_empty_margin_boxes(original: Any) -> Any:
    # WeasyPrint builds and sizes all 16 margin boxes of every page, then keeps those with content:
    # 0.2 ms a page, 9% of a furniture document. A page whose margin boxes all lack content gets none.
    def make_margin_boxes(context: Any, page: Any, state: Any) -> Any:
        for keyword in _MARGIN_BOXES:
            style = context.style_for(page.page_type, keyword)
            if style is not None and style["content"] not in _NO_CONTENT:
                return original(context, page, state)
        return iter(())

    make_margin_boxes.ebookify_original = original  # type: ignore[attr-defined]
    return make_margin_boxes


def _lazy_word_spacing(original: Any) -> Any:
    # Justifying a line gives each text box a new Pango layout with the extra word spacing, which
    # WeasyPrint builds (a Pango context, font description, attribute list) and at once deactivates;
    # drawing reactivates it, building it all again. A layout that starts deactivated skips the first
    # build: 20% fewer Pango layouts in a justified part. Same text, same spacing, same drawing.
    # Underlined or overlined text keeps WeasyPrint's way: drawing reads the font's metrics first.
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout.inline import count_expandable_spaces
    from weasyprint.text.line_break import Layout, create_layout

    def deactivated_layout(text: str, justification_spacing: float) -> Any:
        layout = Layout.__new__(Layout)
        layout.justification_spacing = justification_spacing
        layout.max_width = None
        layout.first_line_direction = 0
        layout.text = text
        layout.ascent = layout.underline_position = layout.strikethrough_position = None
        return layout

    def add_word_spacing(context: Any, box: Any, justification_spacing: float, x_advance: float) -> float:
        if isinstance(box, boxes.TextBox):
            box.justification_spacing = justification_spacing
            box.position_x += x_advance
            spaces = count_expandable_spaces(box)
            if spaces > 0:
                if box.style["text_decoration_line"] != "none":
                    layout = create_layout(box.text, box.style, context, None, justification_spacing)
                    layout.deactivate()
                else:
                    layout = deactivated_layout(box.text, justification_spacing)
                box.pango_layout = layout
                extra = justification_spacing * spaces
                x_advance += extra
                box.width += extra
        elif isinstance(box, boxes.LineBox | boxes.InlineBox):
            box.position_x += x_advance
            previous = x_advance
            children = box.children[::-1] if box.style["direction"] == "rtl" else box.children
            for child in children:
                if child.is_in_normal_flow():
                    x_advance = add_word_spacing(context, child, justification_spacing, x_advance)
            box.width += x_advance - previous
        else:  # an atomic inline-level box
            box.translate(x_advance, 0)
        return x_advance

    add_word_spacing.ebookify_original = original  # type: ignore[attr-defined]
    return add_word_spacing


def _merged_leaders(original: Any) -> Any:
    # A dot leader is laid out as one text box per ". ", each drawn (and tagged) on its own: 1,900
    # boxes for the novel's 58 contents entries, half of the contents page's 0.31 s. The copies sit
    # side by side, one advance apart, so one box with the text repeated draws the same glyphs in the
    # same places. Leaders of any other shape keep WeasyPrint's boxes.
    from weasyprint.layout.leader import leader_index
    from weasyprint.text.line_break import create_layout

    def handle_leader(context: Any, line: Any, containing_block: Any) -> None:
        original(context, line, containing_block)
        _, leader = leader_index(line)
        if leader is None or len(leader.children) < 2:
            return
        copies = sorted(leader.children, key=lambda box: box.position_x)
        first = copies[0]
        for left, right in itertools.pairwise(copies):
            if right.text != first.text or abs(right.position_x - left.position_x - first.width) > 1e-3:
                return
        merged = first.copy()
        merged.text = first.text * len(copies)
        merged.width = first.width * len(copies)
        spacing = getattr(first, "justification_spacing", 0)
        merged.pango_layout = create_layout(merged.text, first.style, context, None, spacing)
        leader.children = (merged,)

    handle_leader.ebookify_original = original  # type: ignore[attr-defined]
    return handle_leader


_LINE_ELEMENT_KEYS = {"Type", "S", "K", "Pg", "P"}


def _reference(pdf_object: Any) -> bytes:
    """How other pydyf objects point at `pdf_object` ("12 0 R")."""
    reference: bytes = pdf_object.reference
    return reference


def _flat_text_tags(original: Any) -> Any:
    # WeasyPrint's tag tree gives every line of text a structure element of its own (a /Span holding
    # one marked-content id) under its paragraph: 41 elements a page in a long anthology, each copied
    # and held by the assembly (2 KB of memory apiece). The ids can sit in the paragraph itself, as
    # WeasyPrint already does for links: same reading order, same text, a quarter of the elements.
    def add_tags(pdf: Any, document: Any, pdf_version: Any, page_streams: Any) -> None:
        original(pdf, document, pdf_version, page_streams)
        objects: list[Any] = pdf.objects
        lines: dict[bytes, tuple[int, bytes]] = {}
        spans: list[dict[str, Any]] = []
        for element in objects:
            if not isinstance(element, dict):
                continue
            kids = element.get("K")
            if (
                element.get("S") == "/Span"
                and set(element) == _LINE_ELEMENT_KEYS
                and isinstance(kids, list)
                and len(kids) == 1
                and isinstance(kids[0], int)
            ):
                parent = objects[int(element["P"].split()[0])]
                if parent.get("Pg") == element["Pg"]:  # a bare id belongs to its element's page
                    lines[_reference(element)] = (kids[0], element["P"])
                    spans.append(element)
        if not lines:
            return
        for parent_reference in {parent for _, parent in lines.values()}:
            parent = objects[int(parent_reference.split()[0])]
            parent["K"][:] = [lines[kid][0] if kid in lines else kid for kid in parent["K"]]
        tree = objects[int(pdf.catalog["StructTreeRoot"].split()[0])]
        numbers = objects[int(tree["ParentTree"].split()[0])]["Nums"]
        for entry in numbers:
            if isinstance(entry, list):
                entry[:] = [lines[kid][1] if kid in lines else kid for kid in entry]
        for span in spans:
            span.clear()  # nothing points at it any more; pydyf has no way to drop an object

    add_tags.ebookify_original = original  # type: ignore[attr-defined]
    return add_tags


_FLATE_LEVEL = 6
ORIGINALS: dict[str, Any] = {}
"""What the patches replaced, by name ("stream_data": pydyf's own Stream.data); the tests compare."""


def _stream_data(self: Any) -> bytes:
    # pydyf deflates every stream at level 9: 0.11 s of a 57-page part's 1.3 s. Level 6 (zlib's default)
    # takes 0.03 s for streams 2% larger (measured on the novel); the PDF decodes to the same pages.
    import zlib

    import pydyf  # type: ignore[import-untyped]

    stream = b"\n".join(pydyf._to_bytes(item) for item in self.stream)
    extra = pydyf.Dictionary(self.extra.copy())
    if self.compress:
        extra["Filter"] = "/FlateDecode"
        stream = zlib.compress(stream, _FLATE_LEVEL)
    extra["Length"] = len(stream)
    data: bytes = b"\n".join((extra.data, b"stream", stream, b"endstream"))
    return data


def _stream_data_has_known_shape() -> bool:
    """The patch mirrors pydyf 0.10-0.13's Stream.data; anything else is left alone."""
    import inspect

    import pydyf

    current = getattr(pydyf.Stream, "data", None)
    if not isinstance(current, property) or current.fget is _stream_data or current.fget is None:
        return False
    source = inspect.getsource(current.fget)
    return "compressobj(level=9)" in source and "extra['Length'] = len(stream)" in source


_WORD_SPACING_PARAMETERS = ("context", "box", "justification_spacing", "x_advance")


def _word_spacing_has_known_shape() -> bool:
    """The patch mirrors WeasyPrint 66-70's add_word_spacing and Layout; anything else is left alone."""
    import inspect

    from weasyprint.layout import inline
    from weasyprint.text.line_break import Layout

    function = getattr(inline, "add_word_spacing", None)
    if function is None or hasattr(function, "ebookify_original"):
        return False
    source = inspect.getsource(function)
    return (
        "layout.deactivate()" in source
        and hasattr(Layout, "reactivate")
        and list(inspect.signature(function).parameters) == list(_WORD_SPACING_PARAMETERS)
    )


TESTED_WEASYPRINT = (70,)
"""The WeasyPrint major versions whose internals these fixes were written against and are tested with (CI runs
the oldest pins of pyproject.toml, 70.0 with pydyf 0.11, beside the newest)."""
TESTED_PYDYF = ((0, 11), (0, 13))
"""The range of pydyf versions (major, minor) the stream and page-reference fixes mirror."""


def _version(text: str) -> tuple[int, ...]:
    """ "70.0" -> (70, 0); a pre-release or local suffix ends the number."""
    numbers: list[int] = []
    for part in text.split("."):
        digits = "".join(itertools.takewhile(str.isdigit, part))
        if not digits:
            break
        numbers.append(int(digits))
    return tuple(numbers)


def versions_are_tested(weasyprint_version: str, pydyf_version: str) -> bool:
    """The one door to WeasyPrint's and pydyf's internals: open only for the versions we tested."""
    weasy, dyf = _version(weasyprint_version), _version(pydyf_version)
    return bool(weasy) and weasy[0] in TESTED_WEASYPRINT and TESTED_PYDYF[0] <= dyf[:2] <= TESTED_PYDYF[1]


def install() -> bool:
    """Install every fix; False, touching nothing of theirs, on versions not tested or of another shape."""
    import pydyf
    import weasyprint

    if not versions_are_tested(weasyprint.__version__, pydyf.__version__):
        logging.getLogger("ebookify").info(
            "WeasyPrint %s / pydyf is not a tested version: PDFs are made without ebookify's speed-ups",
            weasyprint.__version__,
        )
        return False
    import weasyprint.layout

    current_boxes = weasyprint.layout.make_margin_boxes
    if not hasattr(current_boxes, "ebookify_original"):
        weasyprint.layout.make_margin_boxes = _skip_empty_margin_boxes(current_boxes)

    import weasyprint.pdf
    from weasyprint.layout import inline

    if not hasattr(weasyprint.pdf.add_tags, "ebookify_original"):
        weasyprint.pdf.add_tags = _flat_text_tags(weasyprint.pdf.add_tags)
    if not hasattr(inline.handle_leader, "ebookify_original"):
        inline.handle_leader = _merged_leaders(inline.handle_leader)
    if _word_spacing_has_known_shape():
        inline.add_word_spacing = _lazy_word_spacing(inline.add_word_spacing)

    if _stream_data_has_known_shape():
        ORIGINALS["stream_data"] = pydyf.Stream.data.fget
        pydyf.Stream.data = property(_stream_data)

    current = getattr(pydyf.PDF, "page_references", None)
    if isinstance(current, property) and current.fget is _cached_page_references:
        return True
    if not isinstance(current, property):
        return False
    pydyf.PDF.page_references = property(_cached_page_references)
    return True
