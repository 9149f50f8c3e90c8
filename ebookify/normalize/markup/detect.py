"""Which markup a text uses, from counted evidence: Markdown constructs, balanced HTML tags, or none."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ebookify.normalize.decode.cleanup import plural

# Markdown's line constructs, found in one pass over line starts: "# Title" (a space after the hashes, so
# "#hashtag" is not one), "> quoted", "[^1]: a footnote", "[id]: http://a link", "![an image](...)".
_LINE_START = re.compile(r"^(?:#{1,6}[ \t]+\S|> ?|\[\^?[^\]\n]+\]:|!\[)", re.M)
HEADING = re.compile(r"^(#{1,6})[ \t]+(\S.*?)(?:[ \t]+#+)?[ \t]*$")
QUOTE_LINE = re.compile(r"^>(?: |$)")
FOOTNOTE_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]*(.*)$")
# "[id]: <target>" or "[id]: http://..." ("[Harry]: Hello" in a chat log names no address).
LINK_DEFINITION = re.compile(
    r"^ {0,3}\[([^\]\^\n][^\]\n]*)\]:[ \t]*(<[^>\n]+>|(?:https?://|mailto:|www\.|\.{0,2}/|#)\S*)[ \t]*"
    r"(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\))?[ \t]*$"
)
IMAGE_LINE = re.compile(r"^\s*!\[[^\]\n]*\]\([^)\n]*\)\s*$")
FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
INLINE_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(([^)\s]+)(?:[ \t]+\"[^\"\n]*\")?\)")
# An escape is a backslash before ASCII punctuation that Markdown would otherwise read ("\*", "\#", "\-").
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>~|])")
# A code span: `text` on one line; a `quote' in the old style (opened by a backtick, closed by an
# apostrophe) is not one, so the content holds no apostrophe.
CODE_SPAN = re.compile(r"(?<![`\w])`([^`'\n]+)`(?![`\w])")
COMMENT = re.compile(r"<!--.*?-->", re.S)
# Emphasis pairs, counted for the report only (the inline reader decides emphasis).
_EMPHASIS = re.compile(
    r"(?<![\w*])\*{1,2}[^*\s][^*\n]*?(?<!\s)\*{1,2}(?![\w*])|(?<!\w)_[^_\s][^_\n]*?(?<!\s)_(?!\w)"
)
# An HTML tag of a name that stories pasted from the web use; "<3" and "a < b" are not tags.
HTML_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>")
_PAIRED_TAGS = frozenset(
    [
        "p",
        "i",
        "em",
        "b",
        "strong",
        "u",
        "s",
        "strike",
        "del",
        "ins",
        "sub",
        "sup",
        "span",
        "div",
        "blockquote",
        "center",
        "font",
        "small",
        "big",
        "cite",
        "q",
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "table",
        "tr",
        "td",
        "th",
        "tbody",
        "thead",
        "pre",
        "code",
        "html",
        "body",
        "head",
        "title",
    ]
)
_VOID_TAGS = frozenset(["br", "hr", "img", "wbr", "meta", "link"])
# Closing </p> and </li> may be left out in HTML.
_OPTIONAL_CLOSE = frozenset(["p", "li"])
BLOCK_TAGS = frozenset(["p", "br", "div", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "tr"])


@dataclass(frozen=True)
class Evidence:
    """What was counted in a text and the markup it adds up to ("markdown", "html" or "")."""

    kind: str = ""
    counts: dict[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        """ "Markdown (front matter, 4 headings, 12 emphasis pairs)", or "plain text"."""
        if not self.kind:
            return "plain text"
        name = {"markdown": "Markdown", "html": "HTML", "markdown+html": "Markdown with HTML tags"}[self.kind]
        shown = [_count_text(key, count) for key, count in self.counts.items() if count]
        return f"{name} ({', '.join(shown)})" if shown else name


def _count_text(key: str, count: int) -> str:
    if key == "front matter":
        return key
    return plural(count, key)


# What a line construct starts with, looked for with `in` (a novel is scanned ten times faster than by
# the pattern): a text with none of these has no Markdown lines.
_LINE_OPENINGS = ("\n#", "\n>", "\n[^", "\n![", "]:")


def _line_counts(text: str) -> Counter[str]:
    """Markdown's line constructs, by kind; a run of quoted lines counts once."""
    counts: Counter[str] = Counter()
    if text[:1] not in "#>[!" and not any(opening in text for opening in _LINE_OPENINGS):
        return counts
    quote_end = -2
    block_lines = 0
    for match in _LINE_START.finditer(text):
        start = match.start()
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if QUOTE_LINE.match(line):
            if start != quote_end + 1:
                counts["quote"] += 1
                block_lines = 0
            block_lines += 1
            # A block counts as one-line until its second line comes.
            counts["one-line quote"] += {1: 1, 2: -1}.get(block_lines, 0)
            quote_end = end
        elif HEADING.match(line):
            counts["heading"] += 1
        elif FOOTNOTE_DEFINITION.match(line):
            counts["footnote definition"] += 1
        elif LINK_DEFINITION.match(line):
            counts["link definition"] += 1
        elif IMAGE_LINE.match(line):
            counts["image"] += 1
    return counts


