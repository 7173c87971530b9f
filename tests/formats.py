"""Build PDF, DOCX, HTML and legacy-encoded versions of a plan text (test helper).

Each builder takes the clean text of a plan (one paragraph per line, tables
as runs of tab-separated lines) and writes the same content the way real
files hold it: a paginated A4 PDF with running header, page numbers, a table
and a sentence broken across a page; a DOCX whose headings use Word automatic
numbering; an HTML page wrapped in portal chrome.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Iterator, Optional, Union

Block = Union[str, list[list[str]]]  # a paragraph, or a table (rows of cells)

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
]


def vietnamese_font() -> Optional[str]:
    """Path of a TTF with Vietnamese glyphs: the font-roboto package (test
    extra), else a system DejaVu Sans."""
    try:
        import font_roboto

        return font_roboto.Roboto
    except (ImportError, AttributeError):
        pass
    for path in FONT_CANDIDATES:
        if Path(path).is_file():
            return path
    return None


def blocks(text: str) -> Iterator[Block]:
    """Paragraphs and tables of a plan text, in order."""
    table: list[list[str]] = []
    for line in text.split("\n"):
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table:
            yield _square(table)
            table = []
        if line.strip():
            yield line.strip()
    if table:
        yield _square(table)


def _square(rows: list[list[str]]) -> list[list[str]]:
    width = max(len(r) for r in rows)
    return [[c.strip() for c in r] + [""] * (width - len(r)) for r in rows]


# --------------------------------------------------------------------------
# PDF

RUNNING_HEADER = "Cổng thông tin điện tử - Văn bản chỉ đạo điều hành"


def build_pdf(text: str, path: Path, font: str) -> dict:
    """A4 PDF; returns facts about it (pages, the paragraph broken across pages)."""
    from fpdf import FPDF

    class PlanPDF(FPDF):
        def header(self):
            self.set_font("V", size=8)
            self.cell(0, 5, RUNNING_HEADER, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self):
            self.set_y(-15)
            self.set_font("V", size=8)
            self.cell(0, 5, f"Trang {self.page_no()}", align="C")

    pdf = PlanPDF(format="A4")
    pdf.add_font("V", fname=font)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(20, 15, 20)
    pdf.add_page()
    pdf.set_font("V", size=11)
    all_blocks = list(blocks(text))
    broken: Optional[str] = None
    line_h = 6
    for k, block in enumerate(all_blocks):
        if isinstance(block, list):
            pdf.set_font("V", size=7)
            with pdf.table(text_align="LEFT", first_row_as_headings=False, repeat_headings=0,
                           line_height=4) as table:
                for row in block:
                    r = table.row()
                    for cell in row:
                        r.cell(cell)
            pdf.set_font("V", size=11)
            pdf.ln(4)
            continue
        if broken is None and k > len(all_blocks) // 3 and len(block) > 300 and not block[:1].isdigit():
            # start this paragraph two lines above the page end: a sentence broken across pages
            pdf.set_y(pdf.page_break_trigger - 2 * line_h + 0.5)
            broken = block
        pdf.multi_cell(0, line_h, block, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.output(str(path))
    return {"pages": pdf.page_no(), "broken": broken}


# --------------------------------------------------------------------------
# DOCX

LABEL = re.compile(r"^(?:(?P<roman>[IVX]{1,5})\.|(?P<num>\d{1,2})\.|(?P<letter>[a-z])\))\s+(?=\S)")
LEVELS = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")]


def _roman_value(s: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        total += -vals[a] if vals.get(b, 0) > vals[a] else vals[a]
    return total


def build_docx(text: str, path: Path) -> dict:
    """DOCX with headings numbered by Word (numPr); returns how many were auto-numbered."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{txt}"/>'
        f'<w:lvlJc w:val="left"/></w:lvl>' for i, (fmt, txt) in enumerate(LEVELS))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>')
    numbering.insert(0, abstract)
    state = {"num": None, "next": 100, "counters": {}}

    def new_num(level: Optional[int] = None, start: Optional[int] = None) -> str:
        nid = str(state["next"])
        state["next"] += 1
        override = (f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                    if level is not None else "")
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="90"/>'
                                   f'{override}</w:num>'))
        state["num"], state["counters"] = nid, {}
        return nid

    auto = 0
    for block in blocks(text):
        if isinstance(block, list):
            table = document.add_table(rows=len(block), cols=len(block[0]))
            for r, row in enumerate(block):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        m = LABEL.match(block)
        if not m:
            document.add_paragraph(block)
            continue
        level = 0 if m.group("roman") else 1 if m.group("num") else 2
        value = (_roman_value(m.group("roman")) if m.group("roman") else int(m.group("num")) if m.group("num")
                 else ord(m.group("letter")) - ord("a") + 1)
        counters = state["counters"]
        expected = counters.get(level, 0) + 1
        if state["num"] is None or expected != value:
            new_num(level, value) if value != 1 or state["num"] is None else new_num(level, 1)
            counters = state["counters"]
        counters[level] = value
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        p = document.add_paragraph(block[m.end():])
        ppr = p._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                             f'<w:numId w:val="{state["num"]}"/></w:numPr>'))
        auto += 1
    document.save(str(path))
    return {"auto_numbered": auto}


