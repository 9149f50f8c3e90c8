"""Plain-text emphasis markers (*word*, _word_, /word/, **word**, =word=, ~word~, _un_likely) to emphasis."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.model import Span, SpanStyle

# A marker opens after a space, an opening bracket or quote (an old text's `backtick quote' too), or at the
# start: never inside a word (snake_case, and/or, 2*3*4, http://a.com/x/) and never after another marker.
# The patterns match the marker first and then look behind it for this character: a leading look-behind is
# tried at every character of a paragraph, a leading literal lets the regex engine skip to the markers (the
# same matches, 8 times faster).
_NOT_OPENING = r"[^\s(\[{\"'`“‘„«¿¡—–-]"
# It closes before a space, punctuation, a closing bracket or quote, a Markdown line break (\) or footnote
# reference ([^1]), or at the end: never inside a word.
_CLOSE = r"(?![^\s)\]}\"'”’».,;:!?…—–\\\[-])"
# One emphasis rarely runs past a long sentence; the bound keeps stray markers from swallowing paragraphs.
_MAX_INNER = 500
_MARKERS: tuple[tuple[str, SpanStyle], ...] = (
    ("***", "strong"),  # Markdown's bold italics: strong is the stronger of the two
    ("___", "strong"),
    ("**", "strong"),  # Markdown habit for bold
    ("__", "strong"),
    ("*", "emphasis"),  # forums and e-mail
    ("_", "emphasis"),  # Gutenberg's italics
    ("/", "emphasis"),  # some forums' italics
    ("=", "strong"),  # Gutenberg's bold
    # Gutenberg's German texts set letter-spaced (gesperrt) words, a play's speaker names among them, in
    # tildes: "~Franz.~ Aber ...", "um der ~Grösse~ willen". Markdown's ~~strike~~ never pairs (a tilde
    # after a tilde opens nothing), nor do "~5 min" or a "~ ~ ~" divider (no letters inside).
    ("~", "emphasis"),
)
# Slash emphasis must look like words: a path (/usr/bin/), a date (1/2/3) or /r/ is not emphasis.
_SLASH_WORDS = re.compile(r"[A-Za-z][A-Za-z'’ ,.!?-]*[A-Za-z.!?]")
# In a paragraph that names a path or URL (a/b/c, /usr/bin/x, http://), slashes belong to paths: "/etc/".
_PATH = re.compile(r"\S/\S+/|//")


def _pattern(marker: str) -> re.Pattern[str]:
    char, mark = re.escape(marker[0]), re.escape(marker)
    inner = rf"[^{char}\s](?:[^{char}]{{0,{_MAX_INNER}}}?[^{char}\s])?"
    return re.compile(rf"{mark}(?<!{_NOT_OPENING}{mark})(?P<inner>{inner}){mark}{_CLOSE}")


_PATTERNS = tuple((marker, _pattern(marker), style) for marker, style in _MARKERS)


def _is_emphasis(marker: str, inner: str) -> bool:
    """Divider lines, blanks to fill in and numbers carry no letters; slashes must enclose words. (A
    letter-spaced year is no arithmetic: "~1781~".)"""
    if not any(c.isalpha() or (marker == "~" and c.isdigit()) for c in inner):
        return False
    # Bold =words= open on a word; "-=<{[ TO BE CONCLUDED ]}>=-" is a decorated line, its signs no markers.
    if marker == "=" and not (inner[0].isalnum() or inner[0] in "\"'“‘_*"):
        return False
    return marker != "/" or _SLASH_WORDS.fullmatch(inner) is not None


# Emphasis on part of a word: _un_likely, _Ri_diculous, impossi*ble*. The marked letters start or end the
# word; the token around them must be letters only (no digits, dots, slashes: 2*3*4, my_file_v2.txt).
# The leading look-ahead tests one character before the look-behinds are tried (ten times faster).
_PART_OF_WORD = re.compile(
    r"(?=[_*])(?:(?<![\w*_])(?P<m>[_*])[A-Za-z]{1,30}(?P=m)(?=[a-z]{1,30}(?![\w*_]))"
    r"|(?<=[A-Za-z])(?P<n>[_*])[a-z]{1,30}(?P=n)(?![\w*_]))"
)
# Spaced stars around a few words, "* so *", only where no arithmetic (2 * 3) is near.
_SPACED = re.compile(
    r"\*(?<!\S\*) (?P<inner>[A-Za-z][A-Za-z'’-]*(?: [A-Za-z][A-Za-z'’-]*){0,3}[!?.,]?) \*(?!\S)"
)
_ARITHMETIC = re.compile(r"\d\s*\*|\*\s*\d|[=+^/]\s*\*|\*\s*[=+^/]")


_WORD_BREAK = re.compile(r"\s|--|[—–]")


def _token_at(text: str, start: int, end: int) -> str:
    """The token around text[start:end] (between spaces or dashes), without its surrounding punctuation."""
    left = max((m.end() for m in _WORD_BREAK.finditer(text, max(0, start - 80), start)), default=0)
    right = _WORD_BREAK.search(text, end)
    token = text[left : right.start() if right else len(text)]
    return token.strip("\"'“”‘’()[]{}.,;:!?…—–")


def _names_a_file(text: str, start: int, end: int) -> bool:
    """Markers in a URL, an e-mail address or a file name (__init__.py, _config_.txt) are not emphasis."""
    if text[end : end + 1] == "." and text[end + 1 : end + 2].isalnum():
        return True
    token = _token_at(text, start, end)
    return "://" in token or "www." in token or "@" in token


def _part_of_word(text: str) -> list[tuple[int, int]]:
    """Ranges of emphasis on part of a word, in a token made of letters and its two markers only."""
    found = []
    for match in _PART_OF_WORD.finditer(text):
        token = _token_at(text, *match.span())
        letters = token.replace("_", "").replace("*", "")
        if len(token) - len(letters) == 2 and letters.replace("'", "").replace("’", "").isalpha():
            found.append(match.span())
    return found


# Gutenberg's stage directions set names in roman inside italics: "_SCENE, _Peachum's_ House._" and
# "_To them, Enter _Player_ and _Beggar_._" are italic directions with roman names, not several emphases.
_ROMAN_INSIDE = re.compile(
    r"_(?<![\w_]_)(?=\S)(?:[^_]{1,200}?\s_[^_\s][^_]{0,100}?_)+(?:[^_]{0,200}?[^_\s])?_(?![\w_])"
)


def _roman_inside(text: str) -> list[tuple[int, int]]:
    """The italic parts of directions with roman names, each with a marker at both ends ("_SCENE, _")."""
    ranges = []
    for match in _ROMAN_INSIDE.finditer(text):
        marks = [i for i in range(match.start(), match.end()) if text[i] == "_"]
        ranges += [(marks[i], marks[i + 1] + 1) for i in range(0, len(marks) - 1, 2)]
    return ranges


def _framed_pattern(char: str) -> re.Pattern[str]:
    c = re.escape(char)
    whole = rf"^\s*[\[(]?(?P<w>{c}[^{c}\s].*[^{c}\s]{c})[.,;:!?\])]*\s*$"
    bracketed = rf"\[(?P<b>{c}[^{c}\]\s](?:[^\]]*[^{c}\]\s])?{c})\]"
    return re.compile(f"{whole}|{bracketed}", re.S)


# A pair of markers that fills its frame, the whole paragraph ("_In the wall facing the spectator ..._",
# "[_DAPHNE DURE ... enter at the door._", Gutenberg's directions open a bracket they never close) or a
# whole bracketed direction ("[_LUIGI returns, ... in the corridor._]"), is one emphasis however long:
# nothing else in its frame could pair with them (a play's long directions are set in italics). Words set
# in roman inside it ("... She is in _négligé_. A dainty ...") cut it in parts, as _ROMAN_INSIDE does.
_FRAMED = tuple((char, _framed_pattern(char)) for char in "_*")
_ROMAN_OPENS = re.compile(r"\s")
_ROMAN_CLOSES = re.compile(r"[\s.,;:!?'’\])]")


def _framed(text: str) -> list[tuple[int, int]]:
    """The italic ranges of marker pairs that fill a paragraph or a bracketed direction."""
    ranges: list[tuple[int, int]] = []
    for char, pattern in _FRAMED:
        for match in pattern.finditer(text) if char in text else ():
            start, end = match.span(match.lastgroup or 0)
            marks = [i for i in range(start, end) if text[i] == char]
            # Inside, a roman part opens after a space and closes before a space or punctuation.
            inner = marks[1:-1]
            roman = all(
                _ROMAN_OPENS.match(text[i - 1]) and not text[i + 1].isspace()
                if n % 2 == 0
                else not text[i - 1].isspace() and _ROMAN_CLOSES.match(text[i + 1])
                for n, i in enumerate(inner)
            )
            if len(marks) % 2 == 0 and roman:
                ranges += [(marks[n], marks[n + 1] + 1) for n in range(0, len(marks), 2)]
    return ranges


# A transcriber may set an underscore on the wrong side of a space: "advertised in_ The Perfect Diurnall_:",
# "twelve sonnets_ à propos _of the bi-centenary" (The Compleat Angler's preface). Left over after the pairs
# are found, a marker glued to a word's end and followed by a space, then at most four words, then a marker
# that closes after a word or opens before one, enclose an emphasis: nothing else could pair them. Only
# underscores: a star after a word is a footnote mark ("said* and went*").
_MISPLACED = re.compile(r"_(?<=[^\W_]_)(?= )(?P<inner>(?: [^\s_]+){1,4})(?:_(?![\w_])| _(?=[^\W_]))")


def find_emphasis(text: str) -> list[tuple[int, int, SpanStyle]]:
    """Non-overlapping (start, end, style) ranges, markers included, in text order."""
    found: list[tuple[int, int, SpanStyle]] = []

    def add(start: int, end: int, style: SpanStyle) -> None:
        if not any(start < e and s < end for s, e, _ in found):
            found.append((start, end, style))

    if text.count("_") >= 4:
        for start, end in _roman_inside(text):
            add(start, end, "emphasis")

    if len(text) > _MAX_INNER:
        for start, end in _framed(text):
            add(start, end, "emphasis")
    for marker, pattern, style in _PATTERNS:
        if marker not in text or (marker == "/" and _PATH.search(text)):
            continue
        for match in pattern.finditer(text):
            if _is_emphasis(marker, match.group("inner")) and not _names_a_file(text, *match.span()):
                add(*match.span(), style)
    if "_" in text or "*" in text:
        for start, end in _part_of_word(text):
            add(start, end, "emphasis")
    if "* " in text and not _ARITHMETIC.search(text):
        for match in _SPACED.finditer(text):
            if sum(c.isalpha() for c in match.group("inner")) >= 2:
                add(*match.span(), "emphasis")
    if "_ " in text:
        for match in _MISPLACED.finditer(text):
            if any(c.isalpha() for c in match.group("inner")):
                add(*match.span(), "emphasis")
    return sorted(found)


# A marker left over after pairing: before a word's first letter ("*sigh", "_Enter") or an underscore after
# its last ("said_"). Not a star after a word (a footnote mark), not inside a word (snake_case), not a run
# of them (a divider, a blank to fill in), not a note's leading star. (Look-ahead first, as _PART_OF_WORD.)
_STRAY = re.compile(r"(?=[*_])(?:(?<![\w*_])(?:\*{1,3}|_{1,3})(?=[^\W_])|(?<=[^\W_])_{1,3}(?![\w*_]))")


def stray_markers(spans: Sequence[Span]) -> list[str]:
    """Excerpts around emphasis markers that stayed as text in plain spans because nothing pairs them."""
    text = "".join(span.text for span in spans)
    if "*" not in text and "_" not in text:
        return []
    plain: list[tuple[int, int]] = []
    position = 0
    for span in spans:
        if span.style == "plain":
            plain.append((position, position + len(span.text)))
        position += len(span.text)
    excerpts: list[str] = []
    for match in _STRAY.finditer(text):
        start, end = match.span()
        if not any(lo <= start < hi for lo, hi in plain):
            continue
        token = _token_at(text, start, end)
        if (start == 0 and match.group().startswith("*")) or any(c in token for c in "/@.:=0123456789"):
            continue
        excerpt = " ".join(text[max(0, start - 20) : end + 20].split())
        if excerpt not in excerpts:
            excerpts.append(excerpt)
    return excerpts


def _marker_length(text: str) -> int:
    """Length of the marker run that both starts and ends an emphasis span's text."""
    for marker, _ in _MARKERS:
        if len(text) > 2 * len(marker) and text.startswith(marker) and text.endswith(marker):
            return len(marker)
    return 0


def drop_emphasis_markers(spans: Sequence[Span]) -> tuple[Span, ...]:
    """Remove the markers kept in emphasis, strong and marker-made thought spans (the italics carry them)."""
    out = []
    for span in spans:
        size = _marker_length(span.text) if span.style != "plain" else 0
        inner = span.text[size:-size]
        if span.text.startswith("* ") and span.text.endswith(" *"):
            inner = inner.strip(" ")  # spaced stars ("* so *") leave their spaces outside the emphasis
        out.append(Span(inner, span.style) if size else span)
    return tuple(out)


def unmarked_text(text: str) -> str:
    """A heading's text without its paired emphasis markers: a title is one plain string in the model, so
    "PART II _The Country of the Saints._" is set as "PART II The Country of the Saints."."""
    if "_" not in text and "*" not in text:
        return text
    spans: list[Span] = []
    position = 0
    for start, end, style in find_emphasis(text):
        spans += [Span(text[position:start]), Span(text[start:end], style)]
        position = end
    spans.append(Span(text[position:]))
    return "".join(span.text for span in drop_emphasis_markers(spans))
