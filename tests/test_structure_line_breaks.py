"""How two lines join: lower-case continuations, ragged print wraps, margin lines of indented texts."""

from __future__ import annotations

import textwrap

from ebookify.normalize.structure.paragraphs import Layout, detect_layout, split_items

from .test_structure_paragraphs import PROSE

# A page of print wrapped raggedly at 54 columns: its wrapped lines reach 43 columns at least.
RAGGED = Layout(wrap_width=54, wrap_floor=43)


def _texts(lines: list[str], layout: Layout) -> list[str]:
    return [item.text for item in split_items(lines, layout)]


def test_a_lower_case_line_after_a_sentence_goes_on_its_paragraph() -> None:
    lines = ['"Ugh! ugh! ugh! -- ugh! ugh! ugh! -- ugh!', "ugh! ugh! -- ugh! ugh! ugh! -- ugh! ugh! ugh!"]
    assert _texts(lines, RAGGED) == [" ".join(lines)]


def test_a_capitalised_line_after_a_short_sentence_starts_a_paragraph() -> None:
    lines = ["I broke and reached him a flagon.", "He emptied it at a breath. His eyes flashed with a"]
    assert _texts(lines, RAGGED) == lines


def test_a_lower_case_line_after_a_colon_or_in_columns_keeps_its_line() -> None:
    lines = ["When all other email fails, write to:", "hart@vmd.cso.uiuc.edu (internet)"]
    assert _texts(lines, Layout(wrap_width=70)) == ["\n".join(lines)]
    rows = ["  b.v. aller a la maison).", "  il a bien mal,                  hij heeft erge pijn."]
    assert _texts(rows, Layout(wrap_width=70)) == ["\n".join(row.strip() for row in rows)]


def test_a_wide_gap_inside_a_sentence_running_on_in_lower_case_is_no_row_of_columns() -> None:
    # Two paragraphs glued on one line ("movement.'   `Still ...") still wrap into the next line.
    lines = ["movement.'   `Still they could move a little up and down,' said", "the Medical Man."]
    assert _texts(lines, Layout(wrap_width=66)) == [" ".join(lines)]
    # Rows of columns, each with its own wide gap, keep their lines even in lower case.
    rows = ["il a bien mal,        hij heeft erge pijn.", "la ficelle glissait    het touwtje gleed"]
    assert _texts(rows, Layout(wrap_width=70)) == ["\n".join(rows)]


def test_a_full_line_ending_in_a_lower_case_word_runs_on_into_a_capitalised_name() -> None:
    lines = [
        "You acknowledge then that you made an appointment with",
        "Sir Charles at the very hour and place at which he met his death,",
        "and you refuse to say what the appointment was?",
    ]
    assert _texts(lines, Layout(wrap_width=67)) == [" ".join(lines)]
    # A signature ends in a capital, a quoted couplet has no line going on in lower case: both stay lines.
    closing = ["I shall be home again by Sunday, as well as ever. Your Loving Son", "Greg"]
    assert _texts(closing, Layout(wrap_width=80)) == ["\n".join(closing)]
    couplet = ["For this the Gods have fashioned man's grief and evil day", "That still for man hereafter."]
    assert _texts(couplet, Layout(wrap_width=75)) == ["\n".join(couplet)]


def test_a_ragged_wrap_after_a_full_line_ending_a_sentence_is_undone() -> None:
    lines = [
        "There were no attendants at home; they had",
        "absconded to make merry in honour of the time.",
        "I had told them that I should not return until the",
    ]
    assert _texts(lines, RAGGED) == [" ".join(lines)]
    # The same text wrapped by a machine (no floor measured) keeps the deliberate break.
    assert len(_texts(lines, Layout(wrap_width=54))) == 2


def test_a_heading_under_a_full_line_is_no_ragged_wrap() -> None:
    lines = ["then they absconded to make merry at night.", "II."]
    assert _texts(lines, RAGGED) == lines


