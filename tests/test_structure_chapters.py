"""Chapter headings: the forms writers use, and the guards that keep sentences and contents lists out."""

from __future__ import annotations

import pytest

from ebookify.normalize.structure.headings import clean_heading, is_title_like, match_heading
from ebookify.normalize.structure.numerals import number_value, roman_value
from ebookify.normalize.structure.structure import parse_structure

PARA = "She walked along the river for a long time, thinking about nothing at all."


@pytest.mark.parametrize(
    ("line", "kind", "number"),
    [
        ("Chapter 1", "chapter", 1),
        ("Chapter One: The Start", "chapter", 1),
        ("CHAPTER IV.", "chapter", 4),
        ("Ch. 3 - Title", "chapter", 3),
        ("chapter twenty-one", "chapter", 21),
        ("~Chapter 12~", "chapter", 12),
        ("Prologue", "special", None),
        ("Epilogue: Ten Years Later", "special", None),
        ("Interlude", "special", None),
        ("Part One", "part", 1),
        ("EPOCH THE FIRST.", "part", 1),
        ("XII", "bare", 12),
        ("7.", "bare", 7),
        ("FIRST ACT", "part", 1),
        ("THE SECOND ACT", "part", 2),
        ("Book the First--Recalled to Life", "part", 1),
        ("Letter 4", "chapter", 4),
        ("SCENE III. A churchyard; in it a Monument belonging to the Capulets.", "chapter", 3),
        ("THE PROLOGUE", "special", None),
        ("===/ Chapter 14 /", "chapter", 14),
        ("XII. La rentrée.", "numbered", 12),
        ("1. AT THE GATES OF LIFE AND DEATH", "numbered", 1),
        ("Chapitre premier", "chapter", 1),
        ("LIVRE DEUXIÈME", "part", 2),
        ("Acte III", "part", 3),
        ("Erstes Kapitel", "chapter", 1),
        ("2. Teil", "part", 2),
        ("Akt IV", "part", 4),
        # German spelled before 1901: "Zweyter" for "Zweiter", "Scene" for "Szene".
        ("Zweyter Akt.", "part", 2),
        ("Erste Scene.", "chapter", 1),
        ("Capítulo tercero", "chapter", 3),
        ("Libro primero", "part", 1),
        ("Capitolo 7: Il ritorno", "chapter", 7),
        ("Atto secondo", "part", 2),
        ("CHAPITRE XXII[1].", "chapter", 22),
        ("BOOK II.(2)", "part", 2),
        ("CONCLUSION.", "special", None),
        ("Conclusión", "special", None),
        ("PRELUDE", "special", None),
        ("FINALE.", "special", None),
        # The older German preface (Schiller's Räuber, 1781).
        ("Vorrede.", "special", None),
    ],
)
def test_heading_forms(line: str, kind: str, number: int | None) -> None:
    heading = match_heading(line)
    assert heading is not None and (heading.kind, heading.number) == (kind, number)


@pytest.mark.parametrize(
    "line",
    [
        "Chapter 5 was the best thing I ever read in my whole life, really it was.",
        "Vorrede und Nachrede sind ihm gleich.",
        "In the chapter she read, nothing happened.",
        "CHAPTER I. The Widow and her Child             1",
        "Part one of the plan was simple",
        '"Chapter 1," she read aloud.',
        "Chi.",
        "Book of the Dead",
        "i",
        "SCENE",
        "First of all, act now.",
        "12. he said nothing more and left the room after that",
        "Kapitel für Kapitel las sie weiter",
        "See the note on chapter XXII[1].",
        "Conclusion of the matter was simple enough.",
        "Die Scene war leer.",
        "Finale of the season was loud.",
    ],
)
def test_not_headings(line: str) -> None:
    assert match_heading(line) is None


def _titles(text: str) -> list[str | None]:
    return [chapter.title for chapter in parse_structure(text).chapters]


def test_story_with_chapters() -> None:
    text = f"Chapter 1\n\n{PARA}\n\nChapter 2: Home\n\n{PARA}\n\nEpilogue\n\n{PARA}"
    story = parse_structure(text)
    assert [c.title for c in story.chapters] == ["Chapter 1", "Chapter 2: Home", "Epilogue"]
    assert all(c.blocks == (PARA,) for c in story.chapters)


