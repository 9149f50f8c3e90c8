"""Parts that group chapters, plays' acts and scenes, numbered sections, letters and contents lists."""

from __future__ import annotations

from ebookify.normalize.structure.contents_lists import contents_items
from ebookify.normalize.structure.headings import match_heading
from ebookify.normalize.structure.paragraphs import Item
from ebookify.normalize.structure.raw import RawChapter
from ebookify.normalize.structure.structure import parse_structure

PARA = "She walked along the river for a long time, thinking about nothing at all."
SPEECH = "ROMEO.\nCan I go forward when my heart is here?\nTurn back, dull earth, and find thy centre out."


def _chapters(text: str) -> list[RawChapter]:
    return list(parse_structure(text).chapters)


def _shape(text: str) -> list[tuple[str | None, str | None]]:
    return [(chapter.part, chapter.title) for chapter in _chapters(text)]


def test_acts_group_their_scenes() -> None:
    act = "SCENE I. A public place.\n\n{0}\n\nSCENE II. A Street.\n\n{0}"
    text = f"ACT I\n\n{act.format(SPEECH)}\n\n\nACT II\n\n{act.format(SPEECH)}"
    assert _shape(text) == [
        ("ACT I", "SCENE I. A public place"),
        ("ACT I", "SCENE II. A Street"),
        ("ACT II", "SCENE I. A public place"),
        ("ACT II", "SCENE II. A Street"),
    ]


def test_a_long_opening_of_an_act_is_a_chapter_of_its_own() -> None:
    chorus = "CHORUS.\n" + "\n".join(["Now old desire doth in his deathbed lie,"] * 14)
    scene = f"SCENE I. A Street.\n\n{SPEECH}"
    text = f"ACT I\n\n{scene}\n\n\nACT II\n\n\nEnter Chorus.\n\n{chorus}\n\n{scene}"
    assert _shape(text) == [("ACT I", "SCENE I. A Street"), ("ACT II", None), ("ACT II", "SCENE I. A Street")]
    # "Enter Chorus." sits closer to the chorus than to "ACT II": a stage direction, not the act's title.
    assert _chapters(text)[1].blocks[0] == "Enter Chorus."


def test_a_short_note_under_a_part_is_set_apart_with_its_first_chapter() -> None:
    note = "(Being a reprint from the reminiscences of JOHN H. WATSON, M.D.)"
    text = f"PART I.\n\n{note}\n\n\nCHAPTER I.\n\n{PARA}\n\nPART II.\n\nCHAPTER I.\n\n{PARA}"
    chapters = _chapters(text)
    assert [(c.part, c.title) for c in chapters] == [("PART I", "CHAPTER I"), ("PART II", "CHAPTER I")]
    assert chapters[0].front_notes == (note,) and chapters[0].blocks == (PARA,)
    assert chapters[1].front_notes == ()


def test_acts_without_scenes_are_the_chapters() -> None:
    text = f"FIRST ACT\n\n\nSCENE\n\nMorning-room in Algernon's flat.\n\n{SPEECH}\n\nSECOND ACT\n\n{SPEECH}"
    assert _shape(text) == [(None, "FIRST ACT"), (None, "SECOND ACT")]
    # A lone "SCENE" label is not the act's title.
    assert _chapters(text)[0].blocks[0] == "SCENE"


def test_acts_and_scenes_of_a_play_inside_a_chapter_are_text() -> None:
    play = f"ACT I.\n\nSCENE I. In the Orchard.\n\n{PARA}\n\nACT II.\n\nSCENE I. In the Tower.\n\n{PARA}"
    text = f"CHAPTER I.\n\n{PARA}\n\n{play}\n\nCHAPTER II.\n\n{PARA}\n\nCHAPTER III.\n\n{PARA}"
    assert _shape(text) == [(None, "CHAPTER I"), (None, "CHAPTER II"), (None, "CHAPTER III")]


