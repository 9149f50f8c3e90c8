"""Which markup a text uses: Markdown only on consistent evidence, HTML only with balanced tags."""

from __future__ import annotations

from ebookify.normalize.markup.detect import detect_markup


def test_a_heading_opening_the_text_with_footnotes_is_markdown() -> None:
    text = "# The Secret Prince\n\nHe painted *gifts*.[^1]\n\n[^1]: A note.\n"
    evidence = detect_markup(text)
    assert evidence.kind == "markdown"
    assert evidence.describe() == "Markdown (1 heading, 1 footnote, 1 emphasis pair)"


def test_front_matter_alone_is_reported() -> None:
    assert detect_markup("Story text.\n", front_matter=True).describe() == "Markdown (front matter)"


def test_hashtags_and_emphasis_alone_are_plain_text() -> None:
    text = "She posted it.\n\n#blessed #nofilter\n\nIt was *so* good.\n"
    assert detect_markup(text).kind == ""
    assert detect_markup(text).describe() == "plain text"


def test_a_chat_log_and_a_game_transcript_are_not_markdown() -> None:
    text = "<Harry> hi\n<Ron> > what?\n\n> look north\nYou see a door.\n> open door\nIt is locked.\n\nOk.\n"
    assert detect_markup(text).kind == ""


def test_quoted_passages_of_several_lines_are_markdown_quotes() -> None:
    assert detect_markup("He read:\n\n> Dear Harry,\n> Come home.\n\nHe went.\n").kind == "markdown"


def test_old_style_backtick_quotes_are_not_code_spans() -> None:
    text = "`Well!' thought Alice to herself, `after such a fall as this.'\n\n# of people: 5\n"
    assert detect_markup(text).kind == ""


def test_two_kinds_of_markdown_constructs_make_markdown() -> None:
    text = "He said \\*not\\* that.\n\n> Dear Harry,\n> Come home.\n"
    assert detect_markup(text).kind == "markdown"


def test_balanced_tags_are_html() -> None:
    text = "<p>He was <i>so</i> tired.</p>\n<p>She left.</p>\n"
    evidence = detect_markup(text)
    assert evidence.kind == "html"
    assert evidence.describe() == "HTML (3 elements)"


def test_hearts_comparisons_and_a_mentioned_tag_are_not_html() -> None:
    assert detect_markup("I <3 you.\n\nIf a < b and b > c, then.\n").kind == ""
    assert detect_markup("She typed <p> into the editor and saved.\n\nIt broke <b>.\n").kind == ""


def test_underlined_headings_count_and_a_single_underlined_title_does_not() -> None:
    assert detect_markup("Uno\n===\n\nTexto.\n\nDos\n===\n\nMás.\n").kind == "markdown"
    assert detect_markup("Some text.\n\nA TITLE\n=======\n\nMore text.\n").kind == ""
