"""The PDF writer: parts laid out by WeasyPrint in parallel (weasy/), then assembled into one tagged book."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ebookify.render.pdf.writer import render_pdf_bytes, write_pdf

__all__ = ["render_pdf_bytes", "write_pdf"]


def __getattr__(name: str) -> Any:
    # The writer imports WeasyPrint (0.5 s): only a caller that writes a PDF pays for it, not one that
    # imports a module of this package (the sections' HTML, the layout).
    if name in __all__:
        from ebookify.render.pdf import writer

        return getattr(writer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
