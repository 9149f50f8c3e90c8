"""Mojibake repair: UTF-8 text that was once read as Windows-1252 ("donâ€™t"), including its lossy forms."""

from __future__ import annotations

import re

from ebookify.normalize.decode.cleanup import fix_flagged_lines, plural
from ebookify.normalize.decode.lost_bytes import MARKS, mark_lost_letters, recover_lost_letters
from ebookify.normalize.decode.sloppy import encode_sloppy_cp1252


def _ftfy_fix_encoding(text: str) -> str:
    """ftfy's encoding repair alone (ftfy is imported here: 40 ms that only text with mojibake pays)."""
    import ftfy

    # Encoding repair only: ftfy's other fixes change good text (straight quotes, full-width CJK, &amp;).
    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    return ftfy.fix_text(text, config)


def _cp1252_or_c1(byte: int) -> str:
    """The character a byte becomes when misread as Windows-1252 (as Latin-1 where 1252 has none)."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


# A UTF-8 continuation byte (0x80-0xBF) as Windows-1252 or Latin-1 shows it, or U+FFFD left for a lost one.
_CONTINUATION = (
    "".join(_cp1252_or_c1(b) for b in range(0x80, 0xC0)) + "".join(map(chr, range(0x80, 0xA0))) + "\ufffd"
)
_CONTINUATION_CLASS = "[" + re.escape(_CONTINUATION) + "]"
# A UTF-8 lead byte (0xC2-0xF4) as Windows-1252 shows it, followed by a continuation: the mark of mojibake.
# Only lines showing it are given to ftfy, so good text elsewhere cannot be "repaired".
_MOJIBAKE_HINT = re.compile("[\u00c2-\u00f4]" + _CONTINUATION_CLASS)

# "â€" is E2 80, the start of the punctuation block (’ “ ” … — –). Windows-1252 has no character for
# 81, 8D, 8F, 90 and 9D, so when the third byte was one of those it became U+FFFD or vanished.
_LOSSY_PUNCTUATION = re.compile("\u00e2\u20ac(?:\ufffd|(?!" + _CONTINUATION_CLASS + "))")
# Stands in for a lossy sequence while ftfy repairs the rest (a noncharacter: input ones are removed first).
PLACEHOLDER = "\ufdd0"
_CLOSING_CONTEXT_AFTER = re.compile(r"[\s.,;:!?)\]}\u2014\u2013\u2026'\"\u2019-]|$")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _recover_lossy(text: str) -> tuple[str, int, int]:
    """Replace placeholders with the one character that fits; count recovered and unrecoverable ones."""
    out: list[str] = []
    recovered = lost = 0
    pos = 0
    for index in (m.start() for m in re.finditer(PLACEHOLDER, text)):
        before = text[index - 1] if index else ""
        after = text[index + 1 : index + 2]
        if before and not before.isspace() and _CLOSING_CONTEXT_AFTER.match(after):
            # After a word or punctuation and before a space/punctuation/end: of E2 80 {81,8D,8F,90,9D}
            # (em quad, ZWJ, RLM, hyphen, ”) only the closing double quote stands there.
            char, recovered = "\u201d", recovered + 1
        elif _LATIN_LETTER.match(before) and _LATIN_LETTER.match(after):
            # Between two Latin letters only the hyphen U+2010 fits (a ZWJ or RLM there would be invisible).
            char, recovered = "\u2010", recovered + 1
        else:
            char, lost = "\ufffd", lost + 1
        out += [text[pos:index], char]
        pos = index + 1
    out.append(text[pos:])
    return "".join(out), recovered, lost


_MARKS = re.compile(f"([{PLACEHOLDER}{MARKS}])")


def _undo_whole_line(marked: str) -> str | None:
    """The line re-encoded as Windows-1252 and read as UTF-8, if every part of it survives that."""
    try:
        # Split at the marks (kept, at the odd places) and undo the text between them.
        parts = _MARKS.split(marked)
        return "".join(p if n % 2 else encode_sloppy_cp1252(p).decode("utf-8") for n, p in enumerate(parts))
    except UnicodeError:
        return None


def _fix_line(line: str) -> tuple[str, int]:
    """The repaired line, and how many mojibake sequences were removed."""
    marked = mark_lost_letters(_LOSSY_PUNCTUATION.sub(PLACEHOLDER, line))
    # A line that was wholly misread once comes back in one step (ftfy would do the same, 20 times slower);
    # ftfy handles lines that mix mojibake with good text.
    fixed = _undo_whole_line(marked)
    if fixed is None:
        fixed = _ftfy_fix_encoding(marked)
    if fixed == line:
        return line, 0
    before = len(_MOJIBAKE_HINT.findall(line))
    return fixed, max(before - len(_MOJIBAKE_HINT.findall(fixed)), 1)


def repair_mojibake(text: str) -> tuple[str, list[str]]:
    """Repair mojibake line by line where the text shows it; return the text and what was done.

    The text must not contain PLACEHOLDER (the cleanup removes noncharacters first).
    """
    if not _MOJIBAKE_HINT.search(text):
        return text, []
    text, sequences = fix_flagged_lines(text, _MOJIBAKE_HINT, _fix_line)
    repaired, recovered, lost = _recover_lossy(text)
    repaired, letters, lost_letters = recover_lost_letters(repaired)
    recovered, lost = recovered + letters, lost + lost_letters
    repairs = []
    if sequences:
        repairs.append(f"fixed {plural(sequences, 'mojibake sequence')}")
    if recovered:
        repairs.append(f"recovered {plural(recovered, 'character')} damaged by mojibake (lost byte)")
    if lost:
        repairs.append(f"left {plural(lost, 'character')} damaged by mojibake as \ufffd (no single fit)")
    return repaired, repairs