def test_story_without_headings_is_one_untitled_chapter() -> None:
    story = parse_structure(f"{PARA}\n\nThe chapter was over.\n\n{PARA}")
    assert len(story.chapters) == 1 and story.chapters[0].title is None
    assert len(story.chapters[0].blocks) == 3


def test_heading_inside_a_paragraph_is_text() -> None:
    text = f"{PARA}\nChapter 2 of her life began that day, and she smiled at it.\n\n{PARA}"
    assert _titles(text) == [None]


def test_text_before_the_first_heading_is_an_untitled_chapter() -> None:
    assert _titles(f"{PARA}\n\nChapter 1\n\n{PARA}") == [None, "Chapter 1"]


def test_subtitle_under_a_number_only_heading() -> None:
    text = f"CHAPTER I.\n\nThe Widow and her Child.\n\n\n{PARA}\n\nCHAPTER II.\n\nHe ran.\n\n{PARA}"
    assert _titles(text) == ["CHAPTER I: The Widow and her Child", "CHAPTER II"]


def test_subtitle_set_off_by_a_wide_gap() -> None:
    text = f"CHAPTER VI.\n\nThe first Step towards the Ladder.\n\n\n{PARA}\n\n{PARA}"
    assert _titles(text) == ["CHAPTER VI: The first Step towards the Ladder"]


def test_a_title_repeated_under_a_sibling_heading_is_its_title_whatever_the_gap() -> None:
    to = "_To Mrs. Saville, England._"
    first = f"Letter 1\n\n{to}\n\nSt. Petersburgh, Dec. 11th.\n\n{PARA}\n\n"
    fourth = f"Letter 2\n\n\n{to}\n\nAugust 5th.\n\n{PARA}\n\n"
    assert _titles(first + fourth) == [
        "Letter 1: To Mrs. Saville, England",
        "Letter 2: To Mrs. Saville, England",
    ]
    # Other words under the sibling, or the same words under another heading word, stay text.
    other = f"Letter 2\n\n\n_To Mr. Walton._\n\nAugust 5th.\n\n{PARA}\n\n"
    assert _titles(first + other) == ["Letter 1: To Mrs. Saville, England", "Letter 2"]
    chapter = f"Chapter 2\n\n\n{to}\n\nAugust 5th.\n\n{PARA}\n\n"
    assert _titles(first + chapter)[1] == "Chapter 2"


def test_bare_numbers_must_continue_the_numbering() -> None:
    stanzas = (
        "    I.\n\n    Where the church stands\n    a bowl once stood\n\n    II.\n\n    By many a draught"
    )
    text = f"I\n\nUNDER THE PINES\n\n\n{PARA}\n\n{stanzas}\n\nII\n\nTHE MEETING\n\n\n{PARA}"
    assert _titles(text) == ["I. UNDER THE PINES", "II. THE MEETING"]


def _letters(numerals: list[str]) -> str:
    return "".join(f"{numeral}\n\n\nA LADY TO HER FRIEND\n\n\n{PARA}\n\n\n" for numeral in numerals)


def test_an_ocr_numeral_with_a_small_l_for_its_i_goes_on_the_numbering() -> None:
    # The 1997 Lady Susan etext prints "XVl" between "XV" and "XVII".
    numerals = ["I", "II", "IIl", "IV"]
    assert _titles(_letters(numerals))[2] == "III. A LADY TO HER FRIEND"
    # "Il" where the numbering does not expect 2 stays text.
    assert _titles(_letters(["I", "II", "Il"]))[1:] == ["II. A LADY TO HER FRIEND"]


def test_a_long_run_of_bare_numbers_survives_one_lost_heading() -> None:
    numerals = ["I", "II", "III", "IV", "V", "VI", "VIII", "IX"]
    assert [title.split(".")[0] for title in _titles(_letters(numerals)) if title] == numerals
    # Early in the book a skipped number is no heading: "III" after "I" may be a numbered stanza.
    assert len(_titles(_letters(["I", "III", "IV"]))) == 1


