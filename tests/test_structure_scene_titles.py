"""A play's scenes titled by their place alone, and a book's title page over its first poem's title."""

from __future__ import annotations

from ebookify.normalize.structure.paragraphs import Item
from ebookify.normalize.structure.poems import poem_titles
from ebookify.normalize.structure.scene_titles import with_scene_titles

PROVIDED = "Dieses Buch wurde uns freundlicherweise vom Gutenberg Projekt-DE\nzur Verfuegung gestellt."
LINES = "Ihr naht euch wieder, schwankende Gestalten,\nDie früh sich einst dem trüben Blick gezeigt."


def _speeches(count: int, gap: int = 2) -> list[Item]:
    names = ["FAUST:", "MEPHISTOPHELES:", "WAGNER:"]
    return [Item(f"{names[i % 3]}\n{LINES}", gap if i == 0 else 1, 3, verse=(0, 0, 0)) for i in range(count)]


def _scene(place: str, setting: str) -> list[Item]:
    return [Item(place, 3), Item(setting, 1), *_speeches(8)]


def test_places_set_wider_apart_than_speeches_title_a_plays_scenes() -> None:
    items = [Item("Faust", 6)]
    for place, setting in [
        ("Vor dem Tor", "Spaziergänger aller Art ziehen hinaus."),
        ("Studierzimmer", "Faust mit dem Pudel hereintretend."),
        ("Abend.  Ein kleines reinliches Zimmer", "Margarete ihre Zöpfe flechtend."),
        ("Kerker", "Faust mit einem Bund Schlüssel und einer Lampe."),
    ]:
        items += _scene(place, setting)
    # Each title is the place alone, taken from a title block that held the setting under it too: the
    # setting is the scene's first paragraph.
    found = with_scene_titles(items, [(1, 2), (11, 2)], 1)
    assert found == [(1, 1), (11, 1), (21, 1), (31, 1)]


def test_a_line_set_as_close_as_a_speech_titles_no_scene() -> None:
    items = [Item("Faust", 6)]
    for place in ("Garten", "Dom", "Zwinger"):
        items += _scene(place, "Zeche lustiger Gesellen.")
    # Set no wider apart than the first speech under a setting, "Faust und Wagner." is a direction, even
    # where a collection's titles took it for a poem's title.
    items += [Item("Faust und Wagner.", 2), *_speeches(4, 1)]
    assert with_scene_titles(items, [(31, 1)], 1) == [(1, 1), (11, 1), (21, 1)]
    # A text of few speeches is no play: the titles found stand as they are.
    story = [Item("Garten", 3), Item("Zeche lustiger Gesellen.", 1), *_speeches(2)] * 3
    assert with_scene_titles(story, [(0, 2)], 1) == [(0, 2)]


def test_a_title_page_over_the_first_poems_title_is_no_part_of_it() -> None:
    stanza = Item(LINES, 1, 2, verse=(0, 0))

    def poem(title: str) -> list[Item]:
        return [Item(title, 4), Item("AN EPISTLE.", 1), stanza, stanza]

    poems = [*poem("Felpham"), *poem("Eartham"), *poem("Lavant")]
    page = [Item("Faust: Der Tragödie erster Teil", 6), Item("Johann Wolfgang von Goethe", 1)]
    # Title and author set closer together than the first poem's title is set under them: a title page.
    items = [
        Item(PROVIDED, 9),
        *page,
        Item("Zueignung.", 2),
        stanza,
        stanza,
    ]
    assert poem_titles([*items, *poems], 1) == [(3, 1), (6, 2), (10, 2), (14, 2)]
    # The same lines further on, under verse, are one poem's title block ("FELPHAM:" ... "FELPHAM.").
    later = [Item("FELPHAM:", 4), Item("AN EPISTLE TO HENRIETTA OF LAVANT.", 1), Item("FELPHAM.", 2), stanza]
    assert poem_titles([*items, *poems, *later], 1)[-1] == (18, 3)
