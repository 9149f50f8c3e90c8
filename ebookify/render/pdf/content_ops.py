"""A content stream split into its operations, each with its operands and where it lies in the bytes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

# PDF's tokens (ISO 32000 7.2-7.3): white space and comments; an array of strings and numbers only (a
# TJ operation's, one token: the most frequent operand by far); a literal string without unescaped
# parentheses inside (balanced ones are legal but our writers escape them: such a stream is not split);
# a hex string; the delimiters; a name; a number; a run of other regular characters (true, false, null
# or an operator).
_SPACE = rb"[\x00\t\n\x0c\r ]"
_LITERAL = rb"\((?:[^()\\]|\\.)*\)"
_HEX = rb"<[0-9A-Fa-f\x00\t\n\x0c\r ]*>"
_DIGITS = rb"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)"
_REGULAR = rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]"
_TOKEN = re.compile(
    rb"%s+|%%[^\r\n]*" % _SPACE
    + rb"|(\[(?:%s*(?:%s|%s|%s(?!%s)))*%s*\])" % (_SPACE, _LITERAL, _HEX, _DIGITS, _REGULAR, _SPACE)
    + rb"|(%s)|(%s)|(<<|>>|\[|\])|(/%s*)" % (_LITERAL, _HEX, _REGULAR)
    + rb"|(%s)(?!%s)|(%s+)" % (_DIGITS, _REGULAR, _REGULAR),
    re.S,
)
_ELEMENT = re.compile(rb"%s|%s|%s" % (_LITERAL, _HEX, _DIGITS), re.S)
_SPACED_STRING = re.compile(rb"%s*(%s|%s)%s*" % (_SPACE, _LITERAL, _HEX, _SPACE), re.S)
_WHITE = b"\x00\t\n\x0c\r "
# A whole operation at once (white space, operands, operator), for speed: operands of one level of
# nesting (an array or a dictionary of plain values); anything else is split token by token.
_GAP = rb"(?:%s+|%%[^\r\n]*)*" % _SPACE
_PLAIN = rb"(?:%s|%s|/%s*|%s(?!%s)|(?:true|false|null)(?!%s))" % (
    _LITERAL,
    _HEX,
    _REGULAR,
    _DIGITS,
    _REGULAR,
    _REGULAR,
)
_ARRAY = rb"\[(?:%s%s)*%s\]" % (_GAP, _PLAIN, _GAP)
_DICTIONARY = rb"<<(?:%s(?:%s|%s))*%s>>" % (_GAP, _PLAIN, _ARRAY, _GAP)
_WHOLE_OPERATION = re.compile(
    rb"%s((?:(?:%s|%s|%s)%s)*?)(?![+\-.0-9])(?!(?:true|false|null)(?!%s))(%s+)"
    % (_GAP, _ARRAY, _DICTIONARY, _PLAIN, _GAP, _REGULAR, _REGULAR),
    re.S,
)
_OPERATOR = 7
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|\r\n|[\s\S])")
# Operators whose operands are not tokens (an inline image's data) or that the splitting does not model.
_OPAQUE = {b"BI", b"ID", b"EI"}
_VALUES = {b"true", b"false", b"null"}


class ContentSyntaxError(ValueError):
    """A content stream that this module does not split (its operations are then left as they are)."""


@dataclass(frozen=True)
class Operation:
    """One operation: its operator, the span of the stream it was written in (operands included), and
    its operand tokens (arrays and dictionaries of other values than strings and numbers as their
    bracket tokens among them), read when asked for."""

    operator: bytes
    start: int
    end: int
    data: bytes = field(repr=False, compare=False)
    operands_end: int = field(repr=False, compare=False)

    @cached_property
    def operands(self) -> list[bytes]:
        matches = _TOKEN.finditer(self.data, self.start, self.operands_end)
        return [match.group(match.lastindex) for match in matches if match.lastindex]


def split_operations(data: bytes) -> list[Operation]:
    """Every operation of `data`, in order; ContentSyntaxError when a token is not one of PDF's, a stream
    ends with operands and no operator, or it holds an inline image."""
    operations: list[Operation] = []
    position = 0
    for match in _WHOLE_OPERATION.finditer(data):
        if match.start() != position:
            return _split_tokens(data)  # an operand this pattern does not take (a nested dictionary)
        position = match.end()
        if match.group(2) in _OPAQUE:
            raise ContentSyntaxError("an inline image")
        operations.append(Operation(match.group(2), match.start(1), position, data, match.start(2)))
    if data[position:].strip(_WHITE):
        return _split_tokens(data)
    return operations


def _split_tokens(data: bytes) -> list[Operation]:
    """split_operations token by token: slower, and it takes any operand PDF allows."""
    operations: list[Operation] = []
    operands = 0
    start, position = -1, 0
    for match in _TOKEN.finditer(data):
        if match.start() != position:
            raise ContentSyntaxError(f"no PDF token at byte {position}")
        position = match.end()
        kind = match.lastindex
        if kind is None:
            continue  # white space or a comment
        token = match.group(kind)
        if start < 0:
            start = match.start()
        if kind < _OPERATOR or token in _VALUES:
            operands += 1
            continue
        if token in _OPAQUE:
            raise ContentSyntaxError("an inline image")
        operations.append(Operation(token, start, position, data, match.start()))
        operands, start = 0, -1
    if position != len(data):
        raise ContentSyntaxError(f"no PDF token at byte {position}")
    if operands:
        raise ContentSyntaxError("operands without an operator at the end")
    return operations


def array_elements(operands: list[bytes]) -> list[bytes]:
    """The strings and numbers of an operation's one array operand (a TJ operation's)."""
    if len(operands) == 1 and len(operands[0]) > 1:
        return _ELEMENT.findall(operands[0])
    return operands[1:-1]  # the array as its tokens: brackets first and last


def rewrite_strings(token: bytes, rewrite: Callable[[bytes], bytes]) -> bytes:
    """An array token (one of split_operations') with each of its strings written as `rewrite` gives,
    without the white space around them (a string is delimited by itself)."""
    return _SPACED_STRING.sub(lambda match: rewrite(match.group(1)), token)


def string_bytes(token: bytes) -> bytes:
    """The bytes of a literal or hex string token (ISO 32000 7.3.4: escapes, a line end in a literal
    read as a line feed, a hex string's odd last digit followed by 0)."""
    if b"\\" not in token and b"\r" not in token and token[:1] == b"(":
        return token[1:-1]
    if token.startswith(b"<"):
        digits = re.sub(rb"[\x00\t\n\x0c\r ]", b"", token[1:-1])
        return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
    body = token[1:-1].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return _ESCAPE.sub(_unescape, body)


def _unescape(match: re.Match[bytes]) -> bytes:
    escaped = match.group(1)
    if escaped[:1].isdigit():
        return bytes([int(escaped, 8) & 0xFF])
    if escaped in (b"\n", b"\r\n"):
        return b""  # a backslash at a line's end continues the string on the next line
    return _ESCAPES.get(escaped, escaped)
