"""Titled items of a collection: poem titles set apart above their verse are the book's chapters."""

from __future__ import annotations

from dataclasses import replace

from ebookify.model import SubheadingRole
from ebookify.normalize.structure.paragraphs import Item
from ebookify.normalize.structure.poems import poem_titles
from ebookify.normalize.structure.structure import parse_structure
from ebookify.normalize.structure.subheadings import RawSubheading

STANZA = (
    "The lonely sunsets flare forlorn\n  Down valleys dreadly desolate;\n"
    "The lordly mountains soar in scorn\n  As still as death, as stern as fate."
)
PARA = (
    "She walked along the river for a long time, thinking about nothing at all, until the light went"
    " and the water turned the colour of slate under the bridge."
)


def _titles(text: str) -> list[str | None]:
    return [chapter.title for chapter in parse_structure(text).chapters]


def _poem(title: str) -> str:
    return f"\n\n\n\n{title}\n\n\n\n" + "\n\n".join([STANZA] * 4)


def test_poem_titles_of_a_collection_are_chapters() -> None:
    poems = "".join(_poem(title) for title in ("The Land God Forgot", "The Spell of the Yukon", "Quatrains"))
    text = f"Title: Songs of a Sourdough\nAuthor: Robert W. Service\n{poems}"
    assert _titles(text) == ["The Land God Forgot", "The Spell of the Yukon", "Quatrains"]


def test_a_title_line_between_stanzas_of_a_story_is_text() -> None:
    # Mostly prose: the verse is quoted in a story, its title line is not a chapter.
    poems = "".join(_poem(title) for title in ("A Song", "Another Song", "A Third Song"))
    text = "\n\n".join([PARA] * 12) + poems + "\n\n" + "\n\n".join([PARA] * 12)
    assert _titles(text) == [None]


def test_a_title_set_as_close_as_a_stanza_is_not_a_poem_title() -> None:
    poems = "".join(f"\n\n{title}\n\n{STANZA}" for title in ("One Song", "Two Songs", "Three Songs"))
    assert _titles(f"Title: Songs\nAuthor: Robert W. Service\n{poems}") == [None]


def _epistle(lines: list[str]) -> str:
    return "\n\n\n\n" + "\n\n".join(lines) + "\n\n" + "\n\n".join([STANZA] * 3)


def test_title_blocks_of_a_collection_are_chapters_and_a_lone_title_then_too() -> None:
    blocks = [
        ["Epistle", "TO THE BISHOP OF LANDAFF.", "Christmas Day, 1811.", "Epistle."],
        ["FELPHAM:", "AN EPISTLE TO HENRIETTA OF LAVANT.", "1814.", "FELPHAM."],
        ["Monitory Verses", "_To a Young Lady, who indulged too gloomy", "ideas of our sublunary state._"],
    ]
    text = "Title: Poems\nAuthor: William Hayley\n" + "".join(_epistle(b) for b in blocks)
    text += _epistle(["_Hymn to Contrition._"]) + "\n\n\nThe End is no title: it is set close\n\n" + STANZA
    titles = _titles(text)
    assert titles[:3] == [
        "Epistle TO THE BISHOP OF LANDAFF Christmas Day, 1811 Epistle",
        "FELPHAM: AN EPISTLE TO HENRIETTA OF LAVANT 1814 FELPHAM",
        "Monitory Verses To a Young Lady, who indulged too gloomy ideas of our sublunary state",
    ]
    assert titles[3] == "Hymn to Contrition" and len(titles) == 4


def test_lines_over_a_stanza_in_a_story_are_no_title_block() -> None:
    story = "\n\n".join([PARA] * 12) + _epistle(["Epistle", "TO A FRIEND.", "1815."]) + "\n\n" + PARA
    assert _titles(story) == [None]


FABLE = (
    "A WOLF, meeting with a Lamb astray from the fold, resolved not to lay violent hands on him, but to\n"
    "find some plea to justify to the Lamb the Wolf's right to eat him."
)


def test_titles_of_a_collection_of_prose_pieces_are_chapters() -> None:
    names = ["The Wolf and the Lamb", "The Bat and the Weasels", "The Ass and the Grasshopper",
             "The Lion and the Mouse", "The Father and His Sons"]  # fmt: skip
    text = "Title: Fables\nAuthor: Aesop\n\n" + "".join(
        f"\n\n\n{name}\n\n{FABLE}\n\n{FABLE}\n" for name in names
    )
    assert _titles(text) == names
    # Four titled pieces are not yet a collection; a title set as close as the text is no title.
    assert _titles(text.replace("\n\n\n\nThe Father and His Sons", "\n\nThe Father and His Sons"))[0] is None


