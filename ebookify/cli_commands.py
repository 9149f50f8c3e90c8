"""The commands convert, inspect and build: options from the flags, the stories read, the book written."""

from __future__ import annotations

import argparse
import glob
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from ebookify.book import StorySource, load_stories, make_book
from ebookify.cli_parsers import build_parser, convert_parser, inspect_parser
from ebookify.errors import InputError, OptionsError
from ebookify.inspect import story_to_dict, story_to_text
from ebookify.jsontext import dumps_indented
from ebookify.model import Book, Story
from ebookify.normalize import load_story
from ebookify.normalize.decode.cleanup import clean_value
from ebookify.normalize.pipeline import MAX_INPUT_BYTES
from ebookify.options import NormalizeOptions, StoryOverrides, WriteOptions, check_encoding
from ebookify.progress import Reporter, make_reporter
from ebookify.targets import NAME_MAX, check_target, format_of, name_too_long, read_files

STDIO = "-"
"""As an input, the story is read from stdin; as -o, the book is written to stdout."""


def expand_inputs(patterns: Sequence[str]) -> list[Path]:
    """Expand globs the shell did not (quoted, or on Windows); a pattern that matches nothing is an error."""
    paths: list[Path] = []
    for pattern in patterns:
        if name_too_long(Path(pattern)):
            raise InputError(f"{pattern}: a name in the path is longer than {NAME_MAX} bytes")
        if glob.has_magic(pattern) and not Path(pattern).exists():
            matches = sorted(glob.glob(pattern))
            if not matches:
                raise InputError(f"{pattern}: no file matches")
            paths += [Path(m) for m in matches]
        else:
            paths.append(Path(pattern))
    return paths


def _normalize_options(args: argparse.Namespace) -> NormalizeOptions:
    if args.encoding is not None:
        check_encoding(args.encoding)
    return NormalizeOptions(encoding=args.encoding, smart_quotes=not args.no_smart_quotes)


def run_inspect(argv: Sequence[str]) -> int:
    """`ebookify inspect`: print the model as text or JSON."""
    args = inspect_parser().parse_args(argv)
    options = _normalize_options(args)
    stories = [load_story(path, options) for path in expand_inputs(args.inputs)]
    if args.json:
        # One write of the whole document: json.dump writes each token (120,000 writes for a novel, 0.1 s).
        sys.stdout.write(dumps_indented({"stories": [story_to_dict(s) for s in stories]}))
        sys.stdout.write("\n")
    else:
        sys.stdout.write("\n".join(story_to_text(s) for s in stories))
    return 0


def _output_path(output: str | None, fmt: str | None, inputs: Sequence[Path]) -> tuple[Path, str]:
    """The book's file and format: -o, else the first input's name with the format's extension; refused
    when it is one of `inputs` (the default name is the input's own when the input ends in .epub)."""
    if output == STDIO:
        return Path(STDIO), fmt or "epub"
    if (output is None and not inputs[0].name) or inputs[0].is_dir():
        raise InputError(f"{inputs[0]} is a directory, not a text file")
    path = Path(output) if output is not None else inputs[0].with_suffix(f".{fmt or 'epub'}")
    check_target(path, inputs)
    return path, format_of(path, fmt)


def _write_options(args: argparse.Namespace, style: str = "classic", page_size: str = "A5") -> WriteOptions:
    return WriteOptions(
        style=args.style or style,
        include_notes=not args.no_notes,
        page_size=args.page_size or page_size,
        cover=args.cover,
        pdf_variant=args.pdf_variant,
        jobs=args.jobs,
    )


def _load(sources: list[StorySource], args: argparse.Namespace, reporter: Reporter) -> list[Story]:
    reporter.start(len(sources), "reading stories")
    return load_stories(
        sources,
        skip_bad=args.skip_bad,
        on_loaded=lambda path: reporter.step(f"read {path.name}"),
        on_skipped=lambda path, error: reporter.note(f"ebookify: skipping {path}: {error}"),
        jobs=args.jobs,
    )


def _write(book: Book, output: Path, fmt: str, options: WriteOptions, reporter: Reporter) -> None:
    if str(output) == STDIO:
        _write_to_stdout(book, fmt, options)
        return
    if fmt == "pdf":
        from ebookify.render.pdf import write_pdf

        write_pdf(book, output, options, progress=_layout_progress(reporter))
    else:
        from ebookify.render.epub import write_epub

        write_epub(book, output, options)
    reporter.note(f"wrote {output}")


def _layout_progress(reporter: Reporter) -> Callable[[int, int], None]:
    """The PDF layout as a task of its own: a step for each part laid out (the count is known once the
    book is split into parts)."""
    started = False

    def part_done(done: int, total: int) -> None:
        nonlocal started
        if not started:
            reporter.start(total, "laying out pages")
            started = True
        reporter.step(f"laid out part {done} of {total}")

    return part_done


