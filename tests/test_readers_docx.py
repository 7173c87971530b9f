"""DOCX reader: body order, Word auto-numbering rendered as printed, tables as tab rows."""
import io

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from vnplan.readers import read_bytes
from vnplan.readers.docx import _format


def _doc_with_lists(levels, paragraphs, nums=None):
    """levels: [(numFmt, lvlText, start)], paragraphs: [(text, numId|None, ilvl)], nums: {numId: startOverride map}."""
    d = docx.Document()
    numbering = d.part.numbering_part.element
    lv = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                 f'<w:lvlText w:val="{txt}"/></w:lvl>' for i, (fmt, txt, start) in enumerate(levels))
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">{lv}</w:abstractNum>'))
    for nid, overrides in (nums or {"50": {}}).items():
        ov = "".join(f'<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
                     for k, v in overrides.items())
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="77"/>{ov}</w:num>'))
    for text, nid, ilvl in paragraphs:
        p = d.add_paragraph(text)
        if nid:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{nid}"/></w:numPr>'))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


LEVELS = [("upperRoman", "%1.", 1), ("decimal", "%2.", 1), ("lowerLetter", "%3)", 1), ("bullet", "-", 1)]


def test_plan_numbering_as_printed():
    data = _doc_with_lists(LEVELS, [
        ("KẾ HOẠCH", None, 0),
        ("MỤC ĐÍCH, YÊU CẦU", "50", 0),
        ("Mục đích", "50", 1),
        ("Nâng cao chất lượng", "50", 2),
        ("Giảm tỷ lệ tử vong", "50", 2),
        ("Yêu cầu", "50", 1),
        ("Bám sát thực tế", "50", 3),
        ("NHIỆM VỤ", "50", 0),
        ("Tuyên truyền", "50", 1),
        ("Tổ chức", "50", 2),
    ])
    doc = read_bytes(data, "plan.docx")
    lines = [ln for ln in doc.text.split("\n") if ln]
    assert lines == ["KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "a) Nâng cao chất lượng",
                     "b) Giảm tỷ lệ tử vong", "2. Yêu cầu", "- Bám sát thực tế", "II. NHIỆM VỤ",
                     "1. Tuyên truyền", "a) Tổ chức"]
    assert doc.source.format == "docx"


def test_start_values_and_override():
    levels = [("decimal", "%1)", 3), ("decimalZero", "%1.%2.", 1)]
    data = _doc_with_lists(levels, [("Ba", "50", 0), ("Bốn", "50", 0), ("Mười", "51", 0), ("Con", "51", 1)],
                           nums={"50": {}, "51": {0: 10}})
    lines = [ln for ln in read_bytes(data, "x.docx").text.split("\n") if ln]
    assert lines == ["3) Ba", "4) Bốn", "10) Mười", "10.01. Con"]


def test_lists_sharing_a_definition_continue():
    data = _doc_with_lists([("decimal", "%1.", 1)], [("Một", "50", 0), ("chen", None, 0), ("Hai", "52", 0)],
                           nums={"50": {}, "52": {}})
    lines = [ln for ln in read_bytes(data, "x.docx").text.split("\n") if ln]
    assert lines == ["1. Một", "chen", "2. Hai"]


def test_table_in_body_order():
    d = docx.Document()
    d.add_paragraph("Biểu 1")
    t = d.add_table(rows=2, cols=3)
    for r, row in enumerate([["TT", "Nội dung", "Đơn vị chủ trì"], ["1", "Tiêm chủng\nmở rộng", "Trung tâm Y tế"]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.add_paragraph("Sau bảng")
    buf = io.BytesIO()
    d.save(buf)
    doc = read_bytes(buf.getvalue(), "t.docx")
    assert doc.text == "Biểu 1\n\nTT\tNội dung\tĐơn vị chủ trì\n1\tTiêm chủng mở rộng\tTrung tâm Y tế\n\nSau bảng\n"


@pytest.mark.parametrize("n,fmt,out", [(1, "upperRoman", "I"), (4, "upperRoman", "IV"), (9, "upperRoman", "IX"),
                                       (14, "upperRoman", "XIV"), (3, "lowerLetter", "c"), (27, "lowerLetter", "aa"),
                                       (2, "upperLetter", "B"), (7, "decimalZero", "07"), (12, "decimal", "12"),
                                       (6, "lowerRoman", "vi")])
def test_number_formats(n, fmt, out):
    assert _format(n, fmt) == out


def test_numbering_from_heading_style_and_its_base():
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="78"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="60"><w:abstractNumId w:val="78"/></w:num>'))
    base = d.styles.add_style("PlanPart", 1)
    base.element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="60"/></w:numPr>'))
    derived = d.styles.add_style("PlanPartBold", 1)
    derived.base_style = base
    d.add_paragraph("MỤC TIÊU", style="PlanPart")
    d.add_paragraph("Nội dung")
    d.add_paragraph("NHIỆM VỤ", style="PlanPartBold")
    buf = io.BytesIO()
    d.save(buf)
    lines = [ln for ln in read_bytes(buf.getvalue(), "s.docx").text.split("\n") if ln]
    assert lines == ["I. MỤC TIÊU", "Nội dung", "II. NHIỆM VỤ"]
