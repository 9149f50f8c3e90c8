"""`ebookify batch SRC... -o OUTDIR`: flags to BatchOptions, the run, the summary table, the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ebookify.batch.plan import BatchOptions
from ebookify.batch.progress import make_progress
from ebookify.batch.runner import BatchSummary, run_batch
from ebookify.errors import OptionsError
from ebookify.options import NormalizeOptions, WriteOptions


def batch_parser() -> argparse.ArgumentParser:
    """The flags of `ebookify batch`; errors are one line, as for every command (CommandParser)."""
    from ebookify.cli_parsers import CommandParser

    parser = CommandParser(
        prog="ebookify batch",
        description="Convert a whole archive, each story its own book, into OUTDIR (mirroring the input "
        "tree), with report.csv, index.html and an OPDS catalog (catalog.xml). Resumable: a re-run converts "
        "only what is new or changed; a failed story is recorded and the batch goes on.",
        epilog="examples:\n  ebookify batch stories/ -o books/\n"
        "  ebookify batch fics.zip more.tar.gz --format epub,pdf -o library/\n"
        "  ebookify batch archive/ --glob '*.text' --scheduler tcp://head:8786 -o books/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("sources", nargs="+", metavar="SRC", help="story files, folders, .zip or .tar.gz")
    parser.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="folder for the books")
    parser.add_argument("--glob", default="*.txt", help="file names to take in folders and archives")
    parser.add_argument("-f", "--format", default="epub", help="epub, pdf or epub,pdf (default epub)")
    parser.add_argument("--style", default="classic", help="built-in style (classic, modern) or a .css path")
    parser.add_argument("--page-size", default="A5", help="PDF page size: A5, A4, Letter, 6x9 or CSS")
    parser.add_argument("--no-notes", action="store_true", help="leave author's notes out of the books")
    parser.add_argument("--cover", metavar="IMAGE", help="one cover image for every book")
    parser.add_argument("--pdf-variant", choices=("pdf/ua-1", "pdf/a-3b"), help="PDF for accessibility")
    parser.add_argument("--encoding", help="read inputs in this encoding instead of detecting it")
    parser.add_argument("--no-smart-quotes", action="store_true", help="keep straight quotes as typed")
    parser.add_argument("-j", "--jobs", type=int, default=0, help="local processes (default: one per core)")
    parser.add_argument(
        "--scheduler",
        default=os.environ.get("DASK_SCHEDULER_ADDRESS"),
        metavar="ADDRESS",
        help="run on a Dask cluster (tcp://HOST:8786; default $DASK_SCHEDULER_ADDRESS)",
    )
    parser.add_argument("--retry-failed", action="store_true", help="convert again what failed before")
    parser.add_argument("--max-failures", type=int, default=0, metavar="N", help="stop after N failures")
    parser.add_argument("--chunk", type=int, default=8, metavar="N", help="stories per task (default 8)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    return parser


def batch_options(args: argparse.Namespace) -> BatchOptions:
    """The options record of the parsed flags."""
    formats = tuple(dict.fromkeys(f.strip().lower() for f in args.format.split(",") if f.strip()))
    if args.jobs < 0 or args.max_failures < 0 or args.chunk < 1:
        raise OptionsError("--jobs and --max-failures must be 0 or more, --chunk 1 or more")
    write = WriteOptions(
        style=args.style,
        include_notes=not args.no_notes,
        cover=args.cover,
        page_size=args.page_size,
        pdf_variant=args.pdf_variant,
    )
    return BatchOptions(
        sources=tuple(Path(s) for s in args.sources),
        outdir=Path(args.output),
        pattern=args.glob,
        formats=formats,
        normalize=NormalizeOptions(encoding=args.encoding, smart_quotes=not args.no_smart_quotes),
        write=write,
        jobs=args.jobs,
        scheduler=args.scheduler or None,
        retry_failed=args.retry_failed,
        max_failures=args.max_failures,
        chunk_stories=args.chunk,
    )


def print_summary(summary: BatchSummary, outdir: Path, stream: TextIO) -> None:
    """The table at the end: counts, time, rate, the failures with their reasons, where the report is."""
    converted = summary.done + summary.failed
    rate = converted / summary.seconds if summary.seconds > 0 else 0.0
    rows = [
        ("converted", f"{summary.done}"),
        ("failed", f"{summary.failed}"),
        ("skipped (unchanged)", f"{summary.skipped}"),
        ("time", f"{summary.seconds:.1f} s ({rate:.1f} stories/s)"),
    ]
    width = max(len(name) for name, _ in rows)
    stream.write("".join(f"{name:<{width}}  {value}\n" for name, value in rows))
    if summary.kept_failures:
        kept = summary.kept_failures
        stream.write(f"{kept} inputs failed in an earlier run and were not retried (--retry-failed)\n")
    if summary.stopped:
        stream.write("stopped early: --max-failures reached\n")
    for source, error in summary.failures:
        stream.write(f"failed: {source}: {error}\n")
    total = summary.failed + summary.kept_failures
    if total > len(summary.failures):
        stream.write(f"... and {total - len(summary.failures)} more failures\n")
    reports = ", ".join(str(outdir / name) for name in ("report.csv", "index.html", "catalog.xml"))
    stream.write(f"reports: {reports}\n")


def run_batch_command(argv: Sequence[str]) -> int:
    """`ebookify batch`: 0 when every input has its books, 1 when some failed."""
    args = batch_parser().parse_args(argv)
    options = batch_options(args)
    progress = make_progress(sys.stderr, args.quiet)
    try:
        summary = run_batch(options, progress)
    finally:
        progress.close()
    if not args.quiet or not summary.ok:
        print_summary(summary, options.outdir, sys.stdout)
    return 0 if summary.ok else 1
