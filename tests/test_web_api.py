"""The web page's API through Starlette's test client: uploads, edits, switches, builds, every error path,
the Host and Origin checks, the size limits, and the session folders removed."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from ebookify.web import api, books, builds, sessions
from ebookify.web.app import create_app
from ebookify.web.guard import allowed_hosts
from ebookify.web.sessions import SessionStore

ORIGIN = "http://127.0.0.1:8000"
STORY = b"""Title: Test Story
Author: Ann Writer

A/N: Thanks for reading!

She walked into the room. "Hello," she said. He didn't answer.

*What is wrong with him?* she wondered.

She stayed anyway, and it's fine.
"""


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    """Sessions whose folders are made under the test's own folder."""
    return SessionStore(root=tmp_path)


@pytest.fixture
def client(store: SessionStore) -> Iterator[TestClient]:
    """A client of the page at 127.0.0.1:8000 with a session (the page was loaded)."""
    app = create_app(allowed_hosts("127.0.0.1", 8000), store)
    with TestClient(app, base_url=ORIGIN, headers={"origin": ORIGIN}) as test_client:
        assert test_client.get("/").status_code == 200
        yield test_client


def add(client: TestClient, data: bytes = STORY, name: str = "test-story.txt") -> dict[str, Any]:
    """Upload a story; its answer."""
    response = client.post(f"/api/stories?name={name}", content=data)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def error_of(response: Any, status: int) -> str:
    """The one-sentence error of a refused request."""
    assert response.status_code == status, response.text
    message: str = response.json()["error"]
    assert "\n" not in message and "Traceback" not in message
    return message


def wait_for(client: TestClient, build: dict[str, Any]) -> dict[str, Any]:
    """The build's status once it has ended."""
    deadline = time.monotonic() + 120
    status = build
    while status["running"] and time.monotonic() < deadline:
        time.sleep(0.1)
        status = client.get(f"/api/builds/{build['id']}").json()
    return status


def test_page_sets_a_session_cookie_and_a_strict_content_policy(client: TestClient) -> None:
    response = client.get("/")
    assert "ebookify_session" in response.cookies or client.cookies.get("ebookify_session")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert 'src="/static/app.js"' in response.text
    assert client.get("/static/app.js").status_code == 200


def test_upload_reads_the_story_and_explains_its_repairs(client: TestClient) -> None:
    added = add(client)
    assert added["title"] == "Test Story"
    assert [s["name"] for s in added["stories"]] == ["test-story.txt"]
    story = client.get(f"/api/stories/{added['id']}").json()
    assert story["metadata"]["authors"] == ["Ann Writer"]
    assert story["notes"] == [{"where": "before the story", "text": "A/N: Thanks for reading!"}]
    kinds = {e["kind"] for e in story["explanations"]}
    assert {"layout", "why", "quotes"} <= kinds


def test_preview_is_the_books_html_in_the_chosen_style(client: TestClient) -> None:
    story_id = add(client)["id"]
    preview = client.get(f"/preview/{story_id}")
    assert '<i class="thought">What is wrong with him?</i>' in preview.text
    assert "“Hello,” she said" in preview.text
    assert 'class="notes front-notes"' in preview.text
    assert "script" not in preview.headers["content-security-policy"]
    classic = client.get("/book.css").text
    client.put("/api/settings", json={"style": "modern"})
    assert client.get("/book.css").text != classic


def test_switches_change_the_preview(client: TestClient) -> None:
    story_id = add(client)["id"]
    switches = {"include_notes": False, "smart_quotes": False, "thoughts": False}
    settings = client.put("/api/settings", json=switches).json()["settings"]
    assert settings["include_notes"] is False and settings["thoughts"] is False
    preview = client.get(f"/preview/{story_id}").text
    assert "thought" not in preview
    assert "What is wrong with him?" in preview  # the words stay, in roman
    assert "&quot;Hello,&quot; she said" in preview
    assert "notes" not in preview


def test_edits_win_over_the_header(client: TestClient) -> None:
    story_id = add(client)["id"]
    edits = {"title": "A New Name", "authors": "Ann, Bo", "series": "Tales", "series_index": "2"}
    story = client.put(f"/api/stories/{story_id}", json=edits).json()
    assert story["metadata"]["title"] == "A New Name"
    assert story["metadata"]["authors"] == ["Ann", "Bo"]
    assert story["metadata"]["series"] == "Tales" and story["metadata"]["series_index"] == 2.0
    assert "A New Name" in client.get(f"/preview/{story_id}").text
    assert client.get("/api/state").json()["stories"][0]["title"] == "A New Name"


