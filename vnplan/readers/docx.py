"""DOCX (Word 2007+): paragraphs and tables in body order.

Word's automatic list numbering is not in the paragraph text; it is rendered
from ``numbering.xml`` (number format, level text such as ``%1.`` or ``%2)``,
start values, counters per list and level) so that ``I.``, ``1.``, ``a)``
appear as printed. Tables become tab-separated rows.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Optional

from vnplan.errors import CorruptDocumentError, TruncatedFileError, UnsupportedFormatError
from vnplan.readers.grid import GridCell, expand
from vnplan.readers.html import ROW, join_paragraphs
from vnplan.readers.layout import MAX_ROWS, cell_lines, is_layout_table, layout_lines
from vnplan.readers.txt import clean_text
from vnplan.text.legacy import fix_font_encoding

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def decode(data: bytes, name: str) -> tuple[str, Optional[str], list[int]]:
    """Body text of a .docx, no encoding, no pages (Word paginates at print time)."""
    import docx  # python-docx (a missing module becomes ConverterMissingError in read_bytes)
    from docx.opc.exceptions import PackageNotFoundError

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile as err:  # no end-of-archive directory: the file was cut off
        raise TruncatedFileError(name, f"DOCX is truncated or not a complete zip archive ({len(data):,} bytes; "
                                       f"{err})") from None
    if "word/document.xml" not in names:
        kind = "an OpenDocument file (.odt/.ods)" if "mimetype" in names else (
            "an Excel workbook" if any(n.startswith("xl/") for n in names) else "a zip archive")
        raise UnsupportedFormatError(name, f"{kind}, not a Word .docx document")
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as err:
        raise CorruptDocumentError(name, f"DOCX is corrupt or truncated ({type(err).__name__}: {err})") from None
    except Exception as err:  # lxml syntax errors in a damaged part
        raise CorruptDocumentError(name, f"DOCX cannot be read ({type(err).__name__})") from None
    numbering = Numbering.from_document(document)
    lines = list(_body_lines(document, numbering))
    text, font_encoding = fix_font_encoding(join_paragraphs(lines))  # .VnTime/VNI fonts
    return clean_text(text), font_encoding, []


# --------------------------------------------------------------------------
# numbering.xml

@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: Optional[int] = None  # lvlRestart: restart after this (1-based) level


@dataclass
class Numbering:
    """Levels per numId, and the running counters."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    starts: dict[tuple[str, int], int] = field(default_factory=dict)  # lvlOverride/startOverride
    abstract_of: dict[str, str] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document) -> "Numbering":
        self = cls()
        try:
            part = document.part.numbering_part
        except (NotImplementedError, KeyError, AttributeError):
            part = None
        if part is not None:
            root = part.element
            abstract: dict[str, dict[int, Level]] = {}
            for an in root.findall(f"{W}abstractNum"):
                lv = {}
                for lvl in an.findall(f"{W}lvl"):
                    lv[int(lvl.get(f"{W}ilvl", "0"))] = _level(lvl)
                abstract[an.get(f"{W}abstractNumId")] = lv
            for num in root.findall(f"{W}num"):
                nid = num.get(f"{W}numId")
                ref = num.find(f"{W}abstractNumId")
                aid = ref.get(f"{W}val") if ref is not None else None
                self.levels[nid] = dict(abstract.get(aid, {}))
                self.abstract_of[nid] = aid
                for ov in num.findall(f"{W}lvlOverride"):
                    ilvl = int(ov.get(f"{W}ilvl", "0"))
                    so = ov.find(f"{W}startOverride")
                    if so is not None:
                        self.starts[(nid, ilvl)] = int(so.get(f"{W}val"))
                    lvl = ov.find(f"{W}lvl")
                    if lvl is not None:
                        self.levels[nid][ilvl] = _level(lvl)
        for style in document.styles:
            base, seen = style, 0
            while base is not None and seen < 10:  # numbering may come from a base style
                got = _num_pr(getattr(base.element, "pPr", None))
                if got:
                    self.style_num[style.style_id] = got
                    break
                base, seen = getattr(base, "base_style", None), seen + 1
        return self

    def label(self, num_id: str, ilvl: int) -> str:
        """Printed label of the next item of list ``num_id`` at level ``ilvl``."""
        levels = self.levels.get(num_id)
        if not levels or num_id == "0":
            return ""
        # lists sharing an abstract definition continue each other's numbers,
        # unless the list restarts them (startOverride)
        overrides = any(n == num_id for n, _ in self.starts)
        key = num_id if overrides else f"a{self.abstract_of.get(num_id) or num_id}"
        counters = self.counters.setdefault(key, {})
        level = levels.get(ilvl, Level())
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = self.starts.get((num_id, ilvl), level.start)
        for deeper in [k for k in counters if k > ilvl]:
            lv = levels.get(deeper, Level())
            if lv.restart is None or lv.restart - 1 >= ilvl:
                del counters[deeper]
        if level.fmt == "bullet":
            return level.text if level.text in ("-", "+", "*", "–") else "-"
        if level.fmt == "none":
            return ""
        text = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token in text:
                lv = levels.get(k, Level())
                value = counters.get(k, self.starts.get((num_id, k), lv.start))
                text = text.replace(token, _format(value, lv.fmt if k != ilvl else level.fmt))
        return text


