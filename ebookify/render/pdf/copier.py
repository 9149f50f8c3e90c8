"""Copies objects of one open PDF into a PdfStreamWriter, renumbered, following their references.

qpdf (pikepdf) parses each object and prints it back (`unparse`); the references in the printed text are
renumbered into the book's numbering, and every object they reach is copied in turn, once. A source can
name objects that are not its own (the book's page tree, a page of another part): `external` and
`placeholder` map them to a book object number, and they are never copied."""

from __future__ import annotations

import re

from pikepdf import Array, Dictionary, Name, Object, Pdf, Stream

from ebookify.render.pdf.stream import PdfStreamWriter

# qpdf prints a reference as "N G R" and escapes "(", ")" and "\" inside literal strings, so a string
# (literal or hex) is matched whole first and a reference can never be found inside one.
_TOKENS = re.compile(rb"\((?:[^\\()]|\\.)*\)|<[0-9A-Fa-f\s]*>|(?<![\w.+\-#])(\d+) (\d+) R(?!\w)", re.S)


class SourceCopier:
    """One source PDF's objects in the book: their new numbers, and those still to write."""

    def __init__(self, writer: PdfStreamWriter, pdf: Pdf) -> None:
        self.writer, self.pdf = writer, pdf
        self.numbers: dict[tuple[int, int], int] = {}
        self.pending: list[tuple[int, int]] = []

    def external(self, obj: Object, number: int) -> None:
        """References to `obj` (indirect) point at the book's object `number`; `obj` is not copied."""
        self.numbers[obj.objgen] = number

    def placeholder(self, number: int) -> Object:
        """An object of the source that stands for the book's object `number` wherever it is used."""
        stand_in = self.pdf.make_indirect(Dictionary())
        self.external(stand_in, number)
        return stand_in

    def number(self, obj: Object) -> int:
        """The book's number of the indirect object `obj`; it is copied at the next `flush`."""
        return self._number(obj.objgen)

    def direct(self, value: object) -> bytes:
        """A direct object printed for the book; the objects it refers to are copied at `flush`."""
        return self._printed(value, resolved=False)

    def new_object(self, value: object) -> int:
        """Write the direct object `value` as a new indirect object of the book; its number."""
        number = self.writer.reserve()
        self.writer.add(number, self.direct(value))
        return number

    def flush(self) -> None:
        """Copy every object reached so far, and every object they reach."""
        writer, pdf = self.writer, self.pdf
        while self.pending:
            objgen = self.pending.pop()
            number = self.numbers[objgen]
            obj = pdf.get_object(objgen)
            if obj is None:  # a reference to a missing object means null (PDF 32000-1, 7.3.10)
                writer.add(number, b"null")
            elif isinstance(obj, Stream):
                data = obj.read_raw_bytes()
                info = obj.stream_dict
                if Name.Length in info:
                    del info[Name.Length]  # the writer states the length of the bytes it writes
                writer.add_stream(number, self.direct(info), data)
            else:
                writer.add(number, self._printed(obj, resolved=True))

    def _printed(self, value: object, resolved: bool) -> bytes:
        return _TOKENS.sub(self._renumber, unparsed(value, resolved))

    def _number(self, objgen: tuple[int, int]) -> int:
        number = self.numbers.get(objgen)
        if number is None:
            number = self.numbers[objgen] = self.writer.reserve()
            self.pending.append(objgen)
        return number

    def _renumber(self, match: re.Match[bytes]) -> bytes:
        if match.group(1) is None:
            return match.group(0)  # a string
        return b"%d 0 R" % self._number((int(match.group(1)), int(match.group(2))))


def unparsed(value: object, resolved: bool) -> bytes:
    """A value as PDF syntax; pikepdf hands numbers and booleans over as Python values."""
    if isinstance(value, Object):
        return value.unparse(resolved=resolved)
    return Array([value]).unparse()[1:-1].strip()