def test_contents_list_is_not_chapters() -> None:
    contents = "Contents\n\nChapter 1: Arrival\n\nChapter 2: Departure\n\nChapter 3: Return"
    text = f"{contents}\n\n\n\nChapter 1: Arrival\n\n{PARA}\n\nChapter 2: Departure\n\n{PARA}"
    # The contents list is dropped (the book makes its own) and named in the repairs.
    assert _titles(text) == ["Chapter 1: Arrival", "Chapter 2: Departure"]
    assert parse_structure(text).repairs == ("dropped the printed contents list (3 entries)",)


def test_headings_in_a_row_are_a_contents_list() -> None:
    text = f"Chapter 1\nChapter 2\nChapter 3\nChapter 4\n\n{PARA}"
    assert _titles(text) == [None]


def _parts(text: str) -> list[str | None]:
    return [chapter.part for chapter in parse_structure(text).chapters]


def test_part_headings_hold_chapters() -> None:
    text = f"Part One\n\nChapter 1\n\n{PARA}\n\nPart Two\n\nChapter 1\n\n{PARA}"
    assert _titles(text) == ["Chapter 1", "Chapter 1"]
    assert _parts(text) == ["Part One", "Part Two"]


def test_a_parts_title_alone_before_its_first_chapter_is_its_title_however_far_apart() -> None:
    # Middlemarch: "BOOK II." / four blank lines / "OLD AND YOUNG." / three blank lines / "CHAPTER XIII.".
    text = (
        f"BOOK I.\n\n\n\n\nMISS BROOKE.\n\n\n\nCHAPTER I.\n\n{PARA}\n\n"
        f"BOOK II.\n\n\n\n\nOLD AND YOUNG.\n\n\n\nCHAPTER II.\n\n{PARA}"
    )
    assert _parts(text) == ["BOOK I: MISS BROOKE", "BOOK II: OLD AND YOUNG"]
    # A sentence set there is text, not the part's title.
    text = text.replace("OLD AND YOUNG.", "It was a dark night, and the wind blew.")
    assert _parts(text)[1] == "BOOK II"


def test_a_motto_signed_after_a_dash_under_a_chapter_heading_is_no_title() -> None:
    motto = "These little things are great to little man.--GOLDSMITH."
    text = f"CHAPTER I.\n\n\n{motto}\n\n\n{PARA}\n\nCHAPTER II.\n\n\nThe Widow and her Child\n\n\n{PARA}"
    assert _titles(text) == ["CHAPTER I", "CHAPTER II: The Widow and her Child"]


def test_part_heading_without_chapters_on_a_title_page_is_text() -> None:
    chapters = f"Part One\n\nChapter 1\n\n{PARA}\n\nPart Two\n\nChapter 2\n\n{PARA}"
    text = f"VOL. XII\n\n{chapters}"
    assert _titles(text) == [None, "Chapter 1", "Chapter 2"]
    assert _parts(text) == [None, "Part One", "Part Two"]
    assert parse_structure(text).chapters[0].blocks == ("VOL. XII",)


def test_a_lone_part_heading_is_text() -> None:
    text = f"Part One\n\nChapter 1\n\n{PARA}\n\nChapter 2\n\n{PARA}"
    assert _titles(text) == [None, "Chapter 1", "Chapter 2"]
    assert _parts(text) == [None, None, None]


def test_headings_of_another_word_inside_chapters_are_text() -> None:
    play = f"ACT I\n\n{PARA}\n\nACT II\n\n{PARA}"
    text = f"CHAPTER I.\n\n{PARA}\n\n{play}\n\nCHAPTER II.\n\n{PARA}\n\nCHAPTER III.\n\n{PARA}"
    assert _titles(text) == ["CHAPTER I", "CHAPTER II", "CHAPTER III"]


def test_heading_stuck_to_its_title_line() -> None:
    assert _titles(f"Chapter 1\nThe Beginning\n\n{PARA}") == ["Chapter 1: The Beginning"]


def test_title_like_lines() -> None:
    assert is_title_like("The Widow and her Child.")
    assert is_title_like("Mr. Kneebone and his Friends.")
    assert is_title_like("HER TWELFTH BIRTHDAY")
    assert not is_title_like("He ran.")
    assert not is_title_like("It was a dark night. Rain fell")
    assert not is_title_like("...")


