"""Tables of a plan, in either of the two layouts found in real files.

* ``tsv``: one row per line, cells separated by tabs (or ``|`` pipes). Blank
  lines may sit inside a table (page breaks); a line whose first cell is
  empty and whose first words start in lower case continues the row before
  it (a row cut by a page break), its fragments joined to that row's cells.
  Leading rows before the first numbered row whose first cell is empty
  (merged header cells) are extra header rows.
* ``flattened``: each cell on its own line. A run of short lines that are
  column names (``TT`` / ``Nội dung công việc`` / ``Đơn vị chủ trì`` ...,
  see ``patterns/tables.yaml``) is the header; each row then opens with its
  number (``1``, ``2.``) or a Roman-numeral group (``II``), alone on its line
  or followed by the first cell.

Every cell keeps its exact span; a cell continued over several lines has
``text`` = the fragments joined by one space, ``span`` from the first
fragment to the last and ``parts`` = the fragment spans.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import regex

from vnplan import patterns
from vnplan.model import Cell, Document, Row, Section, Span, Table, section_at
from vnplan.structure.lines import LineInfo
from vnplan.structure.lines import cells as line_cells
from vnplan.text.normalise import key

_TASK_HEADER = regex.compile(r"(?:nội dung|nhiệm vụ|giải pháp|hoạt động|tên|chỉ tiêu)")

_ROMAN = r"(?=[IVXLC])(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
# A row number alone on its line: "1", "2.", "II", "III." ; or with the first cell.
_OPENER_ALONE = regex.compile(rf"^\s*(\d{{1,3}}|{_ROMAN})\s*[\.\):]?\s*$", regex.V1)
_OPENER_WITH = regex.compile(rf"^\s*(\d{{1,3}}|{_ROMAN})\s*[\.\)]\s*(\S.*?)\s*$", regex.V1)
_PIPE_RULE = regex.compile(r"^[\s|:\-=+]+$")
_YEAR_COLUMN = regex.compile(r"^(?:năm\s+)?(?:19|20)\d{2}$")
_MAX_LOOKBACK = 6  # lines searched above a table for its caption


@lru_cache(maxsize=1)
def _caption_re() -> "regex.Pattern[str]":
    alts = "|".join(key(c) for c in patterns.load("tables")["caption"])
    return regex.compile(rf"^\W{{0,3}}(?:{alts})(?!\p{{L}})", regex.V1)


@lru_cache(maxsize=1)
def _column_re() -> "regex.Pattern[str]":
    alts = "|".join(key(c) for c in patterns.load("tables")["column_names"])
    return regex.compile(rf"^(?:{alts})\s*:?$", regex.V1)


@lru_cache(maxsize=1)
def _closing_paragraph_re() -> "regex.Pattern[str]":
    alts = "|".join(key(c) for c in patterns.load("layout")["closing_paragraph"])
    return regex.compile(rf"^(?:{alts})", regex.V1)


def _min_header_cells() -> int:
    return int(patterns.load("tables").get("min_header_cells", 3))


@lru_cache(maxsize=1)
def _indicator_column_re() -> "regex.Pattern[str]":
    alts = "|".join(key(c) for c in patterns.load("tables").get("indicator_columns", [])) or "(?!)"
    return regex.compile(rf"^(?:{alts})\s*:?$", regex.V1)


@lru_cache(maxsize=1)
def _total_row_re() -> "regex.Pattern[str]":
    alts = "|".join(key(c) for c in patterns.load("tables").get("total_rows", [])) or "(?!)"
    return regex.compile(rf"^(?:{alts})\s*:?$", regex.V1)


def _roman_value(s: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = vals[a]
        total += -v if b != " " and vals.get(b, 0) > v else v
    return total


def row_number(text: str) -> Optional[tuple[str, int]]:
    """``("arabic", 3)`` for ``3.``, ``("roman", 2)`` for ``II``, else None."""
    m = _OPENER_ALONE.match(text)
    if not m:
        return None
    tok = m.group(1)
    return ("arabic", int(tok)) if tok.isdigit() else ("roman", _roman_value(tok))


# --------------------------------------------------------------------------
# Cells


def _cell(doc: Document, start: int, end: int) -> Cell:
    """Cell over ``[start, end)`` with surrounding white space trimmed."""
    raw = doc.text[start:end]
    lead = len(raw) - len(raw.lstrip())
    trail = len(raw) - len(raw.rstrip())
    if lead == len(raw):
        return Cell("", Span(start, start))
    s, e = start + lead, end - trail
    return Cell(doc.text[s:e], Span(s, e))


def _merge(a: Cell, b: Cell) -> Cell:
    """``a`` continued by ``b`` (a later fragment of the same cell)."""
    if not b.text:
        return a
    if not a.text:
        return Cell(b.text, b.span, list(b.parts))
    parts = (a.parts or [a.span]) + (b.parts or [b.span])
    return Cell(f"{a.text} {b.text}", Span(a.span.start, b.span.end), parts)


def _split_delimited(doc: Document, start: int, end: int) -> list[Cell]:
    """Cells of one tab- or pipe-separated line."""
    raw = doc.text[start:end]
    sep = "\t" if "\t" in raw.strip(" ") else "|"
    if sep == "|":  # markdown: drop the outer pipes
        lo = raw.find("|") + 1 if raw.lstrip().startswith("|") else 0
        hi = raw.rfind("|") if raw.rstrip().endswith("|") else len(raw)
        start, raw = start + lo, raw[lo:hi]
    cells, pos = [], 0
    for piece in raw.split(sep):
        cells.append(_cell(doc, start + pos, start + pos + len(piece)))
        pos += len(piece) + 1
    return cells


def _is_delimited(doc: Document, info: LineInfo) -> bool:
    if info.kind != "table":
        return False
    raw = doc.text[info.line.start:info.line.end]
    return "\t" in raw.strip(" ") or not _PIPE_RULE.match(raw)


def _is_rule(doc: Document, info: LineInfo) -> bool:
    raw = doc.text[info.line.start:info.line.end]
    return info.kind == "table" and "\t" not in raw and bool(_PIPE_RULE.match(raw))


# --------------------------------------------------------------------------
# Rows


@dataclass
class _Row:
    cells: list[Cell]
    start: int
    end: int

    def to_row(self) -> Row:
        return Row(self.cells, Span(self.start, self.end))


def _first_words(cells: list[Cell]) -> str:
    for c in cells[1:]:
        if c.text:
            return c.text
    return ""


def _continues(cells: list[Cell]) -> bool:
    """A delimited line continuing the row above: empty first cell, lower-case words."""
    if cells[0].text:
        return False
    first = _first_words(cells).lstrip("\"“'‘(")
    return bool(first) and first[0].islower()


def _merge_rows(prev: _Row, cells: list[Cell], end: int) -> None:
    width = max(len(prev.cells), len(cells))
    merged = []
    for i in range(width):
        a = prev.cells[i] if i < len(prev.cells) else None
        b = cells[i] if i < len(cells) else None
        if a is None:
            merged.append(b)
        elif b is None:
            merged.append(a)
        else:
            merged.append(_merge(a, b))
    prev.cells, prev.end = merged, end


def _header_count(rows: list[_Row]) -> int:
    """Leading header rows: a first row without a row number, and the rows
    under it whose first cell is empty (merged header cells)."""
    if not rows or row_number(rows[0].cells[0].text) is not None:
        return 0
    count = 1
    for r in rows[1:]:
        if r.cells[0].text:
            break
        count += 1
    return count if count < len(rows) else 1


# --------------------------------------------------------------------------
# Delimited (tsv) tables


def _tsv_block(doc: Document, infos: list[LineInfo], i: int) -> tuple[list[_Row], int, int]:
    """Rows of the delimited table starting at line ``i``; its last line; header rows.

    The table ends at the closing block: a side-by-side ``Nơi nhận:<TAB>TM.
    ỦY BAN NHÂN DÂN`` line after it is the signature, not a row. (A block
    that opens with such a line is the tabbed closing itself, read whole and
    left out by :func:`_find`.)
    """
    n = len(infos)
    raw_rows: list[tuple[list[Cell], int, int]] = []
    j, last = i, i
    while j < n:
        info = infos[j]
        if info.kind == "blank" or _is_rule(doc, info):
            j += 1
            continue
        if not _is_delimited(doc, info):
            break
        if j > i and _closing_row(doc, info):
            break  # "Nơi nhận:<TAB>TM. ỦY BAN NHÂN DÂN": the two-column closing after the table is not a row
        raw_rows.append((_split_delimited(doc, info.line.start, info.line.end), info.line.start, info.line.end))
        last = j
        j += 1
    header = _header_count([_Row(c, s, e) for c, s, e in raw_rows])
    rows = [_Row(c, s, e) for c, s, e in raw_rows[:header]]
    for k, (cells, s, e) in enumerate(raw_rows[header:]):
        if k > 0 and _continues(cells):
            _merge_rows(rows[-1], cells, e)
        else:
            rows.append(_Row(cells, s, e))
    for prev, row in zip(rows[header:], rows[header + 1:]):
        _reattach_orphans(prev, row)
    return rows, last, header


_ORPHAN = regex.compile(r"^(?:và|hoặc|cùng)\s|^[,;]", regex.V1)


def _reattach_orphans(prev: _Row, row: _Row) -> None:
    """Move a cell fragment such as ``và DS-KHHGD quận`` (the end of the cell
    above, pushed down by a page break) back to the row above."""
    for col in range(2, min(len(prev.cells), len(row.cells))):
        cell = row.cells[col]
        if cell.text and prev.cells[col].text and _ORPHAN.match(cell.text):
            prev.cells[col] = _merge(prev.cells[col], cell)
            row.cells[col] = Cell("", Span(cell.span.start, cell.span.start))


# --------------------------------------------------------------------------
# Flattened tables


def _line_key(doc: Document, info: LineInfo) -> str:
    return " ".join(key(doc.text[info.line.start:info.line.end]).strip(" *_#").split())


def _flat_header(doc: Document, infos: list[LineInfo], i: int) -> Optional[tuple[list[Cell], int]]:
    """Header cells of a flattened table starting at line ``i`` and the line after it."""
    cells: list[Cell] = []
    named = 0  # cells that are column names, not indicators with their unit
    j, n = i, len(infos)
    while j < n:
        info = infos[j]
        if info.kind == "blank":
            j += 1
            continue
        text = _line_key(doc, info)
        if len(text) > 60:
            break
        if _column_re().match(text):
            named += 1
        elif not _indicator_column_re().match(text):
            break
        cells.append(_cell(doc, info.line.start, info.line.end))
        j += 1
    if named < len(cells) and named < int(patterns.load("tables").get("min_named_columns", 2)):
        return None  # "Sở Y tế (SYT)" / "Sở Nội vụ (SNV)" ...: no header
    cells = _drop_column_groups(cells)
    if len(cells) < _min_header_cells():
        return None
    # The header must be followed by a numbered row.
    while j < n and infos[j].kind == "blank":
        j += 1
    if j >= n or _opener(doc, infos[j]) is None:
        return None
    return cells, j


@lru_cache(maxsize=1)
def _group_res() -> tuple["regex.Pattern[str]", "regex.Pattern[str]"]:
    data = patterns.load("tables")
    groups = "|".join(key(c) for c in data.get("column_groups", []))
    subs = "|".join(key(c) for c in data.get("subcolumns", []))
    return regex.compile(rf"^(?:{groups})\s*:?$", regex.V1), regex.compile(rf"^(?:{subs})\s*:?$", regex.V1)


def _drop_column_groups(cells: list[Cell]) -> list[Cell]:
    """Header cells without a group name that spans the sub-columns after it."""
    group, sub = _group_res()
    out = []
    for i, c in enumerate(cells):
        nxt = cells[i + 1].text if i + 1 < len(cells) else ""
        if group.match(" ".join(key(c.text).split())) and sub.match(" ".join(key(nxt).split())):
            continue
        out.append(c)
    return out


def _opener(doc: Document, info: LineInfo) -> Optional[tuple[str, int, Optional[Cell], Cell]]:
    """(numbering, value, first cell after the number or None, number cell)."""
    raw = doc.text[info.line.start:info.line.end]
    m = _OPENER_ALONE.match(raw)
    if m:
        num = row_number(raw)
        return num[0], num[1], None, _cell(doc, info.line.start, info.line.end)
    m = _OPENER_WITH.match(raw)
    if m:
        num = row_number(m.group(1))
        s = info.line.start
        return (num[0], num[1], _cell(doc, s + m.start(2), s + m.end(2)),
                _cell(doc, s + m.start(1), s + m.end(1)))
    return None


def _content_column(header: list[Cell]) -> int:
    for i, c in enumerate(header):
        if _TASK_HEADER.match(key(c.text)):
            return i
    return min(1, len(header) - 1)


def _fit(cells: list[Cell], ncol: int, content: int) -> list[Cell]:
    """Cells of a flattened row fitted to ``ncol`` columns: surplus lines join the content column."""
    extra = len(cells) - ncol
    if extra <= 0:
        return cells
    joined = cells[content]
    for c in cells[content + 1:content + 1 + extra]:
        joined = _merge(joined, c)
    return cells[:content] + [joined] + cells[content + 1 + extra:]


def _ends_flat(doc: Document, info: LineInfo) -> bool:
    """A line that cannot be a cell: a caption, the closing block or its
    ``Trên đây là ...`` paragraph, or a heading naming a known section kind
    (``III. KINH PHÍ``, ``IV. TỔ CHỨC THỰC HIỆN``)."""
    from vnplan.structure import layout as lay
    from vnplan.structure.kinds import kind_of

    text = doc.text[info.line.start:info.line.end].strip()
    k = key(text)
    if _caption_re().match(k) or lay.is_closing_start(doc, info) or _closing_paragraph_re().match(k):
        return True
    if info.kind == "heading" and info.marker in ("part", "upper", "roman"):
        return kind_of(doc.text[info.title_start:info.line.end]) != "other"
    return False


def _flat_block(doc: Document, infos: list[LineInfo], header: list[Cell], j: int) -> tuple[list[_Row], int]:
    """Body rows of a flattened table whose first row opens at line ``j``; its last line."""
    ncol, content = len(header), _content_column(header)
    # columns of numbers (an indicator with its unit, a year): a bare number due there is a cell
    numeric = {i for i, c in enumerate(header)
               if _indicator_column_re().match(" ".join(key(c.text).strip(" *_#").split()))
               or _YEAR_COLUMN.match(" ".join(key(c.text).split()))}
    rows: list[_Row] = []
    cur: Optional[_Row] = None
    last_arabic, last_roman, last = 0, 0, j
    carried = 0  # numbering may run on across Roman groups: I / 1, 2 / II / 3
    n = len(infos)
    while j < n:
        info = infos[j]
        if info.kind == "blank":
            j += 1
            continue
        if _ends_flat(doc, info):
            break
        op = _opener(doc, info)
        accept = False
        if op is not None:
            kind, value = op[0], op[1]
            full = cur is None or len(cur.cells) >= ncol
            if kind == "roman":
                accept = value == last_roman + 1 or (full and value == 1 and last_roman == 0)
            else:
                accept = value == last_arabic + 1 or (value == 1 and (full or cur is None)) \
                    or (last_arabic == 0 and carried > 0 and value == carried + 1)
            accept = accept or (full and cur is not None and op[2] is None and kind == "arabic"
                                and value == last_arabic + 1)
            if accept and cur is not None and op[2] is None and len(cur.cells) < ncol \
                    and len(cur.cells) in numeric:
                accept = False  # "3" under "Số trường đạt chuẩn (trường)": a cell, not row 3
        if not accept and cur is not None and len(cur.cells) >= ncol - 1 \
                and _total_row_re().match(_line_key(doc, info)):
            # "Toàn tỉnh" / "Tổng cộng": a row of totals whose empty number cell left no line
            cur = _Row([Cell("", Span(info.line.start, info.line.start)),
                        _cell(doc, info.line.start, info.line.end)], info.line.start, info.line.end)
            rows.append(cur)
            last = j
            j += 1
            continue
        if accept:
            kind, value, first, number = op
            if kind == "roman":
                carried = last_arabic or carried
                last_roman, last_arabic = value, 0
            else:
                last_arabic = value
            cur = _Row([number] + ([first] if first else []), info.line.start, info.line.end)
            rows.append(cur)
        else:
            if cur is None or len(cur.cells) >= 3 * ncol:
                break
            cur.cells.append(_cell(doc, info.line.start, info.line.end))
            cur.end = info.line.end
        last = j
        j += 1
    for r in rows:
        r.cells = _fit(r.cells, ncol, content)
    return rows, last


# --------------------------------------------------------------------------
# Table assembly


def _caption(doc: Document, infos: list[LineInfo], first: int, floor: int) -> Optional[str]:
    """The ``Biểu N: ...`` caption line above line ``first`` (not above ``floor``)."""
    seen = 0
    for j in range(first - 1, max(floor, first - 1 - 2 * _MAX_LOOKBACK) - 1, -1):
        info = infos[j]
        if info.kind == "blank":
            continue
        if info.kind == "table":
            return None
        text = doc.text[info.line.start:info.line.end].strip().strip("*_# ")
        if _caption_re().match(key(text)):
            return text
        seen += 1
        if seen >= _MAX_LOOKBACK:
            return None
    return None


def _closing_row(doc: Document, info: LineInfo) -> bool:
    """A line of the closing block: ``Nơi nhận:``/``TM.``/``KT.`` in any of its
    cells (``- Như trên;<TAB>KT. CHỦ TỊCH`` under a plain ``Nơi nhận:`` line)."""
    from vnplan.structure import layout as lay

    memo = doc.__dict__.setdefault("_closing_row", {})  # asked once per table line and block
    found = memo.get((info.line.index, info.kind))
    if found is None:
        found = memo[(info.line.index, info.kind)] = lay.is_closing_start(doc, info) or (
            info.kind == "table" and any(lay.is_closing_text(c.text) for c in line_cells(doc, info.line)))
    return found


def _in_closing(doc: Document, infos: list[LineInfo], lo: int, hi: int) -> bool:
    return any(_closing_row(doc, infos[k]) for k in range(lo, hi + 1))


@dataclass
class _Found:
    first: int
    last: int
    layout: str
    rows: list[_Row] = field(default_factory=list)
    header_rows: int = 1


def _find(doc: Document, infos: list[LineInfo]) -> list[_Found]:
    out: list[_Found] = []
    i, n = 0, len(infos)
    while i < n:
        info = infos[i]
        if _is_delimited(doc, info):
            rows, last, header = _tsv_block(doc, infos, i)
            wide = [r for r in rows if sum(1 for c in r.cells if c.text) >= 2]
            if len(rows) >= 2 and len(wide) >= 1 and not _in_closing(doc, infos, i, last):
                out.append(_Found(i, last, "tsv", rows, header))
            i = last + 1
            continue
        if info.kind in ("text", "heading"):
            head = _flat_header(doc, infos, i)
            if head is not None:
                cells, j = head
                rows, last = _flat_block(doc, infos, cells, j)
                if rows:
                    header_row = _Row(cells, cells[0].span.start, cells[-1].span.end)
                    out.append(_Found(i, last, "flattened", [header_row] + rows, 1))
                    i = last + 1
                    continue
        i += 1
    return out


def get_tables(doc: Document, sections: list[Section], infos: list[LineInfo]) -> list[Table]:
    """Every table of the document, in order, as :class:`~vnplan.model.Table`."""
    tables: list[Table] = []
    floor = 0
    for k, f in enumerate(_find(doc, infos), start=1):
        rows = [r.to_row() for r in f.rows]
        span = Span(rows[0].span.start, rows[-1].span.end)
        sec = section_at(sections, span.start)
        tables.append(Table(
            id=f"T{k}", span=span, rows=rows, header_rows=f.header_rows,
            title=_caption(doc, infos, f.first, floor),
            section_id=sec.id if sec else None, layout=f.layout,
        ))
        floor = f.last + 1
    return tables
