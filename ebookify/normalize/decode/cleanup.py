"""Character-level cleanup of decoded text: line ends, control and invisible characters, odd spaces, NFC."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

Repairs = list[str]


def plural(count: int, noun: str) -> str:
    """ "1 line", "2 lines": counts in repair messages."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# A file passed twice through a text-mode copy ends each line with an extra CR ("\r\r\n", or "\r\n\r"
# when the CR went to the next line's start): nearly every CRLF has its lone CR, and the pair is one line end.
_DOUBLED_SHARE = 0.8
_MIN_DOUBLED = 10


def _doubled_cr(text: str, crlf: int, lone_cr: int) -> str | None:
    """The doubled line end a text uses throughout, else None."""
    if crlf < _MIN_DOUBLED or lone_cr < crlf * _DOUBLED_SHARE:
        return None
    for doubled in ("\r\r\n", "\r\n\r"):
        if text.count(doubled) >= crlf * _DOUBLED_SHARE:
            return doubled
    return None


def normalize_line_endings(text: str) -> tuple[str, Repairs]:
    """CRLF, CR, NEL, U+2028 and U+2029 to "\\n"."""
    repairs: Repairs = []
    if "\r" in text:
        crlf = text.count("\r\n")
        lone_cr = text.count("\r") - crlf
        doubled = _doubled_cr(text, crlf, lone_cr)
        if doubled:
            text = text.replace(doubled, "\n")
            shown = doubled.encode("unicode_escape").decode()
            repairs.append(f"read the doubled carriage returns ({shown}) as one line end")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        repairs += ["CRLF line endings"] if crlf else []
        repairs += ["CR line endings"] if lone_cr else []
    separators = text.count("\u2028") + text.count("\u2029")
    if separators:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n")
        repairs.append(f"converted {plural(separators, 'Unicode line separator')}")
    # NEL (U+0085) ends lines only in files that have no other line ends (mainframe exports); elsewhere it is
    # Windows-1252's "…" read as Latin-1, which the C1 repair turns back into an ellipsis.
    if "\x85" in text and "\n" not in text:
        text = text.replace("\x85", "\n")
        repairs.append("NEL line endings")
    return text, repairs


def _cp1252_char(code: int) -> str:
    try:
        return bytes([code]).decode("cp1252")
    except UnicodeDecodeError:
        return ""


# C1 controls are never text; they appear when Windows-1252 was read as Latin-1 ("\x93" for “).
_C1 = re.compile("[\x80-\x9f]")
_C1_AS_CP1252 = {code: _cp1252_char(code) for code in range(0x80, 0xA0)}


def fix_c1_controls(text: str) -> tuple[str, Repairs]:
    """Read C1 control characters as the Windows-1252 characters they were meant to be; drop the rest."""
    found = _C1.findall(text)
    if not found:
        return text, []
    text = text.translate(_C1_AS_CP1252)
    converted = sum(1 for char in found if _C1_AS_CP1252[ord(char)])
    repairs = [f"read {plural(converted, 'C1 control character')} as Windows-1252"] if converted else []
    if len(found) > converted:
        repairs.append(f"removed {plural(len(found) - converted, 'undefined C1 control character')}")
    return text, repairs


# Word writes a manual line break as VT and a page break as FF: both separate lines of the story.
_LINE_BREAK_CONTROLS = re.compile("[\x0b\x0c]")
# Terminal colour and cursor codes (CSI "ESC [ 31 m", OSC "ESC ] ... BEL") in text saved from a terminal or
# a log: removing only the ESC would leave "[31m" in the story, so the whole sequence goes.
_ANSI_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)")
# Other C0 controls and DEL are not text, and XML (hence EPUB) forbids most of them.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# Noncharacters are forbidden in XML or meaningless; U+FEFF inside the text is a stray byte-order mark.
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef\ufffe\uffff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_PLANES = range(0x10000, 0x110000, 0x10000)
_ASTRAL_NONCHARACTERS = re.compile("[" + "".join(chr(p + 0xFFFE) + chr(p + 0xFFFF) for p in _PLANES) + "]")


def remove_noncharacters(text: str) -> tuple[str, Repairs]:
    """Remove noncharacters (U+FDD0-FDEF, U+xFFFE/xFFFF): XML forbids some, none of them is text."""
    text, count = _NONCHARACTERS.subn("", text)
    if _ASTRAL.search(text):
        # A class of astral characters is slow to scan: only texts that have some pay for it.
        text, astral = _ASTRAL_NONCHARACTERS.subn("", text)
        count += astral
    return text, [f"removed {plural(count, 'noncharacter')}"] if count else []


