"""Finds the packaged CSS in `styles/` through importlib.resources (a user's own CSS by path)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ebookify.errors import OptionsError

if TYPE_CHECKING:  # importlib.resources imports tempfile (7 ms); `inspect` never reads a style
    from importlib.resources.abc import Traversable

MAX_STYLE_BYTES = 2**20
"""The largest user stylesheet read (1 MiB; the built-in styles are about 10 KB)."""


def styles_dir() -> Traversable:
    """The styles folder: inside the installed wheel, or the checkout's top-level `styles/`."""
    from importlib import resources

    packaged = resources.files("ebookify") / "styles"
    if packaged.is_dir():
        return packaged
    # Running from a source checkout: the top-level folder is the single source of the CSS.
    return resources.files("ebookify").joinpath("..", "styles")


def builtin_styles() -> list[str]:
    """Names of the built-in book styles (print.css is a layer, not a style)."""
    return sorted(
        entry.name.removesuffix(".css")
        for entry in styles_dir().iterdir()
        if entry.name.endswith(".css") and entry.name != "print.css"
    )


def read_style(name: str) -> str:
    """The CSS text of a built-in style name or of a path to the user's own .css file."""
    if name.endswith(".css") or "/" in name:
        path = Path(name)
        try:
            with path.open("rb") as handle:  # bounded: `--style /dev/zero` read until memory ran out
                data = handle.read(MAX_STYLE_BYTES + 1)
            if len(data) > MAX_STYLE_BYTES:
                raise OptionsError(f"style {name} is larger than {MAX_STYLE_BYTES // 2**20} MiB")
            return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as read_text did
        except OSError as exc:
            raise OptionsError(f"cannot read style {name}: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise OptionsError(f"style {name} is not UTF-8 text") from None
    if name not in builtin_styles():
        raise OptionsError(f"unknown style {name!r} (built-in styles: {', '.join(builtin_styles())})")
    return (styles_dir() / f"{name}.css").read_text(encoding="utf-8")


def read_print_css() -> str:
    """The print layer used by the PDF writer."""
    return (styles_dir() / "print.css").read_text(encoding="utf-8")