def test_an_indented_text_continues_a_full_line_at_the_margin() -> None:
    indented = Layout(wrap_width=57, indented=True, paragraph_indent=2)
    lines = [
        "  Yes. That ought to do the affair. I flung out of his",
        "hut muttering to myself my opinion of him.",
        "He was a chattering idiot. Afterwards I took it back",
        "  I looked at him, lost in astonishment.",
    ]
    texts = _texts(lines, indented)
    assert texts == [" ".join(line.strip() for line in lines[:3]), lines[3].strip()]
    # Under a short line (a verse line's overflow) the margin line stays apart.
    assert len(_texts(["dance?", "Will you, won't you, will you join the dance?"], indented)) == 2


def test_the_wrap_floor_is_measured_only_on_tight_wraps() -> None:
    lines = "\n\n".join("\n".join(textwrap.wrap(p, 70)) for p in [PROSE.lower()] * 6).split("\n")
    layout = detect_layout(lines)
    assert layout.wrap_width is not None
    assert layout.wrap_width * 3 <= layout.wrap_floor * 4 <= layout.wrap_width * 4
    # Lines of every length (a ragged list, a poem in lower case) give no floor.
    ragged = [("word " * n).strip() for n in (2, 9, 4, 12, 3, 8, 1, 13, 5, 11)] * 4
    assert detect_layout([*ragged, "", *lines]).wrap_floor in (0, detect_layout(lines).wrap_floor)


def test_a_dashed_source_under_a_closing_verse_line_keeps_its_own_line() -> None:
    epigraph = [
        ' "A child, more than all other gifts',
        " That earth can offer to declining man,",
        ' Brings hope with it, and forward-looking thoughts."',
        "--WORDSWORTH.",
    ]
    items = split_items(epigraph, Layout(wrap_width=68))
    assert items[-1].text.endswith('thoughts."\n--WORDSWORTH.')
    # A dash after a full stop and a word in lower case is the sentence going on, wrapped.
    prose = ["He shut the door behind him and went down to the road at last.", "--and never came back."]
    assert _texts(prose, Layout(wrap_width=68)) == [" ".join(prose)]


VERSE_BOOK = [
    "Of Man's first disobedience, and the fruit",
    "Of that forbidden tree whose mortal taste",
    "Brought death into the World, and all our woe,",
    "With loss of Eden, till one greater Man",
    "Restore us, and regain the blissful seat,",
]
ARGUMENT = [
    "This first Book proposes, first in brief, the whole subject, Man's",
    "disobedience, and the loss thereupon of Paradise, wherein he was placed:",
    "then touches the prime cause of his fall, the Serpent, or rather Satan in",
    "the Serpent; who, revolting from God, and drawing to his side many legions",
    "of Angels, was driven out of Heaven, with all his crew, into the great Deep.",
]


def test_a_wrapped_argument_in_a_book_of_verse_is_one_paragraph_and_the_verse_keeps_its_lines() -> None:
    lines = ["BOOK I", "", *ARGUMENT, "", *VERSE_BOOK * 4, "", "BOOK II", "", *VERSE_BOOK * 4]
    layout = detect_layout(lines)
    assert layout.wrap_width is None  # the verse sets the measure: no wrap width
    items = split_items(lines, layout)
    argument = next(item for item in items if item.text.startswith("This first Book"))
    assert "\n" not in argument.text and argument.text.endswith("into the great Deep.")
    assert all(item.verse for item in items if item.text.startswith("Of Man's"))
    # Long verse lines that go on capitalised are no wrapped prose.
    fourteeners = [
        "Rouse up, New England! Buckle on your mail of proof sublime,",
        "Your stern old hate of tyranny, your deep contempt of crime;",
        "A traitor plot is hatching now, more full of woe and shame,",
        "Than ever from the iron heart of bloodiest despot came.",
    ]
    kept = split_items(
        [*fourteeners, "", *VERSE_BOOK * 4], detect_layout([*fourteeners, "", *VERSE_BOOK * 4])
    )
    assert kept[0].text.count("\n") == 3


