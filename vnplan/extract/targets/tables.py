"""Tables of targets: one target per numeric cell."""
from __future__ import annotations

from typing import Optional

import regex

from vnplan.model import Document, Metadata, Row, Section, Table, Target, ancestors, section_at
from vnplan.text.normalise import key as keyof
from vnplan.text.numbers import parse_quantity
from vnplan.extract.targets.clauses import clean_words
from vnplan.extract.targets.sections import is_status_section
from vnplan.extract.targets.vocab import YEAR, Vocab, vocab
from vnplan.extract.targets.years import find_year, heading_year, plan_year

_LETTER = regex.compile(r"\p{L}")


_UNIT_IN_HEADER = regex.compile(r"\((?P<u>%|‰|[^()]{1,20})\)\s*$", regex.V1)


def _header_paths(table: Table) -> list[list[str]]:
    """Per column, the header texts from top to bottom (merged cells filled)."""
    header = table.header
    width = max((len(r.cells) for r in table.rows), default=0)
    grid = [[(r.cells[j].text.strip() if j < len(r.cells) else "") for j in range(width)] for r in header]
    for i, row in enumerate(grid):
        for j in range(1, width):
            if not row[j] and row[j - 1] and any(grid[x][j] for x in range(i + 1, len(grid))):
                row[j] = row[j - 1]
    return [[grid[i][j] for i in range(len(grid)) if grid[i][j]] for j in range(width)]


def _scope_column(table: Table, paths: list[list[str]], v: Vocab) -> Optional[int]:
    body = table.body
    width = len(paths)
    for j in range(width):
        if paths[j] and v.index_header.match(keyof(paths[j][0])):
            continue
        cells = [r.cells[j].text.strip() for r in body if j < len(r.cells) and r.cells[j].text.strip()]
        if cells and sum(1 for c in cells if _LETTER.search(c)) > len(cells) / 2:
            return j
    return None


def _header_year(hk: str, v: Vocab) -> Optional[int]:
    """Year a column header names: "Chỉ tiêu năm 2021", "Mục tiêu 2025" (not "so với năm 2020")."""
    y = find_year(hk, v)
    if y:
        return y
    for m in reversed(list(regex.finditer(rf"(?<![\d.,/]){YEAR}(?![\d.,/])", hk))):
        if not v.not_horizon.search(hk[max(0, m.start() - 30):m.start()]) and not v.baseline_word.search(hk[max(0, m.start() - 16):m.start()]):
            return int(m.group())
    return None


def _unit_column(table: Table, paths: list[list[str]], v: Vocab) -> Optional[int]:
    """Column giving each row's unit ("ĐVT", "Đơn vị tính"; "Đơn vị" when its cells are units)."""
    for j, path in enumerate(paths):
        hk = keyof(" ".join(path)).strip()
        if not v.unit_header.fullmatch(hk):
            continue
        if any(w in hk for w in v.unit_column_words):
            return j
        cells = [keyof(r.cells[j].text).strip() for r in table.body if j < len(r.cells) and r.cells[j].text.strip()]
        units = [c for c in cells if c in ("%", "‰") or v.unit_noun.fullmatch(" " + c)]
        if cells and len(units) * 2 >= len(cells):
            return j
    return None


def _cell_words(row: Row, j: Optional[int]) -> Optional[str]:
    """Words of the row's cell in column ``j`` (white space folded), None when empty or absent."""
    if j is None or j >= len(row.cells):
        return None
    return " ".join(row.cells[j].text.split()) or None


def table_targets(doc: Document, tables: list[Table], sections: list[Section],
                  metadata: Optional[Metadata]) -> list[Target]:
    """One target per numeric cell of a table.

    Two layouts: one row per place or unit (Biểu 6: column header = indicator,
    row name = ``scope``), or one row per indicator (first text column headed
    "Chỉ tiêu" / "Nội dung": row name = indicator, column header = year or scope).
    """
    v = vocab()
    base_year = plan_year(metadata)
    out: list[Target] = []
    for table in tables:
        if not table.rows or table.header_rows < 1:
            continue
        paths = _header_paths(table)
        name_col = _scope_column(table, paths, v)
        unit_col = _unit_column(table, paths, v)
        rows_are_indicators = name_col is not None and bool(paths[name_col]) and \
            bool(v.indicator_header.search(keyof(" ".join(paths[name_col]))))
        title_year = find_year(keyof(table.title or ""), v)
        secs = ancestors(sections, table.span.start)
        if secs and is_status_section(secs, v):
            continue
        sec_year = heading_year(doc, secs, v) if secs else None
        for row in table.body:
            name = _cell_words(row, name_col)
            if name is None:
                name = next((" ".join(c.text.split()) for c in row.cells
                             if _LETTER.search(c.text)), None)
            row_unit = _cell_words(row, unit_col)
            for j, cell in enumerate(row.cells):
                if j in (name_col, unit_col) or j >= len(paths) or not paths[j]:
                    continue
                if v.index_header.match(keyof(paths[j][0])):
                    continue
                path = paths[j]
                hk = keyof(" ".join(path))
                if v.skip_column.search(hk):
                    continue  # money, time and results columns: not targets
                q = parse_quantity(cell.text)
                if q is None:
                    continue
                unit = q.unit or row_unit
                for h in reversed(path):
                    um = _UNIT_IN_HEADER.search(h)
                    if um and unit is None:
                        unit = um.group("u").strip()
                header = " — ".join(clean_words(_UNIT_IN_HEADER.sub("", h)) or h for h in path)
                if rows_are_indicators and name:
                    um = _UNIT_IN_HEADER.search(name)
                    if um and unit is None:
                        unit = um.group("u").strip()
                    indicator = clean_words(_UNIT_IN_HEADER.sub("", name)) or name
                    # the column is a year ("Mục tiêu 2025"), a place ("Toàn tỉnh")
                    # or a measure ("Số lượng") of the row's indicator
                    if regex.fullmatch(rf"(?:\p{{L}}+\s+){{0,3}}{YEAR}", hk.strip()):
                        scope = None
                    elif v.place_header.match(hk.strip()):
                        scope = header
                    else:
                        scope, indicator = None, f"{indicator} — {header}"
                    about = keyof(name) + " " + hk
                else:
                    indicator, scope, about = header, name, hk
                masked = v.mask_not_direction(about)
                dm = v.dir_rx.search(masked)
                bm = v.baseline.search(about)
                year = _header_year(hk, v) or title_year or sec_year or base_year
                sec = section_at(sections, cell.span.start)
                out.append(Target(
                    id="", indicator=indicator, comparator=q.comparator, value=q.value,
                    unit=unit, text=doc.text[cell.span.start:cell.span.end], span=cell.span,
                    value_max=q.value_max, of=None,
                    direction=v.direction_of(dm.group()) if dm else None,
                    year=year, baseline=clean_words(about[bm.start("b"):bm.end("b")]) if bm else None,
                    scope=scope, section_id=table.section_id or (sec.id if sec else None),
                    value_span=cell.span, page=doc.page_at(cell.span.start),
                ))
    return out