def test_title_of_short_words_only() -> None:
    # Every word under four letters: title case still shows ("The Man on the Tor"), a sentence does not.
    assert is_title_like("The Man on the Tor")
    assert is_title_like("A Day Out")
    assert not is_title_like("He is not in")
    assert not is_title_like("Get out, Tom")
    assert not is_title_like("On the")


def test_short_word_title_under_a_number_heading() -> None:
    text = f"Chapter 10\nThe Old Moor\n\n{PARA}\n\nChapter 11\nThe Man on the Tor\n\n{PARA}\n"
    titles = [chapter.title for chapter in parse_structure(text).chapters]
    assert titles == ["Chapter 10: The Old Moor", "Chapter 11: The Man on the Tor"]


def test_numerals() -> None:
    assert [roman_value(r) for r in ("I", "iv", "XIV", "XXVIII", "MCMIX")] == [1, 4, 14, 28, 1909]
    assert roman_value("IIII") is None and roman_value("") is None
    assert [number_value(n) for n in ("12", "Twenty-One", ["the", "first"][1], "3rd")] == [12, 21, 1, 3]
    assert number_value("many") is None


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("THE P.C. AND P.O.", "THE P.C. AND P.O."),
        (
            "A CONTINUATION OF THE REMINISCENCES OF JOHN WATSON, M.D.",
            "A CONTINUATION OF THE REMINISCENCES OF JOHN WATSON, M.D.",
        ),
        ("CHAPTER I.", "CHAPTER I"),
        ("In Which We Meet Mr. A.", "In Which We Meet Mr. A"),
    ],
)
def test_a_headings_closing_period_goes_unless_it_ends_an_initialism(line: str, want: str) -> None:
    assert clean_heading(line) == want


def test_a_note_mark_closing_a_poems_title_goes() -> None:
    # A poem's title keeps no note mark, as a chapter heading does ("[1" was left when "]" went).
    assert clean_heading("NEGRO BOY SOLD FOR A WATCH.[1]") == "NEGRO BOY SOLD FOR A WATCH"
    assert clean_heading("[Illustration]") == "Illustration"


def test_a_direction_in_parentheses_keeps_its_closing_bracket() -> None:
    # A scene's cast line with its direction: the bracket that closes it is no decoration.
    line = "  Amalia (_im Garten, spielt auf der Laute._)"
    assert clean_heading(line) == "Amalia (_im Garten, spielt auf der Laute._)"
    # A heading wholly in brackets still loses them.
    assert clean_heading("(CHAPTER I.)") == "CHAPTER I"


@pytest.mark.parametrize(
    "line",
    [
        "Letzter Auftritt",
        "Scène dernière",
        "SCÈNE DERNIÈRE",
        "SCENE THE LAST.--The Library",
        "Chapter the Last",
    ],
)
def test_a_plays_last_scene_numbered_by_the_word_last_is_a_heading(line: str) -> None:
    heading = match_heading(line)
    assert heading is not None and heading.kind == "chapter"


@pytest.mark.parametrize(
    "line",
    [
        "Der letzte Brief kam nie an.",
        "Letzte Nacht",
        "Le dernier jour",
        "The last of the Mohicans",
        "Last night",
    ],
)
def test_last_before_a_word_that_is_no_heading_word_is_no_heading(line: str) -> None:
    assert match_heading(line) is None


def test_a_footnote_mark_on_a_heading_is_no_part_of_its_title() -> None:
    heading = match_heading("CHAPITRE XXII[1].")
    assert heading is not None and heading.text == "CHAPITRE XXII"


def _book(first_title: str) -> str:
    titled = ["Ce que devint Candide parmi les Bulgares.", "Histoire de la vieille.", "Suite des malheurs."]
    chapters = [f"CHAPITRE I.\n\n{first_title}\n\n{PARA}\n\n{PARA}"]
    chapters += [
        f"CHAPITRE {n}.\n\n{title}\n\n\n{PARA}\n\n{PARA}"
        for n, title in zip(["II", "III", "IV"], titled, strict=True)
    ]
    return "\n\n\n".join(chapters)


