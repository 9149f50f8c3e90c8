"""The PDF renderer's only way to fetch resources: it serves our packaged files and refuses the rest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from weasyprint.urls import URLFetcher, URLFetcherResponse


class ResourceRefusedError(ValueError):
    """A resource outside the allowed set was requested (logged by WeasyPrint as a problem)."""


class DenyAllFetcher(URLFetcher):  # type: ignore[misc]
    """Serves only explicitly allowed local files (packaged fonts, the user's cover); no network."""

    def __init__(self, allowed_files: tuple[Path, ...] = ()) -> None:
        super().__init__(allowed_protocols=("file",))
        self._allowed = {p.resolve(): p for p in allowed_files}
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        """Return an allowed file's bytes; refuse anything else without touching it."""
        if url.startswith("file://"):
            path = Path(url.removeprefix("file://").split("?")[0]).resolve()
            if path in self._allowed:
                return URLFetcherResponse(url, path.read_bytes())
        self.refused.append(url)
        raise ResourceRefusedError(f"refused to fetch {url}")
