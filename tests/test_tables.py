"""Table detection: Long Biên's real tab-separated Biểu 1-6 and flattened tables."""
from __future__ import annotations

import pytest

import vnplan
from vnplan.model import Span
from vnplan.structure.tables import row_number


@pytest.fixture(scope="module")
def long_bien(corpus_plans):
    return corpus_plans["long_bien"]


def _cells(row):
    return [c.text for c in row.cells]


def test_long_bien_has_six_tables_with_captions(long_bien):
    titles = [t.title for t in long_bien.tables]
    assert [t.split(":")[0] for t in titles] == [f"Biểu {i}" for i in range(1, 7)]
    assert titles[0] == "Biểu 1: TIẾN ĐỘ THỰC HIỆN"
    assert [t.section_id for t in long_bien.tables] == ["B1", "B2", "B3", "B4", "B5", "B6"]
    assert {t.layout for t in long_bien.tables} == {"tsv"}
    assert [t.id for t in long_bien.tables] == ["T1", "T2", "T3", "T4", "T5", "T6"]


def test_every_cell_span_quotes_the_text(long_bien):
    text = long_bien.text
    for t in long_bien.tables:
        assert text[t.span.start:t.span.end].strip()
        for r in t.rows:
            for c in r.cells:
                if c.parts:
                    assert c.text == " ".join(text[p.start:p.end] for p in c.parts)
                    assert c.span == Span(c.parts[0].start, c.parts[-1].end)
                else:
                    assert text[c.span.start:c.span.end] == c.text


def test_bieu1_header_groups_and_rows(long_bien):
    t = long_bien.tables[0]
    assert t.header_rows == 1
    assert _cells(t.header[0]) == ["TT", "Nội dung công việc", "Thời gian thực hiện",
                                   "Đơn vị tham mưu", "Đơn vị phối hợp"]
    body = t.body
    assert _cells(body[0]) == ["I", "Công tác quản lý điều hành:", "", "", ""]
    assert _cells(body[1]) == ["1.", "Xây dựng và triển khai KH thực hiện chỉ tiêu y tế và CSSKBĐ năm 2021",
                               "Trước 10/01/2021", "Phòng Y tế", "TTYT"]
    # 9 Roman-numeral groups
    assert sum(1 for r in body if row_number(r.cells[0].text) and row_number(r.cells[0].text)[0] == "roman") == 9
    assert len(body) == 32


def test_bieu1_row_cut_by_page_break_is_merged(long_bien):
    """'Phòng' / 'GD&ĐT' and 'thi đua' / 'của các trường học ...' are one row."""
    t = long_bien.tables[0]
    row = next(r for r in t.body if r.cells[1].text.startswith("Đưa kết quả thực hiện công tác y tế"))
    assert row.cells[1].text == ("Đưa kết quả thực hiện công tác y tế vào tiêu chí đánh giá thi đua "
                                 "của các trường học trong năm học.")
    assert row.cells[2].text == "Tháng 9/2021"
    assert row.cells[3].text == "Phòng GD&ĐT"
    assert len(row.cells[3].parts) == 2
    assert row.cells[4].text == "Phòng Y tế"


def test_bieu4_orphan_fragment_returns_to_row_above(long_bien):
    t = long_bien.tables[3]
    row = next(r for r in t.body if r.cells[1].text.startswith("Giám sát triển khai “Tuần lễ"))
    assert row.cells[4].text == "Phòng Y tế, thành viên BCĐ công tác CSSKBĐ và DS-KHHGD quận"
    nxt = next(r for r in t.body if r.cells[1].text.startswith("Tăng cường sự phối hợp"))
    assert nxt.cells[4].text == ""


def test_bieu5_continuation_after_blank_lines(long_bien):
    t = long_bien.tables[4]
    row = next(r for r in t.body if r.cells[1].text.startswith("Tổ chức khám tuyển sinh quân sự"))
    assert row.cells[1].text.endswith("(Khám sức khỏe đào tạo sĩ quan dự bị, Khám sức khỏe tuyển sinh quân sự); "
                                      "khám dự bị động viên")
    assert row.cells[3].text == "TTYT"
    assert row.cells[4].text == "Phòng Y tế, BCH QS"
    # rows with an empty first cell but their own words are rows, not continuations
    sub = [r for r in t.body if not r.cells[0].text]
    assert [r.cells[1].text for r in sub][:2] == ["Xây dựng kế hoạch chỉ đạo của quận",
                                                  "Triển khai khám sức khỏe các đối tượng chính sách tại các phường"]