def test_a_heading_word_going_on_from_the_line_above_is_text() -> None:
    act_one = f"ACT I\n\nSCENE I. Verona.\n\n{PARA}\nonce, in the\nFifth Act, at Mantua."
    text = f"{act_one}\n\nACT II\n\nSCENE I. Mantua.\n\n{PARA}"
    assert [part for part, _ in _shape(text)] == ["ACT I", "ACT II"]


def test_volumes_and_books_nest() -> None:
    book = "BOOK {0}\n\nCHAPTER I.\n\n{1}\n\nCHAPTER II.\n\n{1}"
    text = "\n\n".join(
        ["VOLUME I", book.format("I", PARA), book.format("II", PARA), "VOLUME II", book.format("III", PARA)]
    )
    parts = [part for part, _ in _shape(text)]
    assert parts == ["VOLUME I: BOOK I"] * 2 + ["VOLUME I: BOOK II"] * 2 + ["VOLUME II: BOOK III"] * 2


def test_letters_before_the_chapters_are_chapters() -> None:
    letters = f"Letter 1\n\n{PARA}\n\nLetter 2\n\n{PARA}"
    text = f"{letters}\n\nChapter 1\n\n{PARA}\n\nChapter 2\n\n{PARA}\n\nChapter 3\n\n{PARA}"
    assert [title for _, title in _shape(text)] == [
        "Letter 1",
        "Letter 2",
        "Chapter 1",
        "Chapter 2",
        "Chapter 3",
    ]


def test_letters_inside_a_chapter_are_text() -> None:
    letters = f"Letter 1\n\n{PARA}\n\nLetter 2\n\n{PARA}"
    text = f"Chapter 1\n\n{PARA}\n\n{letters}\n\nChapter 2\n\n{PARA}\n\nChapter 3\n\n{PARA}"
    assert [title for _, title in _shape(text)] == ["Chapter 1", "Chapter 2", "Chapter 3"]


def test_numbered_sections_are_chapters() -> None:
    text = "\n\n".join(
        ["1. AT THE GATES", PARA, PARA, "2. OVAL OFFICE", PARA, "3. A SHOT", PARA, "7. LATER", PARA]
    )
    assert [title for _, title in _shape(text)] == [
        "1. AT THE GATES",
        "2. OVAL OFFICE",
        "3. A SHOT",
        "7. LATER",
    ]


def test_french_numbered_lessons() -> None:
    text = f"I. Le départ.\n\n{PARA}\n\nII. La rentrée.\n\n{PARA}\n\nIII. Le jardin.\n\n{PARA}"
    assert [title for _, title in _shape(text)] == ["I. Le départ", "II. La rentrée", "III. Le jardin"]


def test_a_numbered_line_alone_or_inside_chapters_is_text() -> None:
    assert [title for _, title in _shape(f"{PARA}\n\n1. Take the eggs.\n\n{PARA}")] == [None]
    inside = f"Chapter 1\n\n1. First Rule\n\n{PARA}\n\n2. Second Rule\n\n{PARA}\n\nChapter 2\n\n{PARA}"
    assert [title for _, title in _shape(inside)] == ["Chapter 1", "Chapter 2"]


def test_numbered_sections_must_count_up() -> None:
    text = f"3. THE END\n\n{PARA}\n\n1. THE START\n\n{PARA}\n\n9. ELSEWHERE\n\n{PARA}"
    assert [title for _, title in _shape(text)] == [None]