# A text wrapped at 65 whose paragraphs start with a five-space indent (Poe's "Domain of Arnheim").
INDENTED = Layout(wrap_width=65, indented=True, paragraph_indent=5)


def test_a_capitalised_block_set_in_past_the_paragraph_indent_keeps_its_lines() -> None:
    epigraph = [
        "          The garden like a lady fair was cut,",
        "            That lay as if she slumbered in delight,",
        "          And to the open skies her eyes did shut.",
        "            The azure fields of Heaven were 'sembled right",
        "            In a large round set with the flowers of light.",
        "          The flowers de luce and the round sparks of dew",
    ]
    items = split_items(epigraph, INDENTED)
    assert len(items) == 1
    assert items[0].text.split("\n") == [line.strip() for line in epigraph]


def test_a_set_in_quotation_going_on_in_lower_case_is_still_wrapped_prose() -> None:
    # Set in like the epigraph, its lines as long, but one goes on in lower case: prose, wrapped.
    quotation = [
        "          Great excitement was caused in Esher and the neigh-",
        "        bouring district when it was learned last night that",
        "        An arrest had been effected in connection with the",
        "        Oxshott murder. It will be remembered that Mr. Garcia",
        "        Of Wisteria Lodge was found dead on Oxshott Common.",
    ]
    assert _texts(quotation, INDENTED) == [
        "Great excitement was caused in Esher and the neigh-bouring district when it was learned last night"
        " that An arrest had been effected in connection with the Oxshott murder. It will be remembered that"
        " Mr. Garcia Of Wisteria Lodge was found dead on Oxshott Common."
    ]


# Lang's "Aladdin" wrapped raggedly at 72: nearly all its wrapped lines reach 59 columns.
ALADDIN = Layout(wrap_width=72, wrap_floor=59)


def test_full_lines_of_a_ragged_prose_wrap_make_no_run_of_kept_lines() -> None:
    lines = [
        "Aladdin's mother then dressed herself carefully, and walked to the",
        "palace with her slaves, while he followed her on horseback.",
        "The Sultan sent musicians with trumpets and cymbals to",
        "meet them, so that the air resounded with music and cheers.",
        "She was taken to the Princess, who saluted her and treated her with",
        "great honour.  At night the princess said good-bye to her father,",
    ]
    assert _texts(lines, ALADDIN) == [" ".join(lines)]


def test_long_lines_mostly_starting_with_a_capital_keep_their_lines() -> None:
    # Whitman's lines fill the width too, but they do not go on in lower case: they are lines.
    lines = [
        "Smile O voluptuous cool-breath'd earth! Smile, be at rest!",
        "Earth of the slumbering and liquid trees! Earth of the sun!",
        "Earth of departed sunset--earth of the mountains misty-topt!",
        "Earth of the vitreous pour of the full moon tinged with blue!",
    ]
    assert _texts(lines, ALADDIN) == ["\n".join(lines)]


# Doyle's "Wisteria Lodge" from a BBS: wrapped at 67, paragraphs start two spaces in.
TWO_SPACE = Layout(wrap_width=67, indented=True, paragraph_indent=2)


def test_a_set_in_list_wrapped_at_the_paragraph_indent_stays_one_paragraph() -> None:
    names = [
        "      Lord Harringby, The Dingle; Sir George Ffolliott, Oxshott",
        "   Towers; Mr. Hynes Hynes, J.P., Purdey Place; Mr. James",
        "   Baker Williams, Forton Old Hall; Mr. Henderson, High",
        "   Gable; Rev. Joshua Stone, Nether Walsling.",
    ]
    assert _texts(names, TWO_SPACE) == [" ".join(line.strip() for line in names)]


