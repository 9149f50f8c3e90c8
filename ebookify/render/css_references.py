"""The files a stylesheet refers to (@import and url()), found with tinycss2; a stand-alone one has none."""

from __future__ import annotations

from ebookify.errors import OptionsError


def check_standalone(text: str, where: str) -> None:
    """Refuse a stylesheet that refers to any other file (the web page's upload comes alone)."""
    for kind, ref, _ in css_references(parse_css(text)):
        target = ref.strip()
        if target and not target.startswith("#") and target[:5].lower() != "data:":
            raise OptionsError(
                f"{where}: {kind} {shown_reference(target)} refers to another file; an uploaded stylesheet "
                "must stand alone (use data: URLs, or `ebookify --style` with the files beside it)"
            )


def parse_css(text: str) -> list[object]:
    import tinycss2

    return list(tinycss2.parse_component_value_list(text, skip_comments=False))


def shown_reference(ref: str) -> str:
    """A reference as quoted in a one-line message (control characters escaped, long ones cut)."""
    shown = repr(ref[:120])[1:-1]
    return f'"{shown}{"..." if len(ref) > 120 else ""}"'


def css_references(nodes: list[object]) -> list[tuple[str, str, tuple[list[object], int]]]:
    """Every reference in a stylesheet's parsed nodes: ("@import" or "url()", the reference, and where
    its node sits (its list and index), for rewriting). @namespace URLs name, they are never fetched."""
    from tinycss2 import ast

    found: list[tuple[str, str, tuple[list[object], int]]] = []

    def walk(items: list[object]) -> None:
        rule = ""  # the at-rule whose prelude this is, until its ';' or block
        for index, node in enumerate(items):
            if isinstance(node, ast.AtKeywordToken):
                rule = node.lower_value
            elif isinstance(node, ast.LiteralToken) and node.value == ";":
                rule = ""
            elif isinstance(node, ast.URLToken) and rule != "namespace":
                found.append(("@import" if rule == "import" else "url()", node.value, (items, index)))
            elif isinstance(node, ast.StringToken) and rule == "import":
                found.append(("@import", node.value, (items, index)))
            elif isinstance(node, ast.FunctionBlock):
                strings = [a for a in node.arguments if isinstance(a, ast.StringToken)]
                if node.lower_name == "url" and strings and rule != "namespace":
                    kind = "@import" if rule == "import" else "url()"
                    found.append((kind, strings[0].value, (items, index)))
                else:
                    walk(node.arguments)
            elif isinstance(node, ast.CurlyBracketsBlock | ast.SquareBracketsBlock | ast.ParenthesesBlock):
                rule = ""
                walk(node.content)
            if rule == "import" and found and found[-1][2][0] is items and found[-1][2][1] == index:
                rule = "import-rest"  # only an @import's first string or url() is its address

    walk(nodes)
    return found