def test_a_book_titling_most_number_only_headings_titles_the_others_with_the_short_line_under_them() -> None:
    summary = "Comment Candide fut élevé dans un beau château, et comment il fut\nchassé d'icelui."
    titles = _titles(_book(summary))
    assert (
        titles[0]
        == "CHAPITRE I: Comment Candide fut élevé dans un beau château, et comment il fut chassé d'icelui"
    )
    assert titles[2] == "CHAPITRE III: Histoire de la vieille"


def test_speech_or_a_long_paragraph_under_an_untitled_heading_stays_text_in_a_titled_book() -> None:
    speech = "--No puedo equivocarme--murmuró--. Me dijeron que atravesara el río."
    assert _titles(_book(speech))[0] == "CHAPITRE I"
    long = "\n".join([PARA] * 3)
    assert _titles(_book(long))[0] == "CHAPITRE I"
    # A book whose headings mostly stand alone takes no short line under them as a title.
    text = "\n\n".join(f"CHAPTER {n}.\n\n{line}\n\n{PARA}" for n, line in [("I", "He ran."), ("II", "Day.")])
    assert _titles(text + f"\n\nCHAPTER III.\n\nShe hid.\n\n{PARA}") == [
        "CHAPTER I",
        "CHAPTER II",
        "CHAPTER III",
    ]


def test_a_last_heading_whose_text_all_went_to_the_end_notes_heads_them_and_is_no_chapter() -> None:
    story = [f"Chapter 1\n\n{PARA}\n\n{PARA}", f"Chapter 2\n\n{PARA}\n\n{PARA}", f"Epilogue\n\n{PARA}"]
    notes = (
        "-=) Conclusion (=-\n\nThis concludes SRE 9 -- Survival Of The Fittest. The SRE Text Series\n"
        "continues to be the most successful online text series ever. Stay tuned for SRE-X.\n\n\n"
        "Josh Renaud, Author.\n\n\nThe SRE Text Series is copyright (c)1995, GrossWorld Publishing Co."
    )
    raw = parse_structure("\n\n\n".join([*story, notes]))
    assert [chapter.title for chapter in raw.chapters] == ["Chapter 1", "Chapter 2", "Epilogue"]
    heading, text = raw.end_notes[:2]
    assert heading == "Conclusion" and isinstance(text, str) and text.startswith("This concludes SRE 9")
    # A closing section with text of the story's own stays a chapter.
    raw = parse_structure("\n\n\n".join([*story, f"CONCLUSION.\n\n{PARA}"]))
    assert [chapter.title for chapter in raw.chapters][-1] == "CONCLUSION"


def test_a_chapter_heading_may_name_its_part_before_a_middle_dot() -> None:
    heading = match_heading("Inferno · Canto XXXIV")
    assert heading is not None and (heading.kind, heading.number) == ("chapter", 34)
    assert match_heading("Inferno · la porta di Dite") is None


def test_a_chapter_word_among_ten_times_as_many_numbered_sections_is_one_of_them() -> None:
    names = [
        "MAILIED",
        "AUF DEM SEE",
        "MIGNON",
        "DER FISCHER",
        "PROMETHEUS",
        "GESANG DER GEISTER ÜBER DEN WASSERN",
    ]
    names += ["HOFFNUNG", "ERINNERUNG", "GEFUNDEN", "ELFE", "NACHTS"]
    stanza = "Wie herrlich leuchtet\nMir die Natur!\nWie glänzt die Sonne!\nWie lacht die Flur!"
    text = "".join(f"\n\n\n{n}. {name}\n\n{stanza}\n\n{stanza}\n" for n, name in enumerate(names, 1))
    titles = _titles(text)
    assert len(titles) == 11 and titles[5] == "6. GESANG DER GEISTER ÜBER DEN WASSERN"
    # Three chapter words among eleven numbered sections make a book of chapters: the numbers are text.
    chapters = "".join(f"\n\n\nCHAPTER {n}\n\n{stanza}\n" for n in ("I", "II", "III"))
    assert len(_titles(chapters + text)) < 11
