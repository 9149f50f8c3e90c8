"""The batch's durable state: one SQLite row per input (OUTDIR/.ebookify-batch.sqlite), kept by the client.

A row is written only after its books are on disk, in one transaction, so a batch killed at any moment
resumes with every finished book known and nothing half-recorded."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Container, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ebookify.batch.facts import BookFacts
from ebookify.errors import InputError

STATE_FILE = ".ebookify-batch.sqlite"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS books (
    source TEXT PRIMARY KEY,          -- absolute path, or archive!member
    stem TEXT NOT NULL UNIQUE,        -- output path under OUTDIR without extension
    content_hash TEXT NOT NULL,
    options_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
    error TEXT,
    title TEXT, authors TEXT, language TEXT, summary TEXT, subjects TEXT,
    words INTEGER, chapters INTEGER, repairs TEXT,
    outputs TEXT,                     -- JSON list of files under OUTDIR
    thumbnail TEXT,
    seconds REAL,                     -- the worker's wall time for this story
    cpu_seconds REAL,                 -- the worker's CPU time for it
    attempts INTEGER NOT NULL DEFAULT 1,
    updated TEXT NOT NULL,
    run INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, options_hash TEXT NOT NULL,
    done INTEGER DEFAULT 0, failed INTEGER DEFAULT 0, skipped INTEGER DEFAULT 0, seconds REAL
);
"""


@dataclass(frozen=True)
class BookRow(BookFacts):
    """One input's record: its state, its book's facts and the files written."""

    source: str
    stem: str
    content_hash: str
    options_hash: str
    status: str
    error: str | None = None
    outputs: tuple[str, ...] = ()
    thumbnail: str | None = None
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    attempts: int = 1
    updated: str = ""
    run: int = 0


_COLUMNS = tuple(BookRow.__dataclass_fields__)
_LISTS = {"authors", "subjects", "repairs", "outputs"}


def now_iso() -> str:
    """The current time as an RFC 3339 UTC timestamp (what Atom's <updated> wants)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _row(values: sqlite3.Row) -> BookRow:
    fields = {name: values[name] for name in _COLUMNS}
    for name in _LISTS:
        fields[name] = tuple(json.loads(fields[name] or "[]"))
    fields["words"], fields["chapters"] = fields["words"] or 0, fields["chapters"] or 0
    fields["title"], fields["language"] = fields["title"] or "", fields["language"] or ""
    fields["seconds"], fields["cpu_seconds"] = fields["seconds"] or 0.0, fields["cpu_seconds"] or 0.0
    return BookRow(**fields)


class BatchState:
    """The state database of one OUTDIR."""

    def __init__(self, outdir: Path) -> None:
        self.path = outdir / STATE_FILE
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise InputError(f"cannot open the batch state {self.path}: {exc}") from None
        self.db.row_factory = sqlite3.Row
        # WAL: a crash never corrupts the file; synchronous=NORMAL keeps every commit before a power loss
        # except the last few, which are re-done (their books are simply converted again).
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self._add_missing_columns()
        self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _add_missing_columns(self) -> None:
        """A database of an earlier ebookify gets the columns added since (their values unknown)."""
        present = {row["name"] for row in self.db.execute("PRAGMA table_info(books)")}
        for name in ("cpu_seconds",):
            if name not in present:
                self.db.execute(f"ALTER TABLE books ADD COLUMN {name} REAL")

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def start_run(self, options_hash: str) -> int:
        """Record the start of a run; its number marks the rows it touches."""
        cursor = self.db.execute(
            "INSERT INTO runs (started, options_hash) VALUES (?, ?)", (now_iso(), options_hash)
        )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run: int, done: int, failed: int, skipped: int, seconds: float) -> None:
        """Record how a run ended."""
        self.db.execute(
            "UPDATE runs SET finished=?, done=?, failed=?, skipped=?, seconds=? WHERE id=?",
            (now_iso(), done, failed, skipped, seconds, run),
        )

    def get(self, source: str) -> BookRow | None:
        """The row of `source`, if it was seen before."""
        found = self.db.execute("SELECT * FROM books WHERE source=?", (source,)).fetchone()
        return _row(found) if found else None

    def claim_stem(self, source: str, stem: str, taken: Container[str] = ()) -> str:
        """The output stem for a new input: `stem`, or `stem-2`, `stem-3`... when another input has it
        (in the database, or in `taken`: the stems of books in flight)."""
        candidate, number = stem, 1
        while True:
            found = self.db.execute("SELECT source FROM books WHERE stem=?", (candidate,)).fetchone()
            if (found is None or found["source"] == source) and candidate not in taken:
                return candidate
            number += 1
            candidate = f"{stem}-{number}"

    def save(self, rows: list[BookRow]) -> None:
        """Insert or replace rows in one transaction."""
        names = ", ".join(_COLUMNS)
        marks = ", ".join("?" for _ in _COLUMNS)
        values = [
            tuple(json.dumps(list(getattr(row, n))) if n in _LISTS else getattr(row, n) for n in _COLUMNS)
            for row in rows
        ]
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany(f"INSERT OR REPLACE INTO books ({names}) VALUES ({marks})", values)

    def rows(self, status: str | None = None) -> Iterator[BookRow]:
        """Every row (or those of one status) in output order, read in pages: memory stays flat."""
        last = ""
        while True:
            query = "SELECT * FROM books WHERE stem > ?" + (" AND status = ?" if status else "")
            query += " ORDER BY stem LIMIT 500"
            page = self.db.execute(query, (last, status) if status else (last,)).fetchall()
            if not page:
                return
            for values in page:
                yield _row(values)
            last = page[-1]["stem"]

    def counts(self) -> dict[str, int]:
        """Rows per status."""
        return {
            row["status"]: row["n"]
            for row in self.db.execute("SELECT status, COUNT(*) AS n FROM books GROUP BY status")
        }
