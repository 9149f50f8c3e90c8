"""The facts a reader wrote about real texts (tests/data/real): each holds unless listed as failing today."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from tests.facts import EXPECTED, KNOWN_FAILURES, Fact, check, facts_files, key_of, read_known_failures

KNOWN = collections.Counter(read_known_failures())


def _verdict(facts: list[Fact], known: collections.Counter[str]) -> list[str]:
    """What is wrong with one text's facts: new failures, fixed facts, stale lines of the list."""
    problems: list[str] = []
    seen: collections.Counter[str] = collections.Counter()
    for fact in facts:
        seen[fact.key] += 1
        listed = seen[fact.key] <= known[fact.key]
        if not fact.ok and not listed:
            problems.append(f"fails: {fact.message}")
        elif fact.ok and listed:
            problems.append(
                f"now passes, remove it from {KNOWN_FAILURES.name} (or run "
                f"`python -m tests.facts --update-known-failures`): {fact.key}"
            )
    problems += [f"listed in {KNOWN_FAILURES.name} but no such fact: {key}" for key in known - seen]
    return problems


@pytest.mark.parametrize("expected", facts_files(), ids=lambda p: p.stem)
def test_real_text_facts(expected: Path) -> None:
    mine = collections.Counter({k: n for k, n in KNOWN.items() if k.startswith(f"{expected.name}: ")})
    problems = _verdict(check(expected), mine)
    assert not problems, "\n".join(problems)


def test_known_failures_name_real_facts() -> None:
    """Every line of known_failures.txt names a facts file, so a stale line cannot hide anything."""
    names = {p.name for p in EXPECTED.glob("*.json")}
    stray = [key for key in KNOWN if key.split(":", 1)[0] not in names]
    assert not stray, f"lines naming no facts file: {stray}"


def test_there_are_enough_real_texts() -> None:
    assert len(facts_files()) >= 12


def test_verdict_catches_new_failures_and_fixed_facts() -> None:
    fixed = Fact("a.json: chapters: want 3", ok=True)
    broken = Fact("a.json: no chapter titled 'One'", ok=False, detail="")
    still = Fact("b.json: paragraphs: want 1..2", ok=False, detail="5")
    stale = "a.json: body should not contain 'x'"
    known = collections.Counter([fixed.key, key_of("b.json: paragraphs: want 1..2 (got 9)"), stale])
    problems = _verdict([fixed, broken, still], known)
    assert problems == [
        f"now passes, remove it from {KNOWN_FAILURES.name} (or run "
        "`python -m tests.facts --update-known-failures`): a.json: chapters: want 3",
        "fails: a.json: no chapter titled 'One'",
        f"listed in {KNOWN_FAILURES.name} but no such fact: {stale}",
    ]


def test_verdict_accepts_listed_failures_and_passing_facts() -> None:
    facts = [Fact("a.json: chapters: want 3", ok=False, detail="1"), Fact("a.json: no words lost", ok=True)]
    assert _verdict(facts, collections.Counter(["a.json: chapters: want 3"])) == []
