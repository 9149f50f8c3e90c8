"""A dropped manifest (.toml), read in the session folder and applied to the stories by file name.

It is read with the CLI's own reader inside the session folder; its paths are never opened: only names
are matched."""

from __future__ import annotations

from dataclasses import replace

from ebookify.errors import OptionsError
from ebookify.manifest import Manifest, read_manifest
from ebookify.options import StoryOverrides
from ebookify.render.pdf.geometry import page_geometry
from ebookify.resources import builtin_styles
from ebookify.web.sessions import Session
from ebookify.web.stories import ReadingSwitches, StoryEdits


def read_dropped(session: Session, name: str, data: bytes) -> Manifest:
    """Parse the manifest's bytes with `read_manifest`, from a file in an empty folder of the session:
    a path outside that folder is refused, and errors name the file as the user called it."""
    folder = session.folder / "manifest"
    folder.mkdir(exist_ok=True)
    path = folder / "book.toml"
    path.write_bytes(data)
    try:
        manifest = read_manifest(path, allow_outside=False)
        page_geometry(manifest.page_size)
    except OptionsError as error:
        message = str(error).replace(str(path), name).replace(str(folder) + "/", "")
        message = message.replace("; pass --allow-outside if you trust this manifest", "")
        raise OptionsError(message) from None
    finally:
        path.unlink(missing_ok=True)
    return manifest


def _edits(overrides: StoryOverrides, old: StoryEdits) -> StoryEdits:
    return replace(
        old,
        title=overrides.title or old.title,
        authors=", ".join(overrides.authors) or old.authors,
        summary=overrides.summary or old.summary,
        language=overrides.language or old.language,
    )


def apply_manifest(session: Session, manifest: Manifest) -> list[str]:
    """The manifest's book settings, story order and story metadata applied to the stories on the page
    whose file names it lists; the names it lists that are not on the page."""
    by_name = {story.name: story for story in session.stories}
    ordered, missing = [], []
    for entry in manifest.stories:
        story = by_name.pop(entry.path.name, None)
        if story is None:
            missing.append(entry.path.name)
            continue
        story.edits = _edits(entry.overrides, story.edits)
        ordered.append(story)
    # The stories the manifest does not name keep their order, after those it orders.
    session.stories = ordered + [s for s in session.stories if s.name in by_name]
    settings = session.settings
    session.settings = replace(
        settings,
        title=manifest.title,
        editor=manifest.editor or "",
        series=manifest.series or "",
        style=manifest.style if manifest.style in builtin_styles() else settings.style,
        page_size=manifest.page_size,
        include_notes=manifest.include_notes,
        reading=ReadingSwitches(manifest.smart_quotes, settings.reading.thoughts),
    )
    return missing
