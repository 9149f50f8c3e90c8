"""The lines of a title page read one by one: display text, a title, a personal name, a by-line."""

from __future__ import annotations

import re

from ebookify.normalize.matter.display import is_notice
from ebookify.normalize.matter.notes import is_note_label
from ebookify.normalize.structure.headings import is_title_like, match_heading

# "by" in the languages of the corpus and its neighbours ("DIE VERWANDLUNG / VON / FRANZ KAFKA").
_BY_WORDS = r"(?:written\s+by|by|von|par|por|di|door|av|af)"
BYLINE = re.compile(rf"^{_BY_WORDS}\b:?\s*(?P<name>.*)$", re.I)

# Decoration around a display line ("*** DREAM SCHOOL ***", "/\/\/ S R E").
_DECORATION = " *=~_#+-:|/\\<>[]{}()"
# A volume or series line on a title page ("VOL. XII", "No. 3") is not the title.
_VOLUME = re.compile(r"^[\W_]*(?:vol(?:ume)?\.?|no\.|number)\s*[\dIVXLC]+[\W_]*$", re.I)
# A plea to the reader ("WE WOULD ***LOVE*** YOUR ASSISTANCE IN PROOFREADING THESE FILES!", "Please support
# us!"): an exclamation of a few words that says we, you or please is a producer's or a board's notice,
# never a title ("Westward Ho!" and "Oh, Brother!" say none of them).
_PLEA = re.compile(r"\b(?:we|us|our|you|your|please)\b", re.I)
_PLEA_WORDS = 4
# A personal name: capitalised words, initials and particles ("G. Daniel Flower", "Menno de Leeuw").
_NAME_WORD = re.compile(r"^\(?[A-Z][\w'’.-]*\)?,?$|^(?:van|von|de|der|den|du|la|le|di|da|del|y|and|&)$")


def display_text(line: str) -> str:
    """A display line without its decoration; letter-spaced text ("S  R  E     V") closed up."""
    whole = line.strip()
    text = whole.strip(_DECORATION).strip()
    # A bracket closing one the text opens ("AESOP'S FABLES (84 Fables)") is the title's, no decoration.
    # So is a note's mark ("A PORTRAIT<1>"), whose ">" would otherwise go as decoration.
    for opening, closing in ("()", "[]", "<>"):
        if text.count(opening) > text.count(closing) and whole[whole.index(text) + len(text) :].startswith(
            closing
        ):
            text += closing
    words = [word for word in re.split(r"\s{3,}", text) if word]
    if len(words) > 1 and all(len(piece) == 1 for word in words for piece in word.split()):
        text = " ".join(word.replace(" ", "") for word in words)
        text = re.sub(r"\s+([:;,.!?])", r"\1", text)
    return re.sub(r"\s{2,}", " ", text)


def is_title_line(line: str) -> bool:
    """A title: short, set like a title, no sentence end unless set in capitals ("A STUDY IN SCARLET.")."""
    text = display_text(line)
    # A year alone ("1726") dates a title page; it is no title.
    if (
        len(re.sub(r"\W", "", text)) < 2
        or not any(c.isalpha() for c in text)
        or match_heading(text)
        or BYLINE.match(text)
        or is_notice(text)
    ):
        return False
    if is_note_label(text) or (text[-1:] in ".!?" and any(c.islower() for c in text)):
        return False
    if text.endswith("!") and len(text.split()) >= _PLEA_WORDS and _PLEA.search(text):
        return False
    return is_title_like(text, 12) and not _VOLUME.match(text)


def is_name(text: str, words: int = 2) -> bool:
    """A personal name of at least `words` words (a pen name after "by" may be one word)."""
    parts = text.split()
    return (
        words <= len(parts) <= 6
        and len(text) <= 60
        and text[:1].isupper()
        and all(_NAME_WORD.match(part) for part in parts)
    )


# A closing period that belongs to the last word: an initial ("Kakashi H."), or an abbreviation ("Jr.").
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z]|jr|sr|st|mr|mrs|ms|dr|prof|inc|co|ltd|vol|no|etc|esq)\.$", re.I)


def drop_closing_period(text: str) -> str:
    """A sentence's closing period goes ("Goodbye, my almost lover.", a title page's "von / Schiller."); an
    initial's or an abbreviation's stays ("Kakashi H.", "Martin Luther King Jr.")."""
    if text.endswith(".") and not text.endswith("..") and not _ABBREVIATION.search(text):
        return text[:-1].rstrip()
    return text


def title_case_name(name: str) -> str:
    """A name set in capitals in title case ("FRANZ KAFKA" -> "Franz Kafka"); others as written."""
    if any(c.islower() for c in name):
        return name
    return " ".join(word.capitalize() if len(word.rstrip(".")) > 1 else word for word in name.split())


# "The Time Machine, by H(erbert) G(eorge) Wells [1898]": an etext's one title line in mixed case, the comma
# setting the by-line apart ("Killed by Death Itself" has none). A year in brackets after the name is the
# edition's date; initials spelled out the way a library catalogue does are printed "H. G. Wells".
_COMMA_BY = re.compile(
    r"^(?P<title>[^,]+),\s+by\s+(?P<name>[^,;]+?)(?:\s*[\[(](?P<year>1[5-9]\d\d|20\d\d)[\])])?\.?$"
)
_EXPANDED_INITIAL = re.compile(r"\b([A-Z])\([a-z]+\)")


def comma_by(line: str) -> list[tuple[str, str]]:
    """Title, By (and Published) fields from a "Title, by Name [year]" line, else none."""
    match = _COMMA_BY.match(line.strip())
    if match is None or not is_title_line(match["title"]):
        return []
    name = _EXPANDED_INITIAL.sub(r"\1.", match["name"]).strip()
    if not is_name(name):
        return []
    year = [("Published", match["year"])] if match["year"] else []
    return [("Title", match["title"].strip()), ("By", name), *year]


def letters_of(text: str) -> str:
    """The text's letters and digits in lower case, to compare titles whatever their punctuation and
    emphasis markers ("_DRACULA_" is "dracula")."""
    return "".join(c for c in text.lower() if c.isalnum())
