"""Merged table cells: HTML rowspan/colspan and DOCX vMerge/gridSpan expanded
so that every row carries its values, giving the assignments of the .txt (issue 2)."""
from collections import Counter

import pytest

import vnplan
from vnplan.readers.grid import MAX_COLSPAN, GridCell, expand

HEAD = ["ỦY BAN NHÂN DÂN", "QUẬN LONG BIÊN", "Số: 10/KH-UBND", "Long Biên, ngày 2 tháng 1 năm 2024", "KẾ HOẠCH",
        "Phòng chống dịch bệnh năm 2024", "I. MỤC TIÊU", "Giảm tỷ lệ mắc bệnh.", "II. TỔ CHỨC THỰC HIỆN",
        "Các đơn vị thực hiện theo phụ lục.", "Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
        "Trần Văn B", "PHỤ LỤC", "PHÂN CÔNG NHIỆM VỤ"]
ROWS = [["1", "Tổ chức tiêm chủng mở rộng", "Trung tâm Y tế quận", "UBND các phường", "Năm 2024"],
        ["2", "Kiểm tra an toàn thực phẩm", "Phòng Y tế", "Công an quận", "Quý II/2024"],
        ["3", "Tuyên truyền phòng chống dịch", "Phòng Văn hóa và Thông tin", "Trung tâm Y tế quận", "Năm 2024"],
        ["4", "Tuyên truyền an toàn thực phẩm", "Phòng Văn hóa và Thông tin", "Phòng Y tế", "Năm 2024"]]
TXT = "\n".join(HEAD[:4] + [""] + HEAD[4:6] + [""] + HEAD[6:10] + [""] + HEAD[10:15] + [""] + HEAD[15:]
                + ["STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian"] + ["\t".join(r) for r in ROWS]) + "\n"


def _html(path):
    head = "".join(f"<p>{p}</p>" for p in HEAD)
    table = ("<table border=1><tr><td rowspan=2>STT</td><td rowspan=2>Nội dung</td><td colspan=2>Đơn vị thực hiện</td>"
             "<td rowspan='2'>Thời gian</td></tr><tr><td>Chủ trì</td><td>Phối hợp</td></tr>"
             + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in ROWS[:2])
             + f"<tr><td>3</td><td>{ROWS[2][1]}</td><td rowspan=2>{ROWS[2][2]}</td><td>{ROWS[2][3]}</td>"
               f"<td>{ROWS[2][4]}</td></tr>"
             + f"<tr><td>4</td><td>{ROWS[3][1]}</td><td>{ROWS[3][3]}</td><td>{ROWS[3][4]}</td></tr></table>")
    path.write_text(f"<html><body><div class='content'>{head}{table}</div></body></html>", encoding="utf-8")


def _docx(path):
    import docx

    d = docx.Document()
    for s in HEAD:
        d.add_paragraph(s)
    rows = [["STT", "Nội dung", "Đơn vị thực hiện", "", "Thời gian"], ["", "", "Chủ trì", "Phối hợp", ""]] + \
        [list(r) for r in ROWS]
    rows[5][2] = ""  # printed once, in the merged cell above
    t = d.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v:
                t.cell(r, c).text = v
    for c in (0, 1, 4):
        t.cell(0, c).merge(t.cell(1, c))  # vMerge
    t.cell(0, 2).merge(t.cell(0, 3))      # gridSpan
    t.cell(4, 2).merge(t.cell(5, 2))      # the lead shared by rows 3 and 4
    d.save(str(path))


def _assignments(plan):
    names = {a.id: a.name for a in plan.agencies}
    return Counter((names[a.agency_id], a.role, a.task, a.deadline.text if a.deadline else None)
                   for a in plan.assignments)


@pytest.mark.parametrize("fmt,build", [("html", _html), ("docx", _docx)])
def test_merged_cells_give_the_txt_assignments(tmp_path, fmt, build):
    f = tmp_path / f"plan.{fmt}"
    build(f)
    plan = vnplan.parse(f)
    want = _assignments(vnplan.parse_text(TXT, "plan.txt"))
    assert sum(want.values()) == 8
    assert _assignments(plan) == want
    for a in plan.assignments:
        assert plan.text[a.span.start:a.span.end] == a.task
    rows = plan.text[plan.text.index("STT"):].splitlines()
    assert rows[:2] == ["STT\tNội dung\tĐơn vị thực hiện\t\tThời gian", "\t\tChủ trì\tPhối hợp\t"]
    assert rows[-1] == "4\tTuyên truyền an toàn thực phẩm\tPhòng Văn hóa và Thông tin\tPhòng Y tế\tNăm 2024"


def test_expand_header_and_body_merges():
    rows = [[GridCell("STT", rowspan=2), GridCell("Đơn vị", colspan=2)],
            [GridCell("Chủ trì"), GridCell("Phối hợp")],
            [GridCell("1"), GridCell("Phòng Y tế", rowspan=2), GridCell("TTYT")],
            [GridCell("2"), GridCell("UBND")],
            [GridCell("II. Khác", colspan=3)]]
    assert expand(rows) == [["STT", "Đơn vị", ""], ["", "Chủ trì", "Phối hợp"], ["1", "Phòng Y tế", "TTYT"],
                            ["2", "Phòng Y tế", "UBND"], ["II. Khác", "", ""]]


def test_expand_is_bounded():
    # rowspan past the end, rowspan=0 (to the end), an absurd colspan
    rows = [[GridCell("a"), GridCell("b", rowspan=99)], [GridCell("c", rowspan=0)], [GridCell("d", colspan=10**9)]]
    out = expand(rows)
    assert out[0] == ["a", "b"] + [""] * (len(out[0]) - 2)
    assert len(out) == 3 and all(len(r) <= 2 + MAX_COLSPAN for r in out)
