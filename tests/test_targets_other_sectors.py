"""Targets of sentences from plans of other sectors (agriculture, environment,
education, infrastructure): the grammar generalisations found with the
held-out set (tests/heldout). Sentences are written in the genre's style but
are not the held-out sentences; expected tuples are
(comparator, value, value_max, of, unit, direction).
"""
from __future__ import annotations

import pytest

from vnplan.extract.budget import get_budget
from vnplan.extract.targets import earliest_year, plan_year, sentence_targets
from vnplan.model import DateParts, Document, Metadata, Period, Section, Source, Span


def _doc(text: str) -> Document:
    return Document(text=text, source=Source(None, "0" * 64, "txt", "utf-8", len(text)))


def _facts(text: str, target_section: bool = False, min_year=None):
    doc = _doc(text)
    got = sentence_targets(doc, 0, len(text), in_target_section=target_section, year=2025,
                           section_id="III.1", min_year=min_year)
    return [(t.comparator, t.value, t.value_max, t.of, t.unit, t.direction) for t in got]


@pytest.mark.parametrize("text, expected", [
    # output verbs and physical measures make task quantities targets
    ("Bê tông hóa 32,5 km đường giao thông nội đồng và nạo vét 15 km kênh tưới.", [
        ("=", 32.5, None, None, "km", None), ("=", 15, None, None, "km", None)]),
    ("Xây dựng mới 02 nhà máy nước sạch, công suất mỗi nhà máy 3.000 m3/ngày đêm.", [
        ("=", 2, None, None, "nhà máy", None), ("=", 3000, None, None, "m3/ngày đêm", None)]),
    ("Trang bị 25 xe thu gom rác và 600 thùng rác công cộng.", [
        ("=", 25, None, None, "xe", None), ("=", 600, None, None, "thùng", None)]),
    ("Chuyển đổi khoảng 150 ha đất trồng lúa kém hiệu quả sang nuôi trồng thủy sản.", [
        ("=", 150, None, None, "ha", None)]),
    # change cues right before the value
    ("Sắp xếp, giảm số điểm trường lẻ còn 95 điểm trường.", [
        ("=", 95, None, None, "điểm trường", "decrease")]),
    ("Mở rộng diện tích cây ăn quả lên 4.200 ha.", [("=", 4200, None, None, "ha", "increase")]),
    # "nâng cấp" is no direction, and "cấp" hides no "ấp 08"
    ("Cải tạo, nâng cấp 06 công trình thủy lợi.", [("=", 6, None, None, "công trình", None)]),
    # per-capita money is a value, not budget
    ("Thu nhập bình quân đầu người đạt 60 triệu đồng/người/năm.", [
        ("=", 60, None, None, "triệu đồng/người/năm", None)]),
])
def test_other_sector_sentences(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text", [
    # activities, grades, thresholds, frequencies: no targets
    "Tổ chức 02 đợt ra quân vệ sinh môi trường.",
    "Kiểm tra 01 lần/năm đối với cơ sở có lượng chất thải nguy hại trên 600 kg/năm.",
    "Định kỳ 06 tháng/lần báo cáo kết quả thực hiện.",
])
def test_other_sector_non_targets(text):
    assert _facts(text) == []


def test_co_them_is_an_increase():
    assert _facts("Có thêm 03 xã đạt chuẩn nông thôn mới nâng cao.", target_section=True) == [
        ("=", 3, None, None, "xã", "increase")]


def test_star_grade_is_not_a_target():
    assert _facts("Phấn đấu có ít nhất 20 sản phẩm OCOP đạt từ 3 sao trở lên.", target_section=True) == [
        (">=", 20, None, None, "sản phẩm OCOP", None)]


def test_year_before_the_plan_is_no_horizon():
    text = "Giáo viên đạt chuẩn trình độ đào tạo theo Luật Giáo dục năm 2019 đạt 90%."
    doc = _doc(text)
    got = sentence_targets(doc, 0, len(text), in_target_section=True, year=2025, section_id="II.2",
                           min_year=2024)
    assert [(t.value, t.year) for t in got] == [(90, 2025)]


def test_plan_year_is_period_end_before_orientation_horizon():
    m = Metadata(title="Phát triển giáo dục giai đoạn 2024 - 2025, định hướng đến năm 2030",
                 date=DateParts(2024, 3, 15), period=Period(2024, 2025))
    assert plan_year(m) == 2025
    assert earliest_year(m) == 2024


def test_per_capita_income_is_not_budget_but_allowances_are():
    text = ("IV. KINH PHÍ\nThu nhập bình quân đạt 55 triệu đồng/người/năm. "
            "Tổng kinh phí 12 tỷ đồng. Mức hỗ trợ 50.000 đồng/người/ngày.\n")
    doc = _doc(text)
    sec = Section(id="IV", number="IV", title="KINH PHÍ", kind="kinh_phi", level=1,
                  span=Span(0, len(text)), heading_span=Span(0, 11))
    assert [b.amount_vnd for b in get_budget(doc, [sec])] == [12e9, 50000]


def test_ha_tang_is_no_decrease():
    assert _facts("Hạ tầng cáp quang phủ đến 95% thôn, bản.", target_section=True) == [
        ("=", 95, None, None, "%", None)]


def test_eligibility_threshold_is_no_target_nor_budget():
    text = ("Hỗ trợ tiền điện cho hộ nghèo; người có mức thu nhập dưới 2 triệu đồng/người/tháng "
            "được xem xét hỗ trợ.")
    assert _facts(text, target_section=True) == []
    doc = _doc("IV. KINH PHÍ\n" + text + "\n")
    sec = Section(id="IV", number="IV", title="KINH PHÍ", kind="kinh_phi", level=1,
                  span=Span(0, len(doc.text)), heading_span=Span(0, 11))
    assert get_budget(doc, [sec]) == []


