"""Shared fixtures: paths to the test inputs bundled in tests/data."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    """The folder of bundled test inputs."""
    return DATA
