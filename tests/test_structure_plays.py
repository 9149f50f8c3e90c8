"""Plays: a speech keeps its speaker's label, stage directions are marked, judged over the whole text."""

from __future__ import annotations

from ebookify.inspect import story_to_dict
from ebookify.model import Chapter, Paragraph, Span, Story, Verse, VerseLine
from ebookify.normalize.pipeline import normalize_bytes
from ebookify.normalize.structure.heading_blocks import split_heading_lines
from ebookify.normalize.structure.paragraphs import Item
from ebookify.normalize.structure.plays import Play, find_play
from ebookify.normalize.structure.speeches import set_play
from ebookify.render.html import blocks_html, play_role

SPEECHES = [
    ("ALGERNON", "Did you hear what I was playing, Lane?"),
    ("LANE", "I didn't think it polite to listen, sir."),
    ("ALGERNON", "I'm sorry for that, for your sake."),
    ("LANE", "Yes, sir. [Hands them on a salver.]"),
    ("ALGERNON", "[Inspects them.] Oh! by the way, Lane."),
    ("LANE", "Yes, sir; eight bottles and a pint."),
    ("ALGERNON", "Why is it that the servants invariably drink the champagne?"),
    ("LANE", "I attribute it to the superior quality of the wine, sir."),
    ("ALGERNON", "Good heavens! Is marriage so demoralising as that?"),
    ("LANE", "I believe it is a very pleasant state, sir."),
    ("ALGERNON", "I don't know that I am much interested in your family life."),
    ("LANE", "No, sir; it is not a very interesting subject."),
]


def _play_text() -> str:
    speeches = [f"{name}.\n{speech}" for name, speech in SPEECHES]
    return "\n\n".join(["[Lane is arranging afternoon tea on the table.]", *speeches, "[Enter Jack.]"]) + "\n"


def _story(text: str) -> Story:
    return normalize_bytes(text.encode("utf-8"), "play.txt")


def _blocks(story: Story) -> list[Paragraph]:
    return [b for c in story.chapters for b in c.blocks if isinstance(b, Paragraph)]


def _chapter(*texts: str) -> Chapter:
    return Chapter(None, tuple(Paragraph((Span(t),)) for t in texts))


def test_a_play_gets_speaker_labels_run_into_their_speeches() -> None:
    story = _story(_play_text())
    blocks = _blocks(story)
    assert blocks[1].spans == (Span("ALGERNON.", "speaker"), Span(" Did you hear what I was playing, Lane?"))
    assert story.layout.speeches == len(SPEECHES)
    assert "play: 12 speeches, 2 directions" in story.layout.summary
    assert story_to_dict(story)["layout"]["play"] == {"speeches": 12, "directions": 2}


def test_bracketed_directions_between_and_inside_speeches_are_directions() -> None:
    blocks = _blocks(_story(_play_text()))
    assert blocks[0].spans == (Span("[Lane is arranging afternoon tea on the table.]", "direction"),)
    assert blocks[-1].spans == (Span("[Enter Jack.]", "direction"),)
    assert blocks[4].spans[-1] == Span("[Hands them on a salver.]", "direction")
    assert blocks[4].spans[1] == Span(" Yes, sir. ")


def test_a_story_with_one_speaker_line_is_no_play() -> None:
    text = "JOHN: Hello there.\n\nShe looked at him [quietly] and said nothing.\n\nThey walked home.\n"
    story = _story(text)
    assert story.layout.speeches == 0
    assert all(s.style == "plain" for b in _blocks(story) for s in b.spans)
    assert "play" not in story_to_dict(story)["layout"]


def test_a_novel_whose_paragraphs_open_with_short_sentences_is_no_play() -> None:
    # Names are never written in lower case; "no" and "yes" are.
    paragraphs = ["No. I said no.", "Yes. Yes, of course, yes.", "She said no to the rain."]
    chapter = _chapter(*(paragraphs * 8))
    assert find_play([chapter]) is None