def test_reorder_and_remove(client: TestClient) -> None:
    first, second = add(client)["id"], add(client, name="other.txt")["id"]
    order = client.post("/api/order", json={"ids": [second, first]}).json()
    assert [s["id"] for s in order["stories"]] == [second, first]
    error_of(client.post("/api/order", json={"ids": [second]}), 400)
    error_of(client.post("/api/order", json={"ids": [second, second]}), 400)
    remaining = client.delete(f"/api/stories/{first}").json()["stories"]
    assert [s["id"] for s in remaining] == [second]
    assert "no longer in this session" in error_of(client.get(f"/api/stories/{first}"), 400)


def test_epub_build_and_download(client: TestClient) -> None:
    add(client)
    add(client, name="second.txt")
    client.put("/api/settings", json={"title": "Winter Book", "editor": "Sam"})
    build = client.post("/api/builds", json={"format": "epub"})
    assert build.status_code == 202
    status = wait_for(client, build.json())
    assert status["ready"] and status["error"] is None, status
    download = client.get(status["download"])
    assert download.headers["content-type"] == "application/epub+zip"
    assert "Winter%20Book.epub" in download.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(download.content)) as epub:
        opf = next(name for name in epub.namelist() if name.endswith(".opf"))
        assert "<dc:title" in epub.read(opf).decode() and "Winter Book" in epub.read(opf).decode()


@pytest.mark.slow
def test_pdf_build(client: TestClient) -> None:
    add(client)
    status = wait_for(client, client.post("/api/builds", json={"format": "pdf"}).json())
    assert status["ready"], status
    assert client.get(status["download"]).content.startswith(b"%PDF")
    # The layout process counted its parts for the page's progress bar, and the count came back.
    assert status["total"] > 0 and status["done"] == status["total"], status


def test_the_pdf_part_counter_is_read_whole_or_not_at_all(tmp_path: Path) -> None:
    counter = tmp_path / ".book.pdf.parts"
    assert builds.read_count(counter) is None  # before the first note
    counter.write_text("3 ")
    assert builds.read_count(counter) is None  # half a note is no note
    counter.write_text("3 9")
    assert builds.read_count(counter) == (3, 9)


def test_build_errors(client: TestClient, store: SessionStore) -> None:
    assert "add a story" in error_of(client.post("/api/builds", json={"format": "epub"}), 400)
    add(client)
    assert "epub or pdf" in error_of(client.post("/api/builds", json={"format": "mobi"}), 400)
    error_of(client.get("/api/builds/b999"), 404)
    error_of(client.get("/download/b999"), 404)
    session = next(iter(store.sessions.values()))
    running = builds.BuildJob("b500", "epub", session.folder / "x.epub", "x.epub")
    session.builds["b500"] = running
    assert "being built" in error_of(client.post("/api/builds", json={"format": "epub"}), 409)
    assert "not ready" in error_of(client.get("/download/b500"), 404)


