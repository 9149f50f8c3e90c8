"""Whole-archive conversion (`ebookify batch`): a client of the library, on a process pool or Dask."""

from __future__ import annotations

from ebookify.batch.plan import BatchOptions
from ebookify.batch.runner import BatchSummary, run_batch

__all__ = ["BatchOptions", "BatchSummary", "run_batch"]
