"""Time to decode and repair 5 MB texts of several kinds (target: 0.5 s each on the team's 2-core machine).

Run: .venv/bin/python benchmarks/bench_decode.py [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from ebookify.normalize.decode.decode import decode_bytes

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SIZE = 5_000_000
TARGET_SECONDS = 0.5


def _repeat_to_size(data: bytes, size: int = SIZE) -> bytes:
    return (data * (size // len(data) + 1))[:size]


def gutenberg_latin1() -> bytes:
    """A Gutenberg novel (ISO-8859-1, CRLF) repeated to 5 MB."""
    return _repeat_to_size((DATA / "gutenberg" / "jack-sheppard-16215-8.txt").read_bytes())


def fanfic_mojibake() -> bytes:
    """The mojibake fan-fiction variant repeated to 5 MB: every line goes through the repair."""
    return _repeat_to_size((DATA / "variants" / "goodbye.mojibake.txt").read_bytes())


def ascii_then_cp1252() -> bytes:
    """4 MB of ASCII, then Windows-1252 curly quotes (chardet's 200 KB window sees none of them)."""
    head = _repeat_to_size(b"The ship sailed at dawn and nobody said a word.\r\n", 4_000_000)
    tail = "\u201cWe\u2019ll see,\u201d she said \u2014 caf\u00e9.\r\n".encode("cp1252")
    return head + _repeat_to_size(tail, SIZE - len(head))


def half_utf8_half_cp1252() -> bytes:
    """2.5 MB of UTF-8 followed by the same text in Windows-1252."""
    line = "\u201cWe\u2019ll see,\u201d she said \u2014 caf\u00e9 and cr\u00e8me br\u00fbl\u00e9e.\n"
    return _repeat_to_size(line.encode("utf-8"), SIZE // 2) + _repeat_to_size(
        line.encode("cp1252"), SIZE // 2
    )


def utf16() -> bytes:
    """The clean fan-fiction story in UTF-16 with a BOM, 5 MB."""
    text = (DATA / "change-of-plans.txt").read_text(encoding="utf-8")
    return "\ufeff".encode("utf-16-le") + _repeat_to_size(text.encode("utf-16-le"), SIZE - 2)


CASES: dict[str, Callable[[], bytes]] = {
    "gutenberg latin-1": gutenberg_latin1,
    "fanfic mojibake": fanfic_mojibake,
    "ascii then cp1252": ascii_then_cp1252,
    "half utf-8 half cp1252": half_utf8_half_cp1252,
    "utf-16": utf16,
}


def best_time(data: bytes, repeat: int) -> tuple[float, str, int]:
    """Best wall time of `repeat` decodes, the codec found and how many repairs were reported."""
    best = float("inf")
    encoding, repairs = "", 0
    for _ in range(repeat):
        start = time.perf_counter()
        decoded = decode_bytes(data, "bench.txt")
        best = min(best, time.perf_counter() - start)
        encoding, repairs = decoded.encoding, len(decoded.repairs)
    return best, encoding, repairs


def main() -> int:
    """Print one line per case; exit 1 when a case misses the target."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    slow = 0
    for name, make in CASES.items():
        data = make()
        seconds, encoding, repairs = best_time(data, args.repeat)
        verdict = "ok" if seconds <= TARGET_SECONDS else "SLOW"
        slow += seconds > TARGET_SECONDS
        size = f"{len(data) / 1e6:.1f} MB"
        print(f"{name:<24} {size}  {seconds:.3f} s  {encoding:<10} {repairs} repairs  {verdict}")
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
