"""The PDF renderer's only way to fetch resources: it serves our own files and refuses everything else."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ebookify.render.pdf.weasy.loader import URLFetcher, URLFetcherResponse

log = logging.getLogger("ebookify")

INTERNAL_PREFIX = "ebookify-internal:"
"""URLs the writer makes up for in-memory resources (the generated cover): never a real location."""


class ResourceRefusedError(ValueError):
    """A resource outside the allowed set was requested (logged by WeasyPrint as a problem)."""


class DenyAllFetcher(URLFetcher):  # type: ignore[misc]
    """Serves in-memory resources and explicitly allowed local files (packaged styles, the user's
    cover); refuses every other URL, network or file, without touching it."""

    def __init__(
        self, allowed_files: tuple[Path, ...] = (), served: Mapping[str, tuple[bytes, str]] | None = None
    ) -> None:
        super().__init__(allowed_protocols=(), allow_redirects=False, timeout=1)
        self._allowed = {p.resolve() for p in allowed_files}
        self._served = dict(served or {})
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        """Return an allowed resource's bytes; refuse anything else."""
        if url in self._served:
            body, media_type = self._served[url]
            return URLFetcherResponse(url, body, headers={"Content-Type": media_type})
        if url.startswith("file://"):
            path = Path(url.removeprefix("file://").split("?")[0].split("#")[0])
            if path.resolve() in self._allowed:
                return URLFetcherResponse(url, path.read_bytes())
        self.refused.append(url)
        log.debug("refused to fetch %s", url[:200])
        raise ResourceRefusedError(f"refused to fetch {url[:200]}")

    def __call__(self, url: str) -> URLFetcherResponse:
        """WeasyPrint calls the fetcher like a function."""
        return self.fetch(url)

    def open(self, url: Any, data: Any = None, timeout: Any = None) -> URLFetcherResponse:
        """Never fall back to urllib's opener: every request goes through `fetch`."""
        return self.fetch(url if isinstance(url, str) else url.full_url)
