"""Targets of single real-plan sentences (issue #3 examples and traps).

Each case is one sentence as printed in a Vietnamese plan; the expected
tuples are (comparator, value, value_max, of, unit, direction).
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from vnplan.extract.targets import get_targets, plan_year, sentence_targets
from vnplan.model import Document, Metadata, Period, Section, Source, Span, DateParts


def _doc(text: str) -> Document:
    return Document(text=text, source=Source(None, "0" * 64, "txt", "utf-8", len(text)))


def _run(text: str, target_section: bool = True, year: int = 2025):
    doc = _doc(text)
    return sentence_targets(doc, 0, len(text), in_target_section=target_section, year=year, section_id="I.2")


def _facts(targets):
    return [(t.comparator, t.value, t.value_max, t.of, t.unit, t.direction) for t in targets]


@pytest.mark.parametrize("text, expected", [
    # several targets in one sentence; the per-capita suffix distributes
    ("Đạt 45 giường bệnh; 14,5 bác sỹ và 3,5 dược sỹ đại học/vạn dân.", [
        ("=", 45, None, None, "giường bệnh/vạn dân", None),
        ("=", 14.5, None, None, "bác sỹ/vạn dân", None),
        ("=", 3.5, None, None, "dược sỹ đại học/vạn dân", None)]),
    ("SDD thể thấp còi còn dưới 9,98%; SDD thể nhẹ cân còn dưới 7,88%.", [
        ("<", 9.98, None, None, "%", "decrease"),
        ("<", 7.88, None, None, "%", "decrease")]),
    ("Tỷ lệ trẻ em dưới 5 tuổi SDD thể thấp còi còn dưới 31,9%.", [
        ("<", 31.9, None, None, "%", "decrease")]),
    # value before the indicator
    ("100% người cao tuổi có thẻ Bảo hiểm y tế.", [("=", 100, None, None, "%", None)]),
    ("17/17 xã, phường duy trì Bộ tiêu chí quốc gia về y tế xã.", [
        ("=", 17, None, 17, "xã, phường", "maintain")]),
    ("Tuổi thọ trung bình: 74 tuổi.", [("=", 74, None, None, "tuổi", None)]),
    ("Tuổi thọ trung bình đạt trên 74 tuổi.", [(">", 74, None, None, "tuổi", None)]),
    # symbols and converter debris
    ("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin đạt ≥ 95%.", [
        (">=", 95, None, None, "%", None)]),
    (r"Tỷ lệ hộ nghèo đa chiều $\leq 18,5\%$.", [("<=", 18.5, None, None, "%", None)]),
    (r"Tỷ lệ trẻ < 01 tuổi được tiêm chủng đầy đủ đạt $\geq 95\%$.", [(">=", 95, None, None, "%", None)]),
    ("Tỷ lệ cơ sở có Giấy chứng nhận >99,1%.", [(">", 99.1, None, None, "%", None)]),
    ("Tỷ suất tử vong trẻ em dưới 1 tuổi ≤1,5‰.", [("<=", 1.5, None, None, "‰", None)]),
    # ranges
    ("Tỷ lệ phụ nữ được khám phụ khoa đạt 30-40%.", [("range", 30, 40, None, "%", None)]),
    ("Mỗi trạm y tế có từ 4- 6 nhân viên y tế.", [("range", 4, 6, None, "nhân viên y tế", None)]),
    ("Phấn đấu 1- 2 xã đạt chuẩn quốc gia về y tế.", [("range", 1, 2, None, "xã", None)]),
    # cue words
    ("Tỷ lệ người dân tham gia bảo hiểm y tế đạt ít nhất 90%.", [(">=", 90, None, None, "%", None)]),
    ("Tỷ lệ trạm y tế có bác sĩ tối thiểu 80%.", [(">=", 80, None, None, "%", None)]),
    ("Tỷ lệ tiêm chủng không dưới 85%.", [(">=", 85, None, None, "%", None)]),
    ("Tỷ lệ tiêm chủng mở rộng từ 95% trở lên.", [(">=", 95, None, None, "%", None)]),
    ("Tỷ lệ sinh con thứ ba dưới 5%.", [("<", 5, None, None, "%", None)]),
    ("Tỷ lệ nhiễm HIV trong cộng đồng thấp hơn 0,3%.", [("<", 0.3, None, None, "%", None)]),
    ("Tỷ lệ tai biến sản khoa tối đa 2%.", [("<=", 2, None, None, "%", None)]),
    ("Tỷ lệ nhiễm khuẩn bệnh viện không quá 3%.", [("<=", 3, None, None, "%", None)]),
    ("Tỷ lệ tăng dân số không vượt quá 1,5%.", [("<=", 1.5, None, None, "%", None)]),
    ("Tỷ lệ bao phủ bảo hiểm y tế đạt trên 98% dân số.", [(">", 98, None, None, "%", None)]),
    ("Tỷ lệ hộ gia đình sử dụng nước sạch hơn 90%.", [(">", 90, None, None, "%", None)]),
    # direction
    ("Tăng tỷ lệ người dân được quản lý sức khỏe lên 90%.", [("=", 90, None, None, "%", "increase")]),
    ("Tỷ lệ tăng dân số tự nhiên đạt 1,34%.", [("=", 1.34, None, None, "%", None)]),
    ("Duy trì 14/14 phường đạt chuẩn quốc gia về y tế xã.", [("=", 14, None, 14, "phường", "maintain")]),
    ("Giữ vững tỷ lệ tiêm chủng đầy đủ trên 95%.", [(">", 95, None, None, "%", "maintain")]),
    ("Khống chế tỷ lệ mắc sốt xuất huyết còn 20 ca/100.000 dân.", [
        ("=", 20, None, None, "ca/100.000 dân", "decrease")]),
    # per-N denominators become part of the unit
    ("Số ca ngộ độc thực phẩm cấp tính được báo cáo trên 100.000 dân còn dưới 05 ca.", [
        ("<", 5, None, None, "ca/100.000 dân", "decrease")]),
    ("Tỷ số tử vong mẹ dưới 46/100.000 trẻ đẻ sống.", [("<", 46, None, None, "/100.000 trẻ đẻ sống", None)]),
    ("Tỷ số giới tính khi sinh dưới 112 trẻ trai/100 trẻ gái.", [
        ("<", 112, None, None, "trẻ trai/100 trẻ gái", None)]),
    # a parenthetical annotation of a target is not a second target
    ("Tỷ lệ bao phủ BHYT toàn dân đạt 91,9% (cao hơn 0,4% so với chỉ tiêu thành phố giao là 91,5%).", [
        ("=", 91.9, None, None, "%", None)]),
    ("Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế: 100% (17/17 xã).", [("=", 100, None, None, "%", None)]),
    ("Tỷ lệ người bệnh hài lòng đạt 99.5%.", [("=", 99.5, None, None, "%", None)]),
    ("Số trẻ em mới sinh: 5.369 người.", [("=", 5369, None, None, "người", None)]),
    ("Đến năm 2025: Đạt 32 giường bệnh/vạn dân, 12 bác sĩ/vạn dân.", [
        ("=", 32, None, None, "giường bệnh/vạn dân", None), ("=", 12, None, None, "bác sĩ/vạn dân", None)]),
    ("Chiều cao trung bình của thanh niên 18 tuổi: nam 168,5 cm, nữ 157,5 cm.", [
        ("=", 168.5, None, None, "cm", None), ("=", 157.5, None, None, "cm", None)]),
    # a second value hanging on a preposition qualifies the first
    ("Tỷ lệ tiêm chủng mở rộng cho trẻ em dưới 1 tuổi đạt trên 95% với 8 loại vắc xin.", [
        (">", 95, None, None, "%", None)]),
    # "từ 25 lên 30": 30 is the target, 25 its starting point
    ("Số giường bệnh tăng từ 25 lên 30 giường/vạn dân.", [("=", 30, None, None, "giường/vạn dân", "increase")]),
    ("Tuổi thọ trung bình đạt 75 tuổi, trong đó số năm sống khỏe đạt tối thiểu 68 năm.", [
        ("=", 75, None, None, "tuổi", None), (">=", 68, None, None, "năm", None)]),
    # a cap on the count of events that must not happen is at most N (their size is a trap)
    ("Không để xảy ra trên 5 vụ ngộ độc thực phẩm tập thể.", [("<=", 5, None, None, "vụ", None)]),
    ("Không để xảy ra quá 3 vụ cháy lớn gây thiệt hại nghiêm trọng.", [("<=", 3, None, None, "vụ", None)]),
    ("Không để phát sinh quá 2 điểm nóng về ma túy.", [("<=", 2, None, None, "điểm", None)]),
    # approximation keeps the comparator
    ("Tỷ lệ hộ dân sử dụng nước sạch đạt khoảng 95%.", [("=", 95, None, None, "%", None)]),
    ("Tỷ lệ che phủ rừng đạt trên dưới 45%.", [("=", 45, None, None, "%", None)]),
    ("Tỷ lệ tiêm chủng đầy đủ đạt khoảng trên 90%.", [(">", 90, None, None, "%", None)]),
])
def test_sentence_targets(text, expected):
    assert _facts(_run(text)) == [tuple(float(x) if isinstance(x, int) else x for x in e) for e in expected]


@pytest.mark.parametrize("text, indicators", [
    ("Giảm tỷ suất tử vong trẻ dưới 5 tuổi còn 19‰; tử vong trẻ dưới 1 tuổi còn 14,5‰.",
     ["tỷ suất tử vong trẻ dưới 5 tuổi", "tỷ suất tử vong trẻ dưới 1 tuổi"]),
    ("Duy trì tỷ suất tử vong trẻ em: Dưới 5 tuổi ≤1,5‰; dưới 1 tuổi ≤1‰.",
     ["tỷ suất tử vong trẻ em dưới 5 tuổi", "tỷ suất tử vong trẻ em dưới 1 tuổi"]),
    ("Tỷ lệ trẻ em dưới 5 tuổi SDD thể thấp còi còn dưới 31,9%; SDD thể nhẹ cân còn dưới 16,9%.",
     ["Tỷ lệ trẻ em dưới 5 tuổi SDD thể thấp còi", "Tỷ lệ trẻ em dưới 5 tuổi SDD thể nhẹ cân"]),
    ("Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ đạt trên 95%.",
     ["Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ"]),
    ("100% người cao tuổi có thẻ Bảo hiểm y tế.", ["người cao tuổi có thẻ Bảo hiểm y tế"]),
    ("Tuổi thọ trung bình: 74 tuổi.", ["Tuổi thọ trung bình"]),
    ("Tỷ lệ tăng dân số tự nhiên đạt 1,34%; tỷ số giới tính khi sinh đạt dưới 117 trẻ nam/100 trẻ nữ.",
     ["Tỷ lệ tăng dân số tự nhiên", "tỷ số giới tính khi sinh"]),
    ("Chiều cao trung bình của thanh niên 18 tuổi: nam 168,5 cm, nữ 157,5 cm.",
     ["Chiều cao trung bình của thanh niên 18 tuổi nam", "Chiều cao trung bình của thanh niên 18 tuổi nữ"]),
    ("Đến năm 2025, 100% trạm y tế xã có bác sĩ làm việc; 95% dân số được quản lý sức khỏe.",
     ["trạm y tế xã có bác sĩ làm việc", "dân số được quản lý sức khỏe"]),
    ("Số giường bệnh tăng từ 25 lên 30 giường/vạn dân.", ["Số giường bệnh"]),
    ("Giảm tỷ lệ mắc mới lao xuống dưới 100 ca/100.000 dân.", ["tỷ lệ mắc mới lao"]),
    # words of approximation and a year label are not part of the indicator
    ("Kim ngạch xuất khẩu đạt khoảng 520 triệu USD.", ["Kim ngạch xuất khẩu"]),
    ("Sản lượng gỗ khai thác từ rừng trồng đạt xấp xỉ 250.000 m3.", ["Sản lượng gỗ khai thác từ rừng trồng"]),
    ("Doanh thu thương mại điện tử tăng bình quân 20 - 25%/năm, đến năm 2026 đạt khoảng 520 triệu USD.",
     ["Doanh thu thương mại điện tử", "Doanh thu thương mại điện tử"]),
    ("Số nhiệm vụ khoa học được nghiệm thu: năm 2025 đạt 20 nhiệm vụ, năm 2026 đạt 22 nhiệm vụ.",
     ["Số nhiệm vụ khoa học được nghiệm thu", "Số nhiệm vụ khoa học được nghiệm thu"]),
])
def test_indicators(text, indicators):
    assert [t.indicator for t in _run(text)] == indicators


def test_maintain_distributes_over_elided_clauses():
    got = _run("Duy trì tỷ suất tử vong trẻ em: Dưới 5 tuổi ≤1,5‰; dưới 1 tuổi ≤1‰.")
    assert _facts(got) == [("<=", 1.5, None, None, "‰", "maintain"), ("<=", 1.0, None, None, "‰", "maintain")]


@pytest.mark.parametrize("text", [
    # population qualifiers
    "Hỗ trợ phục hồi dinh dưỡng cho trẻ em dưới 5 tuổi suy dinh dưỡng.",
    "Triển khai các chính sách ưu tiên chăm sóc sức khỏe người cao tuổi trên 80 tuổi.",
    "Tiêm vắc xin cho trẻ em từ 5 đến dưới 12 tuổi theo hướng dẫn.",
    "Sàng lọc suy dinh dưỡng cấp tính ở trẻ em từ 0-72 tháng tuổi.",
    # per-N denominator alone
    "Giám sát số ca mắc trên 100.000 dân tại các xã.",
    # frequencies and durations
    "Ban Chỉ đạo họp 06 tháng/lần, năm và đột xuất khi cần thiết.",
    "Mỗi người dân được khám sức khỏe ít nhất 1 lần/năm.",
    "Tổ chức kiểm tra, đánh giá kết quả thực hiện 6 tháng, 1 năm.",
    # citations and numbered names
    "Thực hiện Quyết định số 1300/QĐ-BYT ngày 09/3/2023 của Bộ Y tế.",
    "Triển khai Nghị quyết 38/NQ-CP ngày 17/3/2022 của Chính phủ.",
    "Thực hiện Đề án 1816 của Bộ Y tế.",
    "Phòng chống dịch Covid-19 theo thông điệp 5K.",
    "Nâng cấp Bệnh viện hạng II và Trạm xá 24.",
    "Tiêm vắc xin mũi 3, mũi 4 cho từng nhóm đối tượng.",
    "Theo Chỉ thị 25/2004/CT-CTTg của Thủ tướng Chính phủ.",
    "Thực hiện Đề án 7-ĐA/TU giai đoạn 2020 -2025.",
    "Quán triệt Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương.",
    # dates and years
    "Hoàn thành trước ngày 20/01/2021.",
    "Kỷ niệm ngày Dân số Thế giới 11/7 và Ngày Dân số Việt Nam 26/12.",
    "Chương trình kiểm soát mất cân bằng giới tính khi sinh giai đoạn 2021 - 2025.",
    # money belongs to the budget
    "Tổng nhu cầu kinh phí: 14.676.220.000 đồng.",
    "Hỗ trợ 2,5 tỷ VNĐ cho các trạm y tế.",
    "Kinh phí thực hiện 500 triệu đồng.",
])
def test_traps_are_not_targets(text):
    assert _run(text) == []


@pytest.mark.parametrize("text, values", [
    ("Tỷ lệ doanh nghiệp có dưới 300 người lao động có cán bộ y tế đạt 80%.", [80]),
    ("Tỷ lệ người cao tuổi trên 80 tuổi được khám sức khỏe định kỳ đạt 95%.", [95]),
    ("Tỷ lệ trẻ em từ 12 tuổi trở lên được tiêm đầy đủ đạt trên 95%.", [95]),
    ("Tỷ lệ sinh con thứ 3 trở lên: 2,61%.", [2.61]),
    ("Số ca mắc sốt xuất huyết trên 100.000 dân giảm còn 30 ca.", [30]),
    ("Theo Quyết định số 1300/QĐ-BYT, 100% xã triển khai Bộ tiêu chí quốc gia về y tế xã.", [100]),
])
def test_traps_inside_target_sentences(text, values):
    assert [t.value for t in _run(text)] == values


@pytest.mark.parametrize("text, n", [
    ("Doanh nghiệp có dưới 300 người lao động có 01 cán bộ y tế có trình độ trung cấp phục vụ.", 0),
    ("Tổ chức 02 đợt chiến dịch cho trẻ uống vitamin A.", 0),   # activity, not a target
    ("Triển khai 01 phần mềm quản lý y tế cơ sở thống nhất trong toàn bộ 14 phường.", 0),
    ("100% Trạm Y tế được xây dựng kiên cố.", 1),                # rate: a target anywhere
    ("Đảm bảo tỷ lệ tiêm vắc xin cho từng nhóm đối tượng đạt trên 95%.", 1),
    ("Phấn đấu 20 xã đạt chuẩn nông thôn mới.", 1),              # achievement cue
])
def test_outside_target_sections_only_commitments_count(text, n):
    assert len(_run(text, target_section=False)) == n


def test_sentence_horizon_applies_to_later_clauses():
    got = _run("Đến năm 2025, 100% trạm y tế xã có bác sĩ làm việc; 95% dân số được quản lý sức khỏe.", year=2023)
    assert [(t.value, t.year) for t in got] == [(100.0, 2025), (95.0, 2025)]


def test_from_to_keeps_the_start_as_baseline():
    got = _run("Số giường bệnh tăng từ 25 lên 30 giường/vạn dân.")
    assert [(t.value, t.baseline) for t in got] == [(30.0, "25")]


def test_year_from_sentence_and_baseline():
    got = _run("Đến năm 2025, tỷ lệ trạm y tế xã có bác sĩ đạt 100%.", year=2023)
    assert [(t.value, t.year) for t in got] == [(100.0, 2025)]
    got = _run("Giảm tỷ suất sinh so với năm 2020: 0,03‰.", year=2021)
    assert [(t.value, t.year, t.baseline, t.direction) for t in got] == [(0.03, 2021, "năm 2020", "decrease")]


def test_year_from_enclosing_heading():
    text = "I. MỤC TIÊU\n\na) Đến năm 2025\n\n- Tỷ lệ trạm y tế có bác sĩ đạt 100%.\n"
    doc = _doc(text)
    h1 = text.index("MỤC TIÊU")
    h2 = text.index("Đến năm")
    sub = Section("I.a", "a", "Đến năm 2025", "other", 2, Span(h2 - 3, len(text) - 1), Span(h2, h2 + 12))
    top = Section("I", "I", "MỤC TIÊU", "muc_tieu", 1, Span(0, len(text) - 1), Span(h1, h1 + 8), [sub])
    meta = Metadata(date=DateParts(2023))
    got = get_targets(doc, [top], [], meta)
    assert [(t.id, t.value, t.year, t.section_id) for t in got] == [("T001", 100.0, 2025, "I.a")]
    assert doc.text[got[0].span.start:got[0].span.end] == got[0].text


@pytest.mark.parametrize("title, period_end, year, expected", [
    ("Thực hiện chỉ tiêu y tế năm 2021", None, 2020, 2021),
    ("Bộ tiêu chí quốc gia về y tế xã giai đoạn đến năm 2030", None, 2024, 2030),
    ("Kế hoạch chăm sóc sức khỏe nhân dân", 2025, 2021, 2025),
    ("Kế hoạch chăm sóc sức khỏe nhân dân", None, 2023, 2023),
    (None, None, None, None),
])
def test_plan_year(title, period_end, year, expected):
    meta = Metadata(title=title, period=Period(None, period_end), date=DateParts(year))
    assert plan_year(meta) == expected


@pytest.mark.parametrize("text, expected", [
    # a subgroup clause narrows the previous indicator
    ("Tỷ lệ thiếu máu ở phụ nữ có thai dưới 23%, riêng ở vùng miền núi dưới 25%.", [
        ("Tỷ lệ thiếu máu ở phụ nữ có thai", "<", 23.0),
        ("Tỷ lệ thiếu máu ở phụ nữ có thai, riêng ở vùng miền núi", "<", 25.0)]),
    # the comma right after a closing value splits, not the later "và"
    ("Tỷ lệ nhẹ cân dưới 11%, riêng tại vùng dân tộc thiểu số và miền núi dưới 15%.", [
        ("Tỷ lệ nhẹ cân", "<", 11.0),
        ("Tỷ lệ nhẹ cân, riêng tại vùng dân tộc thiểu số và miền núi", "<", 15.0)]),
    # value-first clauses split at the last "và" before the next value
    ("80% bà mẹ cho trẻ bú sớm và 25% bà mẹ cho trẻ bú mẹ hoàn toàn trong 6 tháng đầu.", [
        ("bà mẹ cho trẻ bú sớm", "=", 80.0),
        ("bà mẹ cho trẻ bú mẹ hoàn toàn trong 6 tháng đầu", "=", 25.0)]),
    # the indicator starts at its head word, after introductory phrases
    ("Ngoài ra, đến năm 2030: tỷ lệ suy dinh dưỡng thể thấp còi dưới 19%.", [
        ("tỷ lệ suy dinh dưỡng thể thấp còi", "<", 19.0)]),
])
def test_clause_splitting_and_indicator_heads(text, expected):
    assert [(t.indicator, t.comparator, t.value) for t in _run(text)] == expected


@pytest.mark.parametrize("text", [
    "Hiện nay, tỷ lệ bao phủ bảo hiểm y tế đạt 92,5%.",
    "Hiện có 15 xã có tỷ lệ suy dinh dưỡng trên 30%.",
])
def test_current_figures_are_not_targets(text):
    assert _run(text) == []


def test_results_sections_give_no_targets():
    text = ("I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2022\n\n- Tỷ lệ tiêm chủng đầy đủ đạt 97%.\n\n"
            "II. MỤC TIÊU\n\n- Tỷ lệ tiêm chủng đầy đủ đạt trên 95%.\n")
    doc = _doc(text)
    i2 = text.index("II.")
    s1 = Section("I", "I", "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2022", "thuc_trang", 1,
                 Span(0, i2 - 2), Span(3, 3 + 33))
    s2 = Section("II", "II", "MỤC TIÊU", "muc_tieu", 1, Span(i2, len(text) - 1), Span(i2 + 4, i2 + 12))
    got = get_targets(doc, [s1, s2], [], Metadata(title="Kế hoạch năm 2023"))
    assert [(t.section_id, t.comparator, t.value, t.year) for t in got] == [("II", ">", 95.0, 2023)]


@pytest.mark.parametrize("text, expected", [
    # plans of other sectors use the same grammar
    ("Tốc độ tăng trưởng kinh tế (GRDP) đạt 7,5%/năm.", [("=", 7.5, None, None, "%/năm", None)]),
    ("Giảm tỷ lệ hộ nghèo bình quân 1,5%/năm.", [("=", 1.5, None, None, "%/năm", "decrease")]),
    ("Giải quyết việc làm cho 3.000 lao động.", [("=", 3000, None, None, "lao động", None)]),
    ("Tỷ lệ người dân hài lòng đạt từ 70% đến 80%.", [("range", 70, 80, None, "%", None)]),
    ("Tỷ lệ trẻ em 6 tuổi vào lớp 1 đạt 100%.", [("=", 100, None, None, "%", None)]),
    ("Số xã đạt chuẩn nông thôn mới: 12/15 xã.", [("=", 12, None, 15, "xã", None)]),
    ("Trồng mới 500 ha rừng tập trung.", [("=", 500, None, None, "ha", None)]),
    ("Tỷ lệ huy động trẻ 5 tuổi đến trường đạt 99%.", [("=", 99, None, None, "%", None)]),
    ("Phường 3 có 100% hộ gia đình được sử dụng nước sạch.", [("=", 100, None, None, "%", None)]),
    # a total stated after the count is its denominator
    ("Phấn đấu 45 xã đạt chuẩn trên tổng số 50 xã.", [("=", 45, None, 50, "xã", None)]),
    ("Phấn đấu năm 2024 đạt 3/9 tiêu chí.", [("=", 3, None, 9, "tiêu chí", None)]),
])
def test_other_sectors(text, expected):
    assert _facts(_run(text)) == [tuple(float(x) if isinstance(x, int) else x for x in e) for e in expected]


@pytest.mark.parametrize("text, expected", [
    # a value right before a change verb qualifies the subject
    ("Tỷ lệ hộ nghèo tại các xã có tỷ lệ hộ nghèo cao trên 25% giảm từ 4% trở lên.", [
        ("Tỷ lệ hộ nghèo tại các xã có tỷ lệ hộ nghèo cao trên 25%", ">=", 4.0, "decrease")]),
    # direction after an introductory phrase; "xuống dưới" is a decrease
    ("Về dinh dưỡng, giảm tỷ lệ thấp còi ở trẻ em xuống dưới 9,8%.", [
        ("tỷ lệ thấp còi ở trẻ em", "<", 9.8, "decrease")]),
    # "trong đó" narrows the previous indicator and keeps its direction
    ("Tỷ lệ lao động qua đào tạo đạt 68%, trong đó có bằng cấp chứng chỉ đạt 50%.", [
        ("Tỷ lệ lao động qua đào tạo", "=", 68.0, None),
        ("Tỷ lệ lao động qua đào tạo, bằng cấp chứng chỉ", "=", 50.0, None)]),
    # "chiếm" links a share; a bare change after it keeps the indicator
    ("Ngành dịch vụ chiếm 25,4%, tăng 0,1% so với năm 2023.", [
        ("Ngành dịch vụ", "=", 25.4, None), ("Ngành dịch vụ", "=", 0.1, "increase")]),
    ("Năm 2024, huyện phấn đấu giảm tỷ lệ hộ nghèo còn 7,3%.", [
        ("tỷ lệ hộ nghèo", "=", 7.3, "decrease")]),
])
def test_qualifiers_subgroups_and_changes(text, expected):
    assert [(t.indicator, t.comparator, t.value, t.direction) for t in _run(text)] == expected


SMALL_PLAN = """ỦY BAN NHÂN DÂN
HUYỆN A

