"""A font file a stylesheet brings, checked before any work: a font's signature, its tables all there."""

from __future__ import annotations

import io

from ebookify.errors import OptionsError

# The first bytes of a font file and the EPUB core media type of what they begin: TrueType (two ways),
# OpenType with CFF outlines, WOFF, WOFF2, a collection (sfnt data, as font/ttf is).
_FONT_SIGNATURES = {
    b"\x00\x01\x00\x00": "font/ttf",
    b"true": "font/ttf",
    b"OTTO": "font/otf",
    b"wOFF": "font/woff",
    b"wOF2": "font/woff2",
    b"ttcf": "font/ttf",
}


def check_font(data: bytes, refused: str) -> str:
    """The font's media type by its own first bytes; refuse, with one line, bytes that are no font (or a
    damaged one).

    The media type follows the bytes, not the file's extension: a WOFF2 file named .ttf declared font/ttf
    would send a reading system to the wrong decoder.

    Both books refuse it alike, before any work: the EPUB would carry a file no reader can use and the PDF
    renderer stops on it ("cannot be loaded"); the user named that font on purpose, so a book silently set
    in another face is not what they asked for."""
    media_type = _FONT_SIGNATURES.get(data[:4])
    if media_type is None:
        raise OptionsError(f"{refused}: not a font file (TrueType, OpenType, WOFF or WOFF2)")
    try:
        from fontTools.ttLib import TTFont

        font = TTFont(io.BytesIO(data), fontNumber=0, lazy=True)
        for tag in font.reader.keys():  # noqa: SIM118 - the reader is no mapping: it has no __iter__
            font.reader[tag]  # every table's bytes are there (a cut file ends inside one)
        for tag in ("head", "maxp"):  # and the tables every font needs can be read
            font[tag]
    except ImportError:
        return media_type  # a WOFF2 font without the brotli module: its signature has to do
    except Exception as exc:  # fontTools raises many kinds of errors on damaged data
        raise OptionsError(
            f"{refused}: a damaged font file ({type(exc).__name__}: {str(exc)[:120]})"
        ) from None
    return media_type
