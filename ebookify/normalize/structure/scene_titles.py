"""A play's scenes titled by their place alone ("Vor dem Tor", "Kerker"), set apart wider than speeches."""

from __future__ import annotations

from collections.abc import Sequence

from ebookify.normalize.structure.paragraphs import Item
from ebookify.normalize.structure.speaker_labels import speaker_label

# A play: at least this many items open with a speaker's label in capitals ("FAUST:"), this share of all.
_MIN_SPEECHES = 20
_SPEECH_SHARE = 0.3
# A scene's title is short, over its first speech or verse, with at most this many lines set close under
# it first (a setting, a cast line: "Vor dem Tor" / "Spaziergänger aller Art ziehen hinaus." / "EINIGE ...:").
_TITLE_WORDS = 8
_SETTING_ITEMS = 4
# A play titles at least this many scenes so, and nearly all items set as far apart are such titles.
_MIN_SCENES = 3
_TITLE_SHARE = 0.8


def _opens_speech(item: Item) -> bool:
    label = speaker_label(item.text)
    return label is not None and label.caps and label.own_line


def _is_title_line(item: Item) -> bool:
    """One short line opening with a capital. A place may hold a full stop and words in lower case ("Abend.
    Ein kleines reinliches Zimmer"): no title case is asked for, the gap that sets it apart decides."""
    text = item.text.strip()
    return (
        not item.verse
        and not item.divider
        and "\n" not in text
        and len(text.split()) <= _TITLE_WORDS
        and text[:1].isupper()
        and text[-1:] not in ",;:"
    )


def _scene_gap(items: Sequence[Item], normal: int) -> int | None:
    """The narrowest gap, wider than the speeches' and the settings', above which items are scene titles."""
    for gap in sorted({item.gap for item in items if item.gap > normal + 1}):
        apart = [item for item in items[1:] if item.gap >= gap]
        titles = sum(1 for item in apart if _is_title_line(item))
        if titles >= _MIN_SCENES and titles >= _TITLE_SHARE * len(apart):
            return gap
    return None


def _opens_scene(items: Sequence[Item], index: int, normal: int) -> bool:
    """A scene goes on from `index` with a speech or verse, after settings set close under its title. A
    book's title page ("Faust" / "Johann Wolfgang von Goethe" / "Zueignung.") sets its lines further apart."""
    for item in items[index : index + _SETTING_ITEMS]:
        if item.verse or _opens_speech(item):
            return True
        if item.gap > normal:
            return False
    return False


def scene_titles(items: Sequence[Item], normal: int) -> tuple[list[int], int] | None:
    """Where a play titles its scenes by place, and the gap that sets them apart; None when the text is no
    play (too few speeches under labels in capitals), or titles its scenes no such way."""
    speeches = [index for index, item in enumerate(items) if _opens_speech(item)]
    if len(speeches) < max(_MIN_SPEECHES, _SPEECH_SHARE * len(items)):
        return None
    gap = _scene_gap(items, normal)
    if gap is None:
        return None
    found = [
        index
        for index, item in enumerate(items)
        if index and item.gap >= gap and _is_title_line(item) and _opens_scene(items, index + 1, normal)
    ]
    return (found, gap) if len(found) >= _MIN_SCENES else None


def with_scene_titles(
    items: Sequence[Item], found: Sequence[tuple[int, int]], normal: int
) -> list[tuple[int, int]]:
    """A collection's titles (`found`, first item and span) with a play's scene titles: each scene's title
    is its one line (the setting under it is a direction, not part of the title), and after the first scene
    a title set no wider apart than the speeches ("Faust und Wagner.", a cast line) is none."""
    scenes = scene_titles(items, normal)
    if scenes is None:
        return list(found)
    indices, gap = scenes
    first = indices[0]
    kept = {start: span for start, span in found if start < first or items[start].gap >= gap}
    # A block taken as a title ends where a scene's title starts; the scene's title is its line alone.
    cut = {
        start: next((i - start for i in indices if start < i < start + span), span)
        for start, span in kept.items()
    }
    cut.update({index: 1 for index in indices})
    return sorted(cut.items())