# --------------------------------------------------------------------------
# HTML

CHROME_TOP = """<header class="site-header"><div class="logo">Cổng thông tin điện tử</div>
<form class="search-box"><input name="q" placeholder="Tìm kiếm văn bản"><button>Tìm</button></form></header>
<nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/vb">Văn bản pháp luật</a></li>
<li><a href="/tt">Tin tức</a></li><li><a href="/lh">Liên hệ</a></li></ul></nav>
<div class="breadcrumb">Trang chủ › Văn bản › Y tế</div>"""
CHROME_TOOLS = """<div class="doc-toolbar"><a class="btn download" href="#">Tải về (.doc)</a>
<a class="btn print" href="#">In văn bản</a><div class="rating">Đánh giá: ★★★★☆ (12 lượt)</div>
<div class="share-buttons"><a>Chia sẻ Facebook</a><a>Zalo</a></div></div>"""
CHROME_BOTTOM = """<aside class="sidebar"><h3>Văn bản liên quan</h3><ul><li>Quyết định 1300/QĐ-BYT năm 2023</li>
<li>Kế hoạch 12/KH-UBND năm 2022 về tiêm chủng</li></ul></aside>
<div class="comments"><h3>Ý kiến bạn đọc</h3><p>Chưa có bình luận.</p></div>
<footer class="site-footer"><p>© 2024 Cổng thông tin điện tử. Địa chỉ: số 1 đường Lê Lợi.</p>
<p>Điện thoại: 0225 123 4567 - Giấy phép số 12/GP-TTĐT</p></footer>"""


def build_html(text: str, path: Path) -> None:
    parts = []
    for block in blocks(text):
        if isinstance(block, list):
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>\n" for row in block)
            parts.append(f'<table border="1">{rows}</table>')
        elif LABEL.match(block) or block.isupper():
            parts.append(f"<p><strong>{html.escape(block)}</strong></p>")
        else:
            parts.append(f"<p>{html.escape(block)}</p>")
    body = "\n".join(parts)
    page = (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch</title>'
            f"<style>p{{margin:0}}</style><script>var x = 1;</script></head><body>{CHROME_TOP}"
            f'<div class="container"><div class="main-col">{CHROME_TOOLS}<div class="content1">'
            f'<div id="toanvancontent">{body}</div></div></div>{CHROME_BOTTOM}</div></body></html>')
    path.write_text(page, encoding="utf-8")


# --------------------------------------------------------------------------
# All versions

# characters TCVN3/VNI cannot hold, as old files printed them
UNENCODABLE = {"≥": ">=", "κ": "k"}


def build_versions(text: str, folder: Path, font: str) -> dict[str, tuple[Path, dict]]:
    """Every version of a plan text in ``folder``: {format: (file, build facts)} for pdf,
    docx, html, tcvn3 and vni (the legacy texts with :data:`UNENCODABLE` replaced)."""
    from vnplan.text import legacy

    out = {"pdf": (folder / "plan.pdf", build_pdf(text, folder / "plan.pdf", font)),
           "docx": (folder / "plan.docx", build_docx(text, folder / "plan.docx"))}
    build_html(text, folder / "plan.html")
    out["html"] = (folder / "plan.html", {})
    legacy_text = text
    for ch, repl in UNENCODABLE.items():
        legacy_text = legacy_text.replace(ch, repl)
    for enc in ("tcvn3", "vni"):
        (folder / f"plan-{enc}.txt").write_bytes(legacy.encode(legacy_text, enc))
        out[enc] = (folder / f"plan-{enc}.txt", {})
    return out