def test_linked_value_after_co_muc_is_still_a_target():
    assert _facts("Tỷ lệ xã có mức độ hài lòng của người dân đạt trên 90%.", target_section=True) == [
        (">", 90, None, None, "%", None)]


@pytest.mark.parametrize("text, expected", [
    # a multiplier before a counted noun belongs to the unit
    ("Đón từ 4 - 4,5 triệu lượt khách.", [("range", 4, 4.5, None, "triệu lượt khách", None)]),
    # money reached is a target value (and no budget line)
    ("Doanh thu từ du lịch đạt 2.300 tỷ đồng.", [("=", 2300, None, None, "tỷ đồng", None)]),
    # road codes are names
    ("Nâng cấp tuyến QL.12 và ĐT.217 dài 18 km.", [("=", 18, None, None, "km", None)]),
])
def test_round3_sentences(text, expected):
    assert _facts(text, target_section=True) == expected


def test_results_section_and_reached_amounts_are_not_budget():
    from vnplan import parse_text
    text = ("KẾ HOẠCH\nPhát triển du lịch năm 2025\n\nI. KẾT QUẢ NĂM 2024\nTổng thu đạt 900 tỷ đồng.\n"
            "II. MỤC TIÊU\nDoanh thu đạt 1.000 tỷ đồng.\nIII. KINH PHÍ\nTổng kinh phí 12 tỷ đồng.\n")
    plan = parse_text(text)
    assert [s.kind for s in plan.sections][:1] == ["thuc_trang"]
    assert [b.amount_vnd for b in plan.budget] == [12e9]
    assert [(t.value, t.unit) for t in plan.targets] == [(1000, "tỷ đồng")]


def test_dong_ho_is_a_count_not_money():
    assert _facts("Lắp đặt 200 đồng hồ nước cho các hộ dân.") == [("=", 200, None, None, "đồng hồ", None)]
    doc = _doc("IV. KINH PHÍ\nLắp đặt 200 đồng hồ nước; kinh phí 300 triệu đồng.\n")
    sec = Section(id="IV", number="IV", title="KINH PHÍ", kind="kinh_phi", level=1,
                  span=Span(0, len(doc.text)), heading_span=Span(0, 11))
    assert [b.amount_vnd for b in get_budget(doc, [sec])] == [300e6]


def test_ca_n_is_a_quantifier_and_xu_ly_dut_diem_an_output():
    assert _facts("Kéo giảm tai nạn giao thông trên cả 3 tiêu chí.", target_section=True) == []
    assert _facts("Xử lý dứt điểm 08 điểm đen tai nạn giao thông.") == [("=", 8, None, None, "điểm", None)]


def test_page_header_inside_a_broken_sentence_is_no_value():
    from vnplan import parse_text
    text = ("KẾ HOẠCH\nPhát triển thể thao năm 2025\n\nI. MỤC TIÊU\n"
            "- Ít nhất 70% trường học\n\nTrang 3/9\n\ncó câu lạc bộ thể thao.\n"
            "- Duy trì 12 giải thể thao cấp huyện.\n")
    plan = parse_text(text)
    assert [(t.comparator, t.value, t.unit, t.direction) for t in plan.targets] == [
        (">=", 70, "%", None), ("=", 12, "giải", "maintain")]


def test_maintained_count_outside_target_sections():
    assert _facts("Duy trì 08 câu lạc bộ dưỡng sinh hoạt động thường xuyên.") == [
        ("=", 8, None, None, "câu lạc bộ", "maintain")]


@pytest.mark.parametrize("text", [
    "Hỗ trợ xây dựng nhà tiêu với mức hỗ trợ 2,5 triệu đồng/hộ.",
    "Xét nghiệm nước tại các công trình có công suất từ 500 m3/ngày đêm trở lên.",
])
def test_norms_and_eligibility_thresholds_are_no_targets(text):
    assert _facts(text) == []


def test_supported_households_are_a_target():
    assert _facts("Hỗ trợ 450 hộ gia đình xây dựng bể chứa nước.") == [
        ("=", 450, None, None, "hộ gia đình", None)]


@pytest.mark.parametrize("text, expected", [
    # printed, issued and broadcast items are outputs (food safety, disaster prevention,
    # agriculture, land administration, health communication)
    ("In và cấp phát 12.000 tờ rơi, 250 áp phích về phòng, chống dịch bệnh.", [
        ("=", 12000, None, None, "tờ rơi", None), ("=", 250, None, None, "áp phích", None)]),
    ("Phát hành 2.000 cuốn sổ tay hướng dẫn kỹ năng ứng phó thiên tai.", [
        ("=", 2000, None, None, "cuốn sổ tay", None)]),
    ("Cấp mới 40 mã số vùng trồng sầu riêng phục vụ xuất khẩu.", [
        ("=", 40, None, None, "mã số vùng trồng", None)]),
    ("In 5.000 tờ gấp và treo 120 băng rôn, 40 pa nô tuyên truyền an toàn giao thông.", [
        ("=", 5000, None, None, "tờ gấp", None), ("=", 120, None, None, "băng rôn", None),
        ("=", 40, None, None, "pa nô", None)]),
    ("Biên soạn, phát hành 3.000 bộ tài liệu tập huấn cho nông dân.", [
        ("=", 3000, None, None, "bộ tài liệu", None)]),
    ("Cấp đổi 1.200 giấy chứng nhận quyền sử dụng đất cho hộ gia đình.", [
        ("=", 1200, None, None, "giấy chứng nhận", None)]),
    ("Phát sóng 24 chuyên mục về xây dựng nông thôn mới trên Đài Truyền thanh huyện.", [
        ("=", 24, None, None, "chuyên mục", None)]),
])
def test_printed_and_issued_items_are_outputs(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text", [
    # "cấp" alone is a level, not an issuing verb; training events stay activities
    "Cấp huyện tổ chức 03 hội nghị sơ kết.",
    "Tổ chức 05 lớp tập huấn cho cán bộ cấp xã.",
])
def test_level_cap_is_no_output_cue(text):
    assert _facts(text) == []


