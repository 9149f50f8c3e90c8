"""Tabs to spaces: indentation tabs stop every 8 columns (4 where that overruns the margin), inner ones 4."""

from __future__ import annotations

import re
from collections.abc import Sequence

# Indentation tabs are what an editor or `unexpand` wrote for runs of spaces, with a stop every 8 columns:
# mixed with spaces ("\t\t      1881." centred under "                     MILANO"), only that width keeps
# each line where the writer saw it. A tab inside a line is a gap between words (or the indent of a
# paragraph pasted onto the line before): it keeps the 4-column stop, which no measure depends on.
_INDENT_TAB = 8
_NARROW_TAB = 4
_INNER_TAB = 4
_TAB_INDENTED = re.compile(r"^ *\t")
# A word processor's tab is narrower (half an inch, 4 to 6 characters): read as 8 columns, the paragraphs
# it indents would run past the margin every other line keeps to. The margin is the length this share (in
# percent) of the lines without a tab stays within; the tab is narrow when over a tenth of its lines pass it.
_MARGIN_PERCENTILE = 98
_OVERRUN_SHARE = 0.1


def expand_tabs(lines: Sequence[str]) -> list[str]:
    """The lines with their tabs as spaces: indentation tabs at the text's tab stops, the others at 4."""
    if not any("\t" in line for line in lines):
        return list(lines)
    stop = indent_tab_stop(lines)
    return [_expanded(line, stop) if "\t" in line else line for line in lines]


def indent_tab_stop(lines: Sequence[str]) -> int:
    """Every how many columns the text's indentation tabs stop: 8, unless the lines they indent would then
    run past the margin the other lines keep to (a word processor's paragraph indents), then 4."""
    indented = [line.rstrip() for line in lines if _TAB_INDENTED.match(line) and line.strip()]
    others = sorted(len(line.rstrip()) for line in lines if line.strip() and not _TAB_INDENTED.match(line))
    if not indented or not others:
        return _INDENT_TAB
    margin = others[len(others) * _MARGIN_PERCENTILE // 100]
    overruns = sum(1 for line in indented if len(_expanded(line, _INDENT_TAB)) > margin)
    return _NARROW_TAB if overruns > _OVERRUN_SHARE * len(indented) else _INDENT_TAB


def _expanded(line: str, stop: int) -> str:
    body = line.lstrip(" \t")
    indent = line[: len(line) - len(body)].expandtabs(stop)
    return (indent + body).expandtabs(_INNER_TAB)
