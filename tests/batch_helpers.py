"""Shared pieces of the batch tests: small stories written to a folder, and task wrappers that count
conversions or crash their worker (importable by spawned and Dask worker processes)."""

from __future__ import annotations

import os
from pathlib import Path

from ebookify.batch.task import StoryJob, StoryResult, TaskSettings, convert_stories

CRASH_MARK = b"CRASH-THIS-WORKER"
COUNT_FILE = "EBOOKIFY_TEST_COUNT_FILE"


def story_text(number: int, paragraphs: int = 4) -> str:
    """A short story with a header, an author's note and two chapters."""
    body = "\n\n".join(
        f"Paragraph {i} of story {number}: she looked at the sea and said nothing for a long while, "
        "because the words would not come."
        for i in range(paragraphs)
    )
    return (
        f"Title: Story Number {number}\nAuthor: Writer {number % 3}\nRating: T\n"
        f"Summary: The summary of story {number}.\n\nA/N: Thanks for reading!\n\n"
        f"Chapter 1\n\n{body}\n\nChapter 2\n\n{body}\n"
    )


def write_stories(folder: Path, count: int, start: int = 0) -> list[Path]:
    """`count` good stories as folder/NN.txt."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        path = folder / f"story-{number:03d}.txt"
        path.write_text(story_text(number), encoding="utf-8")
        paths.append(path)
    return paths


def counting_task(jobs: list[StoryJob], settings: TaskSettings) -> list[StoryResult]:
    """convert_stories, appending each story's source to the file named by $EBOOKIFY_TEST_COUNT_FILE."""
    with open(os.environ[COUNT_FILE], "a", encoding="utf-8") as handle:
        handle.writelines(f"{job.source}\n" for job in jobs)
    return convert_stories(jobs, settings)


def crashing_task(jobs: list[StoryJob], settings: TaskSettings) -> list[StoryResult]:
    """convert_stories, but a story containing CRASH_MARK kills the worker process (like a segfault)."""
    if any(CRASH_MARK in job.data for job in jobs):
        os._exit(139)
    return convert_stories(jobs, settings)


def conversions(count_file: Path) -> list[str]:
    """The sources counting_task converted, in order."""
    return count_file.read_text(encoding="utf-8").splitlines() if count_file.exists() else []