@pytest.mark.parametrize("text, expected", [
    # eligibility / coverage thresholds on a measure of what is covered (fisheries,
    # irrigation, transport, construction): the share is the target
    ("100% tàu cá có chiều dài từ 12 m trở lên được lắp thiết bị giám sát hành trình.", [
        ("=", 100, None, None, "%", None)]),
    ("100% hồ chứa có dung tích từ 3 triệu m3 trở lên được kiểm định an toàn đập.", [
        ("=", 100, None, None, "%", None)]),
    ("Kiểm tra 100% phương tiện có tải trọng trên 10 tấn ra vào khu công nghiệp.", [
        ("=", 100, None, None, "%", None)]),
    ("90% công trình có tổng mức đầu tư từ 15 tỷ đồng trở lên được giám sát cộng đồng.", [
        ("=", 90, None, None, "%", None)]),
    # "có trên/từ N <noun>" after a share of the same clause: part of the share's indicator
    ("Giám sát 100% bếp ăn tập thể, nhà hàng, đám cưới có trên 300 suất ăn.", [
        ("=", 100, None, None, "%", None)]),
    ("100% xã có trên 2 cán bộ chuyên trách công tác dân số.", [("=", 100, None, None, "%", None)]),
    # ... a subject of its own keeps the count a target
    ("Mỗi xã có từ 2 mô hình sản xuất an toàn trở lên.", [(">=", 2, None, None, "mô hình", None)]),
    ("Toàn huyện có trên 50 hợp tác xã hoạt động hiệu quả.", [(">", 50, None, None, "hợp tác xã", None)]),
    ("Phấn đấu các xã đều có từ 2 điểm sinh hoạt văn hóa trở lên.", [
        (">=", 2, None, None, "điểm", None)]),
    ("Tỷ lệ hộ dùng nước sạch đạt 95%, toàn huyện có trên 50 công trình cấp nước tập trung.", [
        ("=", 95, None, None, "%", None), (">", 50, None, None, "công trình", None)]),
    # round-the-clock duty is no value; the share beside it still is
    ("Bảo đảm trực cấp cứu 24/24 giờ tại 100% trạm y tế.", [("=", 100, None, None, "%", None)]),
])
def test_coverage_thresholds_leave_the_share(text, expected):
    assert _facts(text, target_section=True) == expected


@pytest.mark.parametrize("text", [
    # the size of an event to avoid (food safety, traffic, fire)
    "Không để xảy ra vụ ngộ độc thực phẩm từ 30 người mắc trở lên.",
    "Không để xảy ra vụ tai nạn giao thông đặc biệt nghiêm trọng làm chết từ 3 người trở lên.",
    "Không để xảy ra vụ cháy lớn làm chết trên 2 người.",
    # which establishments are covered
    "Kiểm tra các cơ sở lưu trú có trên 50 phòng.",
    "Các hồ chứa có dung tích 3 triệu m3 trở lên được kiểm định an toàn đập.",
    # round the clock
    "Duy trì nghiêm chế độ trực ban 24/24 giờ trong mùa mưa bão.",
    "Đường dây nóng hoạt động 24/7.",
])
def test_event_sizes_coverage_and_round_the_clock_are_no_targets(text):
    assert _facts(text, target_section=True) == []


@pytest.mark.parametrize("text, unit", [
    # compound counted nouns are not cut at their first word
    ("Sửa chữa, nâng cấp 12 hồ chứa nước xung yếu.", "hồ chứa"),
    ("Xây dựng mới 04 trạm bơm điện phục vụ tưới tiêu.", "trạm bơm"),
    ("Vận động 300 tình nguyện viên tham gia hiến máu.", "tình nguyện viên"),
    ("Phát triển thêm 1.500 hội viên mới.", "hội viên"),
    ("Trang bị 45 thiết bị cảnh báo sớm lũ quét.", "thiết bị"),
    ("Hỗ trợ 20 làng nghề truyền thống.", "làng nghề"),
    ("Phát triển 15 trang trại chăn nuôi theo hướng an toàn sinh học.", "trang trại"),
    ("Xây dựng 08 nhãn hiệu tập thể cho sản phẩm nông nghiệp.", "nhãn hiệu"),
])
def test_compound_counted_nouns(text, unit):
    got = _facts(text, target_section=True)
    assert [u for *_, u, _d in got] == [unit]


@pytest.mark.parametrize("text, unit", [
    # round 8 (forestry, training, administrative reform, health): compound counted
    # nouns, and a per-N denominator that is no population ("/10.000 hồ sơ")
    ("Xây dựng mới 06 chòi canh lửa tại các khu rừng trọng điểm.", "chòi canh lửa"),
    ("Sản xuất 500.000 cây giống keo lai mô đạt tiêu chuẩn.", "cây giống"),
    ("Biên soạn 20 bài giảng điện tử và 08 giáo trình dùng chung.", "bài giảng"),
    ("Kiểm tra công tác văn thư tại ít nhất 15 cơ quan, đơn vị.", "cơ quan"),
    ("Giải quyết hồ sơ đăng ký kinh doanh không quá 03 ngày làm việc.", "ngày làm việc"),
    ("Số phản ánh về thủ tục hành chính dưới 5 phản ánh/10.000 hồ sơ.", "phản ánh/10.000 hồ sơ"),
    ("Kết nối, chia sẻ dữ liệu với 10 hệ thống thông tin chuyên ngành.", "hệ thống"),
    ("Bồi dưỡng kỹ năng số cho 80 nhà giáo dạy nghề.", "nhà giáo"),
])
def test_round8_compound_counted_nouns(text, unit):
    got = _facts(text, target_section=True)
    assert [u for *_, u, _d in got][:1] == [unit]