def _level(lvl) -> Level:
    def val(tag: str) -> Optional[str]:
        el = lvl.find(f"{W}{tag}")
        return el.get(f"{W}val") if el is not None else None

    restart = val("lvlRestart")
    return Level(fmt=val("numFmt") or "decimal", text=val("lvlText") if val("lvlText") is not None else "",
                 start=int(val("start") or 1), restart=int(restart) if restart is not None else None)


_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _roman(n: int) -> str:
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word: a..z, then aa..zz, aaa..
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _num_pr(ppr) -> Optional[tuple[str, int]]:
    if ppr is None:
        return None
    numpr = ppr.find(f"{W}numPr")
    if numpr is None:
        return None
    nid = numpr.find(f"{W}numId")
    ilvl = numpr.find(f"{W}ilvl")
    if nid is None:
        return None
    return nid.get(f"{W}val"), int(ilvl.get(f"{W}val")) if ilvl is not None else 0


# --------------------------------------------------------------------------
# body

def _body_lines(document, numbering: Numbering):
    body = document.element.body
    for el in body.iterchildren():
        if el.tag == f"{W}p":
            yield _paragraph_text(el, numbering)
        elif el.tag == f"{W}tbl":
            yield ""
            grid = _layout_grid(el, numbering)
            if grid is not None:  # header / closing laid out as a table: its printed lines
                yield from layout_lines(grid)
            else:
                for row in _table_rows(el):
                    yield ROW + row
            yield ""
        elif el.tag == f"{W}sdt":
            content = el.find(f"{W}sdtContent")
            for p in (content.iter(f"{W}p") if content is not None else ()):
                yield _paragraph_text(p, numbering)


def _runs_text(el) -> str:
    parts = []
    for node in el.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}delText"):
        tag = node.tag
        if tag == f"{W}t":
            parts.append(node.text or "")
        elif tag == f"{W}tab":
            parts.append(" ")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")  # line, column or page break: a new line
    return "".join(parts)


def _paragraph_text(p, numbering: Numbering) -> str:
    text = _runs_text(p)
    ppr = p.find(f"{W}pPr")
    got = _num_pr(ppr)
    if got is None and ppr is not None:
        style = ppr.find(f"{W}pStyle")
        if style is not None:
            got = numbering.style_num.get(style.get(f"{W}val"))
    if got is not None and text.strip():
        label = numbering.label(*got)
        if label:
            text = f"{label} {text.lstrip()}"
    return text


def _layout_grid(tbl, numbering: Numbering) -> Optional[list[list[list[str]]]]:
    """Rows of cells of printed lines when ``tbl`` is a header/closing layout table, else None."""
    trs = tbl.findall(f"{W}tr")
    if not trs or len(trs) > MAX_ROWS:
        return None
    def grid(text_of) -> list[list[list[str]]]:
        return [[[ln for p in tc.iter(f"{W}p") for ln in cell_lines(text_of(p))] for tc in tr.findall(f"{W}tc")]
                for tr in trs]

    if not is_layout_table(grid(_runs_text)):  # decided on the bare text: list counters untouched
        return None
    return grid(lambda p: _paragraph_text(p, numbering))  # as printed, list marks ("- Như trên;") included


def _table_rows(tbl) -> list[str]:
    """Tab-separated rows, merged cells (gridSpan, vMerge) expanded (see :mod:`vnplan.readers.grid`)."""
    # each row: [grid column, cell, vMerge continuation?]
    placed: list[list[tuple[int, GridCell, bool]]] = []
    for tr in tbl.findall(f"{W}tr"):
        col = _int_val(tr.find(f"{W}trPr/{W}gridBefore"), 0)
        row = [(c, GridCell(""), False) for c in range(col)]
        for tc in tr.findall(f"{W}tc"):
            paras = [" ".join(_runs_text(p).split()) for p in tc.iter(f"{W}p")]
            span = max(1, _int_val(tc.find(f"{W}tcPr/{W}gridSpan"), 1))
            vmerge = tc.find(f"{W}tcPr/{W}vMerge")
            cont = vmerge is not None and vmerge.get(f"{W}val", "continue") == "continue"
            row.append((col, GridCell(" ".join(t for t in paras if t), 1, span), cont))
            col += span
        placed.append(row)
    grid = []
    for r, row in enumerate(placed):
        cells = []
        for col, cell, cont in row:
            if cont and _merge_origin(placed, r, col) is not None:
                continue  # covered by the cell above (its rowspan grows)
            cells.append(cell)
        grid.append(cells)
    return ["\t".join(texts) for texts in expand(grid) if any(texts)]


def _merge_origin(placed: list[list[tuple[int, GridCell, bool]]], r: int, col: int) -> Optional[GridCell]:
    """The cell a vMerge continuation at row ``r``, grid column ``col`` belongs to; its rowspan grows by one."""
    for above in range(r - 1, -1, -1):
        hit = next(((cell, cont) for c, cell, cont in placed[above] if c == col), None)
        if hit is None:
            return None
        cell, cont = hit
        if not cont:
            cell.rowspan += 1
            return cell
    return None


def _int_val(el, default: int) -> int:
    try:
        return int(el.get(f"{W}val")) if el is not None else default
    except (TypeError, ValueError):
        return default
