"""Runs of verse inside blocks: a stanza's first line like its others, and the stanzas of a book of poems."""

from __future__ import annotations

from ebookify.normalize.structure.paragraphs import Layout, split_items

STANZA = [
    "\"Old and weak, but no matter, there's hooch in the bottle still.",
    "I'll hitch up the dogs to-morrow, and mush down the trail to Bill.",
    "It's so long dark, and I'm lonesome -- I'll just lay down on the bed;",
    "To-morrow I'll go. . .to-morrow. . .I guess I'll play on the red.",
]
QUATRAIN = [
    "Hark to the song where spheral voices blend:",
    '"There\'s no beginning, never will be end."',
    "  It makes us nutty; hang the astral chimes!",
    "The tables spread; come, let us dine, my friend.",
]
OTHER = [
    "One said:  Thy life is thine to make or mar,",
    "To flicker feebly, or to soar, a star;",
    "  It lies with thee -- the choice is thine, is thine,",
    "To hit the ties or drive thy auto-car.",
]


def test_a_stanzas_first_line_like_its_others_stays_in_the_stanza() -> None:
    items = split_items(STANZA, Layout())
    assert [item.verse for item in items] == [(0, 0, 0, 0)]
    # A first line much longer than the others is the prose above them.
    told = "He lay in his bunk alone and sang it over again, as he always did when the fire was low."
    sang = [told, *STANZA[1:]]
    assert [bool(item.verse) for item in split_items(sang, Layout())] == [False, True]


def test_in_a_book_of_poems_a_stanza_may_end_its_lines_with_sentences() -> None:
    book = [*([*OTHER, ""] * 20), *QUATRAIN]
    assert split_items(book, Layout())[-1].verse == (0, 0, 1, 0)
    # Among prose, the same lines are sentences kept on their lines.
    prose = [*(["A sentence of prose that runs on and on.", "And another one after it.", ""] * 20), *QUATRAIN]
    assert not split_items(prose, Layout())[-1].verse


# Whitman's catalogue: long lines reaching the width (69 columns) one after another, some turned over onto
# a line set four spaces in, under the number of its section.
CATALOGUE = [
    "     15",
    "He drank water only, the blood show'd like scarlet through the",
    "    clear-brown skin of his face,",
    "He was a frequent gunner and fisher, he sail'd his boat himself, he",
    "    had a fine one presented to him by a ship-joiner, he had",
    "    fowling-pieces presented to him by men that loved him,",
    "When he went with his five sons and many grand-sons to hunt or fish,",
    "    you would pick him out as the most beautiful and vigorous of the gang,",
    "They did not love him by allowance, they loved him with personal love,",
    "They and his daughters loved him, all who saw him loved him,",
]


def test_in_a_book_of_free_verse_a_catalogue_of_full_lines_is_one_stanza() -> None:
    book = Layout(wrap_width=69, verse_book=True, turnover_indent=4, turnover_length=70)
    items = split_items(CATALOGUE, book)
    # The number stays apart; every line after it is one line of the stanza, overflows joined.
    assert [item.text for item in items[:1]] == ["15"]
    assert len(items) == 2 and items[1].verse == (0,) * 5
    assert "gang,\nThey did not love him" in items[1].text
    # The same lines in a book measured as wrapped prose are no stanza.
    prose = split_items(CATALOGUE, Layout(wrap_width=69))
    assert not any(item.verse for item in prose)


def test_in_a_book_of_free_verse_a_block_of_uneven_lines_is_a_stanza() -> None:
    block = [
        "At the last, tenderly,",
        "From the walls of the powerful fortress'd house,",
        "From the clasp of the knitted locks, from the keep of the well-closed",
        "Let me be wafted.",
    ]
    book = Layout(wrap_width=69, verse_book=True, turnover_indent=4, turnover_length=70)
    assert [bool(item.verse) for item in split_items(block, book)] == [True]
    # Under its section's number a couplet is a stanza there too.
    couplet = ["     8", "The little one sleeps in its cradle,", "I lift the gauze and look a long time."]
    assert [bool(item.verse) for item in split_items(couplet, book)] == [False, True]
    # The same lines in a book of verse not known by its overflows are no such stanza (uneven, one full).
    items = split_items(block, Layout(wrap_width=69, verse_book=True))
    assert [item.verse for item in items] != [(0, 0, 0, 0)]