@pytest.mark.parametrize("text", [
    # support, allowance and loan norms with what they pay for between the norm and the amount
    "Mức hỗ trợ chi phí đào tạo tối đa 04 triệu đồng/người/khóa học.",
    "Thực hiện mức chi hỗ trợ cho công chức làm việc tại Bộ phận Một cửa 500.000 đồng/người/tháng.",
    "Mức cho vay đối với người lao động đi làm việc ở nước ngoài tối đa 100 triệu đồng/người.",
    "Mức hỗ trợ trồng rừng sản xuất 8 triệu đồng/ha.",
    # who is covered: firm size, a skill grade, whom a measure favours, a plant's height
    "Hướng dẫn doanh nghiệp sử dụng từ 10 lao động trở lên khai báo tình hình sử dụng lao động.",
    "Ưu tiên tuyển dụng giáo viên có trình độ kỹ năng nghề bậc 3 trở lên.",
    "Ưu tiên hỗ trợ cộng đồng dân cư thôn có trên 200 ha rừng được giao quản lý.",
    "Ưu tiên các xã có từ 30% hộ nghèo trở lên.",
    "Cây giống đưa đi trồng phải có chiều cao từ 30 cm trở lên.",
    # the size of what must not happen (forestry, environment)
    "Không để xảy ra tình trạng phá rừng trái phép với diện tích trên 0,5 ha tại một điểm.",
    "Không để phát sinh điểm tồn đọng rác thải quá 2 ngày.",
    # a reference to an appendix
    "Chỉ tiêu cụ thể của từng xã tại Biểu số 01 kèm theo.",
    "Danh mục nhiệm vụ tại Phụ lục số 2 kèm theo Kế hoạch này.",
])
def test_round8_norms_thresholds_and_references_are_no_targets(text):
    assert _facts(text, target_section=True) == []


@pytest.mark.parametrize("text, expected", [
    # a revenue reached, with a comparator after "đạt", is a target value, not budget
    ("Thu tiền dịch vụ môi trường rừng đạt trên 7 tỷ đồng.", [(">", 7, None, None, "tỷ đồng", None)]),
    ("Doanh thu từ du lịch cộng đồng đạt khoảng 120 tỷ đồng.", [("=", 120, None, None, "tỷ đồng", None)]),
    # an average height reached stays a target; a share beside a threshold too
    ("Chiều cao trung bình của thanh niên 18 tuổi đạt 168 cm.", [("=", 168, None, None, "cm", None)]),
    ("100% doanh nghiệp sử dụng từ 10 lao động trở lên khai báo sử dụng lao động.", [
        ("=", 100, None, None, "%", None)]),
    ("Tăng ít nhất 03 bậc so với năm 2024.", [(">=", 3, None, None, "bậc", "increase")]),
])
def test_round8_values_next_to_traps(text, expected):
    assert _facts(text, target_section=True) == expected


def test_round8_revenue_reached_is_no_budget():
    from vnplan.model import Section
    text = "Thu tiền dịch vụ môi trường rừng đạt trên 7 tỷ đồng."
    doc = _doc(text)
    sec = Section(id="II", number="II", title="MỤC TIÊU", kind="muc_tieu", level=1, span=Span(0, len(text)),
                  heading_span=Span(0, 0))
    assert get_budget(doc, [sec]) == []


@pytest.mark.parametrize("text, expected", [
    # a deadline of response written "chậm nhất (sau / là) N" (fire, health, administration)
    ("Khi xảy ra cháy rừng, lực lượng tại chỗ có mặt tại hiện trường chậm nhất sau 30 phút.", [
        ("<=", 30, None, None, "phút", None)]),
    ("Trả kết quả xét nghiệm chậm nhất là 24 giờ kể từ khi nhận mẫu.", [("<=", 24, None, None, "giờ", None)]),
    ("Giải quyết hồ sơ chậm nhất 05 ngày làm việc.", [("<=", 5, None, None, "ngày làm việc", None)]),
    # a bare "giảm" / "tăng" right before a count in a task (administration, agriculture, culture)
    ("Sắp xếp giảm 08 đơn vị sự nghiệp công lập.", [("=", 8, None, None, "đơn vị", "decrease")]),
    ("Tinh giản, cắt giảm 12 thủ tục hành chính nội bộ.", [("=", 12, None, None, "thủ tục", "decrease")]),
    ("Phát triển tăng thêm 15 hợp tác xã nông nghiệp.", [("=", 15, None, None, "hợp tác xã", "increase")]),
])
def test_round8_deadline_cue_and_bare_change_before_a_count(text, expected):
    assert _facts(text) == expected


def test_round8_duration_without_a_cue_is_still_no_target():
    assert _facts("Tổ chức tập huấn trong 3 ngày cho cán bộ kiểm lâm.") == []


