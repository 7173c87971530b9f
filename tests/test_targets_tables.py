"""Table targets from hand-built Table objects (one row per ward or unit)."""
from __future__ import annotations

from vnplan.extract.targets import table_targets
from vnplan.model import Cell, DateParts, Document, Metadata, Row, Source, Span, Table


def _table(rows: list[list[str]], header_rows: int, title: str | None = None):
    """A Document holding ``rows`` tab-separated and the Table over it."""
    text, out_rows = "", []
    for cells in rows:
        start = len(text)
        row_cells = []
        for j, c in enumerate(cells):
            if j:
                text += "\t"
            row_cells.append(Cell(c, Span(len(text), len(text) + len(c))))
            text += c
        out_rows.append(Row(row_cells, Span(start, len(text))))
        text += "\n"
    doc = Document(text=text, source=Source(None, "0" * 64, "txt", "utf-8", len(text)))
    table = Table("T1", Span(0, len(text)), out_rows, header_rows=header_rows, title=title, section_id="B6")
    return doc, table


BIEU6 = [
    ["TT", "Phường", "Duy trì Phường đạt chuẩn QG về y tế xã", "Tỷ lệ suy dinh dưỡng trẻ em < 5 tuổi (%)", "",
     "Tỷ lệ trẻ <1 tuổi được tiêm chủng đầy đủ (%)", "Tỷ lệ cơ sở được cấp GCN (%)"],
    ["", "", "", "Mức hạ tỷ lệ so với năm 2020", "Chỉ tiêu năm 2021", "", ""],
    ["1", "Cự Khối", "Đạt", "0.1", "5.8", "≥ 95", "99,1"],
    ["2", "Sài Đồng", "Duy trì", "0.1", "5.7", "≥ 95", ">99,1"],
    ["", "Toàn quận", "", "0,1", "5,8", "≥ 95", "99,1"],
]


def test_each_numeric_cell_is_a_target_scoped_by_its_row():
    doc, table = _table(BIEU6, header_rows=2, title="Biểu 6: Chỉ tiêu giao các phường năm 2021")
    got = table_targets(doc, [table], [], Metadata(date=DateParts(2020)))
    facts = [(t.scope, t.comparator, t.value, t.unit, t.direction, t.year) for t in got]
    assert facts == [
        ("Cự Khối", "=", 0.1, "%", "decrease", 2021),
        ("Cự Khối", "=", 5.8, "%", None, 2021),
        ("Cự Khối", ">=", 95.0, "%", None, 2021),
        ("Cự Khối", "=", 99.1, "%", None, 2021),
        ("Sài Đồng", "=", 0.1, "%", "decrease", 2021),
        ("Sài Đồng", "=", 5.7, "%", None, 2021),
        ("Sài Đồng", ">=", 95.0, "%", None, 2021),
        ("Sài Đồng", ">", 99.1, "%", None, 2021),
        ("Toàn quận", "=", 0.1, "%", "decrease", 2021),
        ("Toàn quận", "=", 5.8, "%", None, 2021),
        ("Toàn quận", ">=", 95.0, "%", None, 2021),
        ("Toàn quận", "=", 99.1, "%", None, 2021),
    ]
    # merged header cells give the full header path as indicator
    assert got[0].indicator == "Tỷ lệ suy dinh dưỡng trẻ em < 5 tuổi — Mức hạ tỷ lệ so với năm 2020"
    assert got[0].baseline == "năm 2020"
    assert got[2].indicator == "Tỷ lệ trẻ <1 tuổi được tiêm chủng đầy đủ"
    for t in got:
        assert doc.text[t.span.start:t.span.end] == t.text
        assert t.section_id == "B6"


