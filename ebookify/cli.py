"""Command line: parses flags into options, calls the library, maps EbookifyError to one stderr line."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from ebookify import __version__
from ebookify.book import make_book
from ebookify.errors import EbookifyError, OptionsError
from ebookify.inspect import story_to_dict, story_to_text
from ebookify.model import Story
from ebookify.normalize import load_story
from ebookify.options import NormalizeOptions, StoryOverrides, WriteOptions

log = logging.getLogger("ebookify")

DESCRIPTION = """\
Turn plain-text stories (fan fiction copied from a browser, old text archives, files saved
from Word) into EPUB and PDF books: the text is repaired (encoding, mojibake, paragraphs,
scene breaks, chapters, author's notes, inner-monologue italics, typographic quotes) and
laid out with a metadata cover page and a table of contents.
"""

EPILOG = """\
commands:
  ebookify INPUT...            convert (this is the default command)
  ebookify inspect INPUT...    show what the normalizer understood (--json for tools)

examples:
  ebookify story.txt                      story.epub next to the input
  ebookify story.txt -o story.pdf         a PDF (format from the extension)
  ebookify a.txt b.txt -o winter.epub --title "Winter Collection"
  ebookify inspect story.txt              the text with thoughts and emphasis marked
"""


def _convert_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ebookify",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="plain-text story files (any encoding)")
    parser.add_argument("-o", "--output", help="output file (default: INPUT.epub next to the first input)")
    parser.add_argument(
        "-f", "--format", choices=("epub", "pdf"), help="book format (default: from -o, else epub)"
    )
    parser.add_argument("--title", help="book title (wins over the story's header)")
    parser.add_argument("--author", action="append", default=[], help="author; repeat for several")
    parser.add_argument("--lang", help="language code such as en or fr (default: from the header, else en)")
    parser.add_argument(
        "--style", default="classic", help="built-in style name (classic, modern) or a .css path"
    )
    parser.add_argument("--page-size", default="A5", help="PDF page size: A5, A4, Letter, 6x9 or a CSS size")
    parser.add_argument("--no-notes", action="store_true", help="leave author's notes out of the book")
    parser.add_argument("--cover", metavar="IMAGE", help="your own cover image (default: a generated one)")
    parser.add_argument(
        "--pdf-variant", choices=("pdf/ua-1", "pdf/a-3b"), help="PDF for accessibility or archiving"
    )
    parser.add_argument(
        "-j", "--jobs", type=int, default=0, help="PDF rendering processes (default: CPU cores)"
    )
    _add_normalize_flags(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    parser.add_argument("--version", action="version", version=f"ebookify {__version__}")
    return parser


def _add_normalize_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--encoding", help="read inputs in this encoding instead of detecting it")
    parser.add_argument(
        "--no-smart-quotes", action="store_true", help="keep straight quotes, --, and ... as typed"
    )


def _inspect_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ebookify inspect",
        description="Show the document model the normalizer builds: metadata, notes, chapters, "
        "paragraphs, with thoughts as ⟨…⟩, emphasis as _…_ and strong as **…**.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="plain-text story files")
    parser.add_argument("--json", action="store_true", help="print JSON (the shape tools rely on)")
    _add_normalize_flags(parser)
    return parser


def _normalize_options(args: argparse.Namespace) -> NormalizeOptions:
    return NormalizeOptions(encoding=args.encoding, smart_quotes=not args.no_smart_quotes)


def _load_all(args: argparse.Namespace, overrides: StoryOverrides) -> list[Story]:
    options = _normalize_options(args)
    return [load_story(Path(name), options, overrides) for name in args.inputs]


def run_inspect(argv: Sequence[str]) -> int:
    """`ebookify inspect`: print the model as text or JSON."""
    args = _inspect_parser().parse_args(argv)
    stories = _load_all(args, StoryOverrides())
    if args.json:
        json.dump({"stories": [story_to_dict(s) for s in stories]}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write("\n".join(story_to_text(s) for s in stories))
    return 0


def _output_path(args: argparse.Namespace) -> tuple[Path, str]:
    if args.output:
        output = Path(args.output)
        suffix = output.suffix.lower().lstrip(".")
        fmt = args.format or (suffix if suffix in ("epub", "pdf") else "epub")
        if args.format and suffix in ("epub", "pdf") and suffix != args.format:
            raise OptionsError(f"--format {args.format} does not match the output name {output.name}")
        return output, fmt
    fmt = args.format or "epub"
    return Path(args.inputs[0]).with_suffix(f".{fmt}"), fmt


def run_convert(argv: Sequence[str]) -> int:
    """The default command: read the inputs, write one book."""
    args = _convert_parser().parse_args(argv)
    output, fmt = _output_path(args)
    single = len(args.inputs) == 1
    overrides = StoryOverrides(
        title=args.title if single else None, authors=tuple(args.author) if single else (), language=args.lang
    )
    stories = _load_all(args, overrides)
    book = make_book(stories, title=args.title, authors=args.author, language=args.lang)
    options = WriteOptions(
        style=args.style,
        include_notes=not args.no_notes,
        page_size=args.page_size,
        cover=args.cover,
        pdf_variant=args.pdf_variant,
        jobs=args.jobs,
    )
    if fmt == "pdf":
        from ebookify.render.pdf import write_pdf

        write_pdf(book, output, options)
    else:
        from ebookify.render.epub import write_epub

        write_epub(book, output, options)
    if not args.quiet:
        print(f"wrote {output}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: dispatch to a command; user errors become one line on stderr."""
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="ebookify: %(message)s")
    try:
        if argv and argv[0] == "inspect":
            return run_inspect(argv[1:])
        return run_convert(argv)
    except EbookifyError as error:
        print(f"ebookify: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("ebookify: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
