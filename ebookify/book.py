"""Assembles stories into a Book: one story's own metadata, or an anthology's merged metadata."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ebookify.errors import EbookifyError, InputError, OptionsError
from ebookify.model import Book, Metadata, Story
from ebookify.normalize import load_story, normalize_bytes
from ebookify.normalize.matter.metadata import clean_book_values
from ebookify.options import NormalizeOptions, StoryOverrides, worker_count
from ebookify.workers import die_with_parent, stop_pool

SORT_KEYS: dict[str, Callable[[Story], str]] = {
    "title": lambda s: s.metadata.title.casefold(),
    "author": lambda s: (s.metadata.authors[0] if s.metadata.authors else "").casefold(),
    "name": lambda s: Path(s.source).name.casefold(),
}


@dataclass(frozen=True)
class StorySource:
    """One input of a book: the file, how to read it and the metadata that wins over its header."""

    path: Path
    options: NormalizeOptions = NormalizeOptions()
    overrides: StoryOverrides = StoryOverrides()
    data: bytes | None = None
    """The story's bytes when they were read already (stdin); None reads `path`."""


# Below this much text, starting worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 2_000_000


def _load_one(source: StorySource) -> Story | EbookifyError:
    """Load one story in a worker; a user error comes back as a value so that it keeps its message."""
    try:
        if source.data is not None:
            return normalize_bytes(source.data, str(source.path), source.options, source.overrides)
        return load_story(source.path, source.options, source.overrides)
    except EbookifyError as error:
        return error


def _input_bytes(sources: Sequence[StorySource]) -> int:
    try:
        return sum(len(s.data) if s.data is not None else s.path.stat().st_size for s in sources)
    except OSError:
        return 0  # a missing file is reported by load_story, in order


def _results(sources: Sequence[StorySource], jobs: int) -> Iterator[Story | EbookifyError]:
    """Stories in input order; a large anthology is normalized in several processes (one per core)."""
    workers = min(worker_count(jobs), len(sources))
    if workers < 2 or _input_bytes(sources) < PARALLEL_MIN_BYTES:
        yield from (_load_one(source) for source in sources)
        return
    # Imported here: 15 ms at every start that only a large anthology needs.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # no fork of a process that may run a progress thread
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=die_with_parent, initargs=(os.getpid(),)
    )
    try:
        yield from pool.map(_load_one, sources, chunksize=1)
    except BaseException:
        # A bad story (the generator is closed), a signal or a failure stops the build: the stories still
        # being read are not waited for.
        stop_pool(pool)
        raise
    pool.shutdown(wait=True)


def load_stories(
    sources: Sequence[StorySource],
    skip_bad: bool = False,
    on_loaded: Callable[[Path], None] = lambda path: None,
    on_skipped: Callable[[Path, EbookifyError], None] = lambda path, error: None,
    jobs: int = 0,
) -> list[Story]:
    """Load every story in order; a bad one stops the build unless `skip_bad` (then it is reported)."""
    stories = []
    for source, result in zip(sources, _results(sources, jobs), strict=True):
        if isinstance(result, EbookifyError):
            if not skip_bad:
                raise result
            on_skipped(source.path, result)
        else:
            stories.append(result)
        on_loaded(source.path)
    if not stories:
        raise InputError("no story could be read; nothing to build")
    return stories


def _unique(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def make_book(
    stories: Sequence[Story],
    *,
    title: str | None = None,
    authors: Sequence[str] = (),
    editor: str | None = None,
    language: str | None = None,
    summary: str | None = None,
    series: str | None = None,
    series_index: float | None = None,
    sort: str | None = None,
) -> Book:
    """A single story keeps its metadata (arguments win); several become an anthology."""
    title, authors, language, summary = clean_book_values(title, authors, language, summary)
    if not stories:
        raise InputError("a book needs at least one story")
    if sort:
        if sort not in SORT_KEYS:
            raise OptionsError(f"unknown sort {sort!r} (choose from {', '.join(sorted(SORT_KEYS))})")
        stories = sorted(stories, key=SORT_KEYS[sort])
    if len(stories) == 1 and not editor:
        meta = stories[0].metadata
        meta = replace(
            meta,
            title=title or meta.title,
            authors=tuple(authors) or meta.authors,
            language=language or meta.language,
            summary=summary or meta.summary,
            series=series or meta.series,
            series_index=series_index if series_index is not None else meta.series_index,
        )
        return Book(metadata=meta, stories=tuple(stories), editor=editor)
    metas = [s.metadata for s in stories]
    meta = Metadata(
        title=title or "Collected Stories",
        # Every distinct story author is a creator of the anthology; the editor is a contributor.
        authors=tuple(authors) or _unique([a for m in metas for a in m.authors]),
        language=language or metas[0].language,
        summary=summary,
        series=series,
        series_index=series_index,
        genres=_unique([g for m in metas for g in m.genres]),
        pairings=_unique([p for m in metas for p in m.pairings]),
        fandoms=_unique([f for m in metas for f in m.fandoms]),
        characters=_unique([c for m in metas for c in m.characters]),
        warnings=_unique([w for m in metas for w in m.warnings]),
    )
    return Book(metadata=meta, stories=tuple(stories), editor=editor)
