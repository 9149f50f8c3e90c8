"""One normalization step for metadata: titles, names, dates, languages, hidden rows, contributors."""

from __future__ import annotations

from ebookify.normalize.matter.dates import w3c_date
from ebookify.normalize.matter.languages import detect_language
from ebookify.normalize.matter.metadata import clean_name, clean_title, metadata_from_fields
from ebookify.options import StoryOverrides


def test_titles_out_of_capitals_without_a_closing_period() -> None:
    assert clean_title("A STUDY IN SCARLET.") == "A Study in Scarlet"
    assert clean_title("ALICE'S ADVENTURES IN WONDERLAND") == "Alice’s Adventures in Wonderland"
    assert clean_title("HENRY VIII") == "Henry VIII"
    assert clean_title("Goodbye, my almost lover.") == "Goodbye, my almost lover"
    # Mixed case is the writer's own and stays; an ellipsis stays.
    assert clean_title("SRE V: The Underground") == "SRE V: The Underground"
    assert clean_title("Waiting...") == "Waiting…"


def test_names_keep_initials() -> None:
    assert clean_name("Kakashi H.") == "Kakashi H."
    assert clean_name("FRANZ KAFKA") == "Franz Kafka"
    assert clean_name("G. Daniel Flower") == "G. Daniel Flower"
    # A sentence's stop after the name goes; an abbreviation's stays.
    assert clean_name("Schiller.") == "Schiller"
    assert clean_name("J. R. R. Tolkien.") == "J. R. R. Tolkien"
    assert clean_name("Martin Luther King Jr.") == "Martin Luther King Jr."


def test_gutenberg_release_date_is_iso_and_edition_rows_are_hidden() -> None:
    fields = [
        ("Title", "Dracula"),
        ("Author", "Bram Stoker"),
        ("Translator", "Ann Other"),
        ("Release date", "October 1, 1995 [eBook #345]"),
        ("Language", "English"),
        ("Character set encoding", "UTF-8"),
        ("Copyright", "Copyright 1897 by Bram Stoker"),
        ("Rating", "T"),
    ]
    meta = metadata_from_fields(fields, "x", StoryOverrides())
    assert meta.published == "1995-10-01"
    assert meta.contributors == (("Ann Other", "trl"),)
    assert meta.rights == "Copyright 1897 by Bram Stoker"
    assert set(meta.hidden) == {"Title", "Author", "Release date", "Language", "Character set encoding"}


def test_overrides_get_the_same_cleanup_as_header_values() -> None:
    meta = metadata_from_fields([], "x", StoryOverrides(title="MY STORY.", authors=("JANE DOE",)))
    assert (meta.title, meta.authors) == ("My Story", ("Jane Doe",))


def test_detected_language_stands_in_for_a_missing_field_only() -> None:
    german = (
        "Als Gregor Samsa eines Morgens aus unruhigen Träumen erwachte, fand er sich in seinem Bett. " * 20
    )
    assert detect_language(german) == "de"
    assert detect_language("Too short.") is None
    assert metadata_from_fields([], "x", StoryOverrides(), "de").language == "de"
    assert metadata_from_fields([("Language", "French")], "x", StoryOverrides(), "de").language == "fr"


def test_dates_read_without_guessing() -> None:
    assert w3c_date("January 1, 1994 [eBook #98] Most recently updated: February 26, 2026") == "1994-01-01"
    assert w3c_date("03/05/2010") == "2010"
    # A 1990s etext's date line names the month only; a W3C date keeps it, and is read again unchanged.
    assert w3c_date("March, 1994  [Etext #11]") == "1994-03"
    assert w3c_date("1994-03") == "1994-03"
    assert w3c_date("Smarch, 1994") is None and w3c_date("1994-13") is None


def test_straight_quotes_kept_when_the_story_keeps_them() -> None:
    fields = [("Title", '"Quoted" Story'), ("Summary", "It's -- short.")]
    curly = metadata_from_fields(fields, "x", StoryOverrides())
    assert curly.title == "“Quoted” Story" and curly.summary == "It’s — short."
    plain = metadata_from_fields(fields, "x", StoryOverrides(), smart_quotes=False)
    assert plain.title == '"Quoted" Story' and plain.summary == "It's -- short."
    assert plain.fields == tuple(fields)


def test_cover_rows_and_series_get_the_body_typography() -> None:
    # The cover page shows the header's rows: they must read like the summary and the body (curly, dashes).
    fields = [
        ("Summary", "I'm the hero... don't save me."),
        ("Series", "'Tis the Season -- Part 2"),
        ("Website", "http://example.com/my--story's-page"),
    ]
    meta = metadata_from_fields(fields, "x", StoryOverrides())
    assert dict(meta.fields)["Summary"] == "I’m the hero… don’t save me." == meta.summary
    assert meta.series is not None and "—" in meta.series and "'" not in meta.series
    # A link is typed to be copied: left as it is.
    assert dict(meta.fields)["Website"] == "http://example.com/my--story's-page"
