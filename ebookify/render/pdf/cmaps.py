"""CMaps of one-byte codes: a font's code-to-CID map, and its ToUnicode map read and written again."""

from __future__ import annotations

import re
from collections.abc import Mapping

_HEX = rb"<([0-9A-Fa-f]+)>"
_SECTION = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)
_PAIR = re.compile(rb"\s*" + _HEX + rb"\s*" + _HEX)
_UCS = b"/Registry (Adobe) /Ordering (UCS) /Supplement 0"
_RANGE = re.compile(rb"\s*" + _HEX + rb"\s*" + _HEX + rb"\s*" + _HEX)


def read_to_unicode(data: bytes) -> dict[int, bytes] | None:
    """Each code of a ToUnicode map with the UTF-16BE hex digits of its text, or None when the map
    has entries this reader does not take (bfrange arrays, codes of another width than two bytes)."""
    found: dict[int, bytes] = {}
    for kind, body in _SECTION.findall(data):
        pattern = _PAIR if kind == b"bfchar" else _RANGE
        entries = pattern.findall(body)
        if pattern.sub(b"", body).strip():
            return None  # something else in the section (an array of a bfrange)
        for entry in entries:
            if len(entry[0]) != 4 or any(len(value) % 4 for value in entry[1:]):
                return None
            if kind == b"bfchar":
                found[int(entry[0], 16)] = entry[1].lower()
                continue
            low, high, first = int(entry[0], 16), int(entry[1], 16), int(entry[2], 16)
            width = len(entry[2])
            for offset in range(high - low + 1):
                # A range's text counts up in its last byte (ISO 32000 9.10.3).
                if (first & 0xFF) + offset > 0xFF:
                    return None
                found[low + offset] = b"%0*x" % (width, first + offset)
    return found


_CID_SECTION = re.compile(rb"begin(cidchar|cidrange)(.*?)end\1", re.S)
_CID_CHAR = re.compile(rb"\s*<([0-9A-Fa-f]{4})>\s*([0-9]+)")
_CID_RANGE = re.compile(rb"\s*<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>\s*([0-9]+)")
_TWO_BYTES = re.compile(rb"1\s+begincodespacerange\s*<0000>\s*<[Ff]{4}>\s*endcodespacerange")


def read_cid_map(data: bytes) -> dict[int, int] | None:
    """The CIDs of the codes of an embedded CMap of two-byte codes (WeasyPrint writes one for a font
    with glyphs missing, their codes drawn as CID 0); None for a CMap of another shape."""
    if not _TWO_BYTES.search(data) or b"usecmap" in data:
        return None
    found: dict[int, int] = {}
    for kind, body in _CID_SECTION.findall(data):
        pattern = _CID_CHAR if kind == b"cidchar" else _CID_RANGE
        if pattern.sub(b"", body).strip():
            return None
        for entry in pattern.findall(body):
            low, cid = int(entry[0], 16), int(entry[-1])
            high = int(entry[1], 16) if len(entry) == 3 else low
            found.update((code, cid + code - low) for code in range(low, high + 1))
    return found


def write_to_unicode(texts: Mapping[int, bytes]) -> bytes:
    """A ToUnicode map of one-byte `texts` (code -> UTF-16BE hex digits)."""
    lines = [b"<%02x> <%s>" % (code, texts[code]) for code in sorted(texts)]
    return _frame(_UCS, b"Adobe-Identity-UCS", 2, _sections(b"bfchar", lines))


def write_code_map(cids: Mapping[int, int], name: bytes, system_info: bytes) -> bytes:
    """A CMap of one-byte codes to CIDs (`cids`), runs of consecutive codes and CIDs as ranges."""
    runs: list[list[int]] = []
    for code in sorted(cids):
        last = runs[-1] if runs else None
        if last is not None and code == last[1] + 1 and cids[code] == last[2] + code - last[0]:
            last[1] = code
        else:
            runs.append([code, code, cids[code]])
    lines = [b"<%02x> <%02x> %d" % (low, high, cid) for low, high, cid in runs]
    return _frame(system_info, name, 1, _sections(b"cidrange", lines))


def _sections(kind: bytes, lines: list[bytes]) -> bytes:
    """`lines` in sections of at most 100 entries, as a CMap must have them."""
    chunks = [lines[i : i + 100] for i in range(0, len(lines), 100)]
    return b"".join(b"%d begin%s\n%s\nend%s\n" % (len(c), kind, b"\n".join(c), kind) for c in chunks)


def _frame(system_info: bytes, name: bytes, kind: int, body: bytes) -> bytes:
    return (
        b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        b"/CIDSystemInfo << %s >> def\n/CMapName /%s def\n/CMapType %d def\n"
        b"1 begincodespacerange\n<00> <ff>\nendcodespacerange\n%s"
        b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ) % (system_info, name, kind, body)
