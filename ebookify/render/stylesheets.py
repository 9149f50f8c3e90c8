"""The book's stylesheet and the local files it imports and names, checked alike for both writers."""

from __future__ import annotations

import base64
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urlsplit

from ebookify.errors import OptionsError
from ebookify.render.css_references import css_references, parse_css, shown_reference
from ebookify.render.style_fonts import check_font
from ebookify.render.style_images import check_image
from ebookify.resources import MAX_STYLE_BYTES, read_style

MAIN_NAME = "book.css"
"""The book's own stylesheet's file name (the EPUB's styles/book.css)."""

MAX_IMPORT_DEPTH = 8
"""Nested @import levels followed (a chain deeper than this is a mistake, not a design)."""

MAX_FILES = 64
"""Files a stylesheet may pull in, its imports and fonts and images together."""

MAX_TOTAL_BYTES = 32 * 2**20
"""Bytes of everything a stylesheet pulls in (fonts are tens to hundreds of KB each)."""

# The types an EPUB reading system must support (EPUB 3.3 core media types), by file extension.
MEDIA_TYPES = {
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
}

# A data: URL's media type as the file extension it gets (fonts go by several names).
_DATA_SUFFIXES = {media: suffix for suffix, media in MEDIA_TYPES.items() if suffix != ".jpeg"} | {
    "application/font-woff2": ".woff2",
    "application/font-woff": ".woff",
    "application/x-font-woff": ".woff",
    "application/x-font-ttf": ".ttf",
    "application/font-sfnt": ".ttf",
    "application/x-font-opentype": ".otf",
    "application/vnd.ms-opentype": ".otf",
}


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


@dataclass(frozen=True)
class StyleFile:
    """One file of the book's style: its name in the book's styles folder, bytes and media type."""

    name: str
    data: bytes
    media_type: str


@dataclass(frozen=True)
class BookStyle:
    """The book's stylesheet (`css`) and the files it pulls in, each named in `css` as `url_prefix + name`."""

    css: str
    files: tuple[StyleFile, ...] = ()


def is_style_path(style: str) -> bool:
    """Whether a style option names the user's own .css file rather than a built-in style."""
    return style.endswith(".css") or "/" in style


def book_style(style: str, url_prefix: str = "") -> BookStyle:
    """A built-in style, or the user's CSS file with its local @imports and url() files gathered.

    References resolve relative to the file that makes them and must stay inside the main CSS file's
    folder; remote ones (http:, https:, //host, any other scheme) and files outside are refused with one
    line naming the CSS file and the reference, before anything is read from them."""
    text = read_style(style)
    if not is_style_path(style):
        return BookStyle(text)
    path = Path(style)
    gatherer = _Gatherer(path.resolve().parent, url_prefix)
    css = gatherer.rewrite(path, text, ())
    return BookStyle(css, (*gatherer.files.values(), *gatherer.inline.values()))


