"""Project Gutenberg licence header and footer: split off as notes, with the header's fields kept."""

from __future__ import annotations

from ebookify.normalize.matter.gutenberg import split_gutenberg

TEXT = [
    "The Project Gutenberg EBook of Tales, by Ann Author",
    "",
    "Title: Tales",
    "       Old and New",
    "",
    "Author: Ann Author",
    "",
    "*** START OF THIS PROJECT GUTENBERG EBOOK TALES ***",
    "",
    "",
    "",
    "",
    "Produced by Some Volunteers",
    "",
    "",
    "CHAPTER I.",
    "",
    "Once upon a time.",
    "",
    "End of the Project Gutenberg EBook of Tales",
    "",
    "*** END OF THIS PROJECT GUTENBERG EBOOK TALES ***",
    "",
    "The licence text.",
]


def test_licence_header_and_footer_are_split_off() -> None:
    split = split_gutenberg(TEXT)
    assert split.found
    assert split.fields == (("Title", "Tales: Old and New"), ("Author", "Ann Author"))
    assert [line for line in split.body if line] == ["CHAPTER I.", "Once upon a time."]
    assert "Produced by Some Volunteers" in split.header
    assert split.footer[0] == "End of the Project Gutenberg EBook of Tales"
    assert split.footer[-1] == "The licence text."


def test_text_without_markers_comes_back_whole() -> None:
    lines = ["Title: Mine", "", "A story about the Project Gutenberg START OF it all."]
    split = split_gutenberg(lines)
    assert not split.found
    assert split.body == tuple(lines) and split.header == () and split.footer == ()


def test_marker_deep_inside_a_story_is_not_a_licence_header() -> None:
    lines = ["A line of the story."] * 500 + ["*** START OF THE PROJECT GUTENBERG EBOOK X ***", "More."]
    assert not split_gutenberg(lines).found


OLD_HEADER = [
    "***This is the Project Gutenberg Etext of Alice in Wonderland***",
    "Please note:  neither this list nor its contents are final till",
    "",
    "***START**THE SMALL PRINT!**FOR PUBLIC DOMAIN ETEXTS**START***",
    'Why is this "Small Print!" statement here?',
    "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*",
    "",
    "CHAPTER I",
    "",
    "Alice was beginning to get very tired.",
]


def test_1990s_header_ends_with_the_small_print() -> None:
    split = split_gutenberg(OLD_HEADER)
    assert split.found
    assert [line for line in split.body if line] == ["CHAPTER I", "Alice was beginning to get very tired."]
    # "Please note:" is licence text, not a field; the opening line names the title for a fallback.
    assert split.fields == ()
    assert split.named == (("Etext title", "Alice in Wonderland"),)


def test_footer_only_copy_loses_its_footer() -> None:
    lines = [
        "Als Gregor Samsa erwachte.",
        "",
        "Ende.",
        "",
        "*** END OF THE PROJECT GUTENBERG EBOOK X ***",
        "Licence.",
    ]
    split = split_gutenberg(lines)
    assert split.found and split.body == ("Als Gregor Samsa erwachte.", "", "Ende.", "")
    assert split.footer[0].startswith("*** END OF")


def test_a_chapter_that_mentions_project_gutenberg_is_left_alone() -> None:
    lines = ["He read the end of Project Gutenberg's licence aloud.", "", "Then he slept.", "", "The end."]
    assert split_gutenberg(lines).found is False


def test_transcribers_note_goes_with_the_credits() -> None:
    lines = [
        "*** START OF THIS PROJECT GUTENBERG EBOOK X ***",
        "",
        "Produced by Louise Hope",
        "",
        "[Transcriber's Note:",
        "",
        "This e-text is based on the printed edition.]",
        "",
        "THE BEGGAR'S OPERA",
    ]
    split = split_gutenberg(lines)
    assert [line for line in split.body if line] == ["THE BEGGAR'S OPERA"]
    assert "This e-text is based on the printed edition.]" in split.header


def test_german_footer_and_the_title_named_by_a_footer() -> None:
    lines = [
        "Der Prinz.",
        "",
        "Ende dieses Projekt Gutenberg Etextes Emilia Galotti, von Gotthold Ephraim Lessing.",
    ]
    split = split_gutenberg(lines)
    assert split.body == ("Der Prinz.", "")
    assert split.named == (("Etext title", "Emilia Galotti"), ("Etext author", "Gotthold Ephraim Lessing"))
    cut = [
        "I am a sick man.",
        "",
        "I am a spiteful man.",
        "*** END OF THE PROJECT GUTENBERG EBOOK NOTES FROM THE UNDERGROUND ***",
    ]
    assert split_gutenberg(cut).named == (("Etext title", "NOTES FROM THE UNDERGROUND"),)


