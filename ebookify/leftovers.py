"""Temporary files named with their process's id, and the removal of those a killed run left behind."""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path

NAME_BUDGET = 200
"""Bytes of the target's name kept in a temporary name: the id, the random part and `.part` add ~25, and
a file system takes 255 (a 241-byte book name was refused because its temporary name was too long)."""


def _short(name: str) -> str:
    data = os.fsencode(name)
    return data[:NAME_BUDGET].decode("utf-8", "ignore") if len(data) > NAME_BUDGET else name


def part_start(target: Path) -> str:
    """The start of the temporary files' names beside `target`: hidden, then the target's name."""
    return f".{_short(target.name)}."


def part_prefix(target: Path) -> str:
    """The prefix of this process's temporary file beside `target` (tempfile adds 8 random characters)."""
    return f"{part_start(target)}{os.getpid()}."


def folder_prefix(base: str) -> str:
    """The prefix of this process's temporary folder: `base` and the process id."""
    return f"{base}{os.getpid()}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # someone else's process, or no process id at all: not ours to judge
    return True


def _owner(name: str, start: str, end: str) -> int | None:
    """The process id in a name made by tempfile from `start` + PID + separator, or None."""
    # tempfile's random part: 8 characters of [a-z0-9_]; nothing else (another book's name) matches.
    found = re.fullmatch(rf"{re.escape(start)}(\d{{1,10}})[.-][a-z0-9_]{{8}}{re.escape(end)}", name)
    return int(found.group(1)) if found else None


def remove_leftovers(folder: Path, start: str, end: str = "", *, folders: bool = False) -> list[str]:
    """Remove what killed runs left in `folder`: files (or folders) that tempfile named from `start`, a
    process id and `end`, owned by this user, whose process is gone. A running build's files are kept."""
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        pid = _owner(entry.name, start, end)
        if pid is None or _alive(pid):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if info.st_uid != os.getuid():
                continue
            if folders and stat.S_ISDIR(info.st_mode):
                shutil.rmtree(entry.path, ignore_errors=True)
            elif not folders and stat.S_ISREG(info.st_mode):
                os.unlink(entry.path)
            else:
                continue
        except OSError:
            continue
        removed.append(entry.name)
    return removed
