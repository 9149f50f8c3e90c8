"""Command line: parses flags into options, calls the library, maps EbookifyError to one stderr line."""

from __future__ import annotations

import argparse
import contextlib
import difflib
import glob
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import NoReturn

from ebookify import __version__
from ebookify.book import SORT_KEYS, StorySource, load_stories, make_book
from ebookify.errors import EbookifyError, InputError, OptionsError
from ebookify.inspect import story_to_dict, story_to_text
from ebookify.jsontext import dumps_indented
from ebookify.model import Book, Story
from ebookify.normalize import load_story
from ebookify.normalize.decode.cleanup import clean_value
from ebookify.normalize.pipeline import MAX_INPUT_BYTES
from ebookify.options import NormalizeOptions, StoryOverrides, WriteOptions, check_encoding, core_count
from ebookify.progress import Reporter, make_reporter
from ebookify.render.stylesheets import book_style
from ebookify.targets import NAME_MAX, check_target, format_of, name_too_long, read_files

log = logging.getLogger("ebookify")

DESCRIPTION = """\
Turn plain-text stories (fan fiction copied from a browser, old text archives, files saved
from Word) into EPUB and PDF books: the text is repaired (encoding, mojibake, paragraphs,
scene breaks, chapters, author's notes, inner-monologue italics, typographic quotes) and
laid out with a metadata cover page and a table of contents.
"""

EPILOG = """\
commands:
  ebookify INPUT...              convert (the default command); several inputs make an anthology
  ebookify inspect INPUT...      show what the normalizer understood (--json for tools)
  ebookify build MANIFEST.toml   build an anthology described by a manifest (see README)
  ebookify batch SRC... -o DIR   convert a whole archive, one book per story (resumable; see --help)
  ebookify serve                 a page in your browser to drop stories in, fix them and build the book

examples:
  ebookify story.txt                      story.epub next to the input
  ebookify story.txt -o story.pdf         a PDF (format from the extension)
  ebookify a.txt b.txt -o winter.epub --title "Winter Collection" --editor "Sam"
  ebookify 'stories/*.txt' --sort title -o all.epub
  ebookify inspect story.txt              the text with thoughts and emphasis marked
"""


COMMANDS = ("inspect", "build", "batch", "serve")
STDIO = "-"
"""As an input, the story is read from stdin; as -o, the book is written to stdout."""


class _Parser(argparse.ArgumentParser):
    """argparse with its errors as one line (the README's promise) and a did-you-mean for options."""

    def error(self, message: str) -> NoReturn:
        raise OptionsError(f"{message}{self._suggestion(message)} (see {self.prog} --help)")

    def _suggestion(self, message: str) -> str:
        if not message.startswith("unrecognized arguments:"):
            return ""
        known = [option for action in self._actions for option in action.option_strings]
        for word in message.split(":", 1)[1].split():
            option = word.split("=", 1)[0]
            if option.startswith("-"):
                close = difflib.get_close_matches(option, known, n=1, cutoff=0.6)
                if close:
                    return f"; did you mean {close[0]}?"
        return ""


def _jobs(value: str) -> int:
    """--jobs: 0 (one process per core) or a positive count; never more processes than cores."""
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per core) or a positive number")
    return min(jobs, core_count())


def _add_normalize_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--encoding", help="read inputs in this encoding instead of detecting it")
    parser.add_argument(
        "--no-smart-quotes", action="store_true", help="keep straight quotes, --, and ... as typed"
    )


def _add_output_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--style", default=None, help="built-in style (classic, modern) or a .css path")
    parser.add_argument(
        "--page-size", default=None, help="PDF page size: A5 (default), A4, Letter, 6x9 or CSS"
    )
    parser.add_argument("--no-notes", action="store_true", help="leave author's notes out of the book")
    parser.add_argument("--cover", metavar="IMAGE", help="your own cover image (default: a generated one)")
    parser.add_argument(
        "--pdf-variant", choices=("pdf/ua-1", "pdf/a-3b"), help="PDF for accessibility or archiving"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        help="processes for reading many stories and laying out PDFs (default and most: one per CPU core)",
    )
    parser.add_argument(
        "--skip-bad", action="store_true", help="leave out stories that cannot be read, and say so"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")


def _convert_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ebookify",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="plain-text story files (any encoding; globs work; - reads stdin)",
    )
    parser.add_argument(
        "-o", "--output", help="output file (default: INPUT.epub next to the first input; - is stdout)"
    )
    parser.add_argument(
        "-f", "--format", choices=("epub", "pdf"), help="book format (default: from -o, else epub)"
    )
    parser.add_argument("--title", help="book title (wins over the story's header)")
    parser.add_argument("--author", action="append", default=[], help="author; repeat for several")
    parser.add_argument("--editor", help="the anthology's editor or compiler")
    parser.add_argument("--lang", help="language code such as en or fr (default: from the header, else en)")
    parser.add_argument(
        "--sort", choices=sorted(SORT_KEYS), help="order an anthology's stories (default: as given)"
    )
    _add_output_flags(parser)
    _add_normalize_flags(parser)
    parser.add_argument("--version", action="version", version=f"ebookify {__version__}")
    return parser