Số: 12/KH-UBND

A, ngày 5 tháng 1 năm 2024

KẾ HOẠCH
Chăm sóc sức khỏe nhân dân năm 2024

I. MỤC TIÊU

1. Mục tiêu cụ thể

a) 100% trạm y tế có bác sĩ làm việc.

b) Tỷ lệ tiêm chủng đầy đủ đạt trên 95%.

c) Tỷ lệ phụ nữ mang thai được khám thai đủ 4 lần trong thai kỳ

đạt 90%.

2. Đến năm 2025

- Tỷ lệ bao phủ bảo hiểm y tế đạt 95%.

II. KINH PHÍ

Tổng kinh phí: 1.500.000.000 đồng; ngân sách huyện đảm bảo 70%.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""


def test_end_to_end_targets_in_numbered_items_and_money_in_budget():
    import vnplan

    plan = vnplan.parse_text(SMALL_PLAN)
    assert [(t.id, t.comparator, t.value, t.unit, t.year) for t in plan.targets] == [
        ("T001", "=", 100.0, "%", 2024), ("T002", ">", 95.0, "%", 2024), ("T003", "=", 90.0, "%", 2024),
        ("T004", "=", 95.0, "%", 2025)]
    # a sentence broken over a page break keeps its indicator
    assert plan.targets[2].indicator == "Tỷ lệ phụ nữ mang thai được khám thai đủ 4 lần trong thai kỳ"
    assert [(b.id, b.amount_vnd, b.purpose, b.section_id) for b in plan.budget] == [
        ("B001", 1_500_000_000.0, "Tổng kinh phí", "II")]
    for t in plan.targets:
        assert plan.text[t.span.start:t.span.end] == t.text


