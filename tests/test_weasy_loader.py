"""WeasyPrint's native libraries are found from one ldconfig listing, as ctypes would find them."""

from __future__ import annotations

import ctypes.util
import os
import subprocess
import sys

import pytest

from ebookify.render.pdf.weasy.loader import listing_lookup

LISTING = """3 libs found in cache `/etc/ld.so.cache'
\tlibpango-1.0.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libpango-1.0.so.0
\tlibgobject-2.0.so.0 (libc6) => /lib32/libgobject-2.0.so.0
\tlibgobject-2.0.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libgobject-2.0.so.0
"""


def test_a_library_is_found_by_its_short_name_for_this_abi_only() -> None:
    find = listing_lookup(LISTING, "libc6,x86-64")
    assert find("pango-1.0") == "libpango-1.0.so.0"
    assert find("gobject-2.0") == "libgobject-2.0.so.0"
    assert find("libgobject-2.0-0") is None  # the Windows-style names WeasyPrint tries first
    assert find("pango") is None  # "libpango." must follow: no prefix matches
    assert listing_lookup(LISTING, "libc6,64bit")("pango-1.0") is None


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not os.access("/sbin/ldconfig", os.X_OK), reason="Linux"
)
def test_the_same_answers_as_ctypes_for_the_names_weasyprint_tries() -> None:
    listing = subprocess.run(
        ["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=True, env={"LC_ALL": "C"}
    ).stdout
    find = listing_lookup(listing, "libc6,x86-64" if os.uname().machine == "x86_64" else "libc6")
    names = [
        "libpango-1.0-0",
        "pango-1.0-0",
        "pango-1.0",
        "gobject-2.0",
        "harfbuzz",
        "fontconfig",
        "pangoft2-1.0",
    ]
    found = {name: find(name) for name in names}
    assert found == {name: ctypes.util.find_library(name) for name in names}
    assert found["pango-1.0"] is not None  # the listing did answer