def test_bieu6_three_header_rows_and_fourteen_wards(long_bien):
    t = long_bien.tables[5]
    assert t.header_rows == 3
    assert t.header[1].cells[4].text == "Tỷ lệ suy dinh dưỡng trẻ em thể nhẹ cân"
    assert t.header[2].cells[4].text == "Mức hạ tỷ lệ so với năm 2020"
    assert t.header[2].cells[5].text == "Chỉ tiêu năm 2021"
    wards = [r.cells[1].text for r in t.body]
    assert len(wards) == 15 and wards[0] == "Cự Khối" and wards[-1] == "Toàn quận"
    assert _cells(t.body[12]) == ["13", "Sài Đồng", "Đạt", "Duy trì", "0.1", "5.7", "≥ 95", "≥ 95", ">99,1", "100"]


def test_other_corpus_plans_have_no_tables(corpus_plans):
    assert corpus_plans["hai_phong"].tables == []
    assert corpus_plans["muong_khuong"].tables == []


FLAT = """KẾ HOẠCH
Triển khai công tác y tế năm 2024

I. MỤC TIÊU

1. Mục tiêu chung
Nâng cao sức khỏe nhân dân.

II. TỔ CHỨC THỰC HIỆN

Phụ lục 1: Phân công nhiệm vụ

TT
Nội dung công việc
Đơn vị chủ trì
Đơn vị phối hợp
Thời gian thực hiện
I
Công tác chỉ đạo
1
Xây dựng kế hoạch
Sở Y tế
Sở Tài chính
Trước 15/02/2024
2.
Kiểm tra, giám sát
Trung tâm Y tế huyện
UBND các xã
Tháng 6, 12
II
Công tác truyền thông
1
Tuyên truyền trên đài truyền thanh
Phòng Văn hóa và Thông tin

Hàng năm

III. KINH PHÍ
Ngân sách nhà nước.
"""


def test_flattened_table():
    plan = vnplan.parse_text(FLAT, "flat.txt")
    assert len(plan.tables) == 1
    t = plan.tables[0]
    assert t.layout == "flattened"
    assert t.title == "Phụ lục 1: Phân công nhiệm vụ"
    assert t.header_rows == 1
    assert _cells(t.header[0]) == ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp",
                                   "Thời gian thực hiện"]
    assert [_cells(r) for r in t.body] == [
        ["I", "Công tác chỉ đạo"],
        ["1", "Xây dựng kế hoạch", "Sở Y tế", "Sở Tài chính", "Trước 15/02/2024"],
        ["2.", "Kiểm tra, giám sát", "Trung tâm Y tế huyện", "UBND các xã", "Tháng 6, 12"],
        ["II", "Công tác truyền thông"],
        # the empty cooperating cell is a blank line: cells then fill left to right
        ["1", "Tuyên truyền trên đài truyền thanh", "Phòng Văn hóa và Thông tin", "Hàng năm"],
    ]
    for r in t.rows:
        for c in r.cells:
            assert plan.text[c.span.start:c.span.end] == c.text
    assert "KINH PHÍ" not in plan.text[t.span.start:t.span.end]


FLAT_INLINE = """KẾ HOẠCH
I. NHIỆM VỤ
Bảng 2. Tiến độ
STT
Nhiệm vụ
Cơ quan chủ trì
Thời hạn
1. Rà soát cơ sở vật chất trạm y tế
Ủy ban nhân dân huyện
Quý I/2025
2. Mua sắm trang thiết bị
Sở Y tế
Năm 2025
Trên đây là kế hoạch.
"""


def test_flattened_rows_with_number_and_first_cell_on_one_line():
    plan = vnplan.parse_text(FLAT_INLINE, "flat2.txt")
    t = plan.tables[0]
    assert t.title == "Bảng 2. Tiến độ"
    assert [_cells(r) for r in t.body] == [
        ["1", "Rà soát cơ sở vật chất trạm y tế", "Ủy ban nhân dân huyện", "Quý I/2025"],
        ["2", "Mua sắm trang thiết bị", "Sở Y tế", "Năm 2025"],
    ]


def test_tab_letterhead_in_closing_is_not_a_table():
    text = ("KẾ HOẠCH\nI. MỤC TIÊU\n- Nâng cao sức khỏe.\n"
            "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- Như trên;\tCHỦ TỊCH\n- Lưu: VT.\t\n")
    assert vnplan.parse_text(text, "x.txt").tables == []


