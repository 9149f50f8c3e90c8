"""Windows-1252 that never fails: its five undefined bytes read as the C1 controls of the same number."""

from __future__ import annotations

import codecs

# The same table as ftfy's "sloppy-windows-1252" codec, built here so that decoding a Windows-1252 file
# does not import ftfy (40 ms), which only the mojibake repair needs. Like ftfy's, byte 0x1A (SUB, the
# "substitute" control) stands for U+FFFD.
_TABLE = list(bytes(range(256)).decode("latin-1"))
for _byte, _char in enumerate(bytes(range(256)).decode("cp1252", errors="replace")):
    if _char != "\ufffd":
        _TABLE[_byte] = _char
_TABLE[0x1A] = "\ufffd"
DECODING_TABLE = "".join(_TABLE)
_ENCODING_TABLE = codecs.charmap_build(DECODING_TABLE)


def decode_sloppy_cp1252(data: bytes) -> str:
    """Decode Windows-1252; 0x81, 0x8D, 0x8F, 0x90 and 0x9D become U+0081 ... (never raises)."""
    return codecs.charmap_decode(data, "strict", DECODING_TABLE)[0]


def encode_sloppy_cp1252(text: str) -> bytes:
    """Encode as sloppy Windows-1252; UnicodeEncodeError for a character it has no byte for."""
    return codecs.charmap_encode(text, "strict", _ENCODING_TABLE)[0]
