"""The facts of a converted story that a batch records and its catalog shows (title, authors, size)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True, kw_only=True)
class BookFacts:
    """What the catalog shows of one story's book. Keyword-only, so that the records extending it (a task's
    result, the state's row) keep their own leading fields positional."""

    title: str = ""
    authors: tuple[str, ...] = ()
    language: str = ""
    summary: str | None = None
    subjects: tuple[str, ...] = ()
    words: int = 0
    chapters: int = 0
    repairs: tuple[str, ...] = ()

    def fact_fields(self) -> dict[str, Any]:
        """The facts alone, as keyword arguments for another record that extends BookFacts."""
        return {field.name: getattr(self, field.name) for field in fields(BookFacts)}