def test_lines_at_the_paragraph_indent_under_a_line_not_wrapped_into_stay_apart() -> None:
    # Under a short line (no wrap into the line above), two full lines at the indent are paragraphs of their
    # own; so is a line under a one-line paragraph that ends its sentence.
    lines = [
        "  Was kindly permitted to pocket the spoon:",
        "  While the Panther received knife and fork with a growl, and a",
        "  And concluded the banquet with a great deal of noise.",
        "  He read the telegram aloud, every word of it, slowly and clearly.",
        "  Then he sat down again.",
    ]
    assert len(_texts(lines, TWO_SPACE)) == 5


def test_a_capitalised_line_set_far_right_is_never_a_wrap() -> None:
    epigraph = [
        "The ways of God in Nature, as in Providence, are not as our ways;",
        "have a depth in them greater than the well of Democritus.",
        "                                        JOSEPH GLANVILL",
    ]
    assert _texts(epigraph, Layout(wrap_width=65)) == [
        "The ways of God in Nature, as in Providence, are not as our ways; have a depth in them greater than"
        " the well of Democritus.",
        "JOSEPH GLANVILL",
    ]


def test_a_right_columns_own_wrap_in_lower_case_still_joins() -> None:
    rows = [
        "                                    men zegt altijd chez bij personen,",
        "                                    en a bij plaatsen, b.v.",
        "                                    aller a la maison).",
    ]
    assert _texts(rows, Layout(wrap_width=72)) == [" ".join(row.strip() for row in rows)]


def test_a_refrain_stepping_in_from_the_overflow_indent_is_no_overflow() -> None:
    layout = Layout(wrap_width=69, verse_book=True, turnover_indent=4, turnover_length=71)
    stanza = [
        "O Captain! my Captain! our fearful trip is done,",
        "While follow eyes the steady keel, the vessel grim and daring;",
        "    But O heart! heart! heart!",
        "     O the bleeding drops of red,",
        "       Where on the deck my Captain lies,",
    ]
    [item] = split_items(stanza, layout)
    assert item.text.split("\n")[1:3] == [stanza[1], "But O heart! heart! heart!"]
    # A capital overflow with the next line back at the margin is joined to its line (Service's ballads).
    ballad = [
        "Have you wandered in the wilderness, the sagebrush desolation, the mesa?",
        "    Do you know its moods and fancies, its ways?",
        "Have you chummed up with the mesa, have you learned its silent speech?",
    ]
    items = split_items(ballad, layout)
    assert "mesa? Do you know its moods" in items[0].text


def test_a_title_bound_to_its_name_is_fitted_as_one_word() -> None:
    # "M." would have fitted after "apothicaire," but "M. Canivet" would not: the wrapper kept them together.
    lines = ["Trente-six heures après, sur la demande de l'apothicaire,", "M. Canivet accourut. Il l'ouvrit."]
    assert _texts(lines, Layout(wrap_width=66)) == [" ".join(lines)]
    # A short word that is no title would have fitted: the break was deliberate and the line is kept.
    kept = ["Trente-six heures après, sur la demande de l'apothicaire,", "Le Canivet accourut. Il l'ouvrit."]
    assert _texts(kept, Layout(wrap_width=66)) == ["\n".join(kept)]


def test_a_line_of_running_prose_broken_after_a_comma_runs_on_into_a_capital() -> None:
    # It ends one sentence and starts the next inside it, then breaks after a clause: a ragged wrap.
    lines = [
        "Aladdin went back to the Princess, saying his head ached,",
        "and requesting that the holy Fatima should be fetched to",
        "lay her hands on it.  But when the magician came near,",
        "Aladdin, seizing his dagger, pierced him to the heart.",
    ]
    assert _texts(lines, ALADDIN) == [" ".join(lines)]
    # An address's short lines keep theirs, whatever abbreviation ("Dept. A,") they hold.
    address = [
        "Please write to the board at its new home, which is now at",
        "Box 926, Dept. A, Albany, Oregon,",
        "United States of America.",
    ]
    assert _texts(address, ALADDIN) == ["\n".join(address)]
