"""The web page's small parts: names from the browser, the allowed hosts, thoughts switched off, and
`ebookify serve` without the web extra."""

from __future__ import annotations

import socket
import sys

import pytest

from ebookify.cli import main
from ebookify.model import Chapter, Paragraph, Quote, Span, Story, Verse, VerseLine
from ebookify.model import Metadata as Meta
from ebookify.web.guard import allowed_hosts, refusal
from ebookify.web.names import book_file_name, upload_name
from ebookify.web.preview import notes_list, story_body_html
from ebookify.web.stories import without_thoughts


def test_upload_name_keeps_only_the_last_component() -> None:
    assert upload_name("../../etc/passwd") == "passwd"
    assert upload_name("C:\\Users\\me\\story.txt") == "story.txt"
    assert upload_name("my story.txt") == "my story.txt"  # a plain name is left alone
    assert upload_name("..") == "story.txt"
    assert upload_name("a\u202ebad\x00.txt") != "a\u202ebad\x00.txt"


def test_book_file_name_is_plain() -> None:
    assert book_file_name("Winter: A Book/Two?", "epub") == "Winter A Book Two.epub"
    assert book_file_name("Éte", "pdf") == "Éte.pdf"
    assert book_file_name("///", "pdf") == "book.pdf"


def test_allowed_hosts() -> None:
    assert allowed_hosts("127.0.0.1", 8000) == {"127.0.0.1:8000", "localhost:8000"}
    assert allowed_hosts("192.168.1.5", 80) == {"192.168.1.5:80"}


def _scope(method: str, host: str, origin: str | None = None) -> dict[str, object]:
    headers = [(b"host", host.encode())] + ([(b"origin", origin.encode())] if origin else [])
    return {"type": "http", "method": method, "headers": headers}


def test_refusal() -> None:
    hosts = allowed_hosts("127.0.0.1", 8000)
    assert refusal(_scope("GET", "127.0.0.1:8000"), hosts) is None
    assert refusal(_scope("GET", "rebind.example:8000"), hosts) is not None
    assert refusal(_scope("POST", "127.0.0.1:8000", "http://localhost:8000"), hosts) is None
    assert refusal(_scope("POST", "127.0.0.1:8000"), hosts) is not None
    assert refusal(_scope("DELETE", "127.0.0.1:8000", "https://127.0.0.1:8000"), hosts) is not None


def test_without_thoughts_keeps_the_words_and_other_styles() -> None:
    spans = (Span("Why me?", "thought"), Span(" she asked ", "plain"), Span("loudly", "emphasis"))
    story = Story("s.txt", Meta("T"), (Chapter(None, (Paragraph(spans),), end_notes=(Paragraph(spans),)),))
    plain = without_thoughts(story)
    paragraph = plain.chapters[0].blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert [s.style for s in paragraph.spans] == ["plain", "plain", "emphasis"]
    assert paragraph.text == "Why me? she asked loudly"
    assert plain.chapters[0].end_notes[0] == paragraph


def test_serve_without_the_web_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn now raises ImportError
    assert main(["serve", "--no-browser"]) == 2
    assert capsys.readouterr().err == (
        'ebookify: error: ebookify serve needs the web extra: pip install "ebookify[web]"\n'
    )


def test_serve_refuses_a_bad_port(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", "70000", "--no-browser"]) == 2
    assert "--port" in capsys.readouterr().err


def test_serve_on_a_port_in_use_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port), "--no-browser"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"ebookify: error: cannot listen on 127.0.0.1:{port}: ") and err.count("\n") == 1


def test_without_thoughts_keeps_a_quotes_kind_and_a_lines_indent() -> None:
    line = VerseLine((Span("I wonder", "thought"),), indent=2)
    quote = Quote((Paragraph((Span("Mum: where are you?", "plain"),)), Verse((line,))), kind="message")
    story = Story("s.txt", Meta("T"), (Chapter(None, (quote,)),))
    kept = without_thoughts(story).chapters[0].blocks[0]
    assert isinstance(kept, Quote) and kept.kind == "message"
    verse = kept.blocks[1]
    assert isinstance(verse, Verse) and verse.lines[0].indent == 2
    assert verse.lines[0].spans[0].style == "plain"


def test_the_preview_of_a_long_story_stops_after_its_limit() -> None:
    chapters = tuple(Chapter(f"Chapter {n}", (Paragraph((Span("word " * 200),)),)) for n in range(1, 11))
    story = Story("s.txt", Meta("Long"), chapters)
    short = story_body_html(story, include_notes=True, limit=2500)
    assert "Chapter 2" in short and "Chapter 4" not in short
    assert "The preview stops here: 7 more chapters are in the book." in short
    whole = story_body_html(story, include_notes=True)
    assert "Chapter 10" in whole and "preview stops" not in whole


def test_notes_list_says_where_each_note_was_found() -> None:
    note = Paragraph((Span("Thanks to my beta, who read this " + "very " * 60 + "closely.", "plain"),))
    chapter = Chapter("The Start", (Paragraph((Span("Text.", "plain"),)),), end_notes=(note,))
    notes = notes_list(Story("s.txt", Meta("T"), (chapter,)))
    assert [n["where"] for n in notes] == ["end of The Start"]
    assert len(notes[0]["text"]) == 200 and notes[0]["text"].endswith("…")
    assert notes_list(Story("s.txt", Meta("T"), (Chapter(None, (note,)),))) == []  # text is no note