@pytest.mark.parametrize("text,expected", [
    ("1", ("arabic", 1)), ("12.", ("arabic", 12)), ("IV", ("roman", 4)), ("IX.", ("roman", 9)),
    ("VIII", ("roman", 8)), ("-", None), ("Phòng", None), ("2024", None),
])
def test_row_number(text, expected):
    assert row_number(text) == expected


FLAT_GROUPED = """KẾ HOẠCH
I. TỔ CHỨC THỰC HIỆN
Phụ lục: Phân công
STT

Nội dung

Đơn vị thực hiện

Chủ trì

Phối hợp

Thời gian

1

Giám sát dịch

Sở Y tế

Công an tỉnh

Quý IV
"""


def test_flattened_header_with_column_group_and_blank_lines():
    plan = vnplan.parse_text(FLAT_GROUPED, "fg.txt")
    t = plan.tables[0]
    assert _cells(t.header[0]) == ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"]
    assert [_cells(r) for r in t.body] == [["1", "Giám sát dịch", "Sở Y tế", "Công an tỉnh", "Quý IV"]]
    by_id = {a.id: a.name for a in plan.agencies}
    assert sorted((by_id[a.agency_id], a.role) for a in plan.assignments) == [
        ("Công an tỉnh", "cooperate"), ("Sở Y tế", "lead")]


FLAT_RUN_ON = """ỦY BAN NHÂN DÂN HUYỆN ĐẠI LỘC
KẾ HOẠCH
Vệ sinh môi trường năm 2025
I. MỤC TIÊU
- Thu gom 90% rác thải.
PHỤ LỤC
STT
Nhiệm vụ
Đơn vị chủ trì
Đơn vị phối hợp
Thời gian
I
Thu gom
1
Mua thùng rác
Phòng Tài nguyên và Môi trường
UBND các xã
Quý I/2025
II
Tuyên truyền
2
Phát sóng chuyên mục môi trường
Trung tâm Văn hóa - Thể thao và Truyền thanh huyện
Trung tâm Dịch vụ nông nghiệp huyện
Tháng 5/2025
"""


def test_flattened_numbering_runs_on_across_roman_groups():
    """I / 1 / II / 2: the arabic numbering continues after a Roman group; a lead or
    cooperating cell is read whole as a name ('Trung tâm Dịch vụ nông nghiệp huyện')."""
    plan = vnplan.parse_text(FLAT_RUN_ON, "run-on.txt")
    (t,) = plan.tables
    assert [[c.text for c in r.cells][:2] for r in t.body] == [
        ["I", "Thu gom"], ["1", "Mua thùng rác"], ["II", "Tuyên truyền"], ["2", "Phát sóng chuyên mục môi trường"]]
    names = {a.name: a.roles for a in plan.agencies}
    assert names.get("Trung tâm Dịch vụ nông nghiệp huyện") == ["cooperate"]


TABLE_THEN_TABBED_CLOSING = """ỦY BAN NHÂN DÂN
THÀNH PHỐ CẦN THƠ
Số: 89/KH-UBND
Cần Thơ, ngày 15 tháng 3 năm 2024

KẾ HOẠCH
Thực hiện chương trình y tế năm 2024

I. MỤC TIÊU
Nội dung.
II. TỔ CHỨC THỰC HIỆN
1. Sở Y tế
Chủ trì, phối hợp với các đơn vị triển khai thực hiện Kế hoạch này.

STT\tNội dung\tĐơn vị chủ trì\tThời gian
1\tTổ chức tiêm chủng mở rộng\tTrung tâm Y tế quận\tNăm 2024
2\tKiểm tra an toàn thực phẩm\tPhòng Y tế\tQuý II/2024
{closing}"""

TABBED_CLOSINGS = {
    "tabbed": "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- Bộ Y tế;\tKT. CHỦ TỊCH\n- Lưu: VT.\tPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n",
    "tabbed, blank lines": "\nNơi nhận:\tTM. ỦY BAN NHÂN DÂN\n\n- Bộ Y tế;\tKT. CHỦ TỊCH\n\n"
                           "- Lưu: VT.\tPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n",
    "plain Nơi nhận, tabbed items": "Nơi nhận:\n- Bộ Y tế;\tKT. CHỦ TỊCH\n- Lưu: VT.\tPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n",
}


