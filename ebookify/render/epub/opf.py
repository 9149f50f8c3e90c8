"""The EPUB package metadata (OPF): identifier, language, creators, subjects, series and accessibility."""

from __future__ import annotations

import hashlib
import logging
import re
import uuid
from dataclasses import dataclass

from ebookify.model import Block, Book, Paragraph, Quote, SceneBreak, Span, Subheading, Verse
from ebookify.normalize.matter.dates import w3c_date
from ebookify.normalize.matter.languages import language_code
from ebookify.render.html import xml_safe

log = logging.getLogger("ebookify")

# A well-formed BCP 47 tag as readers use them: language, optional script, region and variants.
_LANGUAGE_TAG = re.compile(
    r"^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*$", re.I
)

# The only values the accessibility vocabularies allow for what we claim (EPUBCheck does not check these).
ACCESS_MODES = ("textual", "visual")
ACCESS_MODE_SUFFICIENT = ("textual",)
ACCESSIBILITY_FEATURES = ("structuralNavigation", "tableOfContents", "readingOrder", "alternativeText")
ACCESSIBILITY_HAZARDS = ("none",)
ACCESSIBILITY_SUMMARY = (
    "Reflowable text with headings and a table of contents for navigation, in reading order; "
    "the cover image has a text alternative and repeats the title and author given as text."
)


@dataclass(frozen=True)
class MetaEntry:
    """One element of the OPF <metadata>: a Dublin Core element (namespace "DC") or a <meta>."""

    namespace: str
    name: str
    value: str
    attributes: tuple[tuple[str, str], ...] = ()


def language_tag(value: str | None) -> str:
    """A well-formed BCP 47 tag for a header's or --lang value ("en_US" → "en-US", "English" → "en")."""
    text = (value or "").strip()
    tag = language_code(text) if text else "en"
    # EPUBCheck refuses a dc:language that is not well-formed (e.g. "en-12"): the last guard is strict.
    if _LANGUAGE_TAG.match(tag):
        return tag
    log.warning("language %r is not a language code; using en", text)
    return "en"


def _block_digest_text(block: Block) -> str:
    if isinstance(block, SceneBreak):
        return "\x1e"
    if isinstance(block, Verse):
        # Each line with its level: re-indenting a poem is a different text. A hung quote is read back into
        # its line, so hanging it changes no book's identifier.
        lines = (f"{line.indent}:" + _spans_digest_text(line.spans_with_hang) for line in block.lines)
        return "\x1d".join(lines)
    if isinstance(block, Quote):
        return "\x1d" + "\x1c".join(_block_digest_text(inner) for inner in block.blocks) + "\x1d"
    if isinstance(block, Subheading):
        # A sub-heading differs from a paragraph of the same words.
        return f"\x1b{block.role.value}:" + _spans_digest_text(block.spans)
    assert isinstance(block, Paragraph)
    return _spans_digest_text(block.spans)


def _spans_digest_text(spans: tuple[Span, ...]) -> str:
    return "\x1f".join(f"{span.style}:{span.text}" for span in spans)


def book_identifier(book: Book) -> str:
    """A stable URN derived from titles, authors and text: the same story always gets the same id."""
    digest = hashlib.sha256()

    def feed(text: str) -> None:
        digest.update(text.encode("utf-8", "surrogatepass") + b"\x00")

    feed(book.metadata.title)
    for author in book.metadata.authors:
        feed(author)
    for story in book.stories:
        feed(story.metadata.title)
        for chapter in story.chapters:
            feed(chapter.title or "")
            for block in chapter.blocks:
                feed(_block_digest_text(block))
    return f"urn:uuid:{uuid.UUID(bytes=digest.digest()[:16], version=5)}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _clean(value: str) -> str:
    # ebooklib silently drops a metadata element whose text holds a control character.
    return " ".join(xml_safe(value).split())


