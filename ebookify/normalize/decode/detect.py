"""Guessing the codec of a story's bytes: binary signatures, byte-order marks, UTF-16/32 sniffing, chardet."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Mapping, Sequence

from ebookify.normalize.decode.plausibility import anomaly_share
from ebookify.normalize.decode.sloppy import decode_sloppy_cp1252

# Magic numbers of files people drop on the tool by mistake (images, archives, EPUB/DOCX = ZIP, PDF, .doc).
_BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"PK\x07\x08", "ZIP"),
    (b"%PDF-", "PDF"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"\x7fELF", "ELF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE (old Word/Excel)"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"OggS\x00", "Ogg"),
)

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# chardet's guesses often tie on short texts (one accented letter in 5 KB fits MacRoman as well as
# Windows-1252); among near-equal guesses take the one most text in the wild is written in.
_TIE_MARGIN = 0.02
_MAX_CANDIDATES = 8
_PRIORITY = ("utf-8", "cp1252", "iso8859-15", "cp1250", "cp1251", "iso8859-2", "mac-roman")

_THIN_EVIDENCE = 8
# With thin evidence, cp1252 stays the guess unless most of its non-ASCII characters sit oddly.
_THIN_ANOMALIES = 0.5
# A codec is believed when at most this share of the non-ASCII characters it yields sit oddly.
_PLAUSIBLE_ANOMALIES = 0.02
_UNSURE_CONFIDENCE = 0.2
_NOISE_HIGH_SHARE = 0.3
_HIGH_BYTES = bytes(range(0x80, 0x100))
_ASCII_BYTES = bytes(range(0x80))
# English text with a rare loan word or price ("café", "naïve", "£5"), as Project Gutenberg's Latin-1 novels
# are: at most this many non-ASCII bytes, at most one per _RARE_SPACING bytes, each a small Latin-1 letter
# (ß to ÿ) or the pound sign. Those bytes mean the same in Latin-1, Windows-1252 and ISO 8859-15, and no
# statistics can be drawn from so few: chardet (50 ms to load its models) would only confirm Windows-1252.
# Dense accented text (Czech read as Latin-1 is "øeè") and capitals (Mac Roman's quotes read as "ÒÓ")
# still go to chardet.
_RARE_MAX = 64
_RARE_SPACING = 4096
_RARE_LATIN1 = frozenset([*range(0xDF, 0xF7), *range(0xF8, 0x100), 0xA3])

# chardet reads a bounded sample: its budget, the head it always gets, the slices the rest is taken from and
# how much text before a slice's first non-ASCII byte is kept for context.
SAMPLE_BYTES = 200_000
_HEAD_BYTES = 32_768
_CONTEXT = 48
_SLICES = 256
_BLOCK = 1024
_NON_ASCII = re.compile(rb"[\x80-\xff]+")


def binary_signature(data: bytes) -> str | None:
    """Name of the binary file format `data` starts with, if it starts with a known one."""
    for magic, kind in _BINARY_SIGNATURES:
        if data.startswith(magic):
            return kind
    return None


def bom_codec(data: bytes) -> tuple[str, int] | None:
    """The codec named by a byte-order mark at the start of `data`, and the mark's length."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def sniff_utf16_32(data: bytes) -> str | None:
    """UTF-16/32 without a byte-order mark, recognised by where the zero bytes of Latin text fall."""
    sample = data[:4096]
    usable = len(sample) - len(sample) % 4
    if usable < 8 or sample.count(0) < usable // 4:
        # Text in these encodings is mostly zero bytes when it is mostly Latin; otherwise leave it to chardet.
        return None
    lanes = [sample[i:usable:4].count(0) / (usable // 4) for i in range(4)]
    if lanes[1] > 0.9 and lanes[2] > 0.9 and lanes[3] > 0.9 and lanes[0] < 0.5:
        return "utf-32-le"
    if lanes[0] > 0.9 and lanes[1] > 0.9 and lanes[2] > 0.9 and lanes[3] < 0.5:
        return "utf-32-be"
    even, odd = (lanes[0] + lanes[2]) / 2, (lanes[1] + lanes[3]) / 2
    if odd > 0.6 and even < 0.2:
        return "utf-16-le"
    if even > 0.6 and odd < 0.2:
        return "utf-16-be"
    return None


def chardet_sample(data: bytes, budget: int = SAMPLE_BYTES) -> bytes:
    """At most about `budget` bytes for chardet: the head, then text around non-ASCII bytes across the file.

    chardet only looks at the first 200 KB by default, so a file that is ASCII for 4 MB and Windows-1252 after
    that would be called ASCII; scanning everything is slow. The bytes that decide the codec are the
    non-ASCII ones, so the sample takes, from each of many equal slices of the file, a window that starts
    just before the slice's first non-ASCII byte.
    """
    if len(data) <= budget:
        return data
    parts = [data[:_HEAD_BYTES]]
    window = (budget - _HEAD_BYTES) // _SLICES
    stride = (len(data) - _HEAD_BYTES) // _SLICES + 1
    for start in range(_HEAD_BYTES, len(data), stride):
        found = _first_non_ascii(data, start, min(start + stride, len(data)))
        if found is not None:
            begin = max(found - _CONTEXT, start)
            parts.append(data[begin : begin + window])
    return b"\n".join(parts)


def _first_non_ascii(data: bytes, start: int, end: int) -> int | None:
    """Position of a non-ASCII byte early in data[start:end] (isascii skips blocks faster than a regex)."""
    for block in range(start, end, _BLOCK):
        if not data[block : min(block + _BLOCK, end)].isascii():
            match = _NON_ASCII.search(data, block, min(block + _BLOCK, end))
            return match.start() if match else None
    return None


def _canonical(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _priority(codec: str) -> int:
    return _PRIORITY.index(codec) if codec in _PRIORITY else len(_PRIORITY)


def _ranked_codecs(results: Iterable[Mapping[str, object]]) -> tuple[list[str], float]:
    """chardet's answers best first (near-ties by how common the codec is), Windows-1252 last; best score."""
    scored = [
        (float(str(r["confidence"] or 0.0)), _canonical(str(r["encoding"]))) for r in results if r["encoding"]
    ]
    # Latin-1 differs from Windows-1252 only in 0x80-0x9F, where it has invisible C1 controls that no text
    # uses: chardet says Latin-1 when a byte sits in one of 1252's five holes, but the rest is 1252.
    scored = [(confidence, "cp1252" if name == "iso8859-1" else name) for confidence, name in scored]
    best = max((confidence for confidence, _ in scored), default=0.0)
    ties = sorted((name for confidence, name in scored if confidence >= best - _TIE_MARGIN), key=_priority)
    ranked = list(dict.fromkeys(ties + [name for _, name in scored]))[:_MAX_CANDIDATES]
    return ranked + ["cp1252"] * ("cp1252" not in ranked), best


def guess_codec(data: bytes) -> str | None:
    """The codec of `data` (judged on a bounded sample); None when the bytes look like noise, not text.

    chardet ranks the codecs; the first whose decoding reads like text wins (chardet alone called short
    Windows-1252 texts DOS Hebrew, Mac Greek or Ukrainian DOS).
    """
    sample = chardet_sample(data)
    high_bytes = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    if high_bytes < _THIN_EVIDENCE and anomaly_share(decode_leniently(sample, "cp1252")) <= _THIN_ANOMALIES:
        # A handful of non-ASCII bytes says nothing statistical: take the codec most stray bytes come from,
        # unless it puts them where no writer would ("Caf‚ crŠme" is DOS "Café crème"): then rank as usual.
        return "cp1252"
    if (
        _rare_latin1_letters(data)
        and anomaly_share(decode_leniently(sample, "cp1252")) <= _PLAUSIBLE_ANOMALIES
    ):
        return "cp1252"
    ranked, best = _ranked_codecs(_chardet_results(sample))
    # Below this confidence chardet's order is noise (short texts score ~0.05 for every codec): then the
    # most common codec that reads like text wins, not chardet's first.
    unsure = best < _UNSURE_CONFIDENCE
    judged: list[tuple[float, str]] = []
    for codec in ranked:
        judged.append((anomaly_share(decode_leniently(sample, codec)), codec))
        if judged[-1][0] <= _PLAUSIBLE_ANOMALIES and not unsure:
            return codec
    plausible = [codec for share, codec in judged if share <= _PLAUSIBLE_ANOMALIES]
    if plausible:
        return min(plausible, key=_priority)
    if high_bytes > _NOISE_HIGH_SHARE * len(sample):
        # Mostly non-ASCII and readable in no codec: random bytes, not text.
        return None
    return min(judged)[1]


def _rare_latin1_letters(data: bytes) -> bool:
    """True when the only non-ASCII bytes are a few small Latin-1 letters or pound signs, far apart."""
    high = data.translate(None, _ASCII_BYTES)
    return len(high) <= min(_RARE_MAX, len(data) // _RARE_SPACING) and set(high) <= _RARE_LATIN1


def _chardet_results(sample: bytes) -> Sequence[Mapping[str, object]]:
    """chardet's ranked guesses for `sample` (imported here: UTF-8 and UTF-16 files never need it)."""
    import chardet

    # EBCDIC code pages turn ASCII letters into symbols; no story arrives in them, a wrong guess is ruinous.
    eras = chardet.EncodingEra.ALL & ~chardet.EncodingEra.MAINFRAME
    return chardet.detect_all(
        sample, max_bytes=len(sample), prefer_superset=True, compat_names=False, encoding_era=eras
    )


def decode_leniently(data: bytes, codec: str) -> str:
    """Decode, replacing what the codec cannot decode with U+FFFD; 1252's five holes become C1 controls.

    Those C1 controls are kept for the mojibake repair (0x9D is the last byte of ”) and removed after it.
    """
    if codec == "cp1252":
        return decode_sloppy_cp1252(data)
    return data.decode(codec, errors="replace")
