"""The closing matter under a story: terms, addresses, an advert, banners, a signature, "The End"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.normalize.matter.display import is_banner, is_copyright, is_notice, line_blocks, notice_count

# The closing terms are a few blocks in the last lines.
_TAIL_LINES = 150
_TAIL_BLOCKS = 8
# The writer signing the story off: "Josh Renaud, Author." (a character's "Your Loving Son" is the story's).
SIGNATURE = re.compile(
    r"^[-—–~\s]*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}),\s*(?:[Tt]he\s+)?(?:[Aa]uthor|[Ww]riter)\.?$"
)
# An advert after a rule at the very end stands in the last lines.
_ADVERT_LINES = 30

# "The End" and its kin closing a part of a serial ("-=<{[ TO BE CONCLUDED ]}>=-", "To be continued..."): the
# writer's sign-off under the story's last line, set apart with the closing matter when only that follows.
THE_END = re.compile(r"^[\W_]*(?:the\s+end|fin|ende|to\s+be\s+(?:continued|concluded))[\W_]*$", re.I)


def _advert_start(lines: Sequence[str]) -> int:
    """Where an advert set off by a rule at the very end begins ("****  ****" over a publisher's plea and
    address): a few lines with two notices at least and no dialogue; len(lines) when there is none."""
    tail = max(0, len(lines) - _ADVERT_LINES)
    rule = next((i for i in range(len(lines) - 1, tail - 1, -1) if is_banner(lines[i])), None)
    if rule is None:
        return len(lines)
    text = " ".join(line.strip() for line in lines[rule + 1 :])
    return rule if notice_count(text) >= 2 and not re.search(r"[\"“”]", text) else len(lines)


def _closing_kind(block: Sequence[str]) -> str | None:
    """ "mark" for banners and "The End"; "strong" for copyright, two notices (download, non-commercial,
    an address) or the writer's signature; "weak" for one notice; None for the story's own text."""
    text = " ".join(line.strip() for line in block)
    if all(is_banner(line) or THE_END.match(line.strip()) for line in block):
        return "mark"
    if len(block) == 1 and SIGNATURE.match(text):
        return "strong"
    if len(block) > 6 or re.search(r"[\"“”]", text) or not is_notice(text):
        return None
    return "strong" if is_copyright(text) or notice_count(text) >= 2 else "weak"


def trailing_start(lines: Sequence[str]) -> int:
    """Where the closing terms, addresses, banners, signature and "The End" begin (len(lines) when there
    are none). Terms with one notice word only count above a surer one: a last scene may mention e-mail."""
    start = _advert_start(lines)
    lines = lines[:start]
    below = start  # where the block under the current one begins
    for first, end in reversed(line_blocks(lines, max(0, len(lines) - _TAIL_LINES))[-_TAIL_BLOCKS:]):
        kind = _closing_kind(lines[first:end])
        if kind is None:
            break
        # A mark counts when everything under it is closing matter already.
        if kind == "strong" or (kind == "mark" and start == below):
            start = first
        below = first
    return start
