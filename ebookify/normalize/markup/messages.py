"""Text messages inside a plain-text story, set apart as quote blocks in a conversation of them.

"Sam: where are you", "[10:42] Jo: at the station", a "To: Mum" phone message: set apart only when the story
shows a conversation of them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ebookify.model import QuoteKind
from ebookify.normalize.matter.header import field_kind
from ebookify.normalize.structure.raw import RawBlock, RawQuote, RawVerse

# A time stamp before or after the sender: "[10:42]", "10:42 PM", "(9.05am)".
_STAMP = r"[\[(]?\d{1,2}[:.]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?[\])]?"
# A message line: an optional stamp, the sender's name (one or two capitalised words), a colon, the text.
_MESSAGE = re.compile(
    rf"^(?:(?P<stamp>{_STAMP})\s*[-–—]?\s*)?"
    r"(?P<name>[A-Z][\w'’.-]{0,19}(?: [A-Z][\w'’.-]{0,19})?)"
    rf"(?:\s*(?P<after>{_STAMP}))?\s*:\s+\S"
)
# Labels that are no sender: an e-mail's header (a letter's business) and notes.
_NOT_NAMES = {"from", "to", "cc", "bcc", "sent", "date", "subject", "re", "ps", "p.s", "note", "nb", "n.b"}
# A text message is short; a longer line after a name and a colon is a speech or a definition.
_MESSAGE_LENGTH = 160
# A conversation: three lines at least, from two or three senders, one of whom writes again.
_MIN_LINES = 3
_MAX_SENDERS = 3
# A text where many lines open with a name and a colon is a script or a chat log through and through
# (a play's speaker lines): nothing in it is set apart.
_SCRIPT_SHARE = 0.3
_SCRIPT_LINES = 10
# Name-and-colon lines are also how some stories write dialogue, like a script: they are messages only when
# stamped with times or when the narration around them has a device in hand ("her phone buzzed").
_DEVICE = re.compile(
    r"\b(?:phones?|cell|mobile|text(?:s|ed|ing)?|messag(?:e|es|ed|ing)|screens?|buzz(?:ed|es|ing)?|"
    r"chat(?:s|ted|ting)?|typed|typing|sms|e-?mail(?:s|ed)?|laptop|computer|online|dms?|whatsapp|"
    r"notifications?|pinged|group chat)\b",
    re.I,
)
_CONTEXT_BEFORE = 2
_CONTEXT_AFTER = 1
# "To: Mum" over a phone message: the name is a word or three, the message one short paragraph.
# A phone's own heading is one too: "New message from Sam", "Text from Mum:".
_ADDRESSED = re.compile(
    r"^(?:(?:To|From):|(?:New )?(?:[Mm]essage|[Tt]ext|SMS) from)\s+[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}:?$"
)
_ADDRESS_LENGTH = 36
_NOTE_LENGTH = 200


def _sender(line: str) -> tuple[str, bool] | None:
    """(sender, stamped) of a message line; None for anything else."""
    match = _MESSAGE.match(line)
    if not match or len(line) > _MESSAGE_LENGTH:
        return None
    name = match.group("name")
    stamped = bool(match.group("stamp") or match.group("after"))
    if name.lower().rstrip(".") in _NOT_NAMES or field_kind(name) is not None:
        return None
    # A name in capitals ("HAMLET:") is a play's speaker, unless a time stamp says it is a message.
    if name.isupper() and len(name) > 1 and not stamped:
        return None
    return name, stamped


def _lines(block: RawBlock) -> list[str]:
    if isinstance(block, str):
        return block.split("\n")
    return [text for _, text in block.lines] if isinstance(block, RawVerse) else []


def _is_message_block(block: RawBlock) -> bool:
    lines = _lines(block)
    return bool(lines) and all(_sender(line) is not None for line in lines)


def _is_conversation(lines: Sequence[str]) -> bool:
    """Three message lines or more between two or three senders, one writing twice (a list of labels never
    repeats one); or a log of stamped messages."""
    senders = [sender for line in lines if (sender := _sender(line)) is not None]
    names = {name for name, _ in senders}
    if len(senders) < _MIN_LINES or len(names) > _MAX_SENDERS:
        return False
    return all(stamped for _, stamped in senders) or 2 <= len(names) < len(senders)


# Markdown's emphasis around a sender ("**Ron:** where r u") says nothing about the message.
_MARKS = re.compile(r"[*_]{1,2}")


def quote_kind(lines: Sequence[str]) -> QuoteKind:
    """ "message" for a quoted passage (a Markdown `> ` quote) that is a conversation of text messages."""
    texts = [_MARKS.sub("", line).strip() for line in lines if line.strip()]
    messages = bool(texts) and all(_sender(text) is not None for text in texts)
    return "message" if messages and _is_conversation(texts) else "passage"


def _told_as_messages(blocks: Sequence[RawBlock], start: int, end: int) -> bool:
    """Stamped lines, or a device named in the narration just before or after the run."""
    lines = [line for block in blocks[start:end] for line in _lines(block)]
    if all((sender := _sender(line)) is not None and sender[1] for line in lines):
        return True
    around = [*blocks[max(0, start - _CONTEXT_BEFORE) : start], *blocks[end : end + _CONTEXT_AFTER]]
    return any(isinstance(block, str) and _DEVICE.search(block) for block in around)


def is_script(blocks: Iterable[RawBlock]) -> bool:
    """A text whose lines open with a name and a colon throughout (a play, a chat log)."""
    lines = [line for block in blocks for line in _lines(block) if line.strip()]
    found = sum(1 for line in lines if _sender(line) is not None)
    return found >= _SCRIPT_LINES and found >= _SCRIPT_SHARE * len(lines)


def _as_paragraph(block: RawBlock) -> str:
    """A message block's lines as one paragraph with its line breaks (a stanza's lines are no verse)."""
    return "\n".join(_lines(block))


def _addressed_end(blocks: Sequence[RawBlock], start: int) -> int | None:
    """The index after a "To: Mum" message at `start`: the address line with the message under it in the
    same block, or the short paragraph after it; None when there is no such message."""
    block = blocks[start]
    if not isinstance(block, str):
        return None
    first, _, rest = block.partition("\n")
    if len(first) > _ADDRESS_LENGTH or not _ADDRESSED.match(first):
        return None
    if rest:
        return start + 1 if len(rest) <= _NOTE_LENGTH else None
    after = blocks[start + 1] if start + 1 < len(blocks) else None
    if isinstance(after, str) and len(after) <= _NOTE_LENGTH and after[:1] not in "\"“'‘":
        return start + 2
    return None


def set_apart_messages(blocks: Sequence[RawBlock]) -> tuple[RawBlock, ...]:
    """Blocks with each run of text messages (a conversation) and each "To:" phone message as a quote
    block; the rest as it was. A chapter that is all messages needs nothing set apart."""
    out: list[RawBlock] = []
    index = 0
    while index < len(blocks):
        end = index
        while end < len(blocks) and _is_message_block(blocks[end]):
            end += 1
        if end > index:
            lines = [line for b in blocks[index:end] for line in _lines(b)]
            if not (_is_conversation(lines) and _told_as_messages(blocks, index, end)):
                out += blocks[index:end]
            elif index == 0 and end == len(blocks):
                return tuple(blocks)
            else:
                out.append(RawQuote(tuple(_as_paragraph(block) for block in blocks[index:end]), "message"))
            index = end
            continue
        addressed = _addressed_end(blocks, index)
        if addressed is not None and not (index == 0 and addressed == len(blocks)):
            out.append(RawQuote(tuple(b for b in blocks[index:addressed] if isinstance(b, str)), "message"))
            index = addressed
            continue
        out.append(blocks[index])
        index += 1
    return tuple(out)