_NAMES = ["The Wolf and the Lamb", "The Bat and the Weasels", "The Ass and the Grasshopper",
          "The Lion and the Mouse", "The Father and His Sons"]  # fmt: skip


def test_in_a_collection_whose_pieces_open_in_capitals_a_title_set_closer_is_a_title_too() -> None:
    # Aesop: a stretch of the file separates its fables by single blank lines only.
    text = "Title: Fables\n\n" + "".join(f"\n\n\n{name}\n\n{FABLE}\n\n{FABLE}\n" for name in _NAMES)
    text += f"\nThe Manslayer\n\n{FABLE}\n"
    assert _titles(text) == [*_NAMES, "The Manslayer"]


def test_a_close_title_like_line_over_a_piece_that_does_not_open_in_capitals_stays_text() -> None:
    plain = FABLE.replace("A WOLF", "A wolf")
    text = "Title: Fables\n\n" + "".join(f"\n\n\n{name}\n\n{FABLE}\n\n{FABLE}\n" for name in _NAMES)
    text += f"\nThe Manslayer\n\n{plain}\n"
    assert _titles(text) == _NAMES


SONG_STANZA = (
    "When avarice enslaves the mind,\n  And selfish views alone bear sway\n"
    "Man turns a savage to his kind,\n  And blood and rapine mark his way."
)


def _song(title: str, matter: list[str]) -> str:
    return f"\n\n\n\n{title}\n\n" + "\n\n".join(matter) + "\n\n\n" + "\n\n".join([SONG_STANZA] * 3)


def test_a_songs_credits_stay_under_its_title_not_in_it() -> None:
    # Songbook: title, credit, "[Music]" over the stanzas; a half-title ("THE" / "MINSTREL.") is no title.
    songs = [
        ("GONE, SOLD AND GONE.", ["Words by Whittier. Music by G.W. Clark.", "[Music]"]),
        ("The Slave Boy's Wish.", ["BY ELIZA LEE FOLLEN."]),
        ("BROTHERS BE BRAVE.", ['Air--"Sparkling and Bright."', "[Music]", "Solo."]),
        ("Remembering that God is just.", []),
        ("March on! March on!", ['TUNE:--"The Pirate\'s Glee."']),
    ]
    text = (
        "Title: Songs\nAuthor: G. W. Clark\n\nAll creation is musical.\n\n\n\nTHE\n\nMINSTREL.\n"
        + "".join(_song(t, m) for t, m in songs)
    )
    story = parse_structure(text)
    assert [c.title for c in story.chapters] == [
        None,  # the preface, the half-title with it
        "GONE, SOLD AND GONE",
        "The Slave Boy's Wish",
        "BROTHERS BE BRAVE",
        "Remembering that God is just",
        "March on! March on!",
    ]
    assert str(story.chapters[1].blocks[0]).startswith("Words by Whittier")
    assert [str(b) for b in story.chapters[3].blocks[:3]] == [
        'Air--"Sparkling and Bright."',
        "[Music]",
        "Solo.",
    ]


def test_a_short_sentence_set_closer_than_the_titles_stays_text() -> None:
    # Titles of the collection are set four lines apart: a line after a gap of two is no title.
    songs = "".join(
        _song(t, ["Words by Cowper."]) for t in ("THE NEGRO'S APPEAL.", "THE AFRIC'S DREAM.", "ZAZA.")
    )
    text = f"Title: Songs\nAuthor: G. W. Clark\n{songs}\n\n\nAnd so they sang.\n\n{SONG_STANZA}\n"
    titles = [c.title for c in parse_structure(text).chapters]
    assert titles == ["THE NEGRO'S APPEAL", "THE AFRIC'S DREAM", "ZAZA"]


def _gathered(title: str, subtitle: str, numbers: list[str]) -> str:
    return f"\n\n\n\n{title}\n\n{subtitle}\n\n" + "\n\n".join(
        f"{number}\n\n" + "\n\n".join([STANZA] * 3) for number in numbers
    )


_EPISTLES = "Title: Poems\nAuthor: William Hayley\n" + "".join(
    _epistle(block)
    for block in (
        ["Epistle", "TO THE BISHOP OF LANDAFF.", "Christmas Day, 1811.", "Epistle."],
        ["FELPHAM:", "AN EPISTLE TO HENRIETTA OF LAVANT.", "1814.", "FELPHAM."],
        ["Monitory Verses", "_To a Young Lady, who indulged too gloomy", "ideas of our sublunary state._"],
        ["_Hymn to Contrition._"],
    )
)