def test_contents_list_of_books_and_chapters_is_not_chapters() -> None:
    contents = (
        "CONTENTS\n\n\n     Book the First--Recalled to Life\n\n     CHAPTER I      The Period\n"
        "     CHAPTER II     The Mail\n\n\n     Book the Second--the Golden Thread\n\n"
        "     CHAPTER I      Five Years Later\n\n\n\n\n"
    )
    body = (
        f"Book the First--Recalled to Life\n\n\nCHAPTER I.\nThe Period\n\n{PARA}\n\n"
        f"CHAPTER II.\nThe Mail\n\n{PARA}\n\n"
        f"Book the Second--the Golden Thread\n\n\nCHAPTER I.\nFive Years Later\n\n{PARA}"
    )
    shape = _shape(contents + body)
    # The contents may be kept as front matter or as a field: either way its lines are not chapters.
    assert [entry for entry in shape if entry != (None, None)] == [
        ("Book the First--Recalled to Life", "CHAPTER I: The Period"),
        ("Book the First--Recalled to Life", "CHAPTER II: The Mail"),
        ("Book the Second--the Golden Thread", "CHAPTER I: Five Years Later"),
    ]


def test_german_parts_and_chapters() -> None:
    first = f"Erster Teil\n\nErstes Kapitel\n\n{PARA}\n\nZweites Kapitel\n\n{PARA}"
    text = f"{first}\n\nZweiter Teil\n\nDrittes Kapitel\n\n{PARA}"
    assert _shape(text) == [
        ("Erster Teil", "Erstes Kapitel"),
        ("Erster Teil", "Zweites Kapitel"),
        ("Zweiter Teil", "Drittes Kapitel"),
    ]


def test_a_heading_never_takes_a_caption_as_its_title() -> None:
    text = f"Title: Alice\n\nCHAPTER I.\n\n[Illustration: The Rabbit]\n\n\n{PARA}\n\nCHAPTER II.\n\n{PARA}"
    assert [title for _, title in _shape(text)] == ["CHAPTER I", "CHAPTER II"]


def test_contents_items_of_several_lines_and_parts() -> None:
    items = [
        Item("CONTENTS"),
        Item("Book the First--Recalled to Life", 2),
        Item("CHAPTER I      The Period\nCHAPTER II     The Mail", 1, 2),
        Item("Book the Second--the Golden Thread", 2),
        Item("CHAPTER I      Five Years Later"),
        Item("Book the First--Recalled to Life", 2),  # the text starts again with the first entry
        Item("CHAPTER I."),
        Item(PARA),
    ]
    assert contents_items(items) == {0, 1, 2, 3, 4}
    # Without a "Contents" line, nothing is taken for a contents list.
    assert contents_items(items[1:]) == set()


def test_an_act_and_its_first_scene_on_one_line() -> None:
    act = "ACT\u00a0{0}. SCENE I.\n\n{1}\n\nSCENE II. _Newgate._\n\n{1}"
    text = f"{act.format('I', SPEECH)}\n\n{act.format('II', SPEECH)}"
    assert _shape(text) == [
        ("ACT I", "SCENE I"),
        ("ACT I", "SCENE II. _Newgate._"),
        ("ACT II", "SCENE I"),
        ("ACT II", "SCENE II. _Newgate._"),
    ]


def test_an_act_with_a_place_is_one_heading() -> None:
    heading = match_heading("ACT I. Algernon Moncrieff's Flat in Half-Moon Street, W.")
    assert heading is not None and heading.inner is None and heading.kind == "part"


def test_a_dictionary_s_letters_are_its_chapters() -> None:
    letters = "ABCDEFGHIJ"
    text = "\n\n".join(f"{letter}\n\n{PARA}" for letter in letters)
    assert [title for _, title in _shape(f"AUTHOR'S PREFACE\n\n{PARA}\n\n{text}")] == [
        "AUTHOR'S PREFACE",
        *letters,  # "I" after "H" is the ninth letter, not a numeral
    ]


def test_a_few_lone_capitals_are_text() -> None:
    text = f"{PARA}\n\nA\n\n{PARA}\n\nB\n\n{PARA}\n\nC\n\n{PARA}"
    assert [title for _, title in _shape(text)] == [None]


def test_a_word_of_the_book_s_own_counted_up_is_a_chapter_word() -> None:
    vigils = ["ERSTE VIGILIE.", "ZWEITE VIGILIE.", "DRITTE VIGILIE."]
    text = "\n\n".join(f"{vigil}\n\n{PARA}" for vigil in vigils)
    assert [title for _, title in _shape(text)] == ["ERSTE VIGILIE", "ZWEITE VIGILIE", "DRITTE VIGILIE"]