@pytest.mark.parametrize("part, sub1, sub2", [
    ("Phần II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP NĂM 2025", "I- MỤC TIÊU", "II- NHIỆM VỤ VÀ GIẢI PHÁP"),
    ("PHẦN THỨ HAI\nMỤC TIÊU, NHIỆM VỤ NĂM 2025", "I. MỤC TIÊU", "II. NHIỆM VỤ, GIẢI PHÁP"),
    ("B. MỤC TIÊU VÀ NHIỆM VỤ", "1. Chỉ tiêu", "2. Giải pháp"),
])
def test_task_section_inside_a_part_of_aims_holds_tasks(part, sub1, sub2):
    """The innermost section that says what it holds decides: an activity count in the
    tasks of a part titled 'MỤC TIÊU, NHIỆM VỤ ...' is no target; counts with a cue are."""
    import vnplan
    text = (f"KẾ HOẠCH\nPhát triển du lịch năm 2025\n\n{part}\n{sub1}\n- Đón 2.000 lượt khách.\n"
            f"{sub2}\n- Tổ chức 12 buổi tuyên truyền tại các thôn.\n- Tu bổ, tôn tạo 05 di tích.\n"
            "- Duy trì hoạt động của 20 câu lạc bộ văn nghệ.\n- Sản xuất, cung ứng 300.000 cây giống.\n")
    got = [(t.value, t.unit) for t in vnplan.parse_text(text, "p.txt").targets]
    assert got == [(2000, "lượt khách"), (5, "di tích"), (20, "câu lạc bộ"), (300000, "cây giống")]


@pytest.mark.parametrize("text, expected", [
    # heritage, tourism and supply outputs in task sections
    ("Trùng tu 03 đình làng đã được xếp hạng di tích.", [("=", 3, None, None, "đình", None)]),
    ("Phục dựng 02 lễ hội truyền thống của đồng bào Tày, Nùng.", [("=", 2, None, None, "lễ hội", None)]),
    ("Hình thành 04 điểm du lịch cộng đồng tại các bản.", [("=", 4, None, None, "điểm", None)]),
    ("Cung ứng 1.500 tấn giống lúa xác nhận cho nông dân.", [("=", 1500, None, None, "tấn", None)]),
    ("Duy trì hoạt động của 35 tổ bảo vệ rừng cộng đồng.", [("=", 35, None, None, "tổ", "maintain")]),
])
def test_round8_output_and_maintain_cues(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a count further than the window from the output / service verb opening its clause
    # (labour, education, health, digital, agriculture)
    ("Đào tạo trình độ sơ cấp và đào tạo dưới 03 tháng cho khoảng 8.000 lao động nông thôn.", [
        ("=", 8000, None, None, "lao động", None)]),
    ("Giải quyết cho vay vốn từ Quỹ quốc gia về việc làm cho khoảng 1.500 lao động.", [
        ("=", 1500, None, None, "lao động", None)]),
    ("Bồi dưỡng chuyên môn, nghiệp vụ về chăm sóc sức khỏe ban đầu cho 250 nhân viên y tế thôn, bản.", [
        ("=", 250, None, None, "nhân viên y tế", None)]),
    ("Đầu tư, nâng cấp cơ sở vật chất, thiết bị dạy học cho 06 trường trung học cơ sở.", [
        ("=", 6, None, None, "trường", None)]),
    ("Hoàn thành kết nối, chia sẻ dữ liệu dân cư với 15 hệ thống thông tin chuyên ngành.", [
        ("=", 15, None, None, "hệ thống", None)]),
    ("Kết hợp thanh tra; cử 20 giáo viên đi đào tạo ở nước ngoài.", [("=", 20, None, None, "giáo viên", None)]),
    ("a) Hỗ trợ giống, vật tư và hướng dẫn kỹ thuật cho khoảng 300 hộ trồng cây ăn quả.", [
        ("=", 300, None, None, "hộ", None)]),
])
def test_round8_clause_opening_output_and_service_verbs(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text", [
    # where or to whom, not what: no target even in a clause opened by an output verb
    "Lắp đặt ki-ốt tra cứu thông tin thủ tục hành chính tại 11 Bộ phận Một cửa cấp huyện.",
    "Xây dựng chỉ tiêu kế hoạch năm 2025 giao 14 phường thực hiện.",
    "Nâng cấp đường giao thông nông thôn ở 05 thôn đặc biệt khó khăn.",
    # an activity opened by another verb stays an activity
    "Tổ chức 20 hội nghị tư vấn, tuyển chọn lao động tại các huyện.",
    "Tổ chức 20 lớp bơi cho 1.000 em học sinh.",
])
def test_round8_clause_opening_keeps_places_and_activities_out(text):
    assert _facts(text) == []


@pytest.mark.parametrize("text, unit", [
    # round 9 (science and technology, population, drug prevention, health, trade): compound
    # counted nouns not cut at their first word, and a change in percentage points
    ("Triển khai 30 nhiệm vụ khoa học và công nghệ cấp tỉnh.", "nhiệm vụ"),
    ("Nâng cấp 05 phòng thí nghiệm đạt chuẩn quốc gia.", "phòng thí nghiệm"),
    ("Thu hút 25 nhà khoa học, chuyên gia đầu ngành về làm việc tại tỉnh.", "nhà khoa học"),
    ("Ký kết ít nhất 40 hợp đồng xuất khẩu nông sản.", "hợp đồng"),
    ("Thành lập mới 02 Trung tâm hỗ trợ khởi nghiệp.", "Trung tâm"),
    ("Điều trị Methadone cho ít nhất 300 bệnh nhân.", "bệnh nhân"),
    ("Sàng lọc trước sinh cho ít nhất 250 bà mẹ mang thai.", "bà mẹ"),
    ("Tỷ lệ hộ nghèo giảm 1,5 điểm phần trăm so với năm 2024.", "điểm phần trăm"),
])
def test_round9_compound_counted_nouns(text, unit):
    got = _facts(text, target_section=True)
    assert [u for *_, u, _d in got][:1] == [unit]


