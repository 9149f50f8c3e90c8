"""The normalizer: bytes of a plain-text story to a Story, one pure step per module."""

from __future__ import annotations

from ebookify.normalize.pattern_cache import cached_compiles

# The modules compile their 260 patterns as they are imported: from the cache after the first run.
with cached_compiles():
    from ebookify.normalize.pipeline import load_story, normalize_bytes

__all__ = ["load_story", "normalize_bytes"]
