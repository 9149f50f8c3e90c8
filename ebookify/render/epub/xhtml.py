"""Whole XHTML content documents for the EPUB: XML declaration, language, head and a body fragment."""

from __future__ import annotations

from ebookify.render.html import attr_text

# Kindle's converter rejects documents without the encoding declaration; double quotes suit every reader.
XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
_COVER_CSS = (
    "html, body { margin: 0; padding: 0; height: 100%; text-align: center; }\n"
    "div.cover { height: 100%; margin: 0; padding: 0; }\n"
    "div.cover img { max-width: 100%; max-height: 100%; }\n"
)


def xhtml_document(
    title: str,
    body: str,
    lang: str,
    *,
    stylesheet: str | None = "styles/book.css",
    body_type: str | None = None,
    head_style: str | None = None,
) -> bytes:
    """A complete EPUB 3 XHTML document around an already escaped `body` fragment."""
    lang_attr = attr_text(lang)
    # The charset <meta> is for tools that read XHTML with an HTML parser (they ignore the XML declaration).
    head = ['<meta charset="utf-8"/>', f"<title>{attr_text(title)}</title>"]
    if stylesheet:
        head.append(f'<link rel="stylesheet" type="text/css" href="{attr_text(stylesheet)}"/>')
    if head_style:
        head.append(f'<style type="text/css">\n{head_style}</style>')
    body_attr = f' epub:type="{attr_text(body_type)}"' if body_type else ""
    text = (
        XML_DECLARATION + "<!DOCTYPE html>\n"
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
        f' lang="{lang_attr}" xml:lang="{lang_attr}">\n'
        "<head>\n" + "\n".join(head) + "\n</head>\n"
        f"<body{body_attr}>\n{body}\n</body>\n</html>\n"
    )
    return text.encode("utf-8")


def cover_document(image_href: str, alt_text: str, lang: str) -> bytes:
    """The cover page: the cover image alone, scaled to the screen, with a text alternative."""
    body = (
        '<div class="cover">'
        f'<img src="{attr_text(image_href)}" alt="{attr_text(alt_text)}" role="doc-cover"/>'
        "</div>"
    )
    return xhtml_document("Cover", body, lang, stylesheet=None, body_type="cover", head_style=_COVER_CSS)


def section(body: str, css_class: str, epub_type: str, role: str, label: str | None = None) -> str:
    """Wrap a fragment in a <section> with its structural semantics (and a label when it has no heading)."""
    label_attr = f' aria-label="{attr_text(label)}"' if label else ""
    return (
        f'<section class="{css_class}" epub:type="{epub_type}" role="{role}"{label_attr}>\n{body}\n</section>'
    )