class _Gatherer:
    """Reads a stylesheet's local files once each, checking every reference on the way."""

    def __init__(self, root: Path, url_prefix: str) -> None:
        self.root, self.url_prefix = root, url_prefix
        self.files: dict[Path, StyleFile] = {}
        self.inline: dict[str, StyleFile] = {}
        """Files given as data: URLs, by URL."""
        self.names: set[str] = {MAIN_NAME.casefold()}
        self.total = 0

    def rewrite(self, css_file: Path, text: str, chain: tuple[Path, ...]) -> str:
        """`text` with each local reference replaced by its file's name in the book (files gathered)."""
        from tinycss2 import ast, serialize
        from tinycss2.serializer import serialize_string_value

        nodes = parse_css(text)
        references = css_references(nodes)
        if not references:
            return text  # unchanged to the byte
        for kind, ref, (items, index) in references:
            address = self._gather(css_file, kind, ref.strip(), chain)
            if address is None:
                continue
            node = items[index]
            quoted = f'"{serialize_string_value(address)}"'
            line, column = node.source_line, node.source_column  # type: ignore[attr-defined]
            if kind == "@import" and isinstance(node, ast.StringToken):
                items[index] = ast.StringToken(line, column, address, quoted)
            else:
                items[index] = ast.URLToken(line, column, address, f"url({quoted})")
        return str(serialize(nodes))

    def _gather(self, css_file: Path, kind: str, ref: str, chain: tuple[Path, ...]) -> str | None:
        """The address a reference gets in the book, after its file is read; None: left as written."""
        if not ref or ref.startswith("#"):
            return None  # nothing to fetch: the document's own fragment
        refused = f"style {css_file}: refused {kind} {shown_reference(ref)}"
        if ref[:5].lower() == "data:":
            # Bytes given inline become a file of the book: the PDF renderer fetches nothing, not even data:,
            # and both books then hold the same checked file.
            return self.url_prefix + self._inline(ref, kind, refused).name
        if ref.startswith("//") or (_SCHEME.match(ref) and not ref.lower().startswith("file:")):
            raise OptionsError(
                f"{refused}: remote resources are never fetched (copy the file beside the CSS)"
            )
        parts = urlsplit(ref)
        location = unquote(parts.path)
        if not location:
            raise OptionsError(f"{refused}: it names no file")
        path = Path(location) if location.startswith("/") else css_file.parent / location
        try:
            resolved = path.resolve()
            inside = resolved.is_relative_to(self.root)
        except (OSError, ValueError):
            inside = False
        if not inside:
            raise OptionsError(f"{refused}: it is outside the stylesheet's folder {self.root}")
        if kind == "@import":
            if resolved in chain or resolved == css_file.resolve():
                raise OptionsError(f"{refused}: the stylesheets import each other in a loop")
            if len(chain) >= MAX_IMPORT_DEPTH:
                raise OptionsError(f"{refused}: @import is nested more than {MAX_IMPORT_DEPTH} deep")
        known = self.files.get(resolved)
        if known is None:
            known = self._read(resolved, kind, refused, (*chain, css_file.resolve()))
        fragment = f"#{parts.fragment}" if parts.fragment and kind != "@import" else ""
        return self.url_prefix + known.name + fragment

    def _inline(self, ref: str, kind: str, refused: str) -> StyleFile:
        """A data: URL's bytes as a file of the style (one file for the same URL given twice)."""
        known = self.inline.get(ref)
        if known is not None:
            return known
        meta, comma, payload = ref[5:].partition(",")
        media_type, *flags = meta.split(";")
        suffix = _DATA_SUFFIXES.get(media_type.strip().lower())
        if kind == "@import" or not comma or suffix is None:
            what = "a data: @import" if kind == "@import" else f"data of type {media_type or 'text/plain'!r}"
            raise OptionsError(f"{refused}: {what} is not a font or image a book may hold")
        try:
            if "base64" in (f.strip().lower() for f in flags):
                data = base64.b64decode("".join(unquote(payload).split()), validate=True)
            else:
                data = unquote_to_bytes(payload)
        except ValueError:
            raise OptionsError(f"{refused}: its base64 data is damaged") from None
        if len(self.files) + len(self.inline) >= MAX_FILES:
            raise OptionsError(f"{refused}: a stylesheet may pull in at most {MAX_FILES} files")
        self.total += len(data)
        if self.total > MAX_TOTAL_BYTES:
            raise OptionsError(f"{refused}: the style's files exceed {MAX_TOTAL_BYTES // 2**20} MiB")
        media_type = MEDIA_TYPES[suffix]
        if media_type.startswith("font/"):
            media_type = check_font(data, refused)
        else:
            check_image(data, media_type, refused)
        entry = StyleFile(self._unique(f"inline{suffix}"), data, media_type)
        self.inline[ref] = entry
        return entry

    def _read(self, resolved: Path, kind: str, refused: str, chain: tuple[Path, ...]) -> StyleFile:
        suffix = resolved.suffix.lower()
        if kind == "@import" and suffix != ".css":
            raise OptionsError(f"{refused}: an imported stylesheet must be a .css file")
        media_type = "text/css" if kind == "@import" else MEDIA_TYPES.get(suffix)
        if media_type is None:
            supported = ", ".join(sorted({s.lstrip(".") for s in MEDIA_TYPES}))
            raise OptionsError(f"{refused}: not a font or image type a book may hold ({supported})")
        if len(self.files) + len(self.inline) >= MAX_FILES:
            raise OptionsError(f"{refused}: a stylesheet may pull in at most {MAX_FILES} files")
        try:
            if not stat.S_ISREG(resolved.stat().st_mode):
                raise OptionsError(f"{refused}: not a regular file")
            with resolved.open("rb") as handle:  # bounded, like the stylesheet itself
                data = handle.read(MAX_TOTAL_BYTES - self.total + 1)
        except OSError as exc:
            raise OptionsError(f"{refused}: {exc.strerror or exc}") from None
        self.total += len(data)
        if self.total > MAX_TOTAL_BYTES:
            raise OptionsError(f"{refused}: the style's files exceed {MAX_TOTAL_BYTES // 2**20} MiB")
        if media_type.startswith("font/"):
            media_type = check_font(data, refused)
        elif media_type.startswith("image/"):
            check_image(data, media_type, refused)
        name = self._name(resolved, media_type)
        if kind == "@import":
            if len(data) > MAX_STYLE_BYTES:
                raise OptionsError(f"{refused}: larger than {MAX_STYLE_BYTES // 2**20} MiB")
            try:
                text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
            except UnicodeDecodeError:
                raise OptionsError(f"{refused}: not UTF-8 text") from None
            # Reserved before its own references are read, so a diamond of imports packs it once.
            self.files[resolved] = StyleFile(name, b"", media_type)
            data = self.rewrite(resolved, text, chain).encode("utf-8")
        entry = StyleFile(name, data, media_type)
        self.files[resolved] = entry
        return entry

    def _name(self, resolved: Path, media_type: str) -> str:
        """A file name safe in an EPUB (letters, digits, . _ -), unique in the styles folder, whose extension
        says its media type (a WOFF font named .ttf becomes .woff, so no tool is misled by the name)."""
        relative = resolved.relative_to(self.root).as_posix()
        name = _UNSAFE.sub("_", relative.replace("/", "-")).lstrip(".") or "file"
        if MEDIA_TYPES.get(Path(name).suffix.lower(), media_type) != media_type:
            name = str(Path(name).with_suffix(_DATA_SUFFIXES[media_type]))
        return self._unique(name)

    def _unique(self, base: str) -> str:
        """`base`, or with a number added when the styles folder has that name already."""
        stem, dot, suffix = base.rpartition(".")
        name, number = base, 1
        while name.casefold() in self.names:
            number += 1
            name = f"{stem}-{number}.{suffix}" if dot else f"{base}-{number}"
        self.names.add(name.casefold())
        return name
