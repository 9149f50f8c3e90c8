"""The batch's report and catalog, all written atomically from the state.

report.csv has one row per input; index.html is a browsable list of the books and of the failures with their
reasons; the OPDS catalog is written beside them."""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path
from typing import BinaryIO

from ebookify.batch.opds import CATALOG, href, write_catalog
from ebookify.batch.state import BatchState, BookRow
from ebookify.render.files import write_atomically

REPORT_COLUMNS = (
    "source", "status", "error", "title", "authors", "language", "words", "chapters", "repairs",
    "outputs", "seconds", "cpu_seconds", "attempts", "updated",
)  # fmt: skip


def _csv_values(row: BookRow) -> list[str]:
    return [
        row.source,
        row.status,
        row.error or "",
        row.title,
        "; ".join(row.authors),
        row.language,
        str(row.words),
        str(row.chapters),
        "; ".join(row.repairs),
        "; ".join(row.outputs),
        f"{row.seconds:.3f}",
        f"{row.cpu_seconds:.3f}",
        str(row.attempts),
        row.updated,
    ]


def write_csv(state: BatchState, handle: BinaryIO) -> None:
    """Every input's row, failures with their reasons included."""
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(REPORT_COLUMNS)
    for row in state.rows():
        writer.writerow(_csv_values(row))
    text.flush()
    text.detach()


_PAGE_HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:sans-serif;margin:2em auto;max-width:70em;padding:0 1em}}
table{{border-collapse:collapse;width:100%}}td,th{{border-bottom:1px solid #ccc;padding:.3em;text-align:left}}
td.n{{text-align:right}}</style></head><body>
<h1>{title}</h1>
<p>{done} books, {failed} failures. <a href="{catalog}" type="application/atom+xml">OPDS catalog</a>,
<a href="report.csv">report.csv</a>.</p>
"""


def _book_line(row: BookRow) -> str:
    links = " ".join(
        f'<a href="{html.escape(href(name))}">{html.escape(name.rsplit(".", 1)[-1].upper())}</a>'
        for name in row.outputs
    )
    return (
        f"<tr><td>{html.escape(row.title)}</td><td>{html.escape(', '.join(row.authors))}</td>"
        f'<td class="n">{row.words:,}</td><td>{links}</td></tr>\n'
    )


def _failure_line(row: BookRow) -> str:
    return f"<tr><td>{html.escape(row.source)}</td><td>{html.escape(row.error or 'failed')}</td></tr>\n"


def write_index(state: BatchState, handle: BinaryIO, title: str) -> None:
    """The browsable list: books (title, authors, words, links) then failures with their reasons."""
    counts = state.counts()
    head = _PAGE_HEAD.format(
        title=html.escape(title), done=counts.get("done", 0), failed=counts.get("failed", 0), catalog=CATALOG
    )
    handle.write(head.encode("utf-8"))
    handle.write(
        b"<h2>Books</h2>\n<table><tr><th>Title</th><th>Authors</th><th>Words</th><th>Files</th></tr>\n"
    )
    for row in state.rows("done"):
        handle.write(_book_line(row).encode("utf-8"))
    handle.write(b"</table>\n<h2>Failures</h2>\n<table><tr><th>Input</th><th>Reason</th></tr>\n")
    for row in state.rows("failed"):
        handle.write(_failure_line(row).encode("utf-8"))
    handle.write(b"</table>\n</body></html>\n")


def write_reports(state: BatchState, outdir: Path) -> None:
    """report.csv, index.html and catalog.xml (with its pages) from the whole state of OUTDIR."""
    title = f"ebookify: {outdir.resolve().name}"
    write_atomically(outdir / "report.csv", lambda handle: write_csv(state, handle))
    write_atomically(outdir / "index.html", lambda handle: write_index(state, handle, title))
    done = state.counts().get("done", 0)
    write_catalog(state.rows("done"), done, outdir, write_atomically, title)
