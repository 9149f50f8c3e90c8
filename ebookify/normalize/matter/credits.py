"""Credits set in columns, each label over its names ("Written by:" over "John Smith"), as fields."""

from __future__ import annotations

import re
from collections.abc import Sequence

# A column head of a credits block: a label ending in a colon ("Edited and Compiled by:").
_COLUMN = re.compile(r"\S+(?: \S+)*")


def credit_columns(block: Sequence[str]) -> list[tuple[str, str]]:
    """Credits set in columns, each label over its names:

        Written by:              Edited and Compiled by:
        John Smith               Jane Doe

    as fields [("Written by", "John Smith"), ("Edited and Compiled by", "Jane Doe")]; [] for other blocks."""
    if len(block) < 2:
        return []
    heads = [(match.start(), match.group()) for match in _COLUMN.finditer(block[0])]
    if len(heads) < 2 or not all(label.endswith(":") and len(label) <= 40 for _, label in heads):
        return []
    starts = [start for start, _ in heads]
    values: list[list[str]] = [[] for _ in heads]
    for line in block[1:]:
        for number, start in enumerate(starts):
            end = starts[number + 1] if number + 1 < len(starts) else None
            if cell := line[start:end].strip():
                values[number].append(cell)
    if not all(values):
        return []
    return [
        (label.rstrip(":").strip(), ", ".join(cells)) for (_, label), cells in zip(heads, values, strict=True)
    ]
