"""The endpoints that show and make the book: previews in the book's style, builds and downloads."""

from __future__ import annotations

from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response

from ebookify.book import make_book
from ebookify.model import Book
from ebookify.options import WriteOptions
from ebookify.render.html import attr_text
from ebookify.resources import read_style
from ebookify.web.builds import FORMATS, BuildJob, start_build, with_sources
from ebookify.web.names import book_file_name
from ebookify.web.preview import book_title_html, story_body_html
from ebookify.web.requests import PageError, read_json, session_of
from ebookify.web.responses import answers, json_response
from ebookify.web.sessions import BookSettings, Session
from ebookify.web.stories import UploadedStory

PREVIEW_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'"
"""The preview is the story's text and the book's CSS: no script, nothing from elsewhere."""


def write_options(session: Session) -> WriteOptions:
    """The page's switches as the writers' options."""
    settings = session.settings
    style = str(session.style_path) if settings.style == "uploaded" else settings.style
    return WriteOptions(style=style, include_notes=settings.include_notes, page_size=settings.page_size)


def assemble(uploaded: list[UploadedStory], settings: BookSettings, job: BuildJob | None = None) -> Book:
    """The book from the stories in their order, with the book's title, editor and series; a build's
    `job` counts the stories read."""
    if not uploaded:
        raise PageError(400, "add a story first")
    stories = []
    for number, story in enumerate(uploaded, 1):
        if job is not None:
            job.phase, job.done, job.total = (
                f"reading story {number} of {len(uploaded)}",
                number - 1,
                len(uploaded),
            )
        stories.append(story.story(settings.reading))
    book = make_book(
        stories,
        title=settings.title or None,
        editor=settings.editor or None,
        series=settings.series or None,
    )
    return with_sources(book, [story.path for story in uploaded])


def _document(title: str, body: str, session: Session) -> HTMLResponse:
    size = attr_text(session.settings.page_size.lower())
    page = (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"/>'
        f"<title>{attr_text(title)}</title>"
        f'<link rel="stylesheet" href="/book.css?v={session.counter}"/>'
        '<link rel="stylesheet" href="/static/preview.css"/>'
        f'</head><body class="preview page-{size}">\n{body}\n</body></html>'
    )
    headers = {"content-security-policy": PREVIEW_POLICY, "cache-control": "no-store"}
    return HTMLResponse(page, headers=headers)


@answers
async def preview_story(request: Request) -> Response:
    """GET /preview/ID: the story set as the book sets it, in the chosen style."""
    session = session_of(request)
    story = session.find(request.path_params["story_id"])
    model = await run_in_threadpool(story.story, session.settings.reading)
    return _document(model.metadata.title, story_body_html(model, session.settings.include_notes), session)


@answers
async def preview_book(request: Request) -> Response:
    """GET /preview/book: the anthology's title page (several stories), else the one story's."""
    session = session_of(request)
    book = await run_in_threadpool(assemble, list(session.stories), session.settings)
    if len(book.stories) == 1 and not book.editor:
        body = story_body_html(book.stories[0], session.settings.include_notes)
    else:
        body = book_title_html(book)
    return _document(book.metadata.title, body, session)


@answers
async def book_css(request: Request) -> Response:
    """GET /book.css: the stylesheet the book will use (built-in, or the one uploaded)."""
    session = session_of(request)
    css = await run_in_threadpool(read_style, write_options(session).style)
    return Response(css, media_type="text/css", headers={"cache-control": "no-store"})


@answers
async def build(request: Request) -> Response:
    """POST /api/builds with {"format": "epub" | "pdf"}: starts a build, answered at once."""
    session = session_of(request)
    fmt = (await read_json(request)).get("format")
    if fmt not in FORMATS:
        raise PageError(400, "the format must be epub or pdf")
    if not session.stories:
        raise PageError(400, "add a story first")
    if session.busy():
        raise PageError(409, "a book is being built already; wait for it to finish")
    build_id = session.next_id("b")
    folder = session.folder / "books" / build_id
    folder.mkdir(parents=True)
    title = session.settings.title or (session.stories[0].name if session.stories else "book")
    job = BuildJob(build_id, str(fmt), folder / f"book.{fmt}", book_file_name(Path(title).stem, str(fmt)))
    options = write_options(session)
    session.builds[build_id] = job
    stories, settings = list(session.stories), session.settings  # later edits do not change this build
    start_build(job, lambda: _named(job, assemble(stories, settings, job)), options)
    return json_response(job.status(), 202)


def _named(job: BuildJob, book: Book) -> Book:
    """The download is named after the book's title as finally assembled."""
    job.download_name = book_file_name(book.metadata.title, job.fmt)
    return book


def _job(session: Session, build_id: str) -> BuildJob:
    job = session.builds.get(build_id)
    if job is None:
        raise PageError(404, "no such build in this session")
    return job


@answers
async def build_status(request: Request) -> Response:
    """GET /api/builds/ID: the build's phase, time and outcome."""
    job = _job(session_of(request), request.path_params["build_id"])
    status = job.status()
    return json_response(status | {"download": f"/download/{job.build_id}" if status["ready"] else None})


@answers
async def download(request: Request) -> Response:
    """GET /download/ID: the built book, named after its title."""
    job = _job(session_of(request), request.path_params["build_id"])
    if job.running or job.error is not None or not job.target.exists():
        raise PageError(404, "this book is not ready")
    return FileResponse(job.target, media_type=FORMATS[job.fmt], filename=job.download_name)
