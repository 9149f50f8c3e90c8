"""The commands' argument parsers: their flags and help, errors as one line with a did-you-mean."""

from __future__ import annotations

import argparse
from typing import NoReturn

from ebookify import __version__
from ebookify.book import SORT_KEYS
from ebookify.errors import OptionsError
from ebookify.options import core_count

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


class CommandParser(argparse.ArgumentParser):
    """argparse with its errors as one line (the README's promise) and a did-you-mean for options."""

    def error(self, message: str) -> NoReturn:
        raise OptionsError(f"{message}{self._suggestion(message)} (see {self.prog} --help)")

    def _suggestion(self, message: str) -> str:
        if not message.startswith("unrecognized arguments:"):
            return ""
        import difflib  # only for a mistyped option: not imported by every run

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


def convert_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
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


def inspect_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="ebookify inspect",
        description="Show the document model the normalizer builds: metadata, notes, chapters and "
        "paragraphs, with thoughts as ⟨…⟩, emphasis as _…_ and strong as **…**.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="plain-text story files")
    parser.add_argument("--json", action="store_true", help="print JSON (the shape tools rely on)")
    _add_normalize_flags(parser)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
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
