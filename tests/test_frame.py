"""The display lines around a story: title pages, by-lines, copyright, banners and closing terms."""

from __future__ import annotations

import pytest

from ebookify.normalize.matter.display import (
    copyright_holder,
    is_banner,
    is_centred,
    is_notice,
    measure_page,
)
from ebookify.normalize.matter.frame import split_frame
from ebookify.normalize.matter.title_lines import comma_by, display_text, is_title_line

PROSE = [
    "     North of 53. A magic phrase. Spoken, mumbled or thought inwardly",
    "by thousands of souls venturing northward. An imaginary line, shown",
    "only on maps and labelled 53 degrees. Its presence indicated to the",
    "highway travellers by road side signs that stand along the way north.",
    "     A division of territory as distinct in the mind as any border in",
    "the world, and the people who live there know it well enough by now.",
    "They say so in every season, and they say it again in the spring too.",
    "Nobody who has been there forgets the line, or the country beyond it.",
    "     The stories of record breaking trout, walleye, and pike are legion.",
]


def _centred(text: str, width: int = 70) -> str:
    return " " * ((width - len(text)) // 2) + text


def test_page_measure_and_centred_lines() -> None:
    lines = [_centred("100 WEST BY 53 NORTH"), "", *PROSE]
    page = measure_page(lines)
    assert page.margin == 0 and page.right is not None
    assert is_centred(lines[0], page)
    assert not is_centred(PROSE[1], page)


def test_banners_and_notices() -> None:
    assert is_banner(":.:.:.:.:.:.:.:.:.:.:.:.:.:")
    assert is_banner(":   Earth's Dreamlands    :  Info on: RPG's,  :(313)558-5024 : area code    :")
    assert is_banner("ÄÂÚ³Ú¿")  # DOS box drawing read as Latin-1
    assert not is_banner("It was a dark night.")
    assert is_notice("Copyright 1987 by Yves Barbero")
    assert is_notice("Yes, please upload this story to other non-commercial bulletin boards.")
    assert not is_notice("She walked along the river for a long time.")
    # An etext's edition note: "Copyrighted annotations ... removed", "Transcribed by Richard Bear".
    assert is_notice("text of 1765. Copyrighted annotations by Mr. Bear have been removed")
    assert is_notice("Transcribed by Richard Bear at the University of Oregon, August 1992.")
    assert not is_notice("She transcribed the letter by candlelight.")
    assert copyright_holder("Copyright 1987 by G. Daniel Flower, All Rights Reserved.") == "G. Daniel Flower"
    # "(C) 1992 Kimberly Ann Carter": the year, then the name; "(c) Copyright 1990" names nobody yet.
    assert copyright_holder("(C) 1992 Kimberly Ann Carter") == "Kimberly Ann Carter"
    assert copyright_holder("(c) Copyright 1990") is None
    # The name ends with its sentence: "All rights reserved" is no part of it, an initial keeps its period.
    assert (
        copyright_holder("Copyright (C) Oct 1979 by Howard I. Cannon. All rights reserved.")
        == "Howard I. Cannon"
    )
    assert copyright_holder("Copyright 1990 by Jim Prentice Jr.") == "Jim Prentice Jr."


def test_display_text_undecorates_and_closes_up_letter_spacing() -> None:
    assert display_text("******** DREAM  SCHOOL ********") == "DREAM SCHOOL"
    assert display_text(" /\\/\\/ S  R  E     V     :   T  h  e     E  n  d") == "SRE V: The End"
    # A closing bracket the title opened is the title's; brackets around the whole line are decoration.
    assert display_text("   AESOP'S FABLES (84 Fables)") == "AESOP'S FABLES (84 Fables)"
    assert display_text("(Part One)") == "Part One"
    # So is a note's mark closing a title line; angle brackets around the whole line are decoration.
    assert display_text("A PORTRAIT<1>") == "A PORTRAIT<1>"
    assert display_text("<<< THE END >>>") == "THE END"


def test_centred_title_page_with_by_line_copyright_and_shareware_banner() -> None:
    lines = [
        _centred("THIS IS A SHAREWARE TRIAL PROJECT"),
        "",
        _centred("100 WEST BY 53 NORTH"),
        "",
        _centred("by"),
        "",
        _centred("Jim Prentice"),
        "",
        _centred("Copyright 1990, Jim Prentice, Brandon, Manitoba"),
        "",
        *PROSE,
    ]
    frame = split_frame(lines)
    assert frame.fields == (
        ("Title", "100 WEST BY 53 NORTH"),
        ("By", "Jim Prentice"),
        ("Copyright", "Copyright 1990, Jim Prentice, Brandon, Manitoba"),
    )
    assert [line for line in frame.body if line] == PROSE
    assert "THIS IS A SHAREWARE TRIAL PROJECT" in frame.back


def test_a_boards_plea_over_the_title_is_no_part_of_it() -> None:
    # "PLEASE SELECT ... FROM THE MAIN MENU" is the board speaking: the title above the by-line ends there.
    plea = _centred('PLEASE SELECT "FOR FURTHER ENJOYMENT" FROM THE MAIN MENU')
    title = _centred("THE ARCTIC CIRCLE AND BEYOND")
    lines = [
        _centred("YOUR SUPPORT WILL ENSURE THE SUCCESS"),
        "",
        plea,
        "",
        "",
        "",
        title,
        "",
        "",
        _centred("BY"),
    ]
    fields = split_frame([*lines, "", _centred("JIM PRENTICE"), "", "", *PROSE]).fields
    assert fields[:2] == (("Title", "THE ARCTIC CIRCLE AND BEYOND"), ("By", "Jim Prentice"))
    # Title lines set far apart are still one title page ("CAPITAN DODERO" / "UNA NOTTE BIZZARRA").
    apart = [_centred("FRANKENSTEIN;"), "", "", "", _centred("OR, THE MODERN PROMETHEUS"), "", _centred("BY")]
    fields = split_frame([*apart, "", _centred("MARY SHELLEY"), "", *PROSE]).fields
    assert fields[0] == ("Title", "FRANKENSTEIN; OR, THE MODERN PROMETHEUS")


def test_german_von_and_a_name_in_capitals() -> None:
    lines = [_centred("DIE VERWANDLUNG"), "", _centred("VON"), "", _centred("FRANZ KAFKA"), "", *PROSE]
    assert split_frame(lines).fields == (("Title", "DIE VERWANDLUNG"), ("By", "Franz Kafka"))


def test_a_title_pages_name_set_as_a_sentence_loses_its_stop_an_initial_keeps_its() -> None:
    # Die Räuber (1805): "Die" / "Räuber" / "ein Schauspiel" / "von" / "Schiller.".
    lines = [_centred("Die"), _centred("Räuber"), "", _centred("ein Schauspiel"), _centred("von")]
    fields = split_frame([*lines, _centred("Schiller."), "", *PROSE]).fields
    assert fields == (("Title", "Die Räuber"), ("Subtitle", "ein Schauspiel"), ("By", "Schiller"))
    fields = split_frame([_centred("A TALE"), "", _centred("by Kakashi H."), "", *PROSE]).fields
    assert ("By", "Kakashi H.") in fields


def test_closing_terms_and_the_end_go_to_the_back_a_signature_stays() -> None:
    lines = [
        *PROSE,
        "",
        _centred("Your Loving Son"),
        _centred("Greg"),
        "",
        "(C) Copyright 1987 by Yves Barbero          415-285-4358",
        "",
        "Yes, please upload this story to other non-commercial",
        "     bulletin boards.",
        "",
        _centred("- THE END -"),
    ]
    frame = split_frame(lines)
    assert [line for line in frame.body if line][-2:] == [_centred("Your Loving Son"), _centred("Greg")]
    assert "- THE END -" in frame.back and "bulletin boards." in frame.back


def test_centred_prose_opening_is_left_alone() -> None:
    lines = [_centred("It was a dark and stormy night."), "", *PROSE]
    frame = split_frame(lines)
    assert frame.fields == () and frame.body == tuple(lines)


def test_a_key_value_header_is_left_to_the_header_reader() -> None:
    lines = ["Title: Red", "Rating: T", "", *PROSE]
    assert split_frame(lines).body == tuple(lines)


def test_printed_title_page_takes_only_the_title_lines() -> None:
    lines = [
        "A TALE OF TWO CITIES",
        "",
        "A STORY OF THE FRENCH REVOLUTION",
        "",
        "By Charles Dickens",
        "",
        "NEW YORK",
    ]
    frame = split_frame([*lines, "", *PROSE], printed=True)
    assert frame.fields == (
        ("Title", "A TALE OF TWO CITIES"),
        ("Subtitle", "A STORY OF THE FRENCH REVOLUTION"),
        ("By", "Charles Dickens"),
    )
    # The imprint under the title page is the printed front matter, apart from the story's lines.
    assert frame.front == ("NEW YORK", "")
    assert next(line for line in frame.body if line) == PROSE[0]


def test_a_picture_over_a_printed_title_is_no_title_line_and_a_title_ending_in_of_runs_on() -> None:
    lines = ["[Illustration]", "", "THE TALE OF", "", "PETER RABBIT", "", "BY", "", "BEATRIX POTTER"]
    imprint = ["First published 1902", "", "Printed in Great Britain"]
    frame = split_frame([*lines, "", *imprint, "", "", "", *PROSE], printed=True)
    assert frame.fields == (("Title", "THE TALE OF PETER RABBIT"), ("By", "Beatrix Potter"))
    assert frame.front == ("[Illustration]", "", "First published 1902", "")
    assert frame.back[0] == "Printed in Great Britain"  # a printer's notice, like the licence's terms
    assert next(line for line in frame.body if line) == PROSE[0]
    # A title line ending in a full word is a title, the line under it its subtitle.
    frame = split_frame(
        ["THE TALE", "", "OF A TUB", "", "BY", "", "JONATHAN SWIFT", "", *PROSE], printed=True
    )
    assert frame.fields[:2] == (("Title", "THE TALE"), ("Subtitle", "OF A TUB"))


def test_title_and_author_on_one_line_in_capitals_and_the_repeated_title() -> None:
    lines = [
        "Internet Wiretap Edition of",
        "",
        "THE CASK OF AMONTILLADO by EDGAR ALLAN POE",
        "",
        "This text is placed into the Public Domain (May 1993).",
        "",
        "The Cask of Amontillado.",
        "",
        *PROSE,
    ]
    frame = split_frame(lines)
    assert frame.fields[:2] == (("Title", "THE CASK OF AMONTILLADO"), ("By", "Edgar Allan Poe"))
    assert ("Printed title", "The Cask of Amontillado.") in frame.fields
    assert [line for line in frame.body if line] == PROSE
    # Mixed case is a title of its own: "Killed by Death Itself" names no author.
    assert split_frame(["Killed by Death Itself", "", *PROSE]).fields == ()


def test_by_line_page_after_a_slogan_and_a_mixed_case_spelling_of_the_name() -> None:
    lines = [
        _centred("64 page printout"),
        "    Reproducible Electronic Publishing can defeat censorship.",
        _centred("****     ****"),
        "",
        _centred("THE OUTCAST"),
        _centred("by"),
        _centred("WINWOOD W READE"),
        "",
        _centred("LONDON:"),
        "",
        _centred("by Winwood W. Reade"),
        "",
        *PROSE,
    ]
    frame = split_frame(lines)
    assert frame.fields == (("Title", "THE OUTCAST"), ("By", "Winwood W. Reade"))
    assert [line for line in frame.body if line] == PROSE
    assert "64 page printout" in frame.back


def test_von_with_a_name_in_capitals_on_its_line() -> None:
    lines = ["EMILIA GALOTTI", "", "von GOTTHOLD EPHRAIM LESSING", "", *PROSE]
    assert split_frame(lines).fields == (("Title", "EMILIA GALOTTI"), ("By", "Gotthold Ephraim Lessing"))


def test_author_colon_title_needs_the_name_elsewhere_in_the_frame() -> None:
    lines = [
        "[obi/Joseph.Conrad/heart.of.darkness.txt]",
        "",
        "Joseph Conrad: The Heart of Darkness",
        "",
        *PROSE,
    ]
    assert split_frame(lines).fields == (("Title", "The Heart of Darkness"), ("By", "Joseph Conrad"))
    alone = ["Star Wars: A New Hope", "", *PROSE]
    assert split_frame(alone).body == tuple(alone)


def test_signature_and_advert_after_a_rule_go_to_the_back() -> None:
    lines = [
        *PROSE,
        "",
        "Josh Renaud, Author.",
        "",
        _centred("****     ****"),
        "    Reproducible Electronic Publishing can defeat censorship.",
        "   The Bank of Wisdom is a collection of books, easily copied and distributed.",
        _centred("Box 926, Louisville, KY 40201"),
    ]
    frame = split_frame(lines)
    assert [line for line in frame.body if line] == PROSE
    assert ("By", "Josh Renaud") in frame.fields
    assert "Box 926, Louisville, KY 40201" in frame.back
    # A last scene after a divider is the story's, whatever it mentions.
    scene = [*PROSE, "", _centred("* * *"), "", "She sent him an e-mail and went to bed."]
    assert split_frame(scene).body == tuple(scene)


def test_editors_notes_and_a_dedication_on_the_title_page() -> None:
    lines = [
        "THE SPELL OF THE YUKON",
        "by ROBERT W SERVICE",
        "",
        "[This text was also published under the title,",
        '"Songs of a Sourdough".]',
        "",
        "To C. M.",
        "",
        *PROSE,
    ]
    frame = split_frame(lines)
    assert [line for line in frame.body if line] == PROSE
    assert frame.front == ("To C. M.", "")


def test_a_publishers_places_between_its_name_and_its_copyright_are_title_page_matter() -> None:
    stanza = ["The lonely sunsets flare forlorn", "  Down valleys dreadly desolate;"] * 2
    top = ["THE SPELL OF THE YUKON", "by ROBERT W SERVICE", "", "Publishers", "Barse & Co.", ""]
    imprint = ["New York, N. Y.", "Newark, N.J.", ""]
    rest = ["Copyright, 1916 by Barse & Co.", "", "", "", "", "The Land God Forgot", "", "", *stanza]
    frame = split_frame([*top, *imprint, *rest])
    # The poem's title, closer to the poem than to the copyright above it, stays over the poem.
    assert [line for line in frame.body if line] == ["The Land God Forgot", *stanza]
    # Without matter after them, the places are left to the story.
    alone = split_frame([*top, *imprint, *PROSE])
    assert [line for line in alone.body if line][:2] == imprint[:2]


def test_credits_in_two_columns_become_fields() -> None:
    lines = [
        _centred("THE LONG ROAD"),
        "",
        "Written by:              Edited and Compiled by:",
        "John Smith               Jane Doe",
        "                         Ann Other",
        "",
        *PROSE,
    ]
    frame = split_frame(lines)
    assert frame.fields == (
        ("Title", "THE LONG ROAD"),
        ("Written by", "John Smith"),
        ("Edited and Compiled by", "Jane Doe, Ann Other"),
    )
    assert [line for line in frame.body if line] == PROSE
    # One label is a header field, read by the header reader.
    assert split_frame(["Written by: John Smith", "", *PROSE]).body[0] == "Written by: John Smith"


def test_right_aligned_address_block_goes_to_the_back() -> None:
    lines = [
        _centred("THE LONG ROAD"),
        _centred("by John Smith"),
        "",
        " " * 44 + "John Smith",
        " " * 44 + "123 Main Street",
        " " * 44 + "Anytown, NY 12601",
        "",
        *PROSE,
    ]
    frame = split_frame(lines)
    assert "123 Main Street" in frame.back and [line for line in frame.body if line] == PROSE


def test_a_lone_title_between_two_rules_is_the_title_and_the_rules_are_dropped() -> None:
    rule = "#" * 75
    lines = [rule, _centred("Phreak Encounter"), rule, "", "", *PROSE]
    frame = split_frame(lines)
    assert frame.fields == (("Title", "Phreak Encounter"),)
    assert [line for line in frame.body if line] == PROSE
    assert not frame.back


def test_a_box_of_rules_around_a_board_and_its_numbers_is_still_an_advert() -> None:
    rule = ":.:" * 20
    lines = [rule, _centred("Earth's Dreamlands"), _centred("(313)558-5024 {14.4}"), rule, "", *PROSE]
    frame = split_frame(lines)
    assert ("Title", "Earth's Dreamlands") not in frame.fields
    assert "Earth's Dreamlands" in frame.back


def test_a_boards_advert_box_over_a_chapter_heading_goes_to_the_back() -> None:
    # The Hound of the Baskervilles from a BBS: the board's box, then "Chapter 1" and the story.
    box = [":.:" * 20, _centred("-----=====Earth's Dreamlands=====-----"), _centred("(313)558-5024 {14.4}"),
           _centred("A BBS for text file junkies"), ".:." * 20]  # fmt: skip
    frame = split_frame([*box, "", _centred("Chapter 1"), _centred("Mr. Sherlock Holmes"), "", *PROSE])
    assert any("Earth's Dreamlands" in line for line in frame.back)
    assert [line.strip() for line in frame.body if line][:2] == ["Chapter 1", "Mr. Sherlock Holmes"]


def test_an_etexts_title_comma_by_line_gives_title_author_and_year() -> None:
    assert comma_by("The Time Machine, by H(erbert) G(eorge) Wells [1898]") == [
        ("Title", "The Time Machine"),
        ("By", "H. G. Wells"),
        ("Published", "1898"),
    ]
    assert comma_by("Aladdin and the Wonderful Lamp, by Andrew Lang") == [
        ("Title", "Aladdin and the Wonderful Lamp"),
        ("By", "Andrew Lang"),
    ]


@pytest.mark.parametrize(
    "line",
    ["Killed by Death Itself", "Yes, by all means let us go", "The sea, by night and by day, was calm."],
)
def test_a_title_or_sentence_with_by_in_it_is_no_comma_by_line(line: str) -> None:
    assert comma_by(line) == []


def test_a_year_alone_on_a_title_page_is_no_title() -> None:
    assert not is_title_line("                     1726")
    assert is_title_line("               GULLIVER'S TRAVELS")


def test_a_plea_to_the_reader_is_no_title() -> None:
    assert not is_title_line("WE WOULD ***LOVE*** YOUR ASSISTANCE IN PROOFREADING THESE FILES!")
    assert not is_title_line("PLEASE SUPPORT YOUR LOCAL BOARD!")
    # An exclamation in a title, or a title that speaks to the reader without exclaiming, is a title.
    for title in ("WESTWARD HO!", "OH, BROTHER, WHERE ART THOU!", "YOU ONLY LIVE TWICE", "HEY YOU!"):
        assert is_title_line(title), title


def test_a_motto_under_the_title_is_front_matter_and_a_banner_line_stays_at_the_back() -> None:
    motto = "          Nullus enim locus sine genio est.--SERVIUS"
    frame = split_frame([_centred("The Island of the Fay"), "", motto, "", *PROSE])
    assert [line for line in frame.front if line] == ["Nullus enim locus sine genio est.--SERVIUS"]
    assert not frame.back
    # A board's name under the title is no motto: it stays with the adverts at the back.
    board = "          Downloaded from the Bank of Wisdom BBS"
    assert split_frame([_centred("The Island of the Fay"), "", board, "", *PROSE]).back


def test_a_chapter_heading_set_right_under_the_title_starts_the_story() -> None:
    lines = [_centred("Tears of Glass"), _centred("Chapter 1"), "", *PROSE]
    frame = split_frame(lines)
    assert frame.fields == (("Title", "Tears of Glass"),)
    assert [line.strip() for line in frame.body if line] == ["Chapter 1", *(line.strip() for line in PROSE)]
    # A subtitle under the title is title-page matter, not the story's.
    subtitled = split_frame([_centred("Tears of Glass"), _centred("A Tale of Two Towns"), "", *PROSE])
    assert [line for line in subtitled.body if line] == PROSE


def test_a_copyright_line_under_the_first_chapter_heading_is_the_title_pages() -> None:
    notice = "(C) 1992 Kimberly Ann Carter"
    lines = [_centred("Tears of Glass"), _centred("Chapter 1"), "", notice, "", *PROSE]
    frame = split_frame(lines)
    assert ("Copyright", notice) in frame.fields
    assert ("By", "Kimberly Ann Carter") in frame.fields
    assert [line.strip() for line in frame.body if line] == ["Chapter 1", *(line.strip() for line in PROSE)]
    # Deep in the story, or inside a paragraph, a copyright line is the story's own.
    late = [_centred("Tears of Glass"), "", *PROSE, "", *PROSE, "", *PROSE, "", notice, "", *PROSE]
    assert notice in split_frame(late).body
    inside = [_centred("Tears of Glass"), "", *PROSE[:3], notice, *PROSE[3:]]
    assert notice in split_frame(inside).body
