"""Files that are UTF-8 in some lines and in a legacy codec in others (edited in two programs, pasted)."""

from __future__ import annotations

from dataclasses import dataclass

from ebookify.normalize.decode.detect import decode_leniently, guess_codec

# Legacy-encoded text forms a whole valid UTF-8 line only by accident (every high byte of the line must pair
# up as UTF-8); a file counts as mixed when its UTF-8 lines are at least this share of its other lines.
_MIXED_SHARE = 0.1
_HIGH_BYTES = bytes(range(0x80, 0x100))


@dataclass(frozen=True)
class MixedText:
    """The decoded text, the codec of its non-UTF-8 lines and how many lines were in it."""

    text: str
    other_codec: str
    other_lines: int


def _has_utf8_sequence(data: bytes) -> bool:
    """Whether any multi-byte UTF-8 character is in `data` (counted from one lenient decode, at C speed)."""
    lenient = data.decode("utf-8", errors="replace")
    ascii_bytes = len(data.translate(None, _HIGH_BYTES))
    return len(lenient) - ascii_bytes - lenient.count("\ufffd") > 0


def decode_mixed(data: bytes) -> MixedText | None:
    """Decode UTF-8 lines as UTF-8 and the rest with the codec chardet finds for them; None if not mixed."""
    if not _has_utf8_sequence(data):
        return None
    separator = b"\n" if b"\n" in data else b"\r"
    lines = data.split(separator)
    texts: list[str | None] = []
    bad: list[int] = []
    utf8_lines = 0
    for number, line in enumerate(lines):
        if line.isascii():
            texts.append(line.decode("ascii"))
            continue
        try:
            texts.append(line.decode("utf-8"))
            utf8_lines += 1
        except UnicodeDecodeError:
            texts.append(None)
            bad.append(number)
    if not bad or utf8_lines < max(1, _MIXED_SHARE * len(bad)):
        return None
    joined = b"\n".join(lines[number] for number in bad)
    codec = guess_codec(joined) or "cp1252"
    # One decode for all the other lines; per line only if the codec does not keep "\n" a line end.
    decoded = decode_leniently(joined, codec).split("\n")
    if len(decoded) != len(bad):
        decoded = [decode_leniently(lines[number], codec) for number in bad]
    for number, text in zip(bad, decoded, strict=True):
        texts[number] = text
    return MixedText(separator.decode("ascii").join(t or "" for t in texts), codec, len(bad))
