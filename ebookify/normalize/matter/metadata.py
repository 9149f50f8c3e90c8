"""One normalization step for metadata, whether it comes from a header, the command line or a manifest."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.model import Metadata
from ebookify.normalize.decode.cleanup import clean_value
from ebookify.normalize.inline.typography import typeset_text
from ebookify.normalize.matter.dates import w3c_date
from ebookify.normalize.matter.header import field_kind, split_genres, split_list, split_series
from ebookify.normalize.matter.languages import language_code, parse_language
from ebookify.normalize.matter.title_lines import drop_closing_period
from ebookify.options import StoryOverrides

# Words a title in capitals keeps in lower case when it is set in title case (not first).
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "per",
        "the",
        "to",
        "upon",
        "via",
        "with",
        "der",
        "die",
        "das",
        "und",
        "von",
        "zu",
        "im",
        "le",
        "la",
        "les",
        "et",
        "de",
        "du",
        "des",
        "el",
        "y",
    ]
)
_ROMAN = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
# Header keys whose rows a cover page never shows (besides the kinds in _HIDDEN_KINDS); the publication
# date is shown once, under the authors, whatever key gave it ("Published", "Release Date").
_HIDDEN_KINDS = frozenset({"title", "authors", "language", "edition", "published"})
_HIDDEN_KEYS = frozenset({"release date", "posting date", "most recently updated", "first posted"})
_ROLES = (("translators", "trl"), ("illustrators", "ill"), ("editors", "edt"))


def _title_case_word(word: str, first: bool) -> str:
    core = word.strip("\"'“”‘’()[],:;.!?")
    if not first and core.lower() in _SMALL_WORDS:
        return word.lower()
    if _ROMAN.match(core) or any(c.isdigit() for c in core):
        return word  # "HENRY VIII", "100 WEST BY 53 NORTH"
    if not first and core.lower() in _SMALL_WORDS:
        return word.lower()
    # "ALICE'S" -> "Alice's", "RABBIT-HOLE" -> "Rabbit-Hole".
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def from_capitals(text: str) -> str:
    """A title or name set wholly in capitals in title case; mixed case is the writer's and stays."""
    if any(c.islower() for c in text) or sum(c.isalpha() for c in text) < 2:
        return text
    words = text.split()
    return " ".join(
        _title_case_word(word, index == 0 or words[index - 1][-1:] in ":.—-")
        for index, word in enumerate(words)
    )


def clean_title(value: str, typeset: bool = True) -> str:
    """A title on one line, without a closing period, out of capitals, with the body's quotes and dashes
    (straight ones when the story keeps its straight quotes)."""
    text = from_capitals(drop_closing_period(clean_value(value).strip()))
    return typeset_text(text) if typeset else text


def clean_name(value: str, typeset: bool = True) -> str:
    """A person's name cleaned like a title; initials keep their periods."""
    return clean_title(value, typeset)


def _clean_summary(value: str, typeset: bool) -> str:
    text = clean_value(value, one_line=False)
    return typeset_text(text) if typeset else text


# A link or an address is typed to be copied, not read: its hyphens and quotes stay as they are.
_LINK = re.compile(r"://|^www\.|\b[\w.-]+@[\w-]+\.\w", re.I)


def display_fields(fields: Sequence[tuple[str, str]], typeset: bool = True) -> tuple[tuple[str, str], ...]:
    """Header fields as a reader sees them: each value with the body's quotes, dashes and ellipses, so a
    cover page's rows (Summary, Series, Setting) match the story's typography; links stay as typed."""
    if not typeset:
        return tuple(fields)
    return tuple((key, value if _LINK.search(value) else typeset_text(value)) for key, value in fields)


def _values(fields: Sequence[tuple[str, str]]) -> dict[str, str]:
    """The first non-empty value of each Metadata attribute."""
    values: dict[str, str] = {}
    for key, value in fields:
        kind = field_kind(key)
        if kind and value.strip():
            values.setdefault(kind, clean_value(value))
    return values


def _clean_overrides(overrides: StoryOverrides, typeset: bool = True) -> StoryOverrides:
    """Overrides come from flags or a manifest, not from decoded text: clean them like header values."""
    return StoryOverrides(
        title=clean_title(overrides.title, typeset) if overrides.title else None,
        authors=tuple(a for a in (clean_name(name, typeset) for name in overrides.authors) if a),
        summary=_clean_summary(overrides.summary, typeset) if overrides.summary else None,
        language=parse_language(clean_value(overrides.language)) if overrides.language else None,
    )


def clean_book_values(
    title: str | None, authors: Sequence[str], language: str | None, summary: str | None
) -> tuple[str | None, tuple[str, ...], str | None, str | None]:
    """A book's own title, authors, language and summary (from flags, a manifest or a library call),
    cleaned exactly like a story's header values; unset stays None."""
    cleaned = _clean_overrides(StoryOverrides(title, tuple(authors), summary, language))
    return cleaned.title or None, cleaned.authors, cleaned.language, cleaned.summary or None


def hidden_keys(fields: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """The header keys a cover page leaves out: consumed into title, authors, language, or the edition's."""
    hidden = {
        key
        for key, _ in fields
        if field_kind(key) in _HIDDEN_KINDS or " ".join(key.lower().split()) in _HIDDEN_KEYS
    }
    return tuple(key for key in dict.fromkeys(k for k, _ in fields) if key in hidden)


def metadata_from_fields(
    fields: Sequence[tuple[str, str]],
    fallback_title: str,
    overrides: StoryOverrides,
    detected_language: str | None = None,
    smart_quotes: bool = True,
) -> Metadata:
    """Build Metadata from header fields; overrides win, the file name is the fallback title, and the
    language the text is written in stands in for a missing Language field. Title, names and summary get
    the body's typography (`smart_quotes`), and so do the fields a cover page shows."""
    fields = display_fields(fields, smart_quotes)
    values = _values(fields)
    overrides = _clean_overrides(overrides, smart_quotes)
    title = overrides.title or clean_title(values.get("title", ""), smart_quotes)
    series, series_index = split_series(values.get("series", ""))
    language = overrides.language or values.get("language", "")
    names = split_list(values.get("authors", ""), words=True)
    authors = overrides.authors or tuple(clean_name(name, smart_quotes) for name in names)
    summary = overrides.summary or (
        _clean_summary(values["summary"], smart_quotes) if "summary" in values else None
    )
    published = values.get("published")
    return Metadata(
        title=title or fallback_title,
        authors=tuple(a for a in authors if a),
        language=language_code(language) if language else detected_language or "en",
        summary=summary,
        rating=values["rating"].rstrip(".") if "rating" in values else None,
        genres=split_genres(values.get("genres", "")),
        pairings=split_list(values.get("pairings", "")),
        fandoms=split_list(values.get("fandoms", "")),
        characters=split_list(values.get("characters", ""), words=True),
        warnings=split_list(values.get("warnings", "")),
        series=series,
        series_index=series_index,
        status=values.get("status"),
        published=w3c_date(published) or published,
        updated=w3c_date(values.get("updated")) or values.get("updated"),
        words=values.get("words"),
        rights=values.get("rights"),
        contributors=tuple(
            (clean_name(name, smart_quotes), role)
            for kind, role in _ROLES
            for name in split_list(values.get(kind, ""), words=True)
        ),
        fields=tuple(fields),
        hidden=hidden_keys(fields),
    )
