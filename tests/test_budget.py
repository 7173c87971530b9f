"""Money amounts: real plan phrasings -> amount_vnd and purpose."""
from __future__ import annotations

import pytest
import regex

from vnplan.extract.budget import get_budget
from vnplan.model import Document, Section, Source, Span


def _budget(text: str):
    doc = Document(text=text, source=Source(None, "0" * 64, "txt", "utf-8", len(text)))
    whole = Section("IV", "IV", "KINH PHÍ", "kinh_phi", 1, Span(0, len(text)), Span(0, 0))
    return get_budget(doc, [whole])


def test_no_sections_no_budget():
    text = "Giá vé 50.000 đồng một người."
    doc = Document(text=text, source=Source(None, "0" * 64, "txt", "utf-8", len(text)))
    assert get_budget(doc, []) == []


@pytest.mark.parametrize("text, expected", [
    ("Tổng nhu cầu kinh phí: 14.676.220.000 đồng.", [(14_676_220_000, "Tổng nhu cầu kinh phí")]),
    ("Kinh phí hỗ trợ xây dựng trạm y tế: 1.987.000.000 đồng; kinh phí mua sắm trang thiết bị: 2,5 tỷ VNĐ.", [
        (1_987_000_000, "Kinh phí hỗ trợ xây dựng trạm y tế"),
        (2_500_000_000, "kinh phí mua sắm trang thiết bị")]),
    ("Hỗ trợ 500 triệu đồng cho các trạm y tế xã.", [(500_000_000, "Hỗ trợ cho các trạm y tế xã")]),
    ("Tổng kinh phí thực hiện là 1,2 tỷ đồng, trong đó ngân sách nhà nước 800 triệu đồng.", [
        (1_200_000_000, "Tổng kinh phí thực hiện"), (800_000_000, "ngân sách nhà nước")]),
    ("Ngân sách tỉnh bố trí 3 tỷ (năm 2024).", [(3_000_000_000, "Ngân sách tỉnh bố trí")]),
    ("Mức hỗ trợ 50.000đ/người/tháng.", [(50_000, "Mức hỗ trợ")]),
    ("1\tMua sắm trang thiết bị\t150.000.000\tđồng", [(150_000_000, "Mua sắm trang thiết bị")]),
    ("Kinh phí tập huấn 25.500.000 VND", [(25_500_000, "Kinh phí tập huấn")]),
])
def test_amounts_and_purposes(text, expected):
    got = _budget(text)
    assert [(b.amount_vnd, b.purpose) for b in got] == [(float(a), p) for a, p in expected]
    for i, b in enumerate(got, 1):
        assert b.id == f"B{i:03d}"
        assert text[b.span.start:b.span.end] == b.text


@pytest.mark.parametrize("text", [
    "Tỷ lệ bao phủ bảo hiểm y tế đạt 91,9%.",
    "Sản xuất 5 triệu liều vắc xin.",
    "Giảm 2 tỷ lệ tử vong.",
    "Bố trí kinh phí thực hiện theo khả năng cân đối ngân sách.",
    "Thực hiện Quyết định số 1300/QĐ-BYT ngày 09/3/2023.",
])
def test_not_money(text):
    assert _budget(text) == []


def test_corpus_plans_name_no_amounts(corpus_plans):
    # The three corpus plans speak of "kinh phí" but state no amount.
    for plan in corpus_plans.values():
        assert plan.budget == []
        assert not any(regex.search(r"\d\s*(?:triệu|tỷ)?\s*(?:đồng|VNĐ)", t.text) for t in plan.targets)


@pytest.mark.parametrize("text, amount", [
    # allowances and fees paid per person are the plan's money (population, drug prevention,
    # health, culture)
    ("Mức chi thù lao cho cộng tác viên dân số là 150.000 đồng/người/tháng.", 150_000),
    ("Phụ cấp cho nhân viên y tế thôn, bản 500.000 đồng/người/tháng.", 500_000),
    ("Chi bồi dưỡng cho thành viên tổ tuần tra 100.000 đồng/người/đêm.", 100_000),
    ("Trợ cấp cho người cao tuổi từ 80 tuổi trở lên 360.000 đồng/người/tháng.", 360_000),
])
def test_round9_allowance_norms_are_budget(text, amount):
    assert [b.amount_vnd for b in _budget(text)] == [float(amount)]


@pytest.mark.parametrize("text", [
    # a threshold of what is covered or who qualifies is no money of the plan (science,
    # infrastructure, poverty)
    "Tranh thủ vốn ODA cho các dự án khoa học và công nghệ có quy mô từ 5 tỷ đồng trở lên.",
    "Thẩm định các công trình có tổng mức đầu tư từ 15 tỷ đồng trở lên.",
    "Hỗ trợ hộ có thu nhập bình quân từ 1,5 triệu đồng/người/tháng trở xuống.",
])
def test_round9_money_thresholds_are_no_budget(text):
    assert _budget(text) == []


@pytest.mark.parametrize("text", [
    # round 11: a measure of what is covered and its comparator before the amount, no "trở lên"
    # after it (roads, small business, schools, cooperatives)
    "Ưu tiên các tuyến có tổng mức đầu tư dưới 15 tỷ đồng, các tuyến kết nối vùng sản xuất.",
    "Ưu tiên hỗ trợ doanh nghiệp siêu nhỏ có doanh thu dưới 10 tỷ đồng/năm.",
    "Phân cấp cho Ủy ban nhân dân xã làm chủ đầu tư các công trình có quy mô không quá 5 tỷ đồng.",
    "Hỗ trợ các hợp tác xã có vốn điều lệ trên 500 triệu đồng tham gia chuỗi liên kết.",
])
def test_round11_thresholds_before_the_amount_are_no_budget(text):
    assert _budget(text) == []


@pytest.mark.parametrize("text, amount", [
    # ... while the plan's own money and caps stay
    ("Tổng mức đầu tư dự án là 15 tỷ đồng.", 15_000_000_000),
    ("Ngân sách huyện hỗ trợ với mức hỗ trợ 300 triệu đồng/km đối với tuyến có mặt đường rộng từ 3 m trở lên.",
     300_000_000),
    ("Mức hỗ trợ tối đa 50% chi phí thuê mặt bằng, không quá 5 triệu đồng/doanh nghiệp/tháng.", 5_000_000),
])
def test_round11_money_next_to_thresholds_stays_budget(text, amount):
    assert [b.amount_vnd for b in _budget(text)] == [float(amount)]


def test_round13_amount_cut_from_its_unit_by_a_hard_wrap():
    """A hard-wrapped .txt (a PDF converter's output): an amount at the end of a line and its
    unit at the start of the next are one amount ("ngân sách xã 320" / "triệu đồng")."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from test_agencies_sentences import _WRAPPED_PLAN, _hard_wrapped

    tail = ("Kinh phí: Tổng kinh phí thực hiện Kế hoạch năm 2025 là 450 triệu đồng, trong đó ngân sách xã bố trí "
            "trong dự toán 320 triệu đồng; nguồn huy động xã hội hóa và đóng góp tự nguyện của Nhân dân "
            "130 triệu đồng.\n")
    for width in range(60, 70):
        text = _hard_wrapped(_WRAPPED_PLAN + tail, width)
        if regex.search(r"(?:320|130)\n", text):
            break
    else:
        pytest.skip("no width cuts an amount from its unit")
    lines = [b.amount_vnd for b in _budget(text)]
    assert lines == [450e6, 320e6, 130e6]