def test_title_subtitle_runs_on_over_two_lines() -> None:
    lines = [
        "Title: Poems on Serious and Sacred Subjects",
        "       Printed only as Private Tokens of Regard, for the Particular",
        "       Friends of the Author",
        "",
        "*** START OF THIS PROJECT GUTENBERG EBOOK POEMS ***",
        "Text.",
    ]
    title = dict(split_gutenberg(lines).fields)["Title"]
    assert title == (
        "Poems on Serious and Sacred Subjects: Printed only as Private Tokens of Regard, "
        "for the Particular Friends of the Author"
    )


def test_transcribers_closing_notes_go_to_the_back_with_their_divider() -> None:
    lines = [
        "*** START OF THIS PROJECT GUTENBERG EBOOK X ***",
        "FINIS.",
        "",
        "       *       *       *",
        "",
        "Errata Noted by Transcriber:",
        "  Spelling unchanged.",
        "",
        "End of the Project Gutenberg EBook of X",
    ]
    split = split_gutenberg(lines)
    assert [line for line in split.body if line] == ["FINIS."]
    assert split.footer[0] == "       *       *       *"
    # A story that mentions errata in a sentence keeps it.
    story = [
        "*** START OF THIS PROJECT GUTENBERG EBOOK X ***",
        "He read the errata twice.",
        "End of the Project Gutenberg EBook of X",
    ]
    assert split_gutenberg(story).body == ("He read the errata twice.",)


def test_a_labelled_note_on_the_edition_at_the_end_goes_to_the_back() -> None:
    note = [
        "  Au lecteur.",
        "",
        "    Ce livre électronique reproduit intégralement le texte original.",
        "    Seules quelques erreurs typographiques évidentes ont été corrigées.",
    ]
    story = ["La sortie,   het uitgaan."] * 8
    lines = ["*** START OF THIS PROJECT GUTENBERG EBOOK X ***", *story, "", "    *    *    *", "", *note]
    split = split_gutenberg([*lines, "", "End of the Project Gutenberg EBook of X"])
    assert [line for line in split.body if line] == story
    # A short heading over the story's own text stays with the story.
    told = ["  Au lecteur.", "", "    Il faut lire ce livre à haute voix, mes enfants."]
    kept = split_gutenberg(["*** START OF THIS PROJECT GUTENBERG EBOOK X ***", *story, "", *told])
    assert [line for line in kept.body if line][-2:] == [told[0], told[2]]


def test_a_1990s_date_line_is_the_release_date_unless_a_field_gives_one() -> None:
    old = ["**The Project Gutenberg Etext of Tales**", "", "March, 1994  [Etext #11]", "", *TEXT[7:]]
    split = split_gutenberg(old)
    assert split.fields == (("Release date", "March, 1994"),)
    assert "March, 1994  [Etext #11]" in split.header  # the line stays in the licence too
    dated = ["Release Date: May 1, 2004 [EBook #12]", "", "March, 1994  [Etext #11]", "", *TEXT[7:]]
    assert split_gutenberg(dated).fields == (("Release Date", "May 1, 2004 [EBook #12]"),)
    # A date line in the book itself is the book's.
    assert split_gutenberg(["CHAPTER I.", "", "March, 1994  [Etext #11]"]).fields == ()


def test_a_transcribers_note_on_the_edition_goes_with_the_credits() -> None:
    start = ["*** START OF THIS PROJECT GUTENBERG EBOOK TALES ***", "", "Produced by Some Volunteers", ""]
    note = [
        "Throughout this text you will see words with _ (underscore) on either side,",
        "such as _this_. These were in italics in the original.",
    ]
    french = [
        "Au lecteur.",
        "",
        "Le texte en italiques dans l'original est indiqué ici comme _italiques_.",
        "",
    ]
    tail = ["On trouvera d'autres précisions à la fin du texte.", "", "CHAPTER I.", "", "Once upon a time."]
    for lines in ([*start, *note, "", "CHAPTER I.", "", "Once upon a time."], [*start, *french, *tail]):
        split = split_gutenberg(lines)
        assert [line for line in split.body if line] == ["CHAPTER I.", "Once upon a time."]
    # A preface on a translation, or a heading over the story, is the book's own.
    preface = (
        "This version was made from the original Greek in 1820, and I have kept its verse where I could."
    )
    lines = [*start, "A PREFACE.", "", preface]
    assert "A PREFACE." in split_gutenberg(lines).body
    lines = [*start, "Chapter One.", "", "In the original house there was this text: a letter."]
    assert "Chapter One." in split_gutenberg(lines).body