def test_numbered_poems_under_one_title_belong_to_it() -> None:
    # "TWO HYMNS" / "Written for the Asylum of Female Orphans." / "I." / stanzas / "II." / stanzas: one
    # titled piece of the collection, its numbers are its parts (sections), not chapters of their own.
    gathered = _gathered("TWO HYMNS", "Written for the Asylum of Female Orphans.", ["I.", "II."])
    story = parse_structure(_EPISTLES + gathered)
    titles = [chapter.title for chapter in story.chapters]
    assert titles[3:] == ["Hymn to Contrition", "TWO HYMNS Written for the Asylum of Female Orphans"]
    assert [b for b in story.chapters[4].blocks if isinstance(b, RawSubheading)] == [
        RawSubheading("I.", SubheadingRole.SECTION),
        RawSubheading("II.", SubheadingRole.SECTION),
    ]


def test_numbered_poems_without_a_title_over_them_stay_chapters() -> None:
    # Left alone: "I." right after a whole poem (no title block above it) opens a chapter of its own.
    numbered = "".join(f"\n\n\n\n{number}\n\n" + "\n\n".join([STANZA] * 3) for number in ["I.", "II."])
    assert _titles(_EPISTLES + numbered)[-2:] == ["I", "II"]


_WHITMAN = (
    "I sing the open road and the long brown path,\n"
    "The earth that is sufficient, the stars that are near,\n"
    "The wind upon my face and the sea beside me."
)


def _free_verse_poem(title: str, sections: bool) -> str:
    body = (
        f"     1\n{_WHITMAN}\n\n{_WHITMAN}\n\n     2\n{_WHITMAN}" if sections else f"{_WHITMAN}\n\n{_WHITMAN}"
    )
    return f"}}  {title}\n\n{body}"


def _books(sectioned: set[str]) -> str:
    books = {
        "[BOOK I.  INSCRIPTIONS]": ["One", "Two", "Three", "Seven"],
        "[BOOK II]": ["Four", "Five", "Six"],
    }
    return "\n\n\n\n".join(
        f"{name}\n\n" + "\n\n\n\n".join(_free_verse_poem(f"{t} Song", t in sectioned) for t in titles)
        for name, titles in books.items()
    )


def test_titles_set_apart_only_above_head_poems_under_their_books_and_numbers_are_sections() -> None:
    # Leaves of Grass: "[BOOK II]" / "}  Four Song" right under it / "     1" over the first section.
    story = parse_structure(_books({"Two", "Four", "Six"}))
    assert [(c.part, c.title) for c in story.chapters] == [
        ("BOOK I. INSCRIPTIONS", "One Song"),
        ("BOOK I. INSCRIPTIONS", "Two Song"),
        ("BOOK I. INSCRIPTIONS", "Three Song"),
        ("BOOK I. INSCRIPTIONS", "Seven Song"),
        ("BOOK II", "Four Song"),
        ("BOOK II", "Five Song"),
        ("BOOK II", "Six Song"),
    ]


def test_numbers_counting_again_in_a_book_of_prose_stay_its_chapters() -> None:
    text = f"Part One\n\n1\n\n{PARA}\n\n2\n\n{PARA}\n\nPart Two\n\n1\n\n{PARA}\n\n2\n\n{PARA}"
    story = parse_structure(text)
    assert [(c.part, c.title) for c in story.chapters] == [
        ("Part One", "1"),
        ("Part One", "2"),
        ("Part Two", "1"),
        ("Part Two", "2"),
    ]


def test_a_title_over_numbered_parts_each_titled_is_one_poem() -> None:
    stanza = Item(STANZA, 2, 4, verse=(0, 1, 0, 1))

    def poem(title: str) -> list[Item]:
        return [Item(title, 4), Item("A ERNEST CHRISTOPHE", 1), stanza, replace(stanza, gap=1)]

    poems = [*poem("L'ALBATROS"), *poem("ELEVATION"), *poem("LES PHARES")]
    fantome = [Item("UN FANTOME", 4), Item("I", 1), Item("LES TÉNÈBRES", 1), stanza, Item("II", 2)]
    # The title over "I" over the first part's own title, set close under it, is the poem's title.
    assert poem_titles([*poems, *fantome, Item("LE PARFUM", 1), stanza], 1)[-1] == (12, 1)
    # Over a paragraph of prose, "I" opens no part of a poem: no title there.
    prose = [Item("UN FANTOME", 4), Item("I", 1), Item(f"{PARA}\n{PARA}", 1), stanza]
    assert poem_titles([*poems, *prose], 1)[-1] != (12, 1)
