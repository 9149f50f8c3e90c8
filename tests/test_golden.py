"""The reviewed models of real texts (tests/golden) still match what the normalizer makes of them."""

from __future__ import annotations

import json

import pytest

from .golden import CORPUS, GOLDEN, diff_against_golden, dump_model, golden_inputs, golden_path, model_of

INPUTS = golden_inputs()


def test_the_shared_corpus_is_beside_the_project() -> None:
    # CI checks the project out with ../shared beside it; without it the golden tests would test nothing.
    assert CORPUS.is_dir(), f"missing {CORPUS}: check out the shared corpus beside the project"
    assert len(INPUTS) >= 30


def test_every_golden_file_has_an_input() -> None:
    stale = sorted(p.stem for p in GOLDEN.glob("*.json") if p.stem not in INPUTS)
    assert not stale, f"golden files without an input: {stale}"


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_model_matches_reviewed_golden(name: str) -> None:
    assert golden_path(name).exists(), f"no golden for {name}: python -m tests.golden --update {name}"
    diff = diff_against_golden(name, INPUTS[name])
    assert not diff, (
        f"the model of {name} changed; read the diff, then `python -m tests.golden --update {name}`:\n"
        + diff[:6000]
    )


def test_golden_dump_is_json_of_the_model() -> None:
    # The diff-friendly layout must still be the exact JSON of the model, or the goldens would mean nothing.
    path = INPUTS["data-goodbye-my-almost-lover"]
    model = model_of(path)
    assert json.loads(dump_model(model)) == model
