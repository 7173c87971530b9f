"""Merged table cells (HTML ``rowspan``/``colspan``, DOCX ``vMerge``/``gridSpan``)
expanded to a rectangular grid of cell texts, one list per row.

* A cell spanning several columns is printed once, in its first column; the
  columns it covers are empty cells (as the PDF reader and the .txt corpus
  show a group cell such as ``II. Nhiệm vụ khác`` or ``Đơn vị thực hiện``).
* A cell spanning several rows in the header (the rows the first row's
  merged cells cover: ``STT`` / ``Nội dung`` over ``Chủ trì`` / ``Phối hợp``)
  is printed in its first row only: the rows under it start with an empty
  cell, which the table model reads as extra header rows.
* A cell spanning several body rows (a lead agency shared by two tasks) is
  repeated in every row it covers, so that each row carries its values as
  the .txt version of the table does; each copy is printed text of the row.
"""
from __future__ import annotations

from dataclasses import dataclass

MAX_COLSPAN = 50  # a colspan beyond this is damage, not layout


@dataclass
class GridCell:
    text: str
    rowspan: int = 1  # 0: to the end of the table (HTML)
    colspan: int = 1


def expand(rows: list[list[GridCell]]) -> list[list[str]]:
    """Texts of every grid position, row by row (see the module docstring)."""
    n = len(rows)
    owner: dict[tuple[int, int], tuple[int, int, str]] = {}  # (row, col) -> (origin row, origin col, text)
    header = 1
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in owner:
                c += 1
            down = n - r if cell.rowspan <= 0 else min(cell.rowspan, n - r)
            across = max(1, min(cell.colspan, MAX_COLSPAN))
            if r == 0:
                header = max(header, down)
            for dr in range(down):
                for dc in range(across):
                    owner.setdefault((r + dr, c + dc), (r, c, cell.text))
            c += across
    width = 1 + max((c for _, c in owner), default=-1)
    out = []
    for r in range(n):
        texts = []
        for c in range(width):
            got = owner.get((r, c))
            if got is None:
                texts.append("")
                continue
            r0, c0, text = got
            if c0 != c or (r0 != r and r < header):
                texts.append("")  # covered column of a wide cell, or a merged header cell's lower rows
            else:
                texts.append(text)  # the cell itself, or a body cell merged down: repeated
        out.append(texts)
    return out
