"""What a batch is asked to do: its options record, the options hash, and the settings its tasks get."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from ebookify import __version__
from ebookify.batch.task import TaskSettings
from ebookify.errors import OptionsError
from ebookify.options import NormalizeOptions, WriteOptions
from ebookify.resources import read_style
from ebookify.targets import FORMATS


@dataclass(frozen=True)
class BatchOptions:
    """One frozen record of a batch run, built by the CLI (or a caller) and passed to run_batch."""

    sources: tuple[Path, ...]
    outdir: Path
    pattern: str = "*.txt"
    formats: tuple[str, ...] = ("epub",)
    normalize: NormalizeOptions = field(default_factory=NormalizeOptions)
    write: WriteOptions = field(default_factory=WriteOptions)
    jobs: int = 0
    """Local worker processes; 0 means one per core."""
    scheduler: str | None = None
    """A Dask scheduler address (tcp://HOST:8786); None runs on the local process pool."""
    retry_failed: bool = False
    max_failures: int = 0
    """Stop after this many failures in the run; 0 never stops."""
    chunk_stories: int = 8
    """Stories per task: the scheduler costs about a millisecond per task, a story tens of them."""
    chunk_bytes: int = 2_000_000
    """A task's input bytes at most (a story larger than this goes alone)."""


def task_settings(options: BatchOptions) -> TaskSettings:
    """The settings every task gets: the user's stylesheet and cover read here, once, as content."""
    for fmt in options.formats:
        if fmt not in FORMATS:
            raise OptionsError(f"--format: unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if not options.formats:
        raise OptionsError("--format: name at least one format (epub, pdf)")
    style = options.write.style
    style_css = read_style(style) if style.endswith(".css") or "/" in style else None
    read_style(style)  # an unknown built-in style fails here, before any story is read
    cover = None
    if options.write.cover:
        from ebookify.render.cover_file import cover_from_file

        cover = cover_from_file(options.write.cover)
    write = replace(options.write, cover=None, jobs=1)
    return TaskSettings(options.normalize, write, tuple(options.formats), style_css, cover)


def options_hash(settings: TaskSettings) -> str:
    """A digest of everything that changes a book: options, stylesheet and cover content, formats and
    ebookify's version (a new version may make better books, so they are converted again)."""
    described = {
        "version": __version__,
        "normalize": asdict(settings.normalize),
        "write": asdict(replace(settings.write, style="" if settings.style_css else settings.write.style)),
        "formats": list(settings.formats),
        "style_css": hashlib.sha256(settings.style_css.encode()).hexdigest() if settings.style_css else None,
        "cover": hashlib.sha256(settings.cover).hexdigest() if settings.cover else None,
    }
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()