def _series_entries(book: Book) -> list[MetaEntry]:
    meta = book.metadata
    if not meta.series:
        return []
    series = _clean(meta.series)
    entries = [
        MetaEntry("OPF", "collection", series, (("property", "belongs-to-collection"), ("id", "series"))),
        MetaEntry(
            "OPF", "collection-type", "series", (("refines", "#series"), ("property", "collection-type"))
        ),
    ]
    calibre = [MetaEntry("OPF", "calibre:series", "", (("name", "calibre:series"), ("content", series)))]
    if meta.series_index is not None:
        index = _number(meta.series_index)
        entries.append(
            MetaEntry(
                "OPF", "group-position", index, (("refines", "#series"), ("property", "group-position"))
            )
        )
        calibre.append(
            MetaEntry(
                "OPF", "calibre:series_index", "", (("name", "calibre:series_index"), ("content", index))
            )
        )
    return entries + calibre


def _accessibility_entries(has_cover: bool) -> list[MetaEntry]:
    modes = ACCESS_MODES if has_cover else ("textual",)
    features = ACCESSIBILITY_FEATURES if has_cover else ACCESSIBILITY_FEATURES[:-1]
    values = [
        *(("schema:accessMode", mode) for mode in modes),
        *(("schema:accessModeSufficient", mode) for mode in ACCESS_MODE_SUFFICIENT),
        *(("schema:accessibilityFeature", feature) for feature in features),
        *(("schema:accessibilityHazard", hazard) for hazard in ACCESSIBILITY_HAZARDS),
        ("schema:accessibilitySummary", ACCESSIBILITY_SUMMARY),
    ]
    return [MetaEntry("OPF", prop, value, (("property", prop),)) for prop, value in values]


def _people_entries(book: Book) -> list[MetaEntry]:
    entries = []
    for number, author in enumerate(book.metadata.authors, 1):
        uid = f"creator{number:02d}"
        entries.append(MetaEntry("DC", "creator", _clean(author), (("id", uid),)))
        entries.append(
            MetaEntry(
                "OPF",
                "role",
                "aut",
                (("refines", f"#{uid}"), ("property", "role"), ("scheme", "marc:relators")),
            )
        )
    # Translators, illustrators and editors the header named, with their MARC relator roles.
    for number, (name, role) in enumerate(book.metadata.contributors, 1):
        uid = f"contributor{number:02d}"
        entries.append(MetaEntry("DC", "contributor", _clean(name), (("id", uid),)))
        refines = (("refines", f"#{uid}"), ("property", "role"), ("scheme", "marc:relators"))
        entries.append(MetaEntry("OPF", "role", role, refines))
    if book.editor:
        entries.append(MetaEntry("DC", "contributor", _clean(book.editor), (("id", "editor"),)))
        entries.append(
            MetaEntry(
                "OPF",
                "role",
                "edt",
                (("refines", "#editor"), ("property", "role"), ("scheme", "marc:relators")),
            )
        )
    return entries


def package_metadata(book: Book, identifier: str, has_cover: bool, generator: str) -> list[MetaEntry]:
    """Every metadata element of the package, in a fixed order (Dublin Core first, then <meta>s)."""
    meta = book.metadata
    entries = [
        MetaEntry("DC", "title", _clean(meta.title) or "Untitled"),
        MetaEntry("DC", "language", language_tag(meta.language)),
        *_people_entries(book),
    ]
    if meta.summary and _clean(meta.summary):
        entries.append(MetaEntry("DC", "description", _clean(meta.summary)))
    entries += [MetaEntry("DC", "subject", _clean(tag)) for tag in meta.tags if _clean(tag)]
    published = w3c_date(meta.published)
    if published:
        entries.append(MetaEntry("DC", "date", published))
    if meta.rights and _clean(meta.rights):
        entries.append(MetaEntry("DC", "rights", _clean(meta.rights)))
    entries += _series_entries(book)
    entries += _accessibility_entries(has_cover)
    entries.append(MetaEntry("OPF", "generator", "", (("name", "generator"), ("content", generator))))
    if has_cover:
        # EPUB 2 readers and Kindle's converter find the cover through this <meta>, EPUB 3 via the manifest.
        entries.append(MetaEntry("OPF", "cover", "", (("name", "cover"), ("content", "cover-image"))))
    entries.append(MetaEntry("DC", "identifier", identifier, (("id", "id"),)))
    return entries