def _inspect_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ebookify inspect",
        description="Show the document model the normalizer builds: metadata, notes, chapters and "
        "paragraphs, with thoughts as ⟨…⟩, emphasis as _…_ and strong as **…**.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="plain-text story files")
    parser.add_argument("--json", action="store_true", help="print JSON (the shape tools rely on)")
    _add_normalize_flags(parser)
    return parser


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ebookify build",
        description="Build an anthology from a TOML manifest: the book's title, editor, description, "
        "language, series, style, cover and formats, and an ordered list of [[stories]] with optional "
        "metadata overrides. Flags given here win over the manifest.",
        epilog="example: ebookify build examples/anthology.toml",
    )
    parser.add_argument("manifest", metavar="MANIFEST.toml")
    parser.add_argument("-o", "--output", help="output file (one format) instead of the manifest's output")
    parser.add_argument(
        "--allow-outside",
        action="store_true",
        help="let the manifest name files outside its folder (only for a manifest you trust)",
    )
    _add_output_flags(parser)
    return parser


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
    args = _inspect_parser().parse_args(argv)
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
    args = _clean_metadata_flags(_convert_parser().parse_args(argv))
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

    args = _build_parser().parse_args(argv)
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


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived: unwound like Ctrl-C, so temporary files go and workers are stopped."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _StopHandler:
    """The SIGTERM/SIGHUP handler of one run: the first signal raises Stopped, later ones are ignored
    while the cleanup goes on, and a forked worker that has not yet reset its handlers just exits."""

    def __init__(self) -> None:
        self.pid, self.stopping = os.getpid(), False

    def __call__(self, signum: int, frame: object) -> None:
        if os.getpid() != self.pid:
            os._exit(128 + signum)  # a worker between fork and its initializer (workers.die_with_parent)
        if not self.stopping:
            self.stopping = True
            raise Stopped(signum)


_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextlib.contextmanager
def _stop_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP stop a build as SIGINT does (their default action killed this process at once,
    leaving the workers running and the temporary files behind); the old handlers come back after."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    previous = {signum: signal.getsignal(signum) for signum in _STOP_SIGNALS}
    handler = _StopHandler()
    for signum in _STOP_SIGNALS:
        signal.signal(signum, handler)
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: dispatch to a command; user errors become one line on stderr."""
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="ebookify: %(message)s")
    with _stop_signals():
        return _dispatch(argv)


def _dispatch(argv: list[str]) -> int:
    try:
        if argv and argv[0] == COMMANDS[0]:
            return run_inspect(argv[1:])
        if argv and argv[0] == COMMANDS[1]:
            return run_build(argv[1:])
        if argv and argv[0] == "batch":
            from ebookify.batch.cli import run_batch_command

            return run_batch_command(argv[1:])
        if argv and argv[0] == "serve":
            from ebookify.web.command import run_serve

            return run_serve(argv[1:])
        _check_command(argv)
        return run_convert(argv)
    except EbookifyError as error:
        print(f"ebookify: error: {one_line(str(error))}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt as interrupt:
        signum = interrupt.signum if isinstance(interrupt, Stopped) else signal.SIGINT
        name = signal.Signals(signum).name
        print(f"ebookify: interrupted{'' if name == 'SIGINT' else f' ({name})'}", file=sys.stderr)
        return 128 + signum  # the shell's convention: 130 for Ctrl-C, 143 for SIGTERM
    except BrokenPipeError:
        return 0
    except MemoryError:
        print("ebookify: error: out of memory (see 'Hardening and limits' in the README)", file=sys.stderr)
        return INTERNAL_ERROR_EXIT
    except Exception as error:  # a bug: the user gets one line, EBOOKIFY_DEBUG=1 shows the traceback
        if os.environ.get("EBOOKIFY_DEBUG"):
            raise
        detail = one_line(f"{type(error).__name__}: {error}")
        print(f"ebookify: error: internal error ({detail}); please report it", file=sys.stderr)
        return INTERNAL_ERROR_EXIT


def _check_command(argv: Sequence[str]) -> None:
    """A first word that is no file but close to a command (`ebookify buidl x.toml`) is a typo of it."""
    first = argv[0] if argv else ""
    if not first or first.startswith("-") or "." in first or "/" in first or Path(first).exists():
        return
    close = difflib.get_close_matches(first, COMMANDS, n=1, cutoff=0.6)
    if close:
        raise OptionsError(f"no command or file {first!r}; did you mean 'ebookify {close[0]}'?")


INTERNAL_ERROR_EXIT = 70
"""Exit code of an unexpected failure (EX_SOFTWARE); user errors use 1 to 3 (see ebookify.errors)."""


def one_line(message: str, limit: int = 500) -> str:
    """A message as one bounded line: a multi-line library message must not look like a traceback."""
    text = " ".join(message.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
