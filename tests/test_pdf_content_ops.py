"""Content streams split into operations: operators, operand tokens, spans; what is not split."""

from __future__ import annotations

import pytest

from ebookify.render.pdf.content_ops import (
    ContentSyntaxError,
    array_elements,
    rewrite_strings,
    split_operations,
    string_bytes,
)


def test_operations_keep_their_operands_and_where_they_lie() -> None:
    data = b"BT\n/F1 12 Tf\n[(Hi)-5.5<0041>] TJ\n/Span <</MCID 3>> BDC ET"
    operations = split_operations(data)
    assert [op.operator for op in operations] == [b"BT", b"Tf", b"TJ", b"BDC", b"ET"]
    tf, tj, bdc = operations[1], operations[2], operations[3]
    assert tf.operands == [b"/F1", b"12"]
    assert tj.operands == [b"[(Hi)-5.5<0041>]"]  # a TJ array of strings and numbers is one token
    assert array_elements(tj.operands) == [b"(Hi)", b"-5.5", b"<0041>"]
    assert bdc.operands == [b"/Span", b"<<", b"/MCID", b"3", b">>"]
    assert data[tj.start : tj.end] == b"[(Hi)-5.5<0041>] TJ"


def test_an_array_with_a_name_is_split_into_its_tokens() -> None:
    (operation,) = split_operations(b"[/A 1 (x)] TJ")
    assert operation.operands == [b"[", b"/A", b"1", b"(x)", b"]"]
    assert array_elements(operation.operands) == [b"/A", b"1", b"(x)"]


@pytest.mark.parametrize(
    "data",
    [
        b"q BI /W 1 /H 1 ID \x00 EI Q",  # an inline image's data are not tokens
        b"(a(b)c) Tj",  # balanced parentheses inside a string: legal, not split
        b"1 0 0 1 0 0",  # operands and no operator
        b"{ } Tj",
    ],
)
def test_streams_this_module_does_not_read_are_refused(data: bytes) -> None:
    with pytest.raises(ContentSyntaxError):
        split_operations(data)


def test_string_bytes_follow_the_escapes_of_a_literal_and_the_digits_of_a_hex_string() -> None:
    assert string_bytes(b"(plain)") == b"plain"
    assert string_bytes(b"(a\\(b\\)\\\\\\r\\101)") == b"a(b)\\\rA"
    assert string_bytes(b"(one\\\ntwo)") == b"onetwo"  # a backslash before a line end continues the string
    assert string_bytes(b"(cr\rlf)") == b"cr\nlf"  # a line end in a literal is read as a line feed
    assert string_bytes(b"<00 4 1 0>") == b"\x00\x41\x00"  # white space skipped, an odd last digit + 0


def test_strings_of_an_array_are_rewritten_without_the_white_space_around_them() -> None:
    token = b"[(a) -5 (b)\n9 -3 <0041> ]"
    assert rewrite_strings(token, lambda s: s.upper()) == b"[(A)-5(B)9 -3<0041>]"
    assert rewrite_strings(b"[(x\\) -1)]", lambda s: s) == b"[(x\\) -1)]"  # a string's own bytes stay