def test_a_word_with_a_number_once_or_out_of_order_is_text() -> None:
    once = f"{PARA}\n\nFirst Love\n\n{PARA}\n\nRoom 101\n\n{PARA}"
    assert [title for _, title in _shape(once)] == [None]
    shuffled = "\n\n".join(f"{night}\n\n{PARA}" for night in ["Second Night", "First Night", "Third Night"])
    assert [title for _, title in _shape(shuffled)] == [None]
    inside = (
        f"Chapter 1\n\n{PARA}\n\nDay 1\n\n{PARA}\n\nDay 2\n\n{PARA}\n\nDay 3\n\n{PARA}\n\nChapter 2\n\n{PARA}"
    )
    assert [title for _, title in _shape(inside)] == ["Chapter 1", "Chapter 2"]


def _book(opening: str, closing: str) -> str:
    chapters = [("I", "I", "II"), ("II", "III", "IV")]
    books = "".join(
        f"BOOK {b}.\n\n\nCHAPTER {c}.\n\n{PARA}\n\nCHAPTER {d}.\n\n{PARA}\n\n\n" for b, c, d in chapters
    )
    return f"{opening}{books}{closing}.\n\n{PARA}"


def test_a_finale_mirroring_a_prelude_outside_the_parts_is_outside_them_too() -> None:
    # Middlemarch: PRELUDE, BOOK I ... BOOK VIII, FINALE.
    shape = _shape(_book(f"PRELUDE.\n\n{PARA}\n\n\n", "EPILOGUE"))
    assert shape[0] == (None, "PRELUDE") and shape[-2] == ("BOOK II", "CHAPTER IV")
    assert shape[-1] == (None, "EPILOGUE")


def test_a_closing_section_without_an_opening_one_stays_in_the_last_part() -> None:
    # Silas Marner: PART ONE ... PART TWO, CHAPTER XXI, CONCLUSION: nothing sets it apart from its part.
    assert _shape(_book("", "CONCLUSION"))[-1] == ("BOOK II", "CONCLUSION")
    # A preface is the book's front matter, no part of the story's symmetry.
    assert _shape(_book(f"PREFACE.\n\n{PARA}\n\n\n", "CONCLUSION"))[-1] == ("BOOK II", "CONCLUSION")


STANZA = "Wie herrlich leuchtet\nMir die Natur!\nWie glänzt die Sonne!\nWie lacht die Flur!"


def test_a_name_set_alone_over_runs_of_numbered_poems_is_a_part() -> None:
    poets = [("JOHANN WOLFGANG VON GOETHE", ["MAILIED", "AUF DEM SEE", "MIGNON", "DER FISCHER"]),
             ("Joseph von Eichendorff", ["NACHTS", "ELFE", "MONDNACHT"])]  # fmt: skip
    text, number = f"PREFACE\n\n{PARA}\n\n{PARA}\n", 0
    for poet, titles in poets:
        text += f"\n\n\n\n{poet}\n\n\n\n"
        for title in titles:
            number += 1
            text += f"{number}. {title}\n\n{STANZA}\n\n{STANZA}\n\n       *       *       *\n\n"
    shape = _shape(text)
    assert shape[1] == ("JOHANN WOLFGANG VON GOETHE", "1. MAILIED")
    assert shape[-1] == ("Joseph von Eichendorff", "7. MONDNACHT")


def test_a_signature_over_each_letter_is_no_part() -> None:
    # Set alone over each next letter's heading, a signature heads one chapter each: no part.
    letters = "".join(
        f"\n\n\n\nLETTER {n}\n\n{PARA}\n\n{PARA}\n\n\n\nFREDERICK WALTON" for n in ("I", "II", "III")
    )
    assert all(part is None for part, _ in _shape(f"PREFACE\n\n{PARA}{letters}"))
