"""Shared fixtures: paths to the test inputs bundled in tests/data."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    """The folder of bundled test inputs."""
    return DATA


# The generated-story property tests (tests/test_hardening_property.py) run a sample in every test run; a
# release check runs many more: EBOOKIFY_HYPOTHESIS_EXAMPLES=5000 pytest tests/test_hardening_property.py
# The everyday sample is derandomized so that a test run (and CI) is reproducible: a random sample once
# failed CI on a case no earlier run had drawn. The release check draws fresh random examples each time;
# what it finds becomes a unit test.
STORY_EXAMPLES = int(os.environ.get("EBOOKIFY_HYPOTHESIS_EXAMPLES", "0") or 0)
settings.register_profile(
    "ebookify-stories",
    max_examples=STORY_EXAMPLES or 60,
    derandomize=not STORY_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Every other property test (decoding, typography, structure words, EPUB safety) draws the same derandomized
# sample too, for the same reason; with EBOOKIFY_HYPOTHESIS_EXAMPLES set they draw at random.
settings.register_profile("ebookify", derandomize=not STORY_EXAMPLES)
settings.load_profile("ebookify")

# The PDF tests are the ones whose path names the PDF or WeasyPrint (test_pdf_*.py, test_weasy_*.py, or a
# pdf/ folder): make test runs them again on the oldest WeasyPrint that pyproject allows (`pytest -m pdf`).
# Read from the path, so that a moved or new PDF test is never left out of that run.
_PDF_PATH = re.compile(r"pdf|weasy", re.IGNORECASE)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under a PDF path `pdf`."""
    for item in items:
        if _PDF_PATH.search(item.path.relative_to(Path(__file__).parent).as_posix()):
            item.add_marker(pytest.mark.pdf)


@pytest.fixture
def fetched(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every URL the renderer asks for (jobs=1 keeps the renderer in this process)."""
    from ebookify.render.pdf.weasy.fetcher import DenyAllFetcher  # WeasyPrint: only for the tests that ask

    urls: list[str] = []
    original = DenyAllFetcher.fetch

    def spy(self: DenyAllFetcher, url: str, headers: Any = None) -> Any:
        urls.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(DenyAllFetcher, "fetch", spy)
    return urls