@pytest.mark.parametrize("text, expected", [
    # a rate's or an amount's "/năm" is no per-capita suffix of the sentence's other counts
    # (science, trade, agriculture); a count's per-capita suffix still is (health)
    ("Số đơn đăng ký sáng chế tăng bình quân 10%/năm; có ít nhất 30 doanh nghiệp đổi mới công nghệ.", [
        ("=", 10, None, None, "%/năm", "increase"), (">=", 30, None, None, "doanh nghiệp", None)]),
    ("Kim ngạch xuất khẩu tăng 8 - 10%/năm; có thêm 15 hợp tác xã tham gia chuỗi giá trị.", [
        ("range", 8, 10, None, "%/năm", "increase"), ("=", 15, None, None, "hợp tác xã", "increase")]),
    ("Doanh thu bình quân của trang trại đạt 2 tỷ đồng/năm; phát triển 40 trang trại.", [
        ("=", 2, None, None, "tỷ đồng/năm", None), ("=", 40, None, None, "trang trại", None)]),
    ("Đạt 12 bác sĩ/vạn dân, 30 giường bệnh.", [
        ("=", 12, None, None, "bác sĩ/vạn dân", None), ("=", 30, None, None, "giường bệnh/vạn dân", None)]),
])
def test_round9_rate_suffix_does_not_spread_to_counts(text, expected):
    assert _facts(text, target_section=True) == expected


@pytest.mark.parametrize("text, expected", [
    # founding and supplying are outputs; health and social services count their beneficiaries
    # (population, culture, agriculture, health, drug prevention, social protection)
    ("Thành lập mới 03 câu lạc bộ dưỡng sinh cho người cao tuổi.", [("=", 3, None, None, "câu lạc bộ", None)]),
    ("Thành lập 05 hợp tác xã nông nghiệp kiểu mới.", [("=", 5, None, None, "hợp tác xã", None)]),
    ("Cung cấp miễn phí phương tiện tránh thai cho 420 cặp vợ chồng.", [
        ("=", 420, None, None, "cặp vợ chồng", None)]),
    ("Duy trì điểm tư vấn; tầm soát sơ sinh cho 150 trẻ.", [("=", 150, None, None, "trẻ", None)]),
    ("Khám sàng lọc bệnh tăng huyết áp, đái tháo đường cho 2.000 người dân từ đủ 40 tuổi.", [
        ("=", 2000, None, None, "người", None)]),
    ("Tư vấn, hỗ trợ pháp lý miễn phí cho 120 người sau cai nghiện ma túy.", [
        ("=", 120, None, None, "người", None)]),
    ("Điều trị dự phòng phơi nhiễm HIV cho 80 người có nguy cơ cao.", [("=", 80, None, None, "người", None)]),
])
def test_round9_founding_and_service_verbs(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text", [
    # an activity stays an activity, and a service at a place counts no beneficiaries
    "Tổ chức 04 buổi tư vấn sức khỏe sinh sản vị thành niên.",
    "Tư vấn, khám sức khỏe tiền hôn nhân tại 08 thôn.",
    "Tổ chức tiêm chủng cho 300 trẻ tại các điểm tiêm.",
])
def test_round9_service_verbs_keep_activities_and_places_out(text):
    assert _facts(text) == []


@pytest.mark.parametrize("text", [
    # numbered standards and regulations are names, also after "đạt chuẩn" (science, health,
    # environment, construction)
    "Nâng cấp phòng thử nghiệm đạt chuẩn ISO/IEC 17025:2017.",
    "Các cơ sở sản xuất đạt tiêu chuẩn TCVN ISO 22000:2018.",
    "Nước thải sau xử lý đạt QCVN 14:2008/BTNMT.",
    # a firm's size says which firms are favoured (science, trade, agriculture)
    "Ưu tiên hỗ trợ hợp tác xã có doanh thu dưới 3 tỷ đồng/năm.",
    "Hỗ trợ doanh nghiệp có số lao động từ 200 người trở lên đào tạo lại lao động.",
    # a support norm written as a share, with or without a cap (science, agriculture, trade)
    "Hỗ trợ doanh nghiệp với mức hỗ trợ tối đa 30% tổng kinh phí thực hiện dự án, không quá 1 tỷ đồng/dự án.",
    "Mức hỗ trợ 50% chi phí cấp giấy chứng nhận VietGAP.",
    # a measure picking out a class (drug prevention, forestry, transport)
    "Triệt phá các đường dây mua bán, vận chuyển trái phép chất ma túy từ 100 g heroin trở lên.",
    "Kiểm tra các phương tiện chở hàng từ 10 tấn trở lên ra vào mỏ đá.",
    # the size of what must not happen, whatever the verb (drug prevention, forestry)
    "Không để tái trồng cây có chứa chất ma túy với diện tích trên 0,1 ha tại một địa điểm.",
    "Không để cháy rừng với diện tích trên 1 ha.",
])
def test_round9_standards_sizes_norms_and_classes_are_no_targets(text):
    assert _facts(text, target_section=True) == []


@pytest.mark.parametrize("text, expected", [
    # ... while counts, shares and values reached beside them stay targets
    ("Phấn đấu các xã, thị trấn duy trì từ 2 câu lạc bộ trở lên.", [(">=", 2, None, None, "câu lạc bộ", "maintain")]),
    ("Các hợp tác xã đạt sản lượng từ 50 tấn trở lên.", [(">=", 50, None, None, "tấn", None)]),
    ("Hỗ trợ 60 doanh nghiệp áp dụng hệ thống quản lý ISO 9001:2015.", [("=", 60, None, None, "doanh nghiệp", None)]),
    ("100% doanh nghiệp có doanh thu trên 10 tỷ đồng/năm kê khai thuế điện tử.", [("=", 100, None, None, "%", None)]),
])
def test_round9_values_next_to_the_new_traps(text, expected):
    assert _facts(text, target_section=True) == expected


