"""Chapter arguments: the summary printed under most chapter headings joins the heading's title."""

from __future__ import annotations

from ebookify.normalize.structure.structure import parse_structure

TEXT = (
    "Am Himmelfahrtstage, Nachmittags um drei Uhr rannte ein junger Mensch in Dresden durchs schwarze Tor\n"
    "und geradezu in einen Korb mit Äpfeln und Kuchen hinein, die ein altes häßliches Weib feilbot.\n\n"
    "So ging es fort im Sinne verwirrender Rede, und niemand wußte, was er davon halten sollte."
)
NAMES = ["ERSTE", "ZWEITE", "DRITTE", "VIERTE"]
ARGUMENT = "Die Fahrt über die Elbe. -- Die Bravourarie des Kapellmeisters."


def _book(argument_gap: str = "\n\n\n") -> str:
    chapters = "".join(f"\n\n\n{name} VIGILIE.\n\n\n{ARGUMENT}{argument_gap}{TEXT}\n" for name in NAMES)
    return f"Title: Der goldne Topf\nAuthor: E. T. A. Hoffmann\n{chapters}"


def test_arguments_under_most_headings_join_their_titles() -> None:
    story = parse_structure(_book())
    assert [c.title for c in story.chapters] == [
        f"{name} VIGILIE: Die Fahrt über die Elbe. -- Die Bravourarie des Kapellmeisters" for name in NAMES
    ]
    assert all(str(c.blocks[0]).startswith("Am Himmelfahrtstage") for c in story.chapters)


def test_a_first_paragraph_set_as_close_as_the_rest_is_text() -> None:
    story = parse_structure(_book(argument_gap="\n\n"))
    assert [c.title for c in story.chapters] == [f"{name} VIGILIE" for name in NAMES]


def test_a_letters_dateline_under_a_heading_without_subtitle_joins_its_title() -> None:
    text = (
        "Title: Werther\nAuthor: Goethe\n\n\n\n"
        "ERSTES BUCH\n\n\nAm 4. Mai 1771\n\n"
        f"Wie froh bin ich, daß ich weg bin!\n\n{TEXT}\n\n\n\n"
        f"ZWEITES BUCH\n\n\nAm 20. Oktober 1771\n\n{TEXT}\n"
    )
    titles = [c.title for c in parse_structure(text).chapters]
    assert titles == ["ERSTES BUCH: Am 4. Mai 1771", "ZWEITES BUCH: Am 20. Oktober 1771"]
    assert str(parse_structure(text).chapters[0].blocks[0]).startswith("Wie froh")
    # A sentence under the heading is text, dated or not.
    dated = text.replace("Am 4. Mai 1771", "We left on 4 May and rode all day.")
    assert parse_structure(dated).chapters[0].title == "ERSTES BUCH"


def test_a_poems_credit_line_is_no_argument() -> None:
    # Every song's title carries a credit set like an argument; it stays the song's text, not its title.
    stanza = (
        "The fetters galled my weary soul,\nA soul that seemed but thrown away;\n"
        "I spurned the tyrant's base control,"
    )
    songs = "".join(
        f"\n\n\n\n{title}\n\nWords by Elizur Wright.\n\n\n{stanza}\n\n{stanza}\n"
        for title in ("THE FUGITIVE.", "THE BALLOT-BOX.", "HOLY FREEDOM.", "THE LIBERTY FLAG.")
    )
    story = parse_structure(f"Title: Songs\nAuthor: G. W. Clark\n{songs}")
    assert [c.title for c in story.chapters] == [
        "THE FUGITIVE",
        "THE BALLOT-BOX",
        "HOLY FREEDOM",
        "THE LIBERTY FLAG",
    ]
    assert all(str(c.blocks[0]) == "Words by Elizur Wright." for c in story.chapters)


def test_a_chapters_only_text_is_never_its_argument() -> None:
    # A scene that is one short monologue, set off like the others' arguments, keeps it as its text.
    monologue = "Claudia. Welch ein Mann! Oh, der rauhen Tugend! Alles scheint ihr verdächtig, alles arg!"
    scene = f"DRITTE VIGILIE.\n\n\n{ARGUMENT}\n\n\n{TEXT}"
    book = _book().replace(scene, f"DRITTE VIGILIE.\n\n\n{monologue}")
    chapters = parse_structure(book).chapters
    assert chapters[2].title == "DRITTE VIGILIE"
    assert str(chapters[2].blocks[0]).startswith("Claudia. Welch ein Mann!")
    # Left alone: the chapters with text under their argument still take it into their titles.
    assert (chapters[3].title or "").startswith("VIERTE VIGILIE: Die Fahrt")
