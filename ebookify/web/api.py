"""The JSON endpoints that change a session: stories added, edited, reordered, removed; the switches."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ebookify.errors import OptionsError
from ebookify.render.css_references import check_standalone
from ebookify.render.pdf.geometry import page_geometry
from ebookify.resources import MAX_STYLE_BYTES, builtin_styles
from ebookify.web.manifests import apply_manifest, read_dropped
from ebookify.web.names import upload_name
from ebookify.web.preview import story_summary
from ebookify.web.requests import PageError, bool_field, read_body, read_json, session_of, text_field
from ebookify.web.responses import answers, json_response
from ebookify.web.sessions import MAX_FILE_BYTES, Session
from ebookify.web.stories import ReadingSwitches, StoryEdits, UploadedStory

PAGE_SIZES = ("A5", "A4", "Letter", "6x9")
MAX_MANIFEST_BYTES = 2**20


def session_state(session: Session) -> dict[str, Any]:
    """The stories in order and the book's settings, as the page draws them."""
    settings = session.settings
    return {
        "stories": [
            {"id": s.story_id, "name": s.name, "title": s.title, "size": s.size} for s in session.stories
        ],
        "settings": {
            "title": settings.title,
            "editor": settings.editor,
            "series": settings.series,
            "style": settings.style,
            "page_size": settings.page_size,
            "include_notes": settings.include_notes,
            "smart_quotes": settings.reading.smart_quotes,
            "thoughts": settings.reading.thoughts,
            "has_uploaded_style": session.style_path.exists(),
        },
        "styles": builtin_styles(),
        "page_sizes": list(PAGE_SIZES),
    }


def _edits_dict(story: UploadedStory) -> dict[str, Any]:
    edits = story.edits
    return {
        "title": edits.title,
        "authors": edits.authors,
        "summary": edits.summary,
        "language": edits.language,
        "series": edits.series,
        "series_index": edits.series_index,
    }


async def _story_answer(session: Session, story: UploadedStory) -> Response:
    model = await run_in_threadpool(story.story, session.settings.reading)
    summary = story_summary(model)
    return json_response({"id": story.story_id, "name": story.name, "edits": _edits_dict(story)} | summary)


@answers
async def get_state(request: Request) -> Response:
    """GET /api/state."""
    return json_response(session_state(session_of(request)))


@answers
async def add_story(request: Request) -> Response:
    """POST /api/stories?name=NAME with the file's bytes as the body; the story is read at once."""
    session = session_of(request)
    name = upload_name(request.query_params.get("name", ""))
    data = await read_body(request, MAX_FILE_BYTES, name)
    if not data.strip():
        raise PageError(400, f"{name} is empty")
    story = session.add_story(name, data)
    try:
        model = await run_in_threadpool(story.story, session.settings.reading)
    except BaseException:
        session.remove_story(story.story_id)  # a file that is no story is not kept
        raise
    return json_response({"id": story.story_id, "title": model.metadata.title} | session_state(session))


@answers
async def get_story(request: Request) -> Response:
    """GET /api/stories/ID: what the normalizer read."""
    session = session_of(request)
    return await _story_answer(session, session.find(request.path_params["story_id"]))


def _series_index(values: dict[str, Any]) -> float | None:
    value = values.get("series_index")
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise PageError(400, "the series number must be a number")
    try:
        number = float(value)
    except ValueError:
        raise PageError(400, "the series number must be a number") from None
    if not math.isfinite(number) or number < 0:
        raise PageError(400, "the series number must be a number of 0 or more")
    return number


@answers
async def edit_story(request: Request) -> Response:
    """PUT /api/stories/ID: the user's metadata wins over the header."""
    session = session_of(request)
    story = session.find(request.path_params["story_id"])
    values = await read_json(request)
    story.edits = StoryEdits(
        title=text_field(values, "title", 500),
        authors=text_field(values, "authors", 2000),
        summary=text_field(values, "summary"),
        language=text_field(values, "language", 40),
        series=text_field(values, "series", 500),
        series_index=_series_index(values),
    )
    return await _story_answer(session, story)


@answers
async def remove_story(request: Request) -> Response:
    """DELETE /api/stories/ID."""
    session = session_of(request)
    session.remove_story(request.path_params["story_id"])
    return json_response(session_state(session))


@answers
async def reorder(request: Request) -> Response:
    """POST /api/order with {"ids": [...]}: every story once, in the new order."""
    session = session_of(request)
    ids = (await read_json(request)).get("ids")
    current = {s.story_id: s for s in session.stories}
    if not isinstance(ids, list) or sorted(map(str, ids)) != sorted(current):
        raise PageError(400, "the new order must name every story once; reload the page")
    session.stories = [current[str(i)] for i in ids]
    return json_response(session_state(session))


def _checked_style(session: Session, style: str) -> str:
    if style == "uploaded" and not session.style_path.exists():
        raise PageError(400, "upload a stylesheet first")
    if style != "uploaded" and style not in builtin_styles():
        raise PageError(400, f"unknown style {style!r}")
    return style


@answers
async def change_settings(request: Request) -> Response:
    """PUT /api/settings: the book's title, editor and series, and the switches."""
    session = session_of(request)
    values = await read_json(request)
    settings = session.settings
    page_size = text_field(values, "page_size", 60) or settings.page_size
    page_geometry(page_size)  # an unknown size is the writer's one-line error
    session.settings = replace(
        settings,
        title=text_field(values, "title", 500),
        editor=text_field(values, "editor", 500),
        series=text_field(values, "series", 500),
        style=_checked_style(session, text_field(values, "style", 60) or settings.style),
        page_size=page_size,
        include_notes=bool_field(values, "include_notes", settings.include_notes),
        reading=ReadingSwitches(
            smart_quotes=bool_field(values, "smart_quotes", settings.reading.smart_quotes),
            thoughts=bool_field(values, "thoughts", settings.reading.thoughts),
        ),
    )
    return json_response(session_state(session))


@answers
async def upload_style(request: Request) -> Response:
    """POST /api/style with a .css file's bytes: the book's style from now on."""
    session = session_of(request)
    data = await read_body(request, MAX_STYLE_BYTES, "the stylesheet")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise PageError(400, "the stylesheet is not UTF-8 text") from None
    try:
        check_standalone(text, "the stylesheet")  # it comes alone: no file beside it to import or show
    except OptionsError as error:
        raise PageError(400, str(error)) from None
    session.style_path.write_bytes(data)
    session.settings = replace(session.settings, style="uploaded")
    return json_response(session_state(session))


@answers
async def add_manifest(request: Request) -> Response:
    """POST /api/manifest?name=NAME with a .toml manifest: its book settings, order and story metadata
    applied to the stories on the page it names (by file name)."""
    session = session_of(request)
    name = upload_name(request.query_params.get("name", "")) or "book.toml"
    data = await read_body(request, MAX_MANIFEST_BYTES, name)
    manifest = read_dropped(session, name, data)
    missing = apply_manifest(session, manifest)
    return json_response(session_state(session) | {"missing": missing})