def test_labels_in_mixed_case_or_italics_count_when_the_names_recur() -> None:
    chapter = _chapter(*(["Der Prinz. Guten Morgen, Conti.", "Conti. Prinz, die Kunst geht nach Brot."] * 6))
    play = find_play([chapter])
    assert play is not None and play.speakers == {"der prinz", "conti"}


def test_directions_in_parentheses_only_where_the_play_sets_them_so() -> None:
    speeches = ["Conti (indem er das Bild zeigt). Ich bitte.", "Der Prinz (nach einer Pause). Vortrefflich."]
    chapter = _chapter(*(speeches * 5), "Der Prinz. Gut (sagt er) und schön.", "Conti. Ja.")
    play = find_play([chapter])
    assert play is not None and play.parentheses
    (marked,), _, _ = set_play([chapter], play)
    assert marked.blocks[0] == Paragraph(
        (
            Span("Conti", "speaker"),
            Span(" "),
            Span("(indem er das Bild zeigt)", "direction"),
            Span(". Ich bitte."),
        )
    )
    assert Span("(sagt er)", "direction") in marked.blocks[10].spans  # type: ignore[union-attr]
    english = _play_text().replace("I'm sorry for that", "I'm sorry (truly) for that")
    spans = [s for b in _blocks(_story(english)) for s in b.spans]
    assert not any(s.style == "direction" and "truly" in s.text for s in spans)


def test_a_label_alone_joins_the_stanza_or_the_prose_speech_under_it_but_not_another_label() -> None:
    play = Play(frozenset({"tybalt", "benvolio", "roper"}), False)
    verse = Verse(
        (VerseLine((Span("What, drawn, and talk of peace?"),)), VerseLine((Span("Have at thee."),)))
    )
    chapter = Chapter(
        None,
        (
            Paragraph((Span("TYBALT."),)),
            verse,
            Paragraph((Span("BENVOLIO."),)),
            Paragraph((Span("If Poverty be a Title to Poetry."),)),
            Paragraph((Span("ROPER."),)),
            Paragraph((Span("TYBALT."),)),
            Paragraph((Span("Peace, I say."),)),
        ),
    )
    (marked,), speeches, _ = set_play([chapter], play)
    joined = marked.blocks[0]
    assert isinstance(joined, Verse) and joined.lines[0].spans == (Span("TYBALT.", "speaker"),)
    # "BENVOLIO." / "" / the speech: the source's blank line between them does not part them.
    assert marked.blocks[1] == Paragraph(
        (Span("BENVOLIO.", "speaker"), Span(" "), Span("If Poverty be a Title to Poetry."))
    )
    # A label over another label is no speech's: it stays as it is.
    assert marked.blocks[2] == Paragraph((Span("ROPER.", "speaker"),))
    assert marked.blocks[3] == Paragraph((Span("TYBALT.", "speaker"), Span(" "), Span("Peace, I say.")))
    assert speeches == 2


def test_stage_words_make_a_direction_but_a_speech_about_entering_does_not() -> None:
    play = Play(frozenset({"sampson", "gregory"}), False)
    chapter = _chapter("Enter Sampson and Gregory.", "SAMPSON. Enter, I say.", "Exeunt.", "He enters.")
    (marked,), _, directions = set_play([chapter], play)
    styles = [[s.style for s in b.spans] for b in marked.blocks]  # type: ignore[union-attr]
    assert styles == [["direction"], ["speaker", "plain"], ["direction"], ["plain"]]
    assert directions == 2


def test_a_scene_opening_with_who_is_on_stage_is_a_direction() -> None:
    play = Play(frozenset({"conti", "der prinz"}), False)
    chapter = _chapter("Conti. Der Prinz.", "Der Prinz. Guten Morgen, Conti.")
    (marked,), _, _ = set_play([chapter], play)
    assert play_role(marked.blocks[0]) == "direction"  # type: ignore[arg-type]
    assert play_role(marked.blocks[1]) == "speech"  # type: ignore[arg-type]


def test_illustrations_in_brackets_are_not_directions() -> None:
    play = Play(frozenset({"sampson"}), False)
    (marked,), _, _ = set_play([_chapter("[Illustration]", "SAMPSON. Look [Footnote 1] here.")], play)
    assert all(s.style in ("plain", "speaker") for b in marked.blocks for s in b.spans)  # type: ignore[union-attr]


