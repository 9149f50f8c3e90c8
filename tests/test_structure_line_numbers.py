"""An edition's verse line numbers set far right every fifth line are taken out; other right numbers stay."""

from __future__ import annotations

from ebookify.normalize.structure.line_numbers import drop_line_numbers


def _poem(lines: int) -> list[str]:
    out = []
    for number in range(1, lines + 1):
        text = f"Es schlug mein Herz, geschwind zu Pferde, Zeile {chr(96 + number % 26 + 1)}!"
        out.append(f"{text:<68}{number:>3}" if number % 5 == 0 else text)
    return out


def test_line_numbers_every_fifth_line_are_taken_out() -> None:
    lines = [*_poem(30), "", "*   *   *", "", *_poem(25)]
    out, removed = drop_line_numbers(lines)
    assert removed == 11
    assert out[4] == lines[4].split("   ")[0] and not any(line.rstrip()[-1:].isdigit() for line in out)
    assert out[0] == lines[0]


def test_page_numbers_of_a_contents_list_and_a_few_numbers_stay() -> None:
    pages = [1, 9, 17, 26, 33, 41, 58, 66, 73, 81, 95, 102]
    contents = [f"CHAPTER {n}. A Title of the Chapter     {page}" for n, page in enumerate(pages, 1)]
    assert drop_line_numbers(contents) == (contents, 0)
    # Three numbered lines are no edition's numbering.
    few = _poem(15)
    assert drop_line_numbers(few) == (few, 0)
