"""House rules for the package's modules (issue 19): at most 300 lines, a one-line summary docstring."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "ebookify"
# A module longer than this does more than one job: split it along a seam (see CONTRIBUTING.md).
MAX_LINES = 300


def long_modules(root: Path, limit: int = MAX_LINES) -> dict[str, int]:
    """The Python files under `root` with more than `limit` lines, with their line counts."""
    counts = {
        str(path.relative_to(root)): len(path.read_text("utf-8").splitlines()) for path in root.rglob("*.py")
    }
    return {name: count for name, count in sorted(counts.items()) if count > limit}


def undocumented_modules(root: Path) -> list[str]:
    """The Python files under `root` without a module docstring, or whose summary (the docstring's first
    paragraph; details may follow after a blank line) runs over more than one line."""
    found = []
    for path in sorted(root.rglob("*.py")):
        docstring = ast.get_docstring(ast.parse(path.read_text("utf-8")))
        if not docstring or "\n" in docstring.split("\n\n", 1)[0]:
            found.append(str(path.relative_to(root)))
    return found


def test_no_module_of_the_package_is_over_300_lines() -> None:
    assert long_modules(PACKAGE) == {}


def test_every_module_of_the_package_says_its_job_in_one_line() -> None:
    assert undocumented_modules(PACKAGE) == []


def test_a_module_over_the_limit_is_reported(tmp_path: Path) -> None:
    (tmp_path / "long.py").write_text('"""Long."""\n' + "x = 1\n" * MAX_LINES)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "full.py").write_text('"""Full."""\n' + "x = 1\n" * (MAX_LINES - 1))
    assert long_modules(tmp_path) == {"long.py": MAX_LINES + 1}  # leave alone: exactly at the limit


def test_a_module_without_a_one_line_summary_is_reported(tmp_path: Path) -> None:
    (tmp_path / "bare.py").write_text("# a comment is no docstring\nx = 1\n")
    (tmp_path / "long.py").write_text('"""A summary that\nruns on."""\n')
    (tmp_path / "good.py").write_text('"""One line."""\n\nx = 1\n')
    (tmp_path / "details.py").write_text('"""One line.\n\nDetails after a blank line,\nover lines."""\n')
    assert undocumented_modules(tmp_path) == ["bare.py", "long.py"]