def test_a_failed_build_says_why_in_one_line(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    add(client)

    def broken(*args: object) -> None:
        raise RuntimeError("renderer exploded\nwith a second line")

    monkeypatch.setattr("ebookify.web.builds.write_book", broken)
    status = wait_for(client, client.post("/api/builds", json={"format": "epub"}).json())
    assert status["error"] == "internal error (RuntimeError: renderer exploded with a second line)"


def test_bad_input_is_one_sentence(client: TestClient) -> None:
    assert "is empty" in error_of(client.post("/api/stories?name=e.txt", content=b"  \n"), 400)
    binary = bytes(range(256)) * 64
    error_of(client.post("/api/stories?name=photo.jpg", content=binary), 400)
    assert client.get("/api/state").json()["stories"] == []  # a file that is no story is not kept
    story_id = add(client)["id"]
    assert "valid JSON" in error_of(client.put(f"/api/stories/{story_id}", content=b"{nope"), 400)
    assert "JSON object" in error_of(client.put(f"/api/stories/{story_id}", json=[1]), 400)
    assert "must be text" in error_of(client.put(f"/api/stories/{story_id}", json={"title": 3}), 400)
    series = error_of(client.put(f"/api/stories/{story_id}", json={"series_index": "two"}), 400)
    assert "number" in series
    assert "true or false" in error_of(client.put("/api/settings", json={"thoughts": "yes"}), 400)
    assert "unknown style" in error_of(client.put("/api/settings", json={"style": "gothic"}), 400)
    assert "page size" in error_of(client.put("/api/settings", json={"page_size": "huge"}), 400)
    assert "stylesheet first" in error_of(client.put("/api/settings", json={"style": "uploaded"}), 400)


def test_an_unexpected_failure_is_one_line_not_a_traceback(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise KeyError("oops")

    monkeypatch.setattr(api, "story_summary", broken)
    story_id = add(client)["id"]
    assert error_of(client.get(f"/api/stories/{story_id}"), 500).startswith("internal error (KeyError")


def test_uploaded_stylesheet(client: TestClient) -> None:
    story_id = add(client)["id"]
    assert "UTF-8" in error_of(client.post("/api/style", content=b"\xff\xfe body {}"), 400)
    # It comes alone: an @import or url() of another file (here or elsewhere) is refused at once.
    assert "stand alone" in error_of(
        client.post("/api/style", content=b'@import "https://x.test/a.css";'), 400
    )
    assert "stand alone" in error_of(client.post("/api/style", content=b"p { background: url(a.png) }"), 400)
    state = client.post("/api/style", content=b"p { color: teal; }").json()
    assert state["settings"]["style"] == "uploaded" and state["settings"]["has_uploaded_style"]
    assert client.get("/book.css").text == "p { color: teal; }"
    status = wait_for(client, client.post("/api/builds", json={"format": "epub"}).json())
    assert status["ready"], status
    assert client.get(f"/preview/{story_id}").status_code == 200


def test_size_limits(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    too_large = b"a" * (sessions.MAX_FILE_BYTES + 1)
    assert "32 MiB" in error_of(client.post("/api/stories?name=big.txt", content=too_large), 413)
    monkeypatch.setattr(sessions, "MAX_SESSION_BYTES", len(STORY) + 10)
    add(client)
    assert "total" in error_of(client.post("/api/stories?name=more.txt", content=STORY), 400)
    monkeypatch.setattr(sessions, "MAX_STORIES", 1)
    assert "at most 1" in error_of(client.post("/api/stories?name=more.txt", content=b"x"), 400)
    huge_json = b'{"title": "' + b"a" * 300_000 + b'"}'
    error_of(client.put("/api/settings", content=huge_json), 413)
    assert "longer than" in error_of(client.put("/api/settings", json={"title": "t" * 600}), 400)


def test_names_from_the_browser_are_never_paths(client: TestClient, store: SessionStore) -> None:
    added = add(client, name="..%2F..%2Fetc%2Fpasswd")
    assert added["stories"][0]["name"] == "passwd"
    session = next(iter(store.sessions.values()))
    assert session.stories[0].path.parent == session.folder / "stories"
    assert "nothing at this address" in error_of(client.get("/preview/..%2F..%2Fetc%2Fpasswd"), 404)
    assert "no longer in this session" in error_of(client.get("/preview/..passwd"), 400)
    error_of(client.get("/static/../../../etc/passwd"), 404)
    error_of(client.patch("/api/settings"), 405)


def test_host_header_must_be_the_listening_address(client: TestClient) -> None:
    assert client.get("/", headers={"host": "127.0.0.1:8000"}).status_code == 200
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200
    refused = client.get("/", headers={"host": "attacker.example:8000"})
    assert "address" in error_of(refused, 403)
    error_of(client.get("/api/state", headers={"host": "127.0.0.1:9999"}), 403)


def test_state_changing_requests_need_this_pages_origin(client: TestClient) -> None:
    foreign = {"origin": "http://attacker.example"}
    assert "did not come from" in error_of(
        client.post("/api/stories?name=a.txt", content=STORY, headers=foreign), 403
    )
    error_of(client.put("/api/settings", json={}, headers={"origin": "null"}), 403)
    del client.headers["origin"]
    error_of(client.post("/api/end"), 403)
    assert client.get("/api/state").status_code == 200  # reading needs no Origin


def test_requests_without_a_session(store: SessionStore) -> None:
    app = create_app(allowed_hosts("127.0.0.1", 8000), store)
    with TestClient(app, base_url=ORIGIN, headers={"origin": ORIGIN}) as fresh:
        assert "reload the page" in error_of(fresh.get("/api/state"), 410)
        assert "reload the page" in error_of(fresh.post("/api/stories?name=a.txt", content=STORY), 410)


def test_ending_the_session_removes_its_files(client: TestClient, store: SessionStore) -> None:
    add(client)
    status = wait_for(client, client.post("/api/builds", json={"format": "epub"}).json())
    folder = next(iter(store.sessions.values())).folder
    assert (folder / "books" / status["id"] / "book.epub").exists()
    assert client.post("/api/end").json() == {"ended": True}
    assert not folder.exists()
    error_of(client.get("/api/state"), 410)


def test_idle_sessions_are_removed(client: TestClient, store: SessionStore) -> None:
    add(client)
    session = next(iter(store.sessions.values()))
    assert store.reap() == []
    assert store.reap(now=time.monotonic() + sessions.IDLE_SECONDS + 1) == [session.session_id]
    assert not session.folder.exists()


def test_server_stop_removes_every_session(store: SessionStore, tmp_path: Path) -> None:
    app = create_app(allowed_hosts("127.0.0.1", 8000), store)
    with TestClient(app, base_url=ORIGIN, headers={"origin": ORIGIN}) as one:
        one.get("/")
        add(one)
        assert list(tmp_path.iterdir())
    assert list(tmp_path.iterdir()) == []


def test_preview_of_the_book_lists_its_stories(client: TestClient) -> None:
    add(client)
    add(client, STORY.replace(b"Test Story", b"Second Tale"), "second.txt")
    client.put("/api/settings", json={"title": "Winter Book"})
    page = client.get("/preview/book").text
    assert "Winter Book" in page and "Second Tale" in page


def test_preview_book_needs_a_story(client: TestClient) -> None:
    assert "add a story" in error_of(client.get("/preview/book"), 400)
    assert books.PREVIEW_POLICY.startswith("default-src 'none'")


MANIFEST = b"""title = "Team Book"
editor = "Sam"
series = "Examples"
page_size = "A4"
notes = false

[[stories]]
path = "second.txt"
title = "Second, Renamed"

[[stories]]
path = "first.txt"

[[stories]]
path = "not-dropped.txt"
"""


def test_a_dropped_manifest_orders_and_describes_the_stories(client: TestClient) -> None:
    first, second = add(client, name="first.txt")["id"], add(client, name="second.txt")["id"]
    state = client.post("/api/manifest?name=team.toml", content=MANIFEST).json()
    assert [s["id"] for s in state["stories"]] == [second, first]
    assert state["missing"] == ["not-dropped.txt"]
    settings = state["settings"]
    assert (settings["title"], settings["editor"], settings["page_size"]) == ("Team Book", "Sam", "A4")
    assert settings["include_notes"] is False
    assert client.get(f"/api/stories/{second}").json()["metadata"]["title"] == "Second, Renamed"


def test_a_bad_manifest_is_one_sentence_naming_the_dropped_file(
    client: TestClient, store: SessionStore
) -> None:
    add(client, name="first.txt")
    outside = b'[[stories]]\npath = "../../../etc/passwd"\n'
    message = error_of(client.post("/api/manifest?name=team.toml", content=outside), 400)
    assert message.startswith("team.toml, line 2") and "outside" in message and "ebookify-web" not in message
    typo = error_of(client.post("/api/manifest?name=team.toml", content=b'titel = "x"\n'), 400)
    assert "unknown key 'titel'" in typo
    assert "TOML" in error_of(client.post("/api/manifest?name=t.toml", content=b"[[["), 400)
    folder = next(iter(store.sessions.values())).folder
    assert not list((folder / "manifest").iterdir())  # the manifest's copy is not kept


def test_folders_of_a_killed_server_are_removed_at_the_next_start(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    left = tmp_path / f"{sessions.FOLDER_PREFIX}{dead.pid}-abcd1234"
    (left / "stories").mkdir(parents=True)
    running = tmp_path / f"{sessions.FOLDER_PREFIX}{os.getpid()}-abcd1234"
    running.mkdir()
    SessionStore(root=tmp_path)
    assert not left.exists() and running.exists()