def test_a_naming_footer_wrapped_inside_the_authors_name_is_read_whole() -> None:
    lines = [
        "Der Vorhang fällt.",
        "",
        "Ende dieses Projekt Gutenberg Etextes Nathan der Weise, von Gotthold",
        "Ephraim Lessing.",
    ]
    split = split_gutenberg(lines)
    assert split.named == (("Etext title", "Nathan der Weise"), ("Etext author", "Gotthold Ephraim Lessing"))
    # A line after the naming line that is no end of its sentence is not joined.
    lines = [
        "Der Vorhang fällt.",
        "",
        "Ende dieses Projekt Gutenberg Etextes Nathan der Weise, von Gotthold Ephraim Lessing",
        "This file should be named nathan10.txt or nathan10.zip and more words here.",
    ]
    assert split_gutenberg(lines).named[1] == ("Etext author", "Gotthold Ephraim Lessing")


def test_a_quoted_title_on_the_naming_line_loses_its_quotes() -> None:
    lines = ['*****The Project Gutenberg Etext "Divina Commedia di Dante"*****', *OLD_HEADER[1:]]
    assert split_gutenberg(lines).named == (("Etext title", "Divina Commedia di Dante"),)


CANTO_END = ["*** START OF THIS PROJECT GUTENBERG EBOOK X ***", *["per me si va ne la città dolente,"] * 8]
TABLE = [
    "TAVOLA DEI CARATTERI SPECIALI",
    "TABLE OF SPECIAL CHARACTERS",
    "",
    "    à = a grave",
    "    è = e grave",
    "",
    "    « = left angle quotation mark",
    "",
    ". . . = ellipsis",
]


def test_a_table_of_the_characters_after_the_book_goes_to_the_back_with_its_divider() -> None:
    footer = ["", "End of The Project Gutenberg Etext X"]
    split = split_gutenberg([*CANTO_END, "", "- - - - - - - -", "", *TABLE, *footer])
    assert [line for line in split.body if line] == CANTO_END[1:]
    assert split.footer[0] == "- - - - - - - -" and TABLE[0] in split.footer
    # Without a heading the rows alone are a table too.
    split = split_gutenberg([*CANTO_END, "", *TABLE[3:], *footer])
    assert "    à = a grave" in split.footer


def test_a_closing_note_headed_by_the_characters_it_spells_goes_to_the_back() -> None:
    note = ["SPECIAL CHARACTERS", "", "The accents of the print are kept in Latin-1; the long s is an s."]
    split = split_gutenberg([*CANTO_END, "", *note, "", "End of The Project Gutenberg Etext X"])
    assert [line for line in split.body if line] == CANTO_END[1:]
    assert note[2] in split.footer


def test_a_closing_heading_over_prose_or_sums_stays_in_the_book() -> None:
    footer = ["", "End of The Project Gutenberg Etext X"]
    prose = ["THE LAST WORD", "", "He wrote: a = b, and b = c.", "So a = c, he said, and slept."]
    split = split_gutenberg([*CANTO_END, "", *prose, *footer])
    assert [line for line in split.body if line] == [*CANTO_END[1:], prose[0], *prose[2:]]
    # One row is no table.
    split = split_gutenberg([*CANTO_END, "", "NOTE", "", "    à = a grave", "    Then he slept.", *footer])
    assert "    à = a grave" in split.body


def test_an_etexts_closing_line_opening_with_the_is_the_footer() -> None:
    lines = [*TEXT[:18], "", 'The end of Project Gutenberg Etext of "Tales"', ""]
    split = split_gutenberg(lines)
    assert split.footer[:1] == ('The end of Project Gutenberg Etext of "Tales"',)
    # A sentence of the story about the end of something is the story's.
    story = [*TEXT[:18], "", "The end of the war came in spring.", ""]
    assert "The end of the war came in spring." in split_gutenberg(story).body
