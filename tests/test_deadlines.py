"""Deadline phrases and their ISO 8601 form (values from the corpus tables)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnplan.extract.deadlines import deadline_of, find_deadline, normalize_deadline


@pytest.mark.parametrize("text,year,expected", [
    ("Trước 10/01/2021", 2021, "before 2021-01-10"),
    ("Tháng 01/2021", 2021, "2021-01"),
    ("Tháng 02/2021", None, "2021-02"),
    ("Tháng 9/2021", 2021, "2021-09"),
    ("Tháng 6, 9", 2021, "2021-06, 2021-09"),
    ("Tháng 6, 11-12", 2021, "2021-06, 2021-11/2021-12"),
    ("Tháng 3, tháng 6", 2021, "2021-03, 2021-06"),
    ("Tháng 3,4,5,6,7", 2021, "2021-03, 2021-04, 2021-05, 2021-06, 2021-07"),
    ("Tháng 5,6, 7", 2021, "2021-05, 2021-06, 2021-07"),
    ("Tháng 6, 12 (theo chỉ đạo của thành phố)", 2021, "2021-06, 2021-12"),
    ("Tháng 10", 2021, "2021-10"),
    ("Tháng 10", None, "--10"),
    ("Hàng năm", 2021, "R/P1Y"),
    ("Hằng năm", None, "R/P1Y"),
    ("Hàng quý; trong và sau các chiến dịch", 2021, "R/P3M"),
    ("Hàng tháng, theo các chuyên đề", 2021, "R/P1M"),
    ("Định kỳ 6 tháng", 2021, "R/P6M"),
    ("Năm 2022 Năm 2025", None, "2022, 2025"),
    ("Năm 2024-2025", None, "2024/2025"),
    ("Theo KH y tế trường học năm học 2020 – 2021, 2021 - 2022", 2021, "2020/2021, 2021/2022"),
    ("Quý I/2025", None, "2025-Q1"),
    ("Quý III", 2024, "2024-Q3"),
    ("Trước 31/12/2024", None, "before 2024-12-31"),
    ("Thường xuyên", 2021, None),
    ("Theo chỉ đạo", 2021, None),
    ("Tháng cuối quý và đột xuất", 2021, None),
    ("Theo KH của PYT và TTYT", 2021, None),
    ("Khi có thay đổi về thành viên", 2021, None),
])
def test_normalize(text, year, expected):
    assert normalize_deadline(text, year) == expected


@pytest.mark.parametrize("sentence,text,normalized", [
    ("- Hoàn thành việc xây dựng kế hoạch thực hiện trên địa bàn phường trước ngày 20/01/2021. Triển khai",
     "trước ngày 20/01/2021", "before 2021-01-20"),
    ("Định kỳ tổng hợp, báo cáo UBND quận hàng quý trước ngày 15 của tháng cuối quý về kết quả",
     "trước ngày 15 của tháng cuối quý", None),
    ("Định kỳ hàng quý tổng hợp, báo cáo tiến độ", "Định kỳ hàng quý", "R/P3M"),
    ("Tổng hợp, báo cáo kết quả trước ngày 15/12/2024.", "trước ngày 15/12/2024", "before 2024-12-15"),
    ("Xây dựng kế hoạch của địa phương, hoàn thành trong tháng 4/2024.", "hoàn thành trong tháng 4/2024", "2024-04"),
    ("Tổ chức tập huấn trong quý II/2024 cho cán bộ.", "trong quý II/2024", "2024-Q2"),
    # held-out phrasing (other provinces): recurrence after a date, labelled time, year span
    ("Tổng hợp, báo cáo kết quả về UBND tỉnh trước ngày 15/12 hằng năm.", "trước ngày 15/12 hằng năm", "R/P1Y"),
    ("báo cáo kết quả về Trung tâm Y tế huyện trước ngày 25 hằng tháng.", "trước ngày 25 hằng tháng", "R/P1M"),
    ("kịp thời phát hiện, xử lý vi phạm; thời gian thực hiện: Thường xuyên.", "Thường xuyên", None),
    ("lồng ghép vào hoạt động ngoại khóa trong Năm 2024-2025.", "trong Năm 2024-2025", "2024/2025"),
    ("bố trí kinh phí cho các nhiệm vụ chuyển đổi số Năm 2024-2025.", "Năm 2024-2025", "2024/2025"),
    ("xử lý điểm tập kết rác tự phát trong Quý I hằng năm.", "trong Quý I hằng năm", "R/P1Y"),
    ("cập nhật thường xuyên hình ảnh vi phạm; thực hiện từ Tháng 3/2025.", "từ Tháng 3/2025", "2025-03"),
    # a line break inside the phrase (a hard-wrapped or page-broken task) is a space
    ("tham mưu bố trí kinh phí theo quy định; thời\ngian: Thường xuyên.", "Thường xuyên", None),
    ("báo cáo kết quả về Sở Nội vụ, hoàn thành\ntrong Quý IV/2025.", "hoàn thành\ntrong Quý IV/2025", "2025-Q4"),
])
def test_find_deadline(sentence, text, normalized):
    d = find_deadline(sentence, 2021)
    assert d is not None and d.text == text and d.normalized == normalized
    assert d.text in sentence


@pytest.mark.parametrize("sentence", [
    "Tham mưu UBND quận bố trí đủ kinh phí cho triển khai các hoạt động y tế.",
    "Phối hợp với Sở Y tế trong quá trình triển khai.",
    "Bố trí kinh phí cho các hoạt động y tế trong năm 2021 theo quy định.",  # a scope, not a deadline
    "đưa chỉ tiêu vào kế hoạch phát triển kinh tế - xã hội hàng năm của thành phố.",
])
def test_no_deadline(sentence):
    assert find_deadline(sentence, 2021) is None


def test_table_cell_keeps_printed_phrase():
    d = deadline_of("Hàng quý\nHàng tháng", 2021)
    assert d.text == "Hàng quý Hàng tháng" and d.normalized == "R/P3M"
    assert deadline_of("   ", 2021) is None


@settings(max_examples=60, deadline=None)
@given(st.dates(), st.booleans())
def test_dates_round_trip(date, before):
    text = ("Trước " if before else "") + f"{date.day:02d}/{date.month:02d}/{date.year:04d}"
    assert normalize_deadline(text) == ("before " if before else "") + date.isoformat()


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=80), st.one_of(st.none(), st.integers(1990, 2100)))
def test_never_raises(text, year):
    out = normalize_deadline(text, year)
    assert out is None or isinstance(out, str)
    d = find_deadline(text, year)
    assert d is None or d.text in text


@pytest.mark.parametrize("sentence,text,normalized", [
    # a single year closing the task's clause is its deadline (disaster prevention, education,
    # agriculture)
    ("xây dựng kế hoạch huy động lực lượng; tổ chức diễn tập cấp tỉnh trong Năm 2026.", "trong Năm 2026", "2026"),
    ("Hoàn thiện bản đồ cảnh báo ngập lụt trong năm 2026; báo cáo UBND tỉnh.", "trong năm 2026", "2026"),
    ("Rà soát, sắp xếp mạng lưới trường lớp trong năm 2025", "trong năm 2025", "2025"),
])
def test_single_year_closing_the_clause(sentence, text, normalized):
    d = find_deadline(sentence, 2025)
    assert d is not None and d.text == text and d.normalized == normalized


@pytest.mark.parametrize("sentence", [
    # inside the clause, or opening the sentence, a year is the scope of the task
    "Bố trí kinh phí thực hiện các nhiệm vụ trong năm 2025 theo quy định.",
    "Trong năm 2026, tổ chức 02 cuộc diễn tập phòng, chống thiên tai.",
    "Lập dự toán ngân sách trong năm 2025 cho các hoạt động phòng chống dịch.",
])
def test_single_year_inside_a_clause_is_a_scope(sentence):
    assert find_deadline(sentence, 2025) is None


@pytest.mark.parametrize("sentence,text", [
    # a date of the year after (investment, finance, education)
    ("giải ngân 100% kế hoạch vốn được giao trước ngày 31/01 năm sau.", "trước ngày 31/01 năm sau"),
    ("quyết toán kinh phí gửi Sở Tài chính trước ngày 15/02 của năm tiếp theo.", "trước ngày 15/02 của năm tiếp theo"),
    ("tổng hợp kết quả năm học, báo cáo trước ngày 30/6 năm sau", "trước ngày 30/6 năm sau"),
])
def test_round11_date_of_the_year_after(sentence, text):
    d = find_deadline(sentence, 2025)
    assert d is not None and d.text == text


@pytest.mark.parametrize("sentence,text,normalized", [
    # round 12: dates with the month and year written as words (health insurance, finance,
    # education), numeric forms unchanged
    ("Ban hành kế hoạch của địa phương trước ngày 30 tháng 4 năm 2025.", "trước ngày 30 tháng 4 năm 2025",
     "before 2025-04-30"),
    ("giao chỉ tiêu cho các huyện trước ngày 31 tháng 01.", "trước ngày 31 tháng 01", None),
    ("báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 hằng năm.", "trước ngày 15 tháng 12 hằng năm", "R/P1Y"),
    ("Lập danh sách đối tượng; hoàn thành trong Quý I năm 2025.", "hoàn thành trong Quý I năm 2025", "2025-Q1"),
    ("Tổ chức tập huấn, hoàn thành trong tháng 6 năm 2025.", "hoàn thành trong tháng 6 năm 2025", "2025-06"),
    ("Sơ kết đánh giá; thời gian thực hiện: Quý III năm 2026.", "Quý III năm 2026", "2026-Q3"),
    ("báo cáo trước ngày 25 hằng tháng.", "trước ngày 25 hằng tháng", "R/P1M"),
    ("báo cáo trước ngày 15 của tháng cuối quý.", "trước ngày 15 của tháng cuối quý", None),
])
def test_round12_dates_in_words(sentence, text, normalized):
    d = find_deadline(sentence, 2025)
    assert d is not None and d.text == text and d.normalized == normalized
