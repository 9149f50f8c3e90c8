"""Golden models: the reviewed `inspect --json` of real texts, compared on every test run.

Regenerate after reading the diff of what changed (never blindly):

    .venv/bin/python -m tests.golden --diff      # what would change, per text
    .venv/bin/python -m tests.golden --update    # write tests/golden/*.json; then review git diff
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path
from typing import Any

from ebookify.inspect import story_to_dict
from ebookify.normalize.pipeline import load_story

TESTS = Path(__file__).parent
GOLDEN = TESTS / "golden"
DATA = TESTS / "data"
CORPUS = TESTS.parent.parent / "shared" / "corpus"
"""The shared corpus of real texts, checked out beside the project (CI has it as ../shared)."""


def golden_inputs() -> dict[str, Path]:
    """Golden name -> input file: the bundled test inputs and every text of the shared corpus."""
    found: dict[str, Path] = {}
    for path in sorted(DATA.glob("*.txt")) + sorted((DATA / "gutenberg").glob("*.txt")):
        found[f"data-{path.stem}"] = path
    bundled = {path.read_bytes() for path in found.values()}
    for path in sorted(CORPUS.glob("*/*.txt")) + sorted(CORPUS.glob("fanfic/variants/*.txt")):
        # A corpus text also bundled in tests/data (Jack Sheppard, the examples) is kept once.
        if path.read_bytes() not in bundled:
            found[f"corpus-{path.parent.name}-{path.stem}"] = path
    return found


def model_of(path: Path) -> dict[str, Any]:
    """The model of one input as `inspect --json` prints it, with the source path made relative."""
    story = story_to_dict(load_story(path))
    story["source"] = path.name
    return story


def dump_model(model: dict[str, Any]) -> str:
    """Stable, diff-friendly JSON: one line per block, per note and per metadata key."""
    lines = ["{"]
    items = list(model.items())
    for number, (key, value) in enumerate(items):
        comma = "," if number < len(items) - 1 else ""
        if key == "chapters":
            lines.append(f' "chapters": [{"" if value else "]" + comma}')
            for index, chapter in enumerate(value):
                head = {k: v for k, v in chapter.items() if k != "blocks"}
                lines.append(f'  {json.dumps(head, ensure_ascii=False)[:-1]}, "blocks": [')
                blocks = chapter.get("blocks", [])
                lines += [
                    f"   {json.dumps(b, ensure_ascii=False)}{',' if i < len(blocks) - 1 else ''}"
                    for i, b in enumerate(blocks)
                ]
                lines.append(f"  ]}}{',' if index < len(value) - 1 else ''}")
            if value:
                lines.append(f" ]{comma}")
        elif isinstance(value, list) and value:
            lines.append(f" {json.dumps(key)}: [")
            lines += [
                f"  {json.dumps(v, ensure_ascii=False)}{',' if i < len(value) - 1 else ''}"
                for i, v in enumerate(value)
            ]
            lines.append(f" ]{comma}")
        elif isinstance(value, dict) and value:
            lines.append(f" {json.dumps(key)}: {{")
            entries = list(value.items())
            lines += [
                f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                f"{',' if i < len(entries) - 1 else ''}"
                for i, (k, v) in enumerate(entries)
            ]
            lines.append(f" }}{comma}")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def golden_path(name: str) -> Path:
    """Where the reviewed model of input `name` is kept."""
    return GOLDEN / f"{name}.json"


def diff_against_golden(name: str, path: Path) -> str:
    """A unified diff from the reviewed model to today's model (empty when they agree)."""
    want = golden_path(name).read_text(encoding="utf-8") if golden_path(name).exists() else ""
    got = dump_model(model_of(path))
    return "".join(
        difflib.unified_diff(
            want.splitlines(keepends=True), got.splitlines(keepends=True), f"golden/{name}.json", "now", n=1
        )
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.golden", description=__doc__.split("\n")[0])
    parser.add_argument("--update", action="store_true", help="write the golden files (read --diff first)")
    parser.add_argument("--diff", action="store_true", help="print what changed for each text")
    parser.add_argument("names", nargs="*", help="only these golden names (default: all)")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        parser.error(f"the shared corpus is missing: {CORPUS}")
    inputs = golden_inputs()
    chosen = {n: p for n, p in inputs.items() if not args.names or n in args.names}
    changed = 0
    for name, path in chosen.items():
        diff = diff_against_golden(name, path)
        if not diff:
            continue
        changed += 1
        if args.diff:
            sys.stdout.write(diff)
        if args.update:
            GOLDEN.mkdir(exist_ok=True)
            golden_path(name).write_text(dump_model(model_of(path)), encoding="utf-8")
        sys.stdout.write(f"{'updated' if args.update else 'differs'}: {name}\n")
    sys.stdout.write(f"{changed} of {len(chosen)} golden models {'updated' if args.update else 'differ'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
