"""Round-12 generalisations (tests/heldout12): sentences in the genre's style from
several sectors, not the held-out sentences. Target tuples are
(comparator, value, value_max, of, unit, direction)."""
from __future__ import annotations

import pytest

from vnplan.extract.targets import sentence_targets
from vnplan.model import Document, Source


def _doc(text: str) -> Document:
    return Document(text=text, source=Source(None, "0" * 64, "txt", "utf-8", len(text)))


def _facts(text: str, target_section: bool = False):
    doc = _doc(text)
    got = sentence_targets(doc, 0, len(text), in_target_section=target_section, year=2025,
                           section_id="III.1", min_year=None)
    return [(t.comparator, t.value, t.value_max, t.of, t.unit, t.direction) for t in got]


@pytest.mark.parametrize("text, unit", [
    ("Bảo đảm danh mục thuốc tại trạm y tế xã đạt tối thiểu 300 hoạt chất.", "hoạt chất"),
    ("Cung ứng đủ 45 hoạt chất thuốc điều trị tăng huyết áp cho tuyến xã.", "hoạt chất"),
])
def test_counted_noun_hoat_chat(text, unit):
    assert [f[4] for f in _facts(text, target_section=True)] == [unit]


@pytest.mark.parametrize("text, expected", [
    # a duration reached by a decrease is a value (health, administrative reform, customs)
    ("Cải cách quy trình tiếp đón, giảm thời gian chờ khám bệnh tại bệnh viện huyện xuống dưới 45 phút.",
     [("<", 45, None, None, "phút", "decrease")]),
    ("Giảm thời gian thông quan hàng hóa tại cửa khẩu xuống còn 2 giờ.", [("=", 2, None, None, "giờ", "decrease")]),
    ("Thời gian giải quyết hồ sơ đất đai giảm còn dưới 10 ngày.", [("<", 10, None, None, "ngày", "decrease")]),
])
def test_duration_reached_by_a_decrease(text, expected):
    assert _facts(text, target_section=True) == expected


@pytest.mark.parametrize("text", [
    # ... a duration otherwise stays out
    "Người có triệu chứng ho kéo dài trên 2 tuần được xét nghiệm đờm.",
    "Các dự án còn 2 năm thực hiện được ưu tiên bố trí vốn.",
    "Theo dõi cân nặng của trẻ trong 6 tháng đầu sau sinh.",
])
def test_duration_otherwise_no_target(text):
    assert _facts(text, target_section=True) == []


@pytest.mark.parametrize("text", [
    # a share of a contribution or wage base is a rule of payment (health and social insurance,
    # wages)
    "Ngân sách tỉnh hỗ trợ thêm 20% mức đóng bảo hiểm y tế cho người thuộc hộ cận nghèo.",
    "Mức đóng bảo hiểm y tế hộ gia đình của người thứ nhất bằng 4,5% mức lương cơ sở.",
    "Người lao động đóng 8% tiền lương tháng vào quỹ hưu trí và tử tuất.",
    "Hỗ trợ 30% mức đóng bảo hiểm xã hội tự nguyện theo mức chuẩn hộ nghèo khu vực nông thôn.",
])
def test_contribution_norm_is_no_target(text):
    assert _facts(text, target_section=True) == []


@pytest.mark.parametrize("text, expected", [
    # ... coverage and shares of people stay targets
    ("Tỷ lệ người lao động tham gia bảo hiểm xã hội đạt 45% lực lượng lao động.",
     [("=", 45, None, None, "%", None)]),
    ("Phấn đấu 100% đơn vị đóng đủ 100% mức đóng đúng hạn.", [("=", 100, None, None, "%", None)]),
])
def test_contribution_norm_keeps_coverage(text, expected):
    assert _facts(text, target_section=True) == expected


@pytest.mark.parametrize("text, expected", [
    # a number of times within a period defines the indicator (maternal care, immunisation,
    # inspection); the share is the target
    ("Tỷ lệ phụ nữ có thai được khám thai ít nhất 4 lần trong 3 thai kỳ đạt 90%.", [("=", 90, None, None, "%", None)]),
    ("Tỷ lệ trẻ được uống vitamin A 2 lần trong năm đạt trên 98%.", [(">", 98, None, None, "%", None)]),
    ("100% cơ sở được kiểm tra ít nhất 2 lần trong một năm.", [("=", 100, None, None, "%", None)]),
    # ... a multiple stays a value
    ("Tăng gấp 2 lần số người được điều trị dự phòng.", [("=", 2, None, None, "lần", "increase")]),
])
def test_times_within_a_period(text, expected):
    assert _facts(text, target_section=True) == expected


@pytest.mark.parametrize("text, expected", [
    # a service organised for counted people (health, social protection, employment)
    ("Tổ chức khám sàng lọc tăng huyết áp, đái tháo đường cho 25.000 người có nguy cơ tại cộng đồng.",
     [("=", 25000, None, None, "người", None)]),
    ("Triển khai tầm soát thính lực cho 300 trẻ sơ sinh tại bệnh viện huyện.",
     [("=", 300, None, None, "trẻ", None)]),
    ("Tổ chức tư vấn, giới thiệu việc làm cho 1.500 lao động nông thôn.",
     [("=", 1500, None, None, "lao động", None)]),
])
def test_service_after_organising_verb(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text", [
    # ... an activity's own count stays out, and so does where it happens
    "Tổ chức 03 lớp tập huấn cho cán bộ y tế xã.",
    "Tổ chức khám sàng lọc tại 12 xã vùng sâu.",
])
def test_organising_verb_activity_stays_out(text):
    assert _facts(text) == []
