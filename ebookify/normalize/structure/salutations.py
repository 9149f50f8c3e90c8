"""A letter's salutation ("Dear Harry,", "My dearest Mina,—"), the line that opens it."""

from __future__ import annotations

import re

# "Dear Harry," / "My dearest Mina,—" / "Darling:" opening a paragraph; "Dear God," is an exclamation.
SALUTATION = re.compile(
    r"^(?:my )?(?:dear|dearest|darling)(?: (?!god\b|lord\b|me\b|heavens?\b)[A-Z][\w.'’-]*){0,3}"
    r"\s*[,:!—–-]{1,2}(?:\s|$)",
    re.I,
)


def is_salutation_line(text: str) -> bool:
    """A line that is a letter's salutation and nothing more ("“My dearest Mina,--"), not a sentence that
    opens with one ("“Dear, dear Elizabeth!” I exclaimed"); an opening quote, a typed dash are passed over."""
    line = text.strip().lstrip("“\"'‘_*").replace("--", "—")
    match = SALUTATION.match(line)
    return match is not None and "\n" not in line and not line[match.end() :].strip(" _*")
