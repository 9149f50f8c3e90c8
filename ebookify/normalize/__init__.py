"""The normalizer: bytes of a plain-text story to a Story, one pure step per module."""

from __future__ import annotations

from ebookify.normalize.pipeline import load_story, normalize_bytes

__all__ = ["load_story", "normalize_bytes"]
