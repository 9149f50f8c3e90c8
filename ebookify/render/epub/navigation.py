"""The EPUB 3 navigation document (contents and landmarks) and the EPUB 2 NCX for older readers."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ebookify.render.epub.xhtml import XML_DECLARATION, xhtml_document
from ebookify.render.html import attr_text


@dataclass(frozen=True)
class NavEntry:
    """One line of the table of contents, with the entries nested under it (an anthology's chapters)."""

    title: str
    href: str
    children: tuple[NavEntry, ...] = ()


@dataclass(frozen=True)
class Landmark:
    """A landmark: an EPUB 3 structural type, its EPUB 2 guide type, a label and a target."""

    epub_type: str
    guide_type: str
    title: str
    href: str


def toc_depth(entries: Sequence[NavEntry]) -> int:
    """How deep the contents nest (1 for a flat list)."""
    return max((1 + toc_depth(entry.children) for entry in entries), default=0)


def _nav_list(entries: Sequence[NavEntry], indent: str) -> list[str]:
    lines = [f"{indent}<ol>"]
    for entry in entries:
        link = f'<a href="{attr_text(entry.href)}">{attr_text(entry.title or "Untitled")}</a>'
        if entry.children:
            lines.append(f"{indent}  <li>{link}")
            lines += _nav_list(entry.children, indent + "    ")
            lines.append(f"{indent}  </li>")
        else:
            lines.append(f"{indent}  <li>{link}</li>")
    lines.append(f"{indent}</ol>")
    return lines


def nav_document(
    entries: Sequence[NavEntry], landmarks: Sequence[Landmark], lang: str, heading: str = "Contents"
) -> bytes:
    """nav.xhtml: the table of contents, then the landmarks (hidden: reading systems show them in menus)."""
    if not entries:
        raise ValueError("a navigation document needs at least one entry")
    body = [
        '<nav epub:type="toc" id="toc" role="doc-toc">',
        f'<h1 class="contents-title">{attr_text(heading)}</h1>',
        *_nav_list(entries, ""),
        "</nav>",
    ]
    if landmarks:
        body += ['<nav epub:type="landmarks" id="landmarks" hidden="hidden">', "<h2>Landmarks</h2>", "<ol>"]
        body += [
            f'  <li><a epub:type="{attr_text(mark.epub_type)}" href="{attr_text(mark.href)}">'
            f"{attr_text(mark.title)}</a></li>"
            for mark in landmarks
        ]
        body += ["</ol>", "</nav>"]
    return xhtml_document(heading, "\n".join(body), lang, body_type="frontmatter")


def _nav_points(entries: Sequence[NavEntry], order: Iterator[int], indent: str) -> list[str]:
    lines = []
    for entry in entries:
        number = next(order)
        lines += [
            f'{indent}<navPoint id="navpoint-{number}" playOrder="{number}">',
            f"{indent}  <navLabel><text>{attr_text(entry.title or 'Untitled')}</text></navLabel>",
            f'{indent}  <content src="{attr_text(entry.href)}"/>',
            *_nav_points(entry.children, order, indent + "  "),
            f"{indent}</navPoint>",
        ]
    return lines


def ncx_document(
    entries: Sequence[NavEntry], identifier: str, title: str, authors: Sequence[str], lang: str
) -> bytes:
    """toc.ncx: the same contents for EPUB 2 readers, with play order and the real depth."""
    head = [
        f'<meta name="dtb:uid" content="{attr_text(identifier)}"/>',
        f'<meta name="dtb:depth" content="{max(1, toc_depth(entries))}"/>',
        '<meta name="dtb:totalPageCount" content="0"/>',
        '<meta name="dtb:maxPageNumber" content="0"/>',
    ]
    lines = [
        f'<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="{attr_text(lang)}">',
        "<head>",
        *(f"  {line}" for line in head),
        "</head>",
        f"<docTitle><text>{attr_text(title or 'Untitled')}</text></docTitle>",
        *(f"<docAuthor><text>{attr_text(author)}</text></docAuthor>" for author in authors),
        "<navMap>",
        *_nav_points(entries, itertools.count(1), "  "),
        "</navMap>",
        "</ncx>",
    ]
    return (XML_DECLARATION + "\n".join(lines) + "\n").encode("utf-8")
