"""Sessions: each browser's stories, switches and builds, in a temporary folder of its own.

The folder is removed when the session ends, after an idle timeout, or when the server stops."""

from __future__ import annotations

import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ebookify.errors import InputError
from ebookify.leftovers import folder_prefix, remove_leftovers
from ebookify.normalize.pipeline import MAX_INPUT_BYTES
from ebookify.web.builds import BuildJob
from ebookify.web.stories import ReadingSwitches, UploadedStory

MAX_FILE_BYTES = MAX_INPUT_BYTES
"""The largest story accepted: the CLI's limit (32 MiB)."""
MAX_SESSION_BYTES = 128 * 2**20
"""All the stories of one session together (four stories at the file limit)."""
MAX_STORIES = 200
IDLE_SECONDS = 30 * 60
"""A session nobody used for this long is ended and its folder removed."""
FOLDER_PREFIX = "ebookify-web-"


@dataclass
class BookSettings:
    """The book's own metadata and the switches of the page."""

    title: str = ""
    editor: str = ""
    series: str = ""
    style: str = "classic"
    """classic, modern, or "uploaded" (the session's style.css)."""
    page_size: str = "A5"
    include_notes: bool = True
    reading: ReadingSwitches = field(default_factory=ReadingSwitches)


@dataclass
class Session:
    """One browser's work: stories in order, settings, builds, and the folder that holds their files."""

    session_id: str
    folder: Path
    stories: list[UploadedStory] = field(default_factory=list)
    settings: BookSettings = field(default_factory=BookSettings)
    builds: dict[str, BuildJob] = field(default_factory=dict)
    last_used: float = field(default_factory=time.monotonic)
    lock: threading.Lock = field(default_factory=threading.Lock)
    counter: int = 0

    @property
    def style_path(self) -> Path:
        """Where an uploaded stylesheet is kept."""
        return self.folder / "style.css"

    def next_id(self, prefix: str) -> str:
        """A new id for a story or a build, unique within the session."""
        self.counter += 1
        return f"{prefix}{self.counter}"

    def find(self, story_id: str) -> UploadedStory:
        """The story with this id; an unknown id is a one-line error."""
        for story in self.stories:
            if story.story_id == story_id:
                return story
        raise InputError("that story is no longer in this session; reload the page")

    def stored_bytes(self) -> int:
        """The bytes of every story kept."""
        return sum(story.size for story in self.stories)

    def add_story(self, name: str, data: bytes) -> UploadedStory:
        """Keep an uploaded story in the session folder, within the limits."""
        if len(self.stories) >= MAX_STORIES:
            raise InputError(f"a session holds at most {MAX_STORIES} stories")
        if self.stored_bytes() + len(data) > MAX_SESSION_BYTES:
            raise InputError(
                f"{name} does not fit: the stories of one session may total {MAX_SESSION_BYTES // 2**20} MiB"
            )
        story_id = self.next_id("s")
        path = self.folder / "stories" / f"{story_id}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        story = UploadedStory(story_id, name, path, len(data))
        self.stories.append(story)
        return story

    def remove_story(self, story_id: str) -> None:
        """Forget a story and delete its file."""
        story = self.find(story_id)
        self.stories.remove(story)
        story.path.unlink(missing_ok=True)

    def busy(self) -> bool:
        """Whether a build is running (the session is not idle then)."""
        return any(job.running for job in self.builds.values())


class SessionStore:
    """Every live session, by the random id in its cookie."""

    def __init__(self, idle_seconds: float = IDLE_SECONDS, root: Path | None = None) -> None:
        self.idle_seconds = idle_seconds
        self.root = root
        # A server that was killed (SIGKILL, a power loss) could not remove its sessions' folders.
        remove_leftovers(Path(root or tempfile.gettempdir()), FOLDER_PREFIX, folders=True)
        self.sessions: dict[str, Session] = {}
        self.lock = threading.Lock()

    def create(self) -> Session:
        """A new session with an empty temporary folder."""
        session_id = secrets.token_urlsafe(32)
        folder = Path(tempfile.mkdtemp(prefix=folder_prefix(FOLDER_PREFIX), dir=self.root))
        session = Session(session_id, folder)
        with self.lock:
            self.sessions[session_id] = session
        return session

    def get(self, session_id: str | None) -> Session | None:
        """The live session with this id (None for no id, an unknown one or one that has ended)."""
        with self.lock:
            session = self.sessions.get(session_id or "")
        if session is not None:
            session.last_used = time.monotonic()
        return session

    def end(self, session_id: str) -> bool:
        """End a session: its folder and everything in it is removed."""
        with self.lock:
            session = self.sessions.pop(session_id, None)
        if session is None:
            return False
        shutil.rmtree(session.folder, ignore_errors=True)
        return True

    def reap(self, now: float | None = None) -> list[str]:
        """End the sessions idle for longer than the timeout; their ids."""
        now = time.monotonic() if now is None else now
        with self.lock:
            idle = [
                sid
                for sid, s in self.sessions.items()
                if now - s.last_used > self.idle_seconds and not s.busy()
            ]
        for session_id in idle:
            self.end(session_id)
        return idle

    def end_all(self) -> None:
        """End every session (the server stops)."""
        for session_id in list(self.sessions):
            self.end(session_id)
