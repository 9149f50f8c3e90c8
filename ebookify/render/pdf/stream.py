"""Writes a PDF to a file object by object as the objects come, so that memory holds only the
cross-reference table, never the document.

Objects that are not streams are gathered into compressed object streams and the cross-reference table
is itself a stream (PDF 1.5), which keeps a tagged book's thousands of small structure elements small on
disk. The document /ID is a digest of everything written, so the same book gives the same bytes."""

from __future__ import annotations

import hashlib
import zlib
from array import array
from collections.abc import Sequence
from typing import BinaryIO

from ebookify.errors import WriterError

_BATCH = 200
"""Objects per object stream: large enough to compress well, small enough to find an object fast."""
_LEVEL = 6  # zlib level: the same as the laid-out parts (weasy.speedups), ~2% larger than 9, much faster

_FREE, _AT_OFFSET, _IN_STREAM, _RESERVED = 0, 1, 2, 255


class PdfStreamWriter:
    """Numbers objects on request (`reserve`) and writes each one once (`add`, `add_stream`) in any
    order; `close` writes the cross-reference stream and the trailer."""

    def __init__(self, handle: BinaryIO, version: str) -> None:
        self.handle = handle
        self.version = version
        """The version the header states."""
        self.position = 0
        self.digest = hashlib.md5(usedforsecurity=False)
        # Object number -> kind, and the two numbers of its cross-reference entry.
        self.kinds = bytearray([_FREE])
        self.where = array("Q", [0])
        self.index = array("L", [65535])
        self.batch: list[tuple[int, bytes]] = []
        # The binary comment tells transfer programs that the file is binary (PDF 32000-1, 7.5.2).
        self._write(b"%PDF-" + version.encode("ascii") + b"\n%\xe2\xe3\xcf\xd3\n")

    def reserve(self) -> int:
        """A new object number; the object must be written before `close`."""
        self.kinds.append(_RESERVED)
        self.where.append(0)
        self.index.append(0)
        return len(self.kinds) - 1

    def add(self, number: int, body: bytes) -> None:
        """Write object `number` (not a stream): `body` is its unparsed value."""
        self._claim(number)
        self.batch.append((number, body))
        if len(self.batch) >= _BATCH:
            self._flush_batch()

    def add_stream(self, number: int, dictionary: bytes, data: bytes) -> None:
        """Write stream object `number`: `dictionary` is its unparsed dictionary without /Length,
        `data` its bytes as stored (still encoded by the filters the dictionary names)."""
        self._claim(number)
        if not dictionary.endswith(b">>"):
            raise WriterError("internal error: a stream's dictionary is not a dictionary")
        self._set(number, _AT_OFFSET, self.position, 0)
        self._write_stream(number, dictionary[:-2].rstrip(), data)

    def close(self, root: int, info: int | None = None) -> None:
        """Write what is still gathered, the cross-reference stream and the trailer."""
        self._flush_batch()
        missing = [n for n, kind in enumerate(self.kinds) if kind == _RESERVED]
        if missing:
            raise WriterError(f"internal error: {len(missing)} PDF objects were numbered but never written")
        number = self.reserve()
        self._set(number, _AT_OFFSET, self.position, 0)
        identifier = self.digest.hexdigest().encode("ascii")
        size = len(self.kinds)
        # Entry fields: type (1 byte), offset or object stream (8 bytes), generation or index (4 bytes).
        rows = bytearray()
        for n in range(size):
            rows += self.kinds[n].to_bytes(1, "big")
            rows += self.where[n].to_bytes(8, "big")
            rows += self.index[n].to_bytes(4, "big")
        data = zlib.compress(bytes(rows), _LEVEL)
        trailer = b"/Type /XRef /Size %d /W [ 1 8 4 ] /Root %d 0 R /ID [ <%s> <%s> ]" % (
            size,
            root,
            identifier,
            identifier,
        )
        if info is not None:
            trailer += b" /Info %d 0 R" % info
        self._write_stream(number, b"<< " + trailer + b" /Filter /FlateDecode", data)
        self._write(b"startxref\n%d\n%%%%EOF\n" % self.where[number])

    def _claim(self, number: int) -> None:
        if not 0 < number < len(self.kinds) or self.kinds[number] != _RESERVED:
            raise WriterError(f"internal error: PDF object {number} was not reserved or is written twice")
        self.kinds[number] = _FREE  # written from here on; _set gives the real kind

    def _set(self, number: int, kind: int, where: int, index: int) -> None:
        self.kinds[number], self.where[number], self.index[number] = kind, where, index

    def _flush_batch(self) -> None:
        if not self.batch:
            return
        number = self.reserve()
        offsets, bodies, at = [], [], 0
        for position, (member, body) in enumerate(self.batch):
            self._set(member, _IN_STREAM, number, position)
            offsets.append(b"%d %d" % (member, at))
            bodies.append(body)
            at += len(body) + 1
        header = b" ".join(offsets) + b"\n"
        data = zlib.compress(header + b"\n".join(bodies) + b"\n", _LEVEL)
        self.batch = []
        dictionary = b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode >>" % (len(offsets), len(header))
        self.add_stream(number, dictionary, data)

    def _write_stream(self, number: int, entries: bytes, data: bytes) -> None:
        """Write stream object `number`: `entries` is its dictionary up to /Length, which is added."""
        self._write(b"%d 0 obj\n%s /Length %d >>\nstream\n" % (number, entries, len(data)))
        self._write(data)
        self._write(b"\nendstream\nendobj\n")

    def _write(self, data: bytes) -> None:
        self.handle.write(data)
        self.digest.update(data)
        self.position += len(data)


def refs(numbers: Sequence[int]) -> bytes:
    """An array of references to the objects `numbers`."""
    return b"[ " + b" ".join(b"%d 0 R" % n for n in numbers) + b" ]"
