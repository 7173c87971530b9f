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


def test_wrapped_amount_per_year_keeps_its_money_word():
    # in a hard-wrapped text, a yearly amount whose money word ("Kinh phí") is on the wrapped
    # line before it is money of the plan (a rate such as income per person stays out)
    import textwrap
    import vnplan
    paras = [
        "KẾ HOẠCH", "Phát triển nông nghiệp hữu cơ trên địa bàn tỉnh giai đoạn 2025 - 2030",
        "I. MỤC TIÊU",
        "Phát triển sản xuất nông nghiệp hữu cơ theo chuỗi giá trị, phù hợp với lợi thế của từng vùng, gắn với "
        "thị trường tiêu thụ; nâng cao thu nhập cho người sản xuất, bảo vệ môi trường sinh thái và sức khỏe "
        "người tiêu dùng; thu nhập bình quân của hộ tham gia sản xuất hữu cơ đạt 80 triệu đồng/người/năm.",
        "II. KINH PHÍ THỰC HIỆN",
        "1. Kinh phí hỗ trợ chứng nhận sản phẩm hữu cơ cho các hợp tác xã, tổ hợp tác, trang trại và hộ sản "
        "xuất trên địa bàn các huyện miền núi của tỉnh: khoảng 3,2 tỷ đồng/năm.",
        "2. Kinh phí xúc tiến thương mại, quảng bá sản phẩm hữu cơ trong và ngoài tỉnh được bố trí từ nguồn "
        "kinh phí khuyến công, khuyến nông và các nguồn vốn hợp pháp khác theo quy định của pháp luật hiện hành.",
        "III. TỔ CHỨC THỰC HIỆN",
        "Sở Nông nghiệp và Môi trường chủ trì, phối hợp với các sở, ngành và Ủy ban nhân dân các huyện, thành "
        "phố tổ chức triển khai Kế hoạch; định kỳ tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện "
        "trước ngày 15 tháng 12 hằng năm.",
    ]
    lines = []
    for p in paras:
        lines += textwrap.wrap(p, width=86, break_long_words=False, break_on_hyphens=False)
    plan = vnplan.parse_text("\n".join(lines) + "\n", "wrapped.txt")
    assert [b.amount_vnd for b in plan.budget] == [3.2e9]


@pytest.mark.parametrize("text", [
    # who is screened or treated, by a measure of theirs (NCD, nutrition, tobacco control)
    "Đo đường huyết mao mạch cho người có chỉ số khối cơ thể (BMI) từ 23 trở lên.",
    "Xét nghiệm HbA1c cho người có chỉ số đường huyết lúc đói trên 7 mmol/l.",
    "Triển khai sàng lọc COPD cho người hút thuốc từ 10 bao-năm trở lên.",
    "Tư vấn cai nghiện thuốc lá đối với người hút thuốc từ 20 điếu/ngày trở lên.",
])
def test_screening_eligibility_is_no_target(text):
    assert _facts(text) == []


@pytest.mark.parametrize("text, expected", [
    # ... a share or a count of people reached stays a target
    ("Khám sàng lọc cho 100% người từ 40 tuổi trở lên.", [("=", 100, None, None, "%", None)]),
    ("Tỷ lệ người bệnh có chỉ số HbA1c đạt mục tiêu đạt 40%.", [("=", 40, None, None, "%", None)]),
    ("Tư vấn dinh dưỡng cho từ 2.000 phụ nữ mang thai trở lên.", [(">=", 2000, None, None, "phụ nữ", None)]),
])
def test_screening_eligibility_keeps_targets(text, expected):
    assert _facts(text, target_section=True) == expected


@pytest.mark.parametrize("text, expected", [
    # the causes an indicator counts are part of its name (NCD, injury prevention)
    ("Giảm 10% tỷ lệ tử vong sớm do 4 bệnh không lây nhiễm chính so với năm 2020.",
     [("=", 10, None, None, "%", "decrease")]),
    ("Giảm 15% số ca tử vong do 3 nhóm nguyên nhân tai nạn thương tích.", [("=", 15, None, None, "%", "decrease")]),
])
def test_causes_of_an_indicator(text, expected):
    assert _facts(text, target_section=True) == expected


@pytest.mark.parametrize("text, expected", [
    # a subgroup without a verb of its own shares the direction of the value it is part of
    ("Duy trì 100% đối tượng được cấp thẻ bảo hiểm y tế kịp thời, trong đó 100% trẻ em dưới 6 tuổi được cấp thẻ.",
     [("=", 100, None, None, "%", "maintain"), ("=", 100, None, None, "%", "maintain")]),
    ("Giảm tỷ lệ hộ nghèo xuống còn 4%, riêng vùng đồng bào dân tộc thiểu số dưới 10%.",
     [("=", 4, None, None, "%", "decrease"), ("<", 10, None, None, "%", "decrease")]),
    # ... also when a line break stands before it (a hard-wrapped text)
    ("Duy trì 100% đối tượng được cấp thẻ kịp thời,\ntrong đó 100% trẻ em dưới 6 tuổi được cấp thẻ.",
     [("=", 100, None, None, "%", "maintain"), ("=", 100, None, None, "%", "maintain")]),
    # ... its own verb wins
    ("Giảm tỷ lệ hộ nghèo xuống còn 4%, trong đó duy trì 100% hộ nghèo được cấp thẻ bảo hiểm y tế.",
     [("=", 4, None, None, "%", "decrease"), ("=", 100, None, None, "%", "maintain")]),
])
def test_subgroup_shares_the_direction(text, expected):
    assert _facts(text, target_section=True) == expected
