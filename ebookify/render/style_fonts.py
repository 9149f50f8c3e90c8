"""A font file a stylesheet brings, checked before any work: a font's signature, its tables all there."""

from __future__ import annotations

import io

from ebookify.errors import OptionsError

# The first bytes of a font file: TrueType (two ways), OpenType with CFF outlines, WOFF, WOFF2, a collection.
_FONT_SIGNATURES = (b"\x00\x01\x00\x00", b"true", b"OTTO", b"wOFF", b"wOF2", b"ttcf")


def check_font(data: bytes, refused: str) -> None:
    """Refuse, with one line, bytes named as a font that are no font (or a damaged one).

    Both books refuse it alike, before any work: the EPUB would carry a file no reader can use and the PDF
    renderer stops on it ("cannot be loaded"); the user named that font on purpose, so a book silently set
    in another face is not what they asked for."""
    if data[:4] not in _FONT_SIGNATURES:
        raise OptionsError(f"{refused}: not a font file (TrueType, OpenType, WOFF or WOFF2)")
    try:
        from fontTools.ttLib import TTFont

        font = TTFont(io.BytesIO(data), fontNumber=0, lazy=True)
        for tag in font.reader.keys():  # noqa: SIM118 - the reader is no mapping: it has no __iter__
            font.reader[tag]  # every table's bytes are there (a cut file ends inside one)
        for tag in ("head", "maxp"):  # and the tables every font needs can be read
            font[tag]
    except ImportError:
        return  # a WOFF2 font without the brotli module: its signature has to do
    except Exception as exc:  # fontTools raises many kinds of errors on damaged data
        raise OptionsError(
            f"{refused}: a damaged font file ({type(exc).__name__}: {str(exc)[:120]})"
        ) from None
