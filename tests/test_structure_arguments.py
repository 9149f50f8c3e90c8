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