_STRAY_BOM = re.compile("\ufeff")
# Lone surrogates cut ebooklib's paragraphs short and make WeasyPrint raise.
_SURROGATES = re.compile("[\ud800-\udfff]")
# Deprecated format characters (U+206A-206F) and interlinear annotation marks do nothing in a book.
_OBSOLETE_FORMAT = re.compile("[\u206a-\u206f\ufff9-\ufffb]")

_REMOVALS: tuple[tuple[re.Pattern[str], str, str, str], ...] = (
    (_ANSI_ESCAPE, "", "removed {}", "terminal escape sequence"),
    (_LINE_BREAK_CONTROLS, "\n", "converted {} to line breaks", "vertical tab/form feed"),
    (_CONTROLS, "", "removed {}", "control character"),
    (_STRAY_BOM, "", "removed {}", "stray byte-order mark"),
    (_SURROGATES, "", "removed {}", "lone surrogate"),
    (_OBSOLETE_FORMAT, "", "removed {}", "deprecated format character"),
)


# Every removal starts with one of these characters: one class scans a novel ten times faster than the
# alternation of the patterns (which tries each one at every character).
_ANY_REMOVAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\ud800-\udfff\u206a-\u206f\ufff9-\ufffb]")


def remove_invisible(text: str) -> tuple[str, Repairs]:
    """Remove control characters (except tab and newline), noncharacters, stray BOMs and lone surrogates."""
    repairs: Repairs = []
    if not _ANY_REMOVAL.search(text):
        return text, repairs
    for pattern, replacement, message, noun in _REMOVALS:
        text, count = pattern.subn(replacement, text)
        if count:
            repairs.append(message.format(plural(count, noun)))
    return text, repairs


# Embeddings/overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI) work like brackets until the
# end of the line; an unclosed one reverses or reorders the rest of the paragraph once lines are joined.
# Marks (LRM RLM ALM) hold no state and make RTL text read right: they are always kept.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BIDI_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c"} | {
    "\u2066": "\u2069",
    "\u2067": "\u2069",
    "\u2068": "\u2069",
}


def _balance_bidi_line(line: str) -> tuple[str, int]:
    """Drop the bidi controls of one line that have no partner; return the line and how many were dropped."""
    stack: list[int] = []
    unmatched: set[int] = set()
    for match in _BIDI.finditer(line):
        char, index = match.group(), match.start()
        if char in _BIDI_OPENERS:
            stack.append(index)
        elif stack and _BIDI_OPENERS[line[stack[-1]]] == char:
            stack.pop()
        else:
            unmatched.add(index)
    unmatched.update(stack)
    if not unmatched:
        return line, 0
    return "".join(c for i, c in enumerate(line) if i not in unmatched), len(unmatched)


def fix_flagged_lines(
    text: str, flag: re.Pattern[str], fix_line: Callable[[str], tuple[str, int]]
) -> tuple[str, int]:
    """Apply `fix_line` to the lines `flag` finds something in; return the text and the summed counts."""
    if not flag.search(text):
        return text, 0
    lines = text.split("\n")
    total = 0
    for number, line in enumerate(lines):
        if flag.search(line):
            lines[number], count = fix_line(line)
            total += count
    return "\n".join(lines), total


def balance_bidi(text: str) -> tuple[str, Repairs]:
    """Keep bidi embeddings and isolates that are closed on their line; remove the unclosed ones."""
    text, removed = fix_flagged_lines(text, _BIDI, _balance_bidi_line)
    repairs = [f"removed {plural(removed, 'unclosed bidi control')}"] if removed else []
    return text, repairs


_ODD_SPACES = "\u00a0\u3000\u2000-\u200a\u202f\u205f"
_ODD_SPACE = re.compile(f"[{_ODD_SPACES}]")
_NBSP_RUN = re.compile("[ \u00a0]*\u00a0[ \u00a0]*")
_BLANKISH_LINE = re.compile(rf"^[^\S\n]*[{_ODD_SPACES}][^\S\n]*$", re.MULTILINE)
# Ideographic space between characters that are not CJK (Han, kana, Hangul, CJK punctuation, full-width).
_CJK = "\u1100-\u11ff\u2e80-\u30ff\u3100-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_LATIN_IDEOGRAPHIC_SPACE = f"(?<![{_CJK}\u3000])\u3000+(?![{_CJK}\u3000])"