def _write_to_stdout(book: Book, fmt: str, options: WriteOptions) -> None:
    """`-o -`: the book is written (and checked) as a file first, then copied to stdout, so a failure
    sends nothing down the pipe."""
    import shutil
    import tempfile

    from ebookify.render.epub import write_epub
    from ebookify.render.pdf import write_pdf

    with tempfile.TemporaryDirectory(prefix="ebookify-stdout-") as folder:
        path = Path(folder) / f"book.{fmt}"
        (write_pdf if fmt == "pdf" else write_epub)(book, path, options)
        with path.open("rb") as handle:
            shutil.copyfileobj(handle, sys.stdout.buffer)
        sys.stdout.buffer.flush()


def _check_stdout(targets: Sequence[tuple[Path, str]]) -> None:
    """A book is binary: `-o -` to a terminal would fill it with bytes (pandoc refuses too)."""
    if any(str(target) == STDIO for target, _ in targets) and sys.stdout.isatty():
        raise OptionsError("-o - writes the book to stdout, which is a terminal; redirect it or name a file")


def _check_stdin(inputs: Sequence[Path], output: str | None) -> bool:
    """Whether an input is `-` (stdin): at most one, and the book then needs a name (-o)."""
    dashes = sum(1 for path in inputs if str(path) == STDIO)
    if dashes > 1:
        raise OptionsError("stdin (-) can be given once")
    if dashes and output is None:
        raise OptionsError("the story comes from stdin (-): name the book with -o FILE (or -o - for stdout)")
    return bool(dashes)


def _read_stdin() -> bytes:
    """The story on stdin, read here once, before any worker starts; one byte past the limit, so that an
    endless stream stops with the size error."""
    return sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)


def _clean_metadata_flags(args: argparse.Namespace) -> argparse.Namespace:
    """Metadata flags get the cleanup story text gets (no control characters, ...); an empty one is unset."""
    args.title, args.editor, args.lang = (
        clean_value(value) or None if value else None for value in (args.title, args.editor, args.lang)
    )
    args.author = [author for author in map(clean_value, args.author) if author]
    return args


def run_convert(argv: Sequence[str]) -> int:
    """The default command: read the inputs, write one book."""
    args = _clean_metadata_flags(convert_parser().parse_args(argv))
    inputs = expand_inputs(args.inputs)
    options = _write_options(args)
    from_stdin = _check_stdin(inputs, args.output)
    output, fmt = _output_path(args.output, args.format, [*inputs, *read_files(options.style, options.cover)])
    _check_stdout([(output, fmt)])
    single = len(inputs) == 1
    overrides = StoryOverrides(
        title=args.title if single else None, authors=tuple(args.author) if single else (), language=args.lang
    )
    stdin = _read_stdin() if from_stdin else None
    sources = [
        StorySource(path, _normalize_options(args), overrides, stdin if str(path) == STDIO else None)
        for path in inputs
    ]

    def assemble(stories: list[Story]) -> Book:
        return make_book(
            stories,
            title=args.title,
            authors=args.author,
            editor=args.editor,
            language=args.lang,
            sort=args.sort,
        )

    wanted = not single or fmt == "pdf"
    return _build_and_write(sources, args, options, assemble, [(output, fmt)], wanted=wanted)


def _build_and_write(
    sources: list[StorySource],
    args: argparse.Namespace,
    options: WriteOptions,
    assemble: Callable[[list[Story]], Book],
    targets: list[tuple[Path, str]],
    *,
    wanted: bool,
) -> int:
    """Read the stories (with progress), assemble the book and write it to every target."""
    from ebookify.render.stylesheets import book_style  # the writers' module: `inspect` never needs it

    book_style(
        options.style
    )  # an unknown style, or a refused @import or url(), fails before any story is read
    reporter = make_reporter(sys.stderr, args.quiet, wanted=wanted)
    try:
        book = assemble(_load(sources, args, reporter))
        for output, fmt in targets:
            _write(book, output, fmt, options, reporter)
    finally:
        reporter.close()
    return 0


def run_build(argv: Sequence[str]) -> int:
    """`ebookify build MANIFEST`: an anthology from a TOML manifest."""
    from ebookify.manifest import read_manifest

    args = build_parser().parse_args(argv)
    manifest = read_manifest(Path(args.manifest), allow_outside=args.allow_outside)
    options = _write_options(args, manifest.style, manifest.page_size)
    options = replace(
        options,
        cover=options.cover or (str(manifest.cover) if manifest.cover else None),
        include_notes=options.include_notes and manifest.include_notes,
    )
    normalize = NormalizeOptions(smart_quotes=manifest.smart_quotes)
    sources = [
        StorySource(entry.path, NormalizeOptions(entry.encoding, normalize.smart_quotes), entry.overrides)
        for entry in manifest.stories
    ]

    def assemble(stories: list[Story]) -> Book:
        return make_book(
            stories,
            title=manifest.title,
            authors=manifest.authors,
            editor=manifest.editor,
            language=manifest.language,
            summary=manifest.description,
            series=manifest.series,
            series_index=manifest.series_index,
        )

    read = [manifest.source, *(e.path for e in manifest.stories), *read_files(options.style, options.cover)]
    if args.output:
        targets = [_output_path(args.output, None, read)]
    else:
        targets = [(manifest.output_path(fmt), fmt) for fmt in manifest.formats]
        for target, _ in targets:
            check_target(target, read)
    _check_stdout(targets)
    return _build_and_write(sources, args, options, assemble, targets, wanted=True)