_TOKENS = ["0.100.000", "1.5", "5,6", "100", "%", "‰", "/", "-", "đến", "từ", "trên", "dưới", "≥", "≤",
           "$\\geq", "\\%$", "tuổi", "năm", "2025", "đạt", ":", ";", ",", "và", "tỷ lệ", "giảm", "còn", "(",
           ")", "trở lên", "ca", "/100.000 dân", "tỷ", "đồng", "tổng số", "17/17", "xã", "Đạt", "riêng",
           "trong đó", "lên", "\n\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=25))
def test_any_sequence_of_plan_tokens_gives_grounded_targets(parts):
    text = " ".join(parts)
    for t in _run(text):
        assert text[t.span.start:t.span.end] == t.text
        assert t.span.start <= t.value_span.start and t.value_span.end <= t.span.end
        assert t.comparator in {"=", ">", ">=", "<", "<=", "range"}
        assert (t.value_max is not None) == (t.comparator == "range")


_PLAN_2025_2027 = ("ỦY BAN NHÂN DÂN TỈNH A\nSố: 12/KH-UBND\tA, ngày 10 tháng 3 năm 2025\nKẾ HOẠCH\n"
                   "Phát triển nông nghiệp giai đoạn 2025 - 2027\nI. NHIỆM VỤ\n")


@pytest.mark.parametrize("item, expected", [
    # a later clause's year does not apply to the run-in item's first target
    ("a) Trồng mới 420 ha rừng phòng hộ ven biển, trong đó năm 2025 trồng 150 ha.",
     [(420, 2027), (150, 2025)]),
    ("b) Cứng hóa 45 km kênh mương nội đồng, riêng năm 2026 cứng hóa 20 km.", [(45, 2027), (20, 2026)]),
    ("c) Xây dựng mới 120 phòng học, trong đó năm 2025 xây dựng 40 phòng học.", [(120, 2027), (40, 2025)]),
    # a year opening the item still applies to all of it
    ("a) Đến năm 2026, xây dựng mới 12 phòng học. Cứng hóa 10 km đường.", [(12, 2026), (10, 2026)]),
    ("1. Đến năm 2026\na) Xây dựng mới 12 phòng học.", [(12, 2026)]),
])
def test_later_clause_year_does_not_leak_into_the_item(item, expected):
    from vnplan import parse_text
    plan = parse_text(_PLAN_2025_2027 + item + "\n")
    assert [(t.value, t.year) for t in plan.targets] == expected


@pytest.mark.parametrize("gap", ["\n\n", "\n\n2\n\n", "\n\nTrang 2/5\n\n", "\n\n- 2 -\n\n"])
@pytest.mark.parametrize("first,second", [
    ("- Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin", "đạt trên 95% vào năm 2025."),
    ("- Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin đạt trên", "95% vào năm 2025."),
])
def test_sentence_broken_by_page_break_and_page_number(gap, first, second):
    """The page number between the halves is neither value nor indicator words;
    a half opening with '95%' after an open '... đạt trên' goes on with the sentence."""
    import vnplan

    text = ("KẾ HOẠCH\nPhát triển y tế năm 2024\n\nI. MỤC TIÊU\n1. Mục tiêu cụ thể\n"
            f"{first}{gap}{second}\nII. TỔ CHỨC THỰC HIỆN\nPhòng Y tế chủ trì.\n")
    plan = vnplan.parse_text(text)
    assert [(t.indicator, t.comparator, t.value, t.unit, t.year) for t in plan.targets] == [
        ("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin", ">", 95.0, "%", 2025)]
    t = plan.targets[0]
    assert plan.text[t.span.start:t.span.end] == t.text
