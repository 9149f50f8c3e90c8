"""The batch's parts alone: output names, archives, the state, the feed's pages, the task's isolation."""

from __future__ import annotations

import io
import sqlite3
import tarfile
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ebookify.batch import opds
from ebookify.batch.sources import count_inputs, discover_inputs, safe_stem
from ebookify.batch.state import BatchState, BookRow
from ebookify.batch.task import REPORT_LINE, StoryJob, TaskSettings, convert_stories, report_line
from ebookify.options import NormalizeOptions, WriteOptions
from tests.batch_helpers import story_text


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("a/b/story.txt", "a/b/story"),
        ("../../etc/passwd.txt", "etc/passwd"),
        ("/abs/x.txt", "abs/x"),
        ("C:\\dir\\y.txt", "C:/dir/y"),
        (".hidden/.z.txt", "hidden/z"),
        ("", "story"),
        ("no-suffix", "no-suffix"),
    ],
)
def test_safe_stem_stays_inside_outdir(name: str, stem: str) -> None:
    assert safe_stem(name) == stem


def test_discovery_reads_folders_zip_and_tar_in_a_stable_order(tmp_path: Path) -> None:
    folder = tmp_path / "src"
    (folder / "b").mkdir(parents=True)
    (folder / "b" / "two.txt").write_text("two", encoding="utf-8")
    (folder / "one.txt").write_text("one", encoding="utf-8")
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (folder / "skip.md").write_text("md", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "z.zip", "w") as archive:
        archive.writestr("in/zip.txt", "zipped")
        archive.writestr("in/zip.md", "not matched")
    with tarfile.open(tmp_path / "t.tar.gz", "w:gz") as archive:
        data = b"tarred"
        info = tarfile.TarInfo("deep/tar.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("deep/link.txt")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(link)
    sources = [folder, tmp_path / "z.zip", tmp_path / "t.tar.gz"]
    found = list(discover_inputs(sources))
    assert [(f.stem, f.data) for f in found] == [
        ("one", b"one"),  # a folder's files, then its subfolders'
        ("b/two", b"two"),
        ("z/in/zip", b"zipped"),
        ("t/deep/tar", b"tarred"),
    ]
    assert found[2].source == f"{(tmp_path / 'z.zip').absolute()}!in/zip.txt"
    assert count_inputs(sources) == 4
    assert [f.stem for f in discover_inputs([folder], "*.md")] == ["skip"]


def test_discovery_leaves_out_the_output_folder(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "old.txt").write_text("an output folder's file", encoding="utf-8")
    (tmp_path / "story.txt").write_text("story", encoding="utf-8")
    assert [f.stem for f in discover_inputs([tmp_path], exclude=tmp_path / "out")] == ["story"]
    assert [f.stem for f in discover_inputs([tmp_path])] == ["story", "out/old"]


def test_a_zip_member_declaring_more_than_the_limit_is_refused_unread(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "bomb.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.txt", b"\0" * (33 * 2**20))
    (found,) = discover_inputs([tmp_path / "bomb.zip"])
    assert found.data == b"" and found.error and "too large" in found.error


def _row(source: str, stem: str, status: str = "done") -> BookRow:
    return BookRow(
        source, stem, "c", "o", status, title=stem, outputs=(f"{stem}.epub",), updated="2026-01-01T00:00:00Z"
    )


def test_state_keeps_rows_and_gives_each_input_its_own_name(tmp_path: Path) -> None:
    state = BatchState(tmp_path)
    state.save([_row("/a/x.txt", "x"), _row("/b/y.txt", "y", "failed")])
    assert state.claim_stem("/a/x.txt", "x") == "x"  # its own name again
    assert state.claim_stem("/c/x.txt", "x") == "x-2"  # another input with the same name
    assert state.claim_stem("/c/x.txt", "x", taken={"x-2"}) == "x-3"  # a book in flight has x-2
    assert [r.stem for r in state.rows("done")] == ["x"]
    assert state.counts() == {"done": 1, "failed": 1}
    state.close()
    reopened = BatchState(tmp_path)
    row = reopened.get("/b/y.txt")
    assert row is not None and row.outputs == ("y.epub",)
    reopened.close()


def test_state_pages_through_many_rows(tmp_path: Path) -> None:
    state = BatchState(tmp_path)
    state.save([_row(f"/s/{n}", f"s{n:04d}") for n in range(1234)])
    assert len(list(state.rows())) == 1234
    state.close()


def test_the_feed_is_paged_with_typed_next_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(opds, "PAGE_SIZE", 2)
    written: dict[str, bytes] = {}
    rows = iter([_row(f"/s/{n}", f"book {n}") for n in range(5)])
    names = opds.write_catalog(rows, 5, tmp_path, lambda path, data: written.update({path.name: data}))
    assert names == ["catalog.xml", "catalog-2.xml", "catalog-3.xml"]
    first = etree.fromstring(written["catalog.xml"])
    links = {link.get("rel"): link for link in first.iter(f"{{{opds.ATOM}}}link")}
    assert links["next"].get("href") == "catalog-2.xml" and links["next"].get("type") == opds.FEED_TYPE
    hrefs = [
        link.get("href") for link in first.iter(f"{{{opds.ATOM}}}link") if link.get("rel") == opds.ACQUISITION
    ]
    assert hrefs == ["book%200.epub", "book%201.epub"]  # a space in a name is escaped
    last = etree.fromstring(written["catalog-3.xml"])
    assert "next" not in {link.get("rel") for link in last.iter(f"{{{opds.ATOM}}}link")}


def test_one_bad_story_does_not_spoil_its_chunk() -> None:
    settings = TaskSettings(NormalizeOptions(), WriteOptions(), ("epub",))
    jobs = [
        StoryJob("a", "a.txt", story_text(1).encode()),
        StoryJob("b", "b.txt", b""),
        StoryJob("c", "c.txt", b"x"),
    ]
    results = convert_stories(jobs, settings)
    assert [r.ok for r in results] == [True, False, True]
    assert results[0].title == "Story Number 1" and results[0].chapters == 2 and results[0].words > 50
    assert results[0].books[0][1].startswith(b"PK") and results[0].thumbnail
    assert results[1].error and "\n" not in results[1].error


def test_a_state_of_an_earlier_version_gets_the_new_columns(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / ".ebookify-batch.sqlite") as db:
        columns = (
            "source TEXT PRIMARY KEY, stem TEXT NOT NULL UNIQUE, content_hash TEXT, options_hash TEXT, "
            "status TEXT, error TEXT, title TEXT, authors TEXT, language TEXT, summary TEXT, subjects TEXT, "
            "words INTEGER, chapters INTEGER, repairs TEXT, outputs TEXT, thumbnail TEXT, seconds REAL, "
            "attempts INTEGER, updated TEXT, run INTEGER"
        )
        db.execute(f"CREATE TABLE books ({columns})")  # the first release's table, without cpu_seconds
    state = BatchState(tmp_path)
    state.save([_row("/a/x.txt", "x")])
    row = state.get("/a/x.txt")
    assert row is not None and row.cpu_seconds == 0.0
    state.close()


def test_an_error_in_the_report_is_one_line_of_the_reports_width() -> None:
    assert report_line("a\n  b\tc") == "a b c"
    assert len(report_line("x" * 10_000)) == REPORT_LINE
    assert report_line("x" * REPORT_LINE) == "x" * REPORT_LINE  # leave alone: exactly at the width