@pytest.mark.parametrize("closing", TABBED_CLOSINGS.values(), ids=TABBED_CLOSINGS.keys())
def test_side_by_side_closing_ends_the_table_before_it(closing):
    """pdfplumber and .txt files put 'Nơi nhận:' and 'TM. ỦY BAN NHÂN DÂN' on one
    tabbed line right under the last table: that line is the closing, not a row."""
    plan = vnplan.parse_text(TABLE_THEN_TABBED_CLOSING.format(closing=closing), "x.txt")
    (t,) = plan.tables
    assert [_cells(r)[1] for r in t.body] == ["Tổ chức tiêm chủng mở rộng", "Kiểm tra an toàn thực phẩm"]
    assert "Nơi nhận" not in plan.text[t.span.start:t.span.end]
    by_id = {a.id: a.name for a in plan.agencies}
    leads = [(by_id[a.agency_id], a.task, a.deadline.text if a.deadline else None) for a in plan.assignments]
    assert leads[1:] == [("Trung tâm Y tế quận", "Tổ chức tiêm chủng mở rộng", "Năm 2024"),
                         ("Phòng Y tế", "Kiểm tra an toàn thực phẩm", "Quý II/2024")]
    assert plan.metadata.signer.name == "Nguyễn Văn A"
    assert [r.text for r in plan.metadata.recipients] == ["Bộ Y tế", "Lưu: VT"]


# Round 11: a table of targets per place flattened one cell per line — a place column and
# indicator columns with their unit in parentheses; a totals row whose empty STT cell left
# no line. Forestry per commune, schools per district, water per ward.
FLAT_PER_PLACE = {
    "forestry": ("""KẾ HOẠCH
Bảo vệ và phát triển rừng năm 2025
I. MỤC TIÊU
- Trồng mới 250 ha rừng.

PHỤ LỤC
CHỈ TIÊU TRỒNG RỪNG NĂM 2025 CỦA CÁC XÃ
STT
Xã, thị trấn
Diện tích trồng rừng mới (ha)
Tỷ lệ che phủ rừng (%)
1
Bằng Thành
120
71,5
2
Nhạn Môn
130
68

Tổng cộng
250
70
""", "Xã, thị trấn", [["1", "Bằng Thành", "120", "71,5"], ["2", "Nhạn Môn", "130", "68"],
                      ["", "Tổng cộng", "250", "70"]], [(120, "ha"), (71.5, "%"), (130, "ha"), (68, "%"),
                                                        (250, "ha"), (70, "%")]),
    "schools": ("""KẾ HOẠCH
Phát triển trường lớp năm 2026
I. MỤC TIÊU
- Xây mới 45 phòng học.

PHỤ LỤC
Chỉ tiêu giao các huyện
TT
Huyện, thị xã
Số phòng học xây mới (phòng)
Số trường đạt chuẩn quốc gia (trường)
Tỷ lệ huy động trẻ 5 tuổi ra lớp (%)
1
Đức Phổ
20
4
99
2
Ba Tơ
25
3
98,5
Toàn tỉnh
45
7
98,8
""", "Huyện, thị xã", [["1", "Đức Phổ", "20", "4", "99"], ["2", "Ba Tơ", "25", "3", "98,5"],
                       ["", "Toàn tỉnh", "45", "7", "98,8"]],
     [(20, "phòng"), (4, "trường"), (99, "%"), (25, "phòng"), (3, "trường"), (98.5, "%"), (45, "phòng"),
      (7, "trường"), (98.8, "%")]),
}


@pytest.mark.parametrize("name", FLAT_PER_PLACE)
def test_flattened_table_of_targets_per_place(name):
    text, place, rows, targets = FLAT_PER_PLACE[name]
    plan = vnplan.parse_text(text, f"{name}.txt")
    (t,) = plan.tables
    assert t.layout == "flattened"
    assert _cells(t.header[0])[1] == place
    assert [_cells(r) for r in t.body] == rows
    for r in t.rows:
        for c in r.cells:
            assert plan.text[c.span.start:c.span.end] == c.text
    got = [(x.value, x.unit) for x in plan.targets if x.section_id == "PL"]
    assert got == targets


def test_short_lines_ending_in_parentheses_are_no_table_header():
    """Bodies listed with their abbreviations, then a numbered item: no column names, no table."""
    text = ("KẾ HOẠCH\nI. TỔ CHỨC THỰC HIỆN\nCác đơn vị:\nSở Y tế (SYT)\nSở Tài chính (STC)\n"
            "Sở Nội vụ (SNV)\n1. Sở Y tế chủ trì triển khai Kế hoạch.\n")
    assert vnplan.parse_text(text, "x.txt").tables == []
