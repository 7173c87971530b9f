"""HTML pages saved from legal portals: the document body as lines.

Page chrome (navigation, menus, download and share buttons, rating widgets,
footers; cues in ``patterns/html.yaml``) is dropped, block elements become
paragraphs, ``<br>`` a line break, tables tab-separated rows.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from vnplan import patterns
from vnplan.errors import NoBodyTextError
from vnplan.readers.grid import GridCell, expand
from vnplan.readers.layout import MAX_ROWS, cell_lines, is_layout_table, layout_lines
from vnplan.readers.txt import clean_text, decode_text
from vnplan.text.legacy import fix_font_encoding

_SPACE = re.compile(r"[ \t\u00a0\u200b]+")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w-]{1,40})""", re.I)


@lru_cache(maxsize=1)
def _cues() -> dict:
    data = patterns.load("html")
    return {
        "tags": set(data["drop_tags"]),
        "roles": set(data["drop_roles"]),
        "names": tuple(data["drop_names"]),
        "content": tuple(data["content_selectors"]),
        "blocks": set(data["blocks"]),
    }


def decode(data: bytes, name: str) -> tuple[str, Optional[str], list[int]]:
    """Text of the page body, the page's encoding, no pages."""
    html, encoding = _decode_html(data, name)
    text, font_encoding = fix_font_encoding(html_to_text(html))  # .VnTime/VNI fonts
    encoding = font_encoding or encoding
    if not text.strip():
        raise NoBodyTextError(name)
    return text, encoding, []


def _decode_html(data: bytes, name: str) -> tuple[str, str]:
    m = _CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii").lower()
        enc = patterns.load("html")["charset_aliases"].get(enc, enc)  # Latin-1 is read as Windows-1252
        try:
            return data.decode(enc), enc
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, name)


def html_to_text(html: str) -> str:
    """Body text, one paragraph per line, a blank line between paragraphs."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    if root is None:
        return ""
    total = len(_text_of(root))
    _drop_chrome(root, total)
    main = _main_content(root, len(_text_of(root)))
    out: list[str] = []
    _walk(main, out)
    raw = "".join(out)
    return clean_text(join_paragraphs(raw.split("\n")))


ROW = "\x00"  # marks a table row among the lines, so rows stay on consecutive lines


def join_paragraphs(lines: list[str]) -> str:
    """One paragraph per line and a blank line between paragraphs; consecutive
    table rows (marked with ``ROW``) on consecutive lines, as in the corpus."""
    out: list[str] = []
    prev_row = False
    for ln in lines:
        is_row = ln.startswith(ROW)
        ln = ln.lstrip(ROW)
        if "\t" in ln:
            ln = "\t".join(_SPACE.sub(" ", c).strip() for c in ln.split("\t"))
        else:
            ln = _SPACE.sub(" ", ln).strip()
        if not ln.strip():
            continue
        if out:
            out.append("\n" if (is_row and prev_row) else "\n\n")
        out.append(ln)
        prev_row = is_row
    return "".join(out) + "\n" if out else ""


def _text_of(node) -> str:
    return _SPACE.sub(" ", node.text(separator=" ") or "").strip()


def _is_chrome(node) -> bool:
    cues = _cues()
    if node.tag in cues["tags"]:
        return True
    attrs = node.attributes or {}
    if (attrs.get("role") or "").lower() in cues["roles"]:
        return True
    if attrs.get("aria-hidden") == "true" or "display:none" in (attrs.get("style") or "").replace(" ", "").lower():
        return True
    tokens = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split()
    return any(cue in tok for tok in tokens for cue in cues["names"])


def _drop_chrome(root, total: int) -> None:
    """Remove chrome elements, but never one holding most of the page's text."""
    doomed = []
    stack = [root]
    while stack:
        node = stack.pop()
        for child in node.iter(include_text=False):
            if child.tag in ("-comment",):
                doomed.append(child)
            elif _is_chrome(child) and (child.tag in _cues()["tags"] or len(_text_of(child)) < 0.5 * max(total, 1)):
                doomed.append(child)
            else:
                stack.append(child)
    for node in doomed:
        node.decompose()


def _main_content(root, total: int):
    for sel in _cues()["content"]:
        node = root.css_first(sel)
        if node is not None and len(_text_of(node)) >= 0.5 * total:
            return node
    return root


def _walk(node, out: list[str]) -> None:
    blocks = _cues()["blocks"]
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            out.append(child.text(deep=False).replace("\n", " ").replace("\r", " "))
        elif tag == "br":
            out.append("\n")
        elif tag == "table" and _is_layout_table(child):
            out.append("\n")
            _walk(child, out)  # cells of a page-layout table are blocks of text, not data
            out.append("\n")
        elif tag == "table" and (grid := _layout_grid(child)) is not None:
            out.append("\n")  # header / closing laid out as a table: its printed lines, one paragraph each
            out.extend(line + "\n" for line in layout_lines(grid))
        elif tag == "table":
            out.append("\n")
            out.extend(ROW + row + "\n" for row in _table_rows(child))
        elif tag in ("-comment",):
            continue
        elif tag in blocks:
            out.append("\n")
            _walk(child, out)
            out.append("\n")
        else:
            _walk(child, out)


def _own_rows(table) -> list:
    """``<tr>`` elements of ``table`` itself (not of a table nested in a cell)."""
    return [tr for tr in table.css("tr") if (owner := _closest_table(tr)) is None or owner.mem_id == table.mem_id]


def _layout_grid(table) -> Optional[list[list[list[str]]]]:
    """Rows of cells of printed lines when ``table`` is a header/closing layout table, else None."""
    trs = _own_rows(table)
    if not trs or len(trs) > MAX_ROWS:
        return None
    rows = []
    for tr in trs:
        cells = []
        for c in tr.iter(include_text=False):
            if c.tag in ("td", "th"):
                parts: list[str] = []
                _walk(c, parts)
                cells.append(cell_lines("".join(parts).replace(ROW, "").replace("\t", " ")))
        rows.append(cells)
    return rows if is_layout_table(rows) else None


def _table_rows(table) -> list[str]:
    """Tab-separated rows, merged cells (rowspan/colspan) expanded (see :mod:`vnplan.readers.grid`);
    a nested table's text stays in its outer cell."""
    grid = []
    for tr in _own_rows(table):
        cells = [c for c in tr.iter(include_text=False) if c.tag in ("td", "th")]
        grid.append([GridCell(_SPACE.sub(" ", c.text(separator=" ") or "").replace("\t", " ").strip(),
                              _span_attr(c, "rowspan"), _span_attr(c, "colspan")) for c in cells])
    return ["\t".join(texts) for texts in expand(grid) if any(texts)]


def _span_attr(cell, name: str) -> int:
    raw = ((cell.attributes or {}).get(name) or "").strip()
    digits = raw[: len(raw) - len(raw.lstrip("0123456789"))] if raw else ""
    return int(digits) if digits else 1


LAYOUT_CELL_CHARS = 1500  # a cell holding more text than this is page layout, not a data cell


def _is_layout_table(table) -> bool:
    """Old portals lay whole pages out in tables: one column, or a cell holding
    a long run of paragraphs."""
    widest = 0
    for tr in table.css("tr"):
        cells = [c for c in tr.iter(include_text=False) if c.tag in ("td", "th")]
        widest = max(widest, len(cells))
        if any(len(_text_of(c)) > LAYOUT_CELL_CHARS and c.css_first("p, div, table") is not None for c in cells):
            return True
    return widest <= 1


def _closest_table(node):
    p = node.parent
    while p is not None and p.tag != "table":
        p = p.parent
    return p