def test_words_index_numbers_and_activity_tables_give_no_targets():
    rows = [
        ["TT", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì"],
        ["1", "Tập huấn cán bộ y tế 14 phường", "Tháng 6, 9", "TTYT quận"],
        ["2", "Kiểm tra, giám sát", "Trước 10/01/2021", "Phòng Y tế"],
    ]
    doc, table = _table(rows, header_rows=1)
    assert table_targets(doc, [table], [], Metadata()) == []


def test_per_mille_unit_and_plain_counts_from_headers():
    rows = [
        ["STT", "Đơn vị", "Tỷ suất sinh thô (‰)", "Số trẻ em mới sinh (người)"],
        ["1", "Xã A", "16,22", "1.250"],
        ["2", "Xã B", "≤ 15", "980"],
    ]
    doc, table = _table(rows, header_rows=1)
    got = table_targets(doc, [table], [], Metadata(title="Kế hoạch năm 2024"))
    assert [(t.scope, t.indicator, t.comparator, t.value, t.unit, t.year) for t in got] == [
        ("Xã A", "Tỷ suất sinh thô", "=", 16.22, "‰", 2024),
        ("Xã A", "Số trẻ em mới sinh", "=", 1250.0, "người", 2024),
        ("Xã B", "Tỷ suất sinh thô", "<=", 15.0, "‰", 2024),
        ("Xã B", "Số trẻ em mới sinh", "=", 980.0, "người", 2024),
    ]


def test_money_and_time_columns_are_not_targets():
    rows = [
        ["TT", "Nội dung", "Số lượng (lớp)", "Kinh phí (triệu đồng)", "Thời gian"],
        ["1", "Tập huấn cán bộ", "12", "150", "2024"],
    ]
    doc, table = _table(rows, header_rows=1)
    got = table_targets(doc, [table], [], Metadata())
    # "Nội dung" rows are what is measured; "Số lượng" is the measure
    assert [(t.scope, t.indicator, t.value, t.unit) for t in got] == [(None, "Tập huấn cán bộ — Số lượng", 12.0, "lớp")]


def test_rows_of_indicators_with_unit_and_year_columns():
    rows = [
        ["TT", "Chỉ tiêu", "ĐVT", "Ước thực hiện 2023", "Kế hoạch năm 2024", "Mục tiêu 2025"],
        ["1", "Tỷ lệ tiêm chủng đầy đủ", "%", "96", "≥ 95", "97"],
        ["2", "Giảm tỷ suất sinh thô", "‰", "16,5", "16,2", "16"],
        ["3", "Số bác sĩ/vạn dân", "bác sĩ", "9", "10", "11"],
    ]
    doc, table = _table(rows, header_rows=1)
    got = table_targets(doc, [table], [], Metadata(title="Kế hoạch năm 2024"))
    assert [(t.indicator, t.comparator, t.value, t.unit, t.year, t.direction, t.scope) for t in got] == [
        ("Tỷ lệ tiêm chủng đầy đủ", ">=", 95.0, "%", 2024, None, None),
        ("Tỷ lệ tiêm chủng đầy đủ", "=", 97.0, "%", 2025, None, None),
        ("Giảm tỷ suất sinh thô", "=", 16.2, "‰", 2024, "decrease", None),
        ("Giảm tỷ suất sinh thô", "=", 16.0, "‰", 2025, "decrease", None),
        ("Số bác sĩ/vạn dân", "=", 10.0, "bác sĩ", 2024, None, None),
        ("Số bác sĩ/vạn dân", "=", 11.0, "bác sĩ", 2025, None, None),
    ]


def test_rows_of_indicators_with_place_columns():
    rows = [
        ["STT", "Tên chỉ tiêu", "Toàn tỉnh", "Huyện A", "Huyện B"],
        ["1", "Tỷ lệ hộ nghèo (%)", "3,5", "5", "≤ 4"],
    ]
    doc, table = _table(rows, header_rows=1, title="Biểu 1: Chỉ tiêu năm 2025")
    got = table_targets(doc, [table], [], Metadata())
    assert [(t.indicator, t.scope, t.comparator, t.value, t.unit, t.year) for t in got] == [
        ("Tỷ lệ hộ nghèo", "Toàn tỉnh", "=", 3.5, "%", 2025),
        ("Tỷ lệ hộ nghèo", "Huyện A", "=", 5.0, "%", 2025),
        ("Tỷ lệ hộ nghèo", "Huyện B", "<=", 4.0, "%", 2025),
    ]