# A line underlined with "=" (Markdown's other way to write a level-1 heading).
_SETEXT = re.compile(r"^[ \t]*\S[^\n]*\n=+[ \t]*$", re.M)


def _inline_counts(text: str) -> Counter[str]:
    """Markdown's inline constructs, looked for only when their characters occur at all."""
    counts: Counter[str] = Counter()
    if "[^" in text:
        counts["footnote"] = len(FOOTNOTE_REFERENCE.findall(text))
    if "](" in text:
        counts["link"] = len(INLINE_LINK.findall(text))
    if "\\" in text:
        counts["escape"] = len(ESCAPE.findall(text))
    if "`" in text:
        counts["code span"] = len(CODE_SPAN.findall(text))
    if "<!--" in text:
        counts["comment"] = len(COMMENT.findall(text))
    return counts


def _is_markdown(counts: Counter[str], front_matter: bool, first_line_heading: bool) -> bool:
    """Markdown when its constructs show consistently, not when one character happens to look like one."""
    # Front matter, footnotes with their definitions, links and images are Markdown's alone.
    if front_matter or counts["image"] or counts["link"]:
        return True
    if counts["footnote"] and counts["footnote definition"]:
        return True
    if counts["link definition"]:
        return True
    # A "# Title" opening the text, or several headings.
    if counts["heading"] >= 2 or (counts["heading"] and first_line_heading):
        return True
    # Quoted passages of two lines or more ("> Dear Harry," / "> Come home."); a text adventure's "> go
    # north" commands, one line each between the game's answers, are not.
    if counts["quote"] and not counts["one-line quote"]:
        return True
    # Otherwise two different kinds of Markdown constructs.
    kinds = ("heading", "quote", "escape", "code span", "comment")
    return sum(1 for kind in kinds if counts[kind]) >= 2


def _html_counts(text: str) -> tuple[Counter[str], int, bool]:
    """Opening tags by name, the count of closing tags, and whether every paired tag is closed as often as
    it is opened."""
    opened: Counter[str] = Counter()
    closed: Counter[str] = Counter()
    for match in HTML_TAG.finditer(text):
        name = match.group(2).lower()
        if name in _VOID_TAGS:
            opened[name] += 1
        elif name in _PAIRED_TAGS:
            (closed if match.group(1) else opened)[name] += 1
    balanced = all(
        opened[name] == closed[name] or (name in _OPTIONAL_CLOSE and not closed[name])
        for name in set(opened) | set(closed)
        if name not in _VOID_TAGS
    )
    return opened, sum(closed.values()), balanced


def detect_markup(text: str, front_matter: bool = False) -> Evidence:
    """The markup a text (after its front matter) uses, with the counts that decided it."""
    counts = _line_counts(text) + _inline_counts(text)
    if "\n=" in text:
        counts["heading"] += len(_SETEXT.findall(text))
    first = text.lstrip("\n").split("\n", 1)[0]
    markdown = _is_markdown(counts, front_matter, bool(HEADING.match(first)))
    tags, closing, balanced = _html_counts(text) if "<" in text else (Counter(), 0, False)
    # HTML only with balanced tags, two at least: a story that mentions "<p>" once is not a web page.
    html = balanced and sum(tags.values()) + closing >= 2
    kind = "markdown+html" if markdown and html else "markdown" if markdown else "html" if html else ""
    shown: dict[str, int] = {}
    if front_matter:
        shown["front matter"] = 1
    if markdown:
        for key in ("heading", "quote", "footnote", "link", "image", "escape", "code span", "comment"):
            shown[key] = counts[key]
        shown["emphasis pair"] = len(_EMPHASIS.findall(text))
    if html:
        shown["element"] = sum(tags.values())
    return Evidence(kind, shown)