def test_writers_set_speeches_labels_and_directions_by_class() -> None:
    html = blocks_html(
        [
            Paragraph((Span("[Enter Lane.]", "direction"),)),
            Paragraph((Span("LANE.", "speaker"), Span(" Yes, sir. "), Span("[Exit.]", "direction"))),
            Paragraph((Span("Beggar.", "speaker"),)),
            Paragraph((Span("Plain prose."),)),
        ]
    )
    assert '<p class="direction"><i class="direction">[Enter Lane.]</i></p>' in html
    assert '<p class="speech"><span class="speaker">LANE.</span> Yes, sir. <i class="direction">' in html
    assert '<p class="speaker"><span class="speaker">Beggar.</span></p>' in html
    assert "<p>Plain prose.</p>" in html


def test_a_recurring_numbered_speaker_stays_with_its_speech() -> None:
    speech = Item("FIRST CITIZEN.\nClubs, bills and partisans!\nDown with the Capulets!")
    items = [speech, Item("CAPULET.\nWhat noise is this?")] * 3
    assert list(split_heading_lines(items)) == items
    heading = Item("FIRST CITIZEN.\nClubs, bills and partisans!\nDown with the Capulets!")
    assert len(list(split_heading_lines([heading]))) == 2  # once, it may be a heading of the book's own


def test_a_script_typed_a_speech_a_line_is_a_play_of_one_line_speeches() -> None:
    exchange = "JOHN: Hi there.\nMARY: Hello, John.\nJOHN: How are you?\nMARY: Fine, thank you."
    story = _story("\n\n".join([exchange] * 4) + "\n")
    blocks = _blocks(story)
    assert story.layout.speeches == 16 and len(blocks) == 16
    assert blocks[1].spans == (Span("MARY:", "speaker"), Span(" Hello, John."))


def test_a_few_lines_of_messages_in_a_story_are_no_play() -> None:
    prose = "\n\n".join(["She read the messages again and again, and did not answer any of them."] * 12)
    story = _story(prose + "\n\nJOHN: Hi there.\nMARY: Hello, John.\nJOHN: How are you?\nMARY: Fine.\n")
    assert story.layout.speeches == 0
    assert not any(
        s.style == "speaker" for c in story.chapters for b in c.blocks for s in getattr(b, "spans", ())
    )


def test_a_play_running_its_labels_into_speeches_keeps_a_rare_label_set_apart_as_written() -> None:
    play = Play(frozenset({"filch", "peachum"}), False)
    speeches = [
        Paragraph((Span(f"{name}. Sir, the Wench is very active."),)) for name in ["Filch", "Peachum"] * 2
    ]
    chapter = Chapter(
        None, (Paragraph((Span("Peachum."),)), Paragraph((Span("If Poverty be a Title."),)), *speeches)
    )
    (marked,), _, _ = set_play([chapter], play)
    assert marked.blocks[0] == Paragraph((Span("Peachum.", "speaker"),))
    assert marked.blocks[1] == Paragraph((Span("If Poverty be a Title."),))


def test_german_labels_with_initials_lower_case_words_or_a_direction_and_no_stop() -> None:
    from ebookify.normalize.structure.speaker_labels import speaker_label

    # Schiller's Räuber: "D. a. Moor." (der alte Moor), "Der alte Moor.", and a name whose direction
    # runs straight into the speech.
    for text, key in [
        ("D. a. Moor. Weiter! Weiter!", "d. a. moor"),
        ("Der alte Moor. Ganz wohl, mein Sohn", "der alte moor"),
        ("Franz (nimmt den Brief aus der Tasche.) Ihr kennt unsern Korrespondenten!", "franz"),
    ]:
        label = speaker_label(text)
        assert label is not None and label.key == key
    # A direction naming two, a sentence, and a name with a parenthesis running on in lower case are not.
    for text in ["Enter Nurse and Peter.", "He said nothing.", "Karl (laughing) went home."]:
        assert speaker_label(text) is None
