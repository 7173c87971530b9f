"""Header and closing laid out as two-column borderless tables (the standard
Word layout): DOCX and HTML give the same metadata as the .txt (issue 1)."""
import html as htmllib

import pytest

import vnplan

ISSUER = ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ"]
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
NUMBER, DATE = "Số: 89/KH-UBND", "Cần Thơ, ngày 15 tháng 3 năm 2024"
BODY = ["KẾ HOẠCH", "Thực hiện chương trình chăm sóc sức khỏe ban đầu năm 2024",
        "Căn cứ Quyết định số 1234/QĐ-UBND ngày 01/02/2023 của Ủy ban nhân dân thành phố;",
        "Ủy ban nhân dân thành phố Cần Thơ ban hành Kế hoạch như sau:",
        "I. MỤC TIÊU", "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 92%.",
        "II. TỔ CHỨC THỰC HIỆN", "1. Sở Y tế", "Chủ trì, phối hợp với các đơn vị triển khai thực hiện Kế hoạch này."]
RECIPIENTS = ["Nơi nhận:", "- Bộ Y tế;", "- Lưu: VT."]
SIGNATURE = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Nguyễn Văn A"]

TXT = "\n".join(ISSUER + MOTTO + [NUMBER, DATE, ""] + BODY + [""] + RECIPIENTS + SIGNATURE) + "\n"


def _docx(path):
    import docx

    d = docx.Document()

    def fill(cell, lines):
        cell.paragraphs[0].text = lines[0]
        for ln in lines[1:]:
            cell.add_paragraph(ln)

    t = d.add_table(rows=2, cols=2)
    fill(t.cell(0, 0), ISSUER)
    fill(t.cell(0, 1), MOTTO)
    fill(t.cell(1, 0), [NUMBER])
    fill(t.cell(1, 1), [DATE])
    for p in BODY:
        d.add_paragraph(p)
    t = d.add_table(rows=1, cols=2)
    fill(t.cell(0, 0), RECIPIENTS)
    fill(t.cell(0, 1), SIGNATURE)
    d.save(str(path))


def _html(path):
    def td(lines, bold=False):
        inner = "<br>".join(htmllib.escape(x) for x in lines)
        return f"<td valign='top'>{'<b>' + inner + '</b>' if bold else inner}</td>"

    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><div class='content'>"
            f"<table width='100%'><tr>{td(ISSUER, True)}{td(MOTTO, True)}</tr><tr>{td([NUMBER])}{td([DATE])}</tr></table>"
            + "".join(f"<p>{htmllib.escape(p)}</p>" for p in BODY)
            + f"<table width='100%' border='0'><tr>{td(RECIPIENTS)}{td(SIGNATURE, True)}</tr></table>"
            "</div></body></html>")
    path.write_text(page, encoding="utf-8")


def _meta(plan):
    def strip(v):
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items() if k not in ("span", "page", "layout")}
        if isinstance(v, list):
            return [strip(x) for x in v]
        return v

    return strip(plan.to_dict()["metadata"])


@pytest.fixture(scope="module")
def txt_plan():
    return vnplan.parse_text(TXT, "plan.txt")


@pytest.mark.parametrize("fmt,build", [("docx", _docx), ("html", _html)])
def test_layout_tables_give_the_txt_metadata(tmp_path, txt_plan, fmt, build):
    f = tmp_path / f"plan.{fmt}"
    build(f)
    plan = vnplan.parse(f)
    assert plan.source.format == fmt
    signer = plan.metadata.signer
    assert (signer.name, signer.title, signer.authority, signer.on_behalf) == (
        "Nguyễn Văn A", "Phó Chủ tịch", "Chủ tịch", "Ủy ban nhân dân")
    assert [r.text for r in plan.metadata.recipients] == ["Bộ Y tế", "Lưu: VT"]
    assert plan.metadata.issuer == "Ủy ban nhân dân thành phố Cần Thơ"
    assert _meta(plan) == _meta(txt_plan)
    # the printed lines of the closing, as the PDF reader gives them
    assert "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n\n- Bộ Y tế;\tKT. CHỦ TỊCH\n\n- Lưu: VT.\tPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n" \
        in plan.text
    for r in plan.metadata.recipients:
        assert plan.text[r.span.start:r.span.end] == r.text


