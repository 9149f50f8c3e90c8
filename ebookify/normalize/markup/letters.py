"""Letters and e-mails inside a plain-text story: from a salutation or an e-mail header to the signature."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.normalize.markup.marks import QUOTE
from ebookify.normalize.structure.raw import RawBlock, RawQuote, RawVerse
from ebookify.normalize.structure.salutations import SALUTATION

# An e-mail's header lines: "From: ...", "To: ...", "Subject: ...".
_EMAIL_LINE = re.compile(r"^(?:from|to|cc|sent|date|subject|re):\s", re.I)
# The closing above a signature: "Love,", "Yours truly,", "Sincerely, Hermione", "Your loving son,".
_CLOSING = re.compile(
    r"^(?:(?:with |all my |lots of )?love|yours(?: truly| sincerely| faithfully| ever| always)?|sincerely|"
    r"(?:best|kind|warm)(?: wishes| regards)?|regards|cheers|thanks|ever yours|affectionately|adieu|farewell|"
    r"your (?:loving |devoted |affectionate |true )?(?:friend|son|daughter|brother|sister|husband|wife|"
    r"mother|father|mum|mom|dad))\b[^.!?\n]{0,20}[,.!—-]?(?:\n[^\n]{1,40})?$",
    re.I,
)
# A signature under the closing: a name of a few words.
_SIGNATURE = re.compile(r"^[-—–~]*\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\.?$")
_POSTSCRIPT = re.compile(r"^P\.? ?S\.?", re.I)
# A letter is a few paragraphs: a closing further than this from the salutation belongs to something else.
_MAX_PARAGRAPHS = 15
_MAX_CLOSING = 60


def _opens_letter(text: str) -> bool:
    """A salutation, or an e-mail header of two lines or more (From and To or Subject)."""
    # Both start with one of these letters: most paragraphs are passed over without a pattern.
    if text[:1] not in "MmDdFfTtCcSsRr":
        return False
    if SALUTATION.match(text):
        return True
    lines = text.split("\n", 8)
    return bool(_EMAIL_LINE.match(lines[0])) and sum(1 for line in lines if _EMAIL_LINE.match(line)) >= 2


def _closes_letter(text: str) -> bool:
    return len(text) <= _MAX_CLOSING and bool(_CLOSING.match(text))


def _letter_end(blocks: Sequence[RawBlock], start: int) -> int | None:
    """The index after the letter opened at `start` (closing, signature, postscripts), or None."""
    for index in range(start, min(start + _MAX_PARAGRAPHS, len(blocks))):
        block = blocks[index]
        if not isinstance(block, str) or QUOTE in block:
            return None  # a scene break or a quote: the letter never closed
        if index > start and _opens_letter(block):
            return None
        if _closes_letter(block):
            end = index + 1
            if "\n" not in block and end < len(blocks) and _is_text(blocks[end], _SIGNATURE):
                end += 1
            while end < len(blocks) and _is_text(blocks[end], _POSTSCRIPT):
                end += 1
            return end
    return None


def _is_text(block: RawBlock, pattern: re.Pattern[str]) -> bool:
    return isinstance(block, str) and bool(pattern.match(block))


def _header_lines(block: RawBlock) -> RawBlock:
    """An e-mail's header read as a stanza (short lines together) as the lines of one paragraph."""
    if isinstance(block, RawVerse):
        lines = "\n".join(text for _, text in block.lines)
        return lines if _opens_letter(lines) else block
    return block


def set_apart_letters(blocks: Sequence[RawBlock]) -> tuple[RawBlock, ...]:
    """Blocks with each letter (salutation to signature) as a quote block; the rest as it was."""
    read = [_header_lines(block) for block in blocks]
    if not any(isinstance(b, str) and _opens_letter(b) for b in read):
        return tuple(blocks)
    out: list[RawBlock] = []
    index = 0
    while index < len(read):
        block = read[index]
        end = _letter_end(read, index) if isinstance(block, str) and _opens_letter(block) else None
        if end is None:
            out.append(blocks[index])
            index += 1
            continue
        if index == 0 and end == len(read):
            # A chapter that is one letter (an epistolary novel's "Letter 3") needs nothing set apart.
            return tuple(blocks)
        out.append(RawQuote(tuple(b for b in read[index:end] if isinstance(b, str))))
        index = end
    return tuple(out)