@functools.cache
def _latin_ideographic_space() -> re.Pattern[str]:
    # Compiled on first use: its wide classes cost 2 ms, paid at every start, for a rare character.
    return re.compile(_LATIN_IDEOGRAPHIC_SPACE)


def normalize_spaces(text: str) -> tuple[str, Repairs]:
    """Turn spaces that would break layout into plain ones; a single NBSP between words is kept."""
    repairs: Repairs = []
    if not _ODD_SPACE.search(text):
        return text, repairs
    # A line holding only (odd) spaces looks blank to a reader and must end a paragraph like a blank line.
    text, blank = _BLANKISH_LINE.subn("", text)
    if blank:
        repairs.append(f"emptied {plural(blank, 'line')} of non-breaking or odd spaces")
    # Runs of NBSP (HTML "&nbsp;&nbsp;") make wide gaps that cannot wrap; plain spaces keep the width.
    count = 0

    def plain(match: re.Match[str]) -> str:
        nonlocal count
        run = match.group()
        if len(run) < 2:
            return run
        count += run.count("\u00a0")
        return run.replace("\u00a0", " ")

    text = _NBSP_RUN.sub(plain, text) if "\u00a0" in text else text
    if count:
        repairs.append(f"replaced {plural(count, 'non-breaking space')} in runs with plain spaces")
    # In Latin text an ideographic space is a full-width gap pasted from a CJK input method.
    text, wide = _latin_ideographic_space().subn(" ", text) if "\u3000" in text else (text, 0)
    if wide:
        repairs.append(f"replaced {plural(wide, 'run')} of ideographic spaces in Latin text")
    return text, repairs


def normalize_nfc(text: str) -> tuple[str, Repairs]:
    """Unicode NFC, so that "é" is one character everywhere (search, hyphenation, fonts)."""
    if unicodedata.is_normalized("NFC", text):
        return text, []
    return unicodedata.normalize("NFC", text), ["normalized to Unicode NFC"]


# Every character a cleanup step acts on (noncharacters and astral ones, C1 and other controls, stray BOMs,
# surrogates, deprecated format characters, bidi controls, odd spaces), as one class: most texts hold none,
# and one scan of a novel for all of them costs what each step's own scan costs (4 ms; six become one).
_CLEANUP_CHARACTERS = re.compile(
    "["
    + "".join(p.pattern[1:-1] for p in (_NONCHARACTERS, _ASTRAL, _C1, _ANY_REMOVAL, _BIDI, _ODD_SPACE))
    + "]"
)


def latin1_members(pattern: re.Pattern[str]) -> bytes:
    """The Latin-1 characters a one-character class matches, as bytes (for `class_count`)."""
    return bytes(code for code in range(256) if pattern.match(chr(code)))


def class_count(text: str, pattern: re.Pattern[str], members: bytes) -> int:
    """How many characters of the text the one-character class `pattern` matches; `members` are its
    Latin-1 ones (`latin1_members`)."""
    # The regex engine tests a class at every character (a novel: 50-60 M instructions a scan). A text of
    # Latin-1 characters only (most) has them counted as the bytes its Latin-1 copy loses when they are
    # deleted (3 M); the others are scanned.
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        return len(pattern.findall(text))
    return len(data) - len(data.translate(None, members))


_LATIN1_CLEANUP = latin1_members(_CLEANUP_CHARACTERS)


def needs_cleanup(text: str) -> bool:
    """Whether the text holds any character that remove_noncharacters or a step of CLEANUP_STEPS (other than
    the NFC normalization) acts on; without one, those steps leave it as it is."""
    return class_count(text, _CLEANUP_CHARACTERS, _LATIN1_CLEANUP) > 0


CLEANUP_STEPS: tuple[Callable[[str], tuple[str, Repairs]], ...] = (
    fix_c1_controls,
    remove_invisible,
    balance_bidi,
    normalize_spaces,
    normalize_nfc,
)


def clean_value(value: str, one_line: bool = True) -> str:
    """A metadata value (a header field or a command-line flag) as clean text, by default on one line.

    Flags and overrides never pass through the decoder, so they get the same character cleanup here; runs
    of whitespace collapse, because a title or an author is shown on one line.
    """
    for step in (fix_c1_controls, remove_invisible, balance_bidi, normalize_nfc):
        value, _ = step(value)
    return " ".join(value.split()) if one_line else value.strip()