def _years(text: str, year: int, min_year: int):
    got = sentence_targets(_doc(text), 0, len(text), in_target_section=True, year=year,
                           section_id="II.2", min_year=min_year)
    return [(t.value, t.unit, t.year) for t in got]


@pytest.mark.parametrize("text, year, min_year, expected", [
    # a per-year breakdown in parentheses holds targets of its own, each of its year
    ("Bê tông hóa 40 km đường trục xã (năm 2025: 15 km; năm 2026: 25 km).", 2026, 2025,
     [(40, "km", 2026), (15, "km", 2025), (25, "km", 2026)]),
    ("Tiêm chủng đầy đủ cho 1.200 trẻ (năm 2024 là 380 trẻ, năm 2025 là 400 trẻ, năm 2026 là 420 trẻ).",
     2026, 2024, [(1200, "trẻ", 2026), (380, "trẻ", 2024), (400, "trẻ", 2025), (420, "trẻ", 2026)]),
    ("Trồng mới 600 ha rừng tập trung (năm 2025 đạt 300 ha; năm 2026 đạt 300 ha).", 2026, 2025,
     [(600, "ha", 2026), (300, "ha", 2025), (300, "ha", 2026)]),
    # ... but last year's figure in parentheses is an annotation, as any other value in them
    ("Tỷ lệ hộ nghèo giảm còn 2,5% (năm 2023 đạt 3,1%).", 2025, 2024, [(2.5, "%", 2025)]),
    ("Tỷ lệ bao phủ bảo hiểm y tế đạt 92% (cao hơn 0,5% so với chỉ tiêu tỉnh giao).", 2025, 2025,
     [(92, "%", 2025)]),
])
def test_round11_per_year_breakdown_in_parentheses(text, year, min_year, expected):
    assert _years(text, year, min_year) == expected


@pytest.mark.parametrize("text, expected", [
    # a verb spelled like a document ("hướng dẫn", "báo cáo") before a share: no citation
    ("Chủ trì quản lý thuế; hướng dẫn 100% hộ kinh doanh kê khai, nộp thuế điện tử.",
     [("=", 100, None, None, "%", None)]),
    ("Báo cáo 100% ca bệnh truyền nhiễm nhóm A trong vòng 24 giờ.", [("=", 100, None, None, "%", None)]),
    ("Phòng Giáo dục và Đào tạo hướng dẫn 95% trường học triển khai sổ điểm điện tử.",
     [("=", 95, None, None, "%", None)]),
    # ... while document numbers stay out
    ("Thực hiện theo Chỉ thị 23 của Ủy ban nhân dân thành phố và Hướng dẫn 125 của Sở Y tế.", []),
])
def test_round11_share_after_a_document_word_is_no_citation(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text", [
    # numbered criteria, dash-chained strategy codes, spans of days, norms "với / theo mức"
    "Duy trì các xã đạt tiêu chí số 17 về môi trường và an toàn thực phẩm.",
    "Phấn đấu hướng tới mục tiêu 90-90-90 về chăm sóc, điều trị HIV/AIDS.",
    "Hưởng ứng Tháng hành động vì an toàn thực phẩm (từ 15/4 đến 15/5) trên toàn huyện.",
    "Tổ chức đợt cao điểm ra quân từ 01/6 - 30/6 tại các khu dân cư.",
    "Hỗ trợ tiền ăn cho học sinh bán trú theo mức 360.000 đồng/học sinh/tháng.",
    "Hỗ trợ chi phí đi lại cho người bệnh với mức 200.000 đồng/người/đợt điều trị.",
])
def test_round11_criteria_codes_day_spans_and_norms_are_no_targets(text):
    assert _facts(text, target_section=True) == []


@pytest.mark.parametrize("text, expected", [
    # ... next to targets that keep their value
    ("Hoàn thành chỉ tiêu 1.200 lao động được tạo việc làm mới.", [("=", 1200, None, None, "lao động", None)]),
    ("Duy trì 11/11 xã đạt tiêu chí số 2 về giao thông.", [("=", 11, None, 11, "xã", "maintain")]),
    ("Thu nhập bình quân đầu người đạt mức 60 triệu đồng/người/năm.",
     [("=", 60, None, None, "triệu đồng/người/năm", None)]),
    ("Tỷ lệ giải quyết hồ sơ đúng hạn đạt 10 - 12%/năm.", [("range", 10, 12, None, "%/năm", None)]),
])
def test_round11_values_next_to_the_new_traps(text, expected):
    assert _facts(text, target_section=True) == expected


@pytest.mark.parametrize("text, unit", [
    # round 11 (health supplies and tests, trade, export, a fraction before its indicator)
    ("Phân phát miễn phí 20.000 bao cao su cho công nhân các khu công nghiệp.", "bao cao su"),
    ("Cấp 30.000 bơm kim tiêm sạch cho người nghiện chích ma túy.", "bơm kim tiêm"),
    ("Xét nghiệm ít nhất 8.000 lam máu tìm ký sinh trùng sốt rét.", "lam máu"),
    ("Thu hút trên 1.500 gian hàng tham gia sàn giao dịch thương mại điện tử của tỉnh.", "gian hàng"),
    ("Kim ngạch xuất khẩu nông sản đạt 1.200 triệu USD.", "triệu USD"),
    ("Giá trị hợp đồng chuyển giao công nghệ đạt 3,5 triệu USD.", "triệu USD"),
])
def test_round11_compound_counted_nouns_and_foreign_money(text, unit):
    got = _facts(text, target_section=True)
    assert [u for *_, u, _d in got][:1] == [unit]