def test_data_table_with_two_columns_stays_a_table(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Chỉ tiêu", "Kết quả"
    t.cell(1, 0).paragraphs[0].text = "Tỷ lệ tiêm chủng"
    t.cell(1, 0).add_paragraph("(trẻ dưới 1 tuổi)")
    t.cell(1, 1).text = "95%"
    f = tmp_path / "t.docx"
    d.save(str(f))
    from vnplan.readers import read_path

    assert "Chỉ tiêu\tKết quả\nTỷ lệ tiêm chủng (trẻ dưới 1 tuổi)\t95%\n" in read_path(f).text


def test_docx_closing_with_word_bullets(tmp_path):
    # recipients typed as a Word bullet list ("List Bullet" style) inside the layout cell
    import docx

    d = docx.Document()
    for p in BODY:
        d.add_paragraph(p)
    t = d.add_table(rows=1, cols=2)
    left, right = t.cell(0, 0), t.cell(0, 1)
    left.paragraphs[0].text = "Nơi nhận:"
    for r in ("Bộ Y tế;", "Lưu: VT."):
        left.add_paragraph(r, style="List Bullet")
    right.paragraphs[0].text = SIGNATURE[0]
    for ln in SIGNATURE[1:]:
        right.add_paragraph(ln)
    f = tmp_path / "bullets.docx"
    d.save(str(f))
    plan = vnplan.parse(f)
    assert [r.text for r in plan.metadata.recipients] == ["Bộ Y tế", "Lưu: VT"]
    assert plan.metadata.signer.name == "Nguyễn Văn A"
    assert "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n\n- Bộ Y tế;\tKT. CHỦ TỊCH" in plan.text


TASKS = [["STT", "Nội dung", "Đơn vị chủ trì", "Thời gian"],
         ["1", "Tổ chức tiêm chủng mở rộng", "Trung tâm Y tế quận", "Năm 2024"],
         ["2", "Kiểm tra an toàn thực phẩm", "Phòng Y tế", "Quý II/2024"]]


def _with_table_txt(two_columns: bool) -> str:
    rows = "\n".join("\t".join(r) for r in TASKS)
    if two_columns:  # the closing as the PDF reader gives it
        closing = "\n\n".join("\t".join(x for x in pair if x) for pair in
                              [(RECIPIENTS[i] if i < 3 else "", SIGNATURE[i]) for i in range(len(SIGNATURE))]
                              if any(pair))
    else:
        closing = "\n".join(RECIPIENTS + SIGNATURE)
    return "\n".join(ISSUER + MOTTO + [NUMBER, DATE, ""] + BODY) + "\n\n" + rows + "\n\n" + closing + "\n"


def _with_table_docx(path):
    import docx

    d = docx.Document()
    for p in BODY:
        d.add_paragraph(p)
    t = d.add_table(rows=len(TASKS), cols=4)
    for r, row in enumerate(TASKS):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    t = d.add_table(rows=1, cols=2)
    for cell, lines in ((t.cell(0, 0), RECIPIENTS), (t.cell(0, 1), SIGNATURE)):
        cell.paragraphs[0].text = lines[0]
        for ln in lines[1:]:
            cell.add_paragraph(ln)
    d.save(str(path))


def _with_table_html(path):
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in TASKS)
    page = ("<html><body>" + "".join(f"<p>{htmllib.escape(p)}</p>" for p in BODY)
            + f"<table border=1>{rows}</table><table><tr><td>{'<br>'.join(RECIPIENTS)}</td>"
            f"<td>{'<br>'.join(SIGNATURE)}</td></tr></table></body></html>")
    path.write_text(page, encoding="utf-8")


def _roles(plan):
    names = {a.id: a.name for a in plan.agencies}
    return sorted((names[a.agency_id], a.role, a.task) for a in plan.assignments)


def test_task_table_before_a_two_column_closing_is_kept(tmp_path):
    """A task table right before the closing keeps its rows whether the closing is
    printed line after line (.txt) or side by side (PDF, and DOCX/HTML layout tables)."""
    want = _roles(vnplan.parse_text(_with_table_txt(False), "a.txt"))
    assert ("Phòng Y tế", "lead", "Kiểm tra an toàn thực phẩm") in want
    assert _roles(vnplan.parse_text(_with_table_txt(True), "b.txt")) == want
    for name, build in (("c.docx", _with_table_docx), ("d.html", _with_table_html)):
        f = tmp_path / name
        build(f)
        plan = vnplan.parse(f)
        assert _roles(plan) == want, name
        assert plan.metadata.signer.name == "Nguyễn Văn A"
        assert [r.text for r in plan.metadata.recipients] == ["Bộ Y tế", "Lưu: VT"]
