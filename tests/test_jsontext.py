"""The fast indented JSON is what json.dumps(ensure_ascii=False, indent=1) writes, to the character."""

from __future__ import annotations

import json
from enum import IntEnum
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ebookify.jsontext import dumps_indented


class _Level(IntEnum):
    LOW = 1


def _reference(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)


@pytest.mark.parametrize(
    "value",
    [
        {"stories": [{"spans": [{"text": '“Hé,” she said\n\t\\ "x" \u2028', "style": "thought"}]}]},
        {"empty": {}, "list": [], "nested": [[], {}, [[1]]], "tuple": (1, "a")},
        [None, True, False, 0, -7, 2**70, 1.5, 1e300, float("nan"), float("inf"), float("-inf")],
        {"level": _Level.LOW, "surrogate": "\ud800", "control": "\x00\x1f\x7f"},
        "just a string",
        42,
        [],
    ],
)
def test_same_text_as_json_dumps(value: Any) -> None:
    assert dumps_indented(value) == _reference(value)


def test_unusual_keys_are_left_to_json_dumps() -> None:
    # json turns these keys into strings ("1", "false", "null"); the fast path leaves them to it.
    value = {"a": [{1: "one", False: "no", None: "nothing", 2.5: "half"}]}
    assert dumps_indented(value) == _reference(value)


def test_unknown_values_fail_like_json_dumps() -> None:
    with pytest.raises(TypeError):
        dumps_indented({"a": {1, 2}})


_LEAVES = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_VALUES = st.recursive(
    _LEAVES, lambda children: st.lists(children) | st.dictionaries(st.text(), children), max_leaves=30
)


@given(_VALUES)
def test_any_json_value_matches(value: Any) -> None:
    assert dumps_indented(value) == _reference(value)