@pytest.mark.parametrize("text, expected", [
    # "số" after a fraction opens the indicator; it is no unit
    ("Giảm 1/2 số ca mắc sốt xuất huyết so với năm 2020.", [("=", 1, None, 2, None, "decrease")]),
    ("Phấn đấu 2/3 số xã đạt chuẩn nông thôn mới nâng cao.", [("=", 2, None, 3, None, None)]),
])
def test_round11_fraction_before_its_indicator_has_no_unit(text, expected):
    assert _facts(text, target_section=True) == expected


@pytest.mark.parametrize("text, expected", [
    # "phát triển (mới)" is an output verb: outlets, members, products developed
    ("Xây dựng 02 trung tâm logistics; phát triển 50 điểm giao nhận hàng hóa tại các khu dân cư.",
     [("=", 2, None, None, "trung tâm", None), ("=", 50, None, None, "điểm", None)]),
    ("Phát triển mới 300 hội viên Hội Nông dân.", [("=", 300, None, None, "hội viên", None)]),
    ("Phát triển 02 sản phẩm OCOP mới từ dược liệu.", [("=", 2, None, None, "sản phẩm OCOP", None)]),
])
def test_round11_develop_is_an_output_verb(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text", [
    # ... not where it happens nor what it is about
    "Phát triển du lịch cộng đồng tại 05 bản vùng cao.",
    "Phát triển kinh tế - xã hội của 12 xã đặc biệt khó khăn.",
    "Tổ chức 03 hội thảo phát triển du lịch.",
])
def test_round11_develop_keeps_places_and_activities_out(text):
    assert _facts(text) == []


@pytest.mark.parametrize("text, expected", [
    # a second count of the same noun joined by "và" / "," shares the verb's direction
    ("Duy trì hoạt động của 03 cơ sở điều trị Methadone và 05 cơ sở cấp phát thuốc vệ tinh.",
     [("=", 3, None, None, "cơ sở", "maintain"), ("=", 5, None, None, "cơ sở", "maintain")]),
    ("Phấn đấu có thêm 5 xã đạt chuẩn nông thôn mới nâng cao và 02 xã đạt chuẩn kiểu mẫu.",
     [("=", 5, None, None, "xã", "increase"), ("=", 2, None, None, "xã", "increase")]),
    ("Giảm 10 vụ tai nạn giao thông, 8 người chết so với năm 2024.",
     [("=", 10, None, None, "vụ", "decrease"), ("=", 8, None, None, "người", "decrease")]),
    # ... not a count of another noun or after a break
    ("Duy trì 14/14 phường đạt chuẩn; 100% trạm y tế có bác sĩ.",
     [("=", 14, None, 14, "phường", "maintain"), ("=", 100, None, None, "%", None)]),
])
def test_round11_coordinated_count_shares_the_direction(text, expected):
    assert _facts(text, target_section=True) == expected


@pytest.mark.parametrize("text, expected", [
    # round 13: counted nouns cut at their first word
    ("Bồi dưỡng nghiệp vụ PCCC và CNCH cho 60 đội viên dân phòng.", [("=", 60, None, None, "đội viên", None)]),
    ("Tỷ số giới tính khi sinh không vượt quá 109 bé trai/100 bé gái sinh ra sống.",
     [("<=", 109, None, None, "bé trai/100 bé gái", None)]),
    ("Tập huấn kỹ năng cho 45 đoàn viên, 30 hội viên.",
     [("=", 45, None, None, "đoàn viên", None), ("=", 30, None, None, "hội viên", None)]),
])
def test_round13_units(text, expected):
    assert _facts(text, target_section=True) == expected


@pytest.mark.parametrize("text, expected", [
    # round 13: a leading share, its counted noun, then a verb of keeping is a maintained share
    ("- 100% khu phố duy trì hoạt động của Tổ PCCC và CNCH tại chỗ.", [("=", 100, None, None, "%", "maintain")]),
    ("100% trạm y tế duy trì đạt Bộ tiêu chí quốc gia về y tế xã.", [("=", 100, None, None, "%", "maintain")]),
    # ... not another verb, nor a keeping verb far after the noun
    ("100% hộ gia đình tăng thu nhập.", [("=", 100, None, None, "%", None)]),
    ("100% xã, thị trấn có sản phẩm OCOP duy trì chất lượng.", [("=", 100, None, None, "%", None)]),
])
def test_round13_leading_share_kept(text, expected):
    assert _facts(text, target_section=True) == expected


@pytest.mark.parametrize("text, n", [
    # round 13: people reached by outreach are counted when the outreach opens the clause
    ("Tổ chức tuyên truyền, hướng dẫn kỹ năng thoát nạn cho 1.500 lượt người dân, học sinh.", 1500),
    ("Tuyên truyền, phổ biến pháp luật về bình đẳng giới cho 2.000 lượt cán bộ, hội viên.", 2000),
])
def test_round13_outreach_counts(text, n):
    assert [f[1] for f in _facts(text)] == [n]


@pytest.mark.parametrize("text", [
    # ... but not where it happens, nor a frequency
    "Tuyên truyền về phòng, chống ma túy tại 12 xã, thị trấn.",
    "Tuyên truyền trên hệ thống loa truyền thanh ít nhất 02 lần/tháng.",
])
def test_round13_outreach_keeps_places_and_frequencies_out(text):
    assert _facts(text) == []
