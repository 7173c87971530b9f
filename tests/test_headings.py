"""Heading variants on short synthetic plans, and the heading lexicon.

Each synthetic plan is written the way real plans from other provinces print
their headings; the tests pin the resulting (id, title, kind) tree.
"""
import pytest

import vnplan
from vnplan.model import walk
from vnplan.structure.kinds import kind_of
from vnplan.structure.lines import classify_all
from vnplan.readers import read_bytes

HEAD = "KẾ HOẠCH\nTriển khai công tác y tế năm 2024\n\nCăn cứ Luật Khám bệnh, chữa bệnh;\n\n"
TAIL = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n"


def parse(body: str):
    return vnplan.parse_text(HEAD + body + TAIL, name="synthetic.txt")


def tree(plan):
    return [(s.id, s.title, s.kind) for s in walk(plan.sections)]


# --------------------------------------------------------------------------
# Separators and levels


@pytest.mark.parametrize("line", [
    "I. MỤC TIÊU", "I- MỤC TIÊU", "I – MỤC TIÊU", "I - MỤC TIÊU", "I.MỤC TIÊU", "I: MỤC TIÊU", "I) MỤC TIÊU",
    "## I. MỤC TIÊU", "**I. MỤC TIÊU**", "**I.** **MỤC TIÊU**", "# I – Mục tiêu", "I. Mục Tiêu",
])
def test_roman_separators_and_decoration(line):
    plan = parse(f"{line}\nNâng cao sức khỏe.\nII. TỔ CHỨC THỰC HIỆN\nCác sở triển khai.")
    assert [(s.id, s.kind) for s in plan.sections] == [("I", "muc_tieu"), ("II", "to_chuc_thuc_hien")]
    assert plan.sections[0].title.lower() == "mục tiêu"


def test_all_levels():
    plan = parse(
        "I. NHIỆM VỤ\n"
        "1. Nhiệm vụ chung\n"
        "1.1. Truyền thông\n"
        "1.1.1. Tại cộng đồng\n"
        "Nội dung.\n"
        "a) Tổ dân phố\n"
        "b) Trường học\n"
        "đ) Doanh nghiệp\n"
        "2. Nhiệm vụ riêng\n"
        "1) Việc thứ nhất\n"
        "2) Việc thứ hai\n"
        "II – TỔ CHỨC THỰC HIỆN\n"
        "1) Sở Y tế\n"
        "2) Sở Tài chính\n")
    assert tree(plan) == [
        ("I", "NHIỆM VỤ", "nhiem_vu"),
        ("I.1", "Nhiệm vụ chung", "nhiem_vu"),
        ("I.1.1", "Truyền thông", "other"),
        ("I.1.1.1", "Tại cộng đồng", "other"),
        ("I.1.1.1.a", "Tổ dân phố", "other"),
        ("I.1.1.1.b", "Trường học", "other"),
        ("I.1.1.1.đ", "Doanh nghiệp", "other"),
        ("I.2", "Nhiệm vụ riêng", "nhiem_vu"),
        ("I.2.1", "Việc thứ nhất", "other"),   # "1)" below "1." in a plan that uses both
        ("I.2.2", "Việc thứ hai", "other"),
        ("II", "TỔ CHỨC THỰC HIỆN", "to_chuc_thuc_hien"),
        ("II.1", "Sở Y tế", "other"),
        ("II.2", "Sở Tài chính", "other"),
    ]


def test_paren_numbers_as_second_level_when_alone():
    plan = parse("I. MỤC ĐÍCH\n1) Mục đích thứ nhất\n2) Mục đích thứ hai\nII. YÊU CẦU\nBảo đảm.")
    assert tree(plan) == [
        ("I", "MỤC ĐÍCH", "muc_dich"), ("I.1", "Mục đích thứ nhất", "muc_dich"),
        ("I.2", "Mục đích thứ hai", "muc_dich"), ("II", "YÊU CẦU", "yeu_cau")]


@pytest.mark.parametrize("heading,pid,title", [
    ("Phần I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN", "PI", "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN"),
    ("PHẦN I: ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN", "PI", "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN"),
    ("PHẦN THỨ NHẤT\nĐÁNH GIÁ KẾT QUẢ THỰC HIỆN", "P1", "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN"),
    ("Phần thứ nhất: Đánh giá kết quả thực hiện", "P1", "Đánh giá kết quả thực hiện"),
    ("Phần 1 - Đánh giá kết quả thực hiện", "P1", "Đánh giá kết quả thực hiện"),
])
def test_parts(heading, pid, title):
    plan = parse(f"{heading}\nI. KẾT QUẢ ĐẠT ĐƯỢC\nĐã đạt.\nPHẦN THỨ HAI\nNHIỆM VỤ NĂM 2024\nI. MỤC TIÊU\nTăng.")
    assert tree(plan) == [
        (pid, title, "thuc_trang"), (f"{pid}.I", "KẾT QUẢ ĐẠT ĐƯỢC", "thuc_trang"),
        ("P2", "NHIỆM VỤ NĂM 2024", "nhiem_vu"), ("P2.I", "MỤC TIÊU", "muc_tieu")]


def test_upper_letter_level_above_roman():
    plan = parse("A. KẾT QUẢ THỰC HIỆN NĂM 2023\nI. Kết quả đạt được\nTốt.\n"
                 "B. KẾ HOẠCH NĂM 2024\nI. MỤC TIÊU\nTăng.")
    assert [(s.id, s.kind) for s in walk(plan.sections)] == [
        ("A", "thuc_trang"), ("A.I", "thuc_trang"), ("B", "other"), ("B.I", "muc_tieu")]


# --------------------------------------------------------------------------
# Titles


def test_heading_with_body_on_same_line():
    plan = parse("I. MỤC TIÊU\n1. Mục tiêu tổng quát: Tiếp tục nâng cao sức khỏe nhân dân.\n"
                 "2. Mục tiêu cụ thể: Đến năm 2025, 95% trạm y tế đạt chuẩn.")
    assert tree(plan)[1:] == [("I.1", "Mục tiêu tổng quát", "muc_tieu_chung"),
                              ("I.2", "Mục tiêu cụ thể", "muc_tieu_cu_the")]
    t = plan.text
    h = plan.sections[0].children[0].heading_span
    assert t[h.start:h.end] == "Mục tiêu tổng quát"


def test_markdown_bold_title_with_body():
    plan = parse("**I. MỤC TIÊU**\n**1. Mục tiêu chung:** Tiếp tục nâng cao.\n**2. Mục tiêu cụ thể**: Đạt 95%.")
    assert tree(plan)[1:] == [("I.1", "Mục tiêu chung", "muc_tieu_chung"),
                              ("I.2", "Mục tiêu cụ thể", "muc_tieu_cu_the")]


def test_trailing_note_in_parentheses():
    plan = parse("I. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM (Biểu 1)\nLàm.\n"
                 "II. KINH PHÍ THỰC HIỆN (theo phụ lục đính kèm)\nNgân sách.")
    assert tree(plan) == [
        ("I", "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM (Biểu 1)", "nhiem_vu_giai_phap"),
        ("II", "KINH PHÍ THỰC HIỆN (theo phụ lục đính kèm)", "kinh_phi")]


def test_title_split_by_page_break():
    plan = parse("I. NHIỆM VỤ\n1. Tăng cường công tác phòng, chống dịch bệnh trên địa bàn\n\n"
                 "thành phố trong năm 2024.\n- Tiêm chủng.\n2. Nhiệm vụ khác\nLàm.")
    assert plan.sections[0].children[0].title == (
        "Tăng cường công tác phòng, chống dịch bệnh trên địa bàn thành phố trong năm 2024.")


# --------------------------------------------------------------------------
# Numbering as printed


def test_gaps_and_repeats_kept():
    plan = parse("I. NHIỆM VỤ\n1. Một\n3. Ba\n4. Bốn\n4. Bốn nữa\n6. Sáu\nII. TỔ CHỨC THỰC HIỆN\nLàm.")
    kids = plan.sections[0].children
    assert [(c.id, c.number, c.title) for c in kids] == [
        ("I.1", "1", "Một"), ("I.3", "3", "Ba"), ("I.4", "4", "Bốn"), ("I.4~2", "4", "Bốn nữa"), ("I.6", "6", "Sáu")]


def test_repeated_roman_number():
    plan = parse("I. MỤC ĐÍCH\nA.\nII. NHIỆM VỤ\nB.\nII. TỔ CHỨC THỰC HIỆN\nC.")
    assert [s.id for s in plan.sections] == ["I", "II", "II~2"]


# --------------------------------------------------------------------------
# False headings


@pytest.mark.parametrize("line", [
    "2.000 người được khám sức khỏe định kỳ.",
    "2023 là năm bản lề của giai đoạn.",
    "2021 - 2025 là giai đoạn quan trọng.",
    "V/v triển khai kế hoạch.",
    "1.5 triệu đồng mỗi trạm.",
    "3 - 5 ngày một lần.",
    "1\tTổ chức khám\tTháng 3",
    "I\tCông tác quản lý\t\t",
    "X-quang di động cho trạm.",
])
def test_false_headings_stay_in_body(line):
    plan = parse(f"I. NHIỆM VỤ\nMở đầu.\n{line}\nII. TỔ CHỨC THỰC HIỆN\nLàm.")
    assert [s.id for s in walk(plan.sections)] == ["I", "II"]
    i = plan.sections[0]
    assert line.split("\t")[0] in plan.text[i.span.start:i.span.end]


def test_bullets_stay_in_body():
    plan = parse("I. NHIỆM VỤ\n- Một\n+ Hai\n* Ba\n• Bốn\nII. TỔ CHỨC THỰC HIỆN\nLàm.")
    assert [s.id for s in walk(plan.sections)] == ["I", "II"]


# --------------------------------------------------------------------------
# Appendix and debris


def test_appendix_blocks_and_debris():
    text = (HEAD + "I. MỤC TIÊU\nTăng.\n" + TAIL +
            "\nPHỤ LỤC I\nDANH MỤC CHỈ TIÊU\n(Kèm theo Kế hoạch số 12/KH-UBND)\nSTT\tChỉ tiêu\n1\tTiêm chủng\n"
            "\nBiểu 2: Tiến độ thực hiện\nNội dung.\n\nĐăng nhập\nTải về\nChia sẻ\nBình luận\n"
            "Đánh giá: 4.5/5 (12 lượt)\n★★★★☆\n© 2024 Cổng thông tin điện tử\n")
    plan = vnplan.parse_text(text, name="web.txt")
    assert [(s.id, s.title, s.kind) for s in plan.sections] == [
        ("I", "MỤC TIÊU", "muc_tieu"),
        ("PLI", "PHỤ LỤC I DANH MỤC CHỈ TIÊU", "phu_luc"),
        ("B2", "Biểu 2: Tiến độ thực hiện", "phu_luc")]
    last = plan.sections[-1]
    assert plan.text[last.span.start:last.span.end] == "Biểu 2: Tiến độ thực hiện\nNội dung."
    [w] = [w for w in plan.warnings if w.code == "debris_dropped"]
    assert plan.text[w.span.start:w.span.end].startswith("Đăng nhập")
    assert plan.text[w.span.start:w.span.end].endswith("© 2024 Cổng thông tin điện tử")
    assert plan.metadata.layout.appendix.end == last.span.end


def test_debris_after_signature_without_appendix():
    plan = vnplan.parse_text(HEAD + "I. MỤC TIÊU\nTăng." + TAIL + "\nTải về\nChia sẻ bài viết\nLượt xem: 1.024\n")
    assert [w.code for w in plan.warnings] == ["debris_dropped"]
    assert plan.metadata.signer.name == "Nguyễn Văn An"
    assert plan.text[:plan.metadata.layout.closing.end].endswith("Nguyễn Văn An")


PORTAL_DEBRIS = ("Văn bản gốc\nThuộc tính\nLược đồ\nTải văn bản\nBạn phải đăng nhập để xem\n"
                 "LuatVietnam.vn\nTrang chủ | Giới thiệu | Liên hệ\n")


@pytest.mark.parametrize("debris", [PORTAL_DEBRIS] + [line + "\n" for line in PORTAL_DEBRIS.split("\n") if line] + [
    "Giới thiệu | Tin tức | Hỏi đáp | Liên hệ\n", "www.thuvienphapluat.vn\n", "Thuộc tính văn bản:\n",
    "Quý khách vui lòng đăng nhập để tải văn bản\n"])
def test_portal_debris_after_signature(debris):
    """Tabs, buttons, log-in prompts, site names and menus of legal portals."""
    plan = vnplan.parse_text(HEAD + "I. MỤC TIÊU\nTăng." + TAIL + "\n" + debris, name="web.txt")
    [w] = [w for w in plan.warnings if w.code == "debris_dropped"]
    assert plan.text[w.span.start:w.span.end] == debris.strip()
    closing = plan.metadata.layout.closing
    assert plan.text[closing.start:closing.end].endswith("Nguyễn Văn An")


def test_pipe_menu_is_debris_but_pipe_tables_are_tables():
    from vnplan.structure.lines import is_menu

    assert is_menu("Trang chủ | Giới thiệu | Liên hệ")
    assert not is_menu("| Trang chủ | Giới thiệu | Liên hệ |")      # a markdown row
    assert not is_menu("STT | Nội dung | Đơn vị chủ trì")             # a header without outer pipes
    assert not is_menu("1 | Tổ chức tiêm chủng | Phòng Y tế")
    assert not is_menu("Trang chủ | Giới thiệu")                      # two links only


def test_debris_without_closing_block():
    plan = vnplan.parse_text(HEAD + "I. MỤC TIÊU\nTăng.\n\nTrên đây là Kế hoạch của Ủy ban.\n\nĐăng nhập\nChia sẻ\n")
    assert [w.code for w in plan.warnings] == ["debris_dropped"]
    s = plan.sections[0]
    assert plan.text[s.span.start:s.span.end].endswith("Trên đây là Kế hoạch của Ủy ban.")


# --------------------------------------------------------------------------
# Lexicon


@pytest.mark.parametrize("title,kind", [
    ("MỤC ĐÍCH, YÊU CẦU", "muc_dich_yeu_cau"),
    ("MỤC ĐÍCH YÊU CẦU", "muc_dich_yeu_cau"),
    ("Mục đích và yêu cầu", "muc_dich_yeu_cau"),
    ("YÊU CẦU, MỤC ĐÍCH", "muc_dich_yeu_cau"),
    ("Mục đích", "muc_dich"),
    ("Yêu cầu", "yeu_cau"),
    ("MỤC TIÊU", "muc_tieu"),
    ("Mục tiêu chung", "muc_tieu_chung"),
    ("Mục tiêu tổng quát", "muc_tieu_chung"),
    ("MỤC TIÊU TỔNG QUÁT", "muc_tieu_chung"),
    ("Mục tiêu cụ thể", "muc_tieu_cu_the"),
    ("Các mục tiêu và chỉ tiêu cụ thể", "muc_tieu_cu_the"),
    ("Mục tiêu, chỉ tiêu cụ thể đến năm 2025", "muc_tieu_cu_the"),
    # "chủ yếu" / "trọng tâm" read like "cụ thể" (as for nhiệm vụ): one kind for all three
    ("Mục tiêu chủ yếu", "muc_tieu_cu_the"),
    ("MỤC TIÊU TRỌNG TÂM", "muc_tieu_cu_the"),
    ("Mục tiêu và chỉ tiêu chủ yếu", "muc_tieu_cu_the"),
    ("Các mục tiêu, chỉ tiêu trọng tâm đến năm 2025", "muc_tieu_cu_the"),
    ("Mục tiêu chủ yếu đến năm 2030", "muc_tieu_cu_the"),
    ("CÁC CHỈ TIÊU CƠ BẢN", "chi_tieu"),
    ("Chỉ tiêu cụ thể", "chi_tieu"),
    ("NHIỆM VỤ VÀ GIẢI PHÁP", "nhiem_vu_giai_phap"),
    ("NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", "nhiem_vu_giai_phap"),
    ("Nhiệm vụ, giải pháp chủ yếu", "nhiem_vu_giai_phap"),
    ("NHIỆM VỤ CHỦ YẾU VÀ GIẢI PHÁP", "nhiem_vu_giai_phap"),
    ("Các nhiệm vụ trọng tâm và giải pháp", "nhiem_vu_giai_phap"),
    ("NHIỆM VỤ TRỌNG TÂM", "nhiem_vu"),
    ("Những nhiệm vụ chủ yếu", "nhiem_vu"),
    ("NỘI DUNG THỰC HIỆN", "nhiem_vu"),
    ("GIẢI PHÁP THỰC HIỆN", "giai_phap"),
    ("Các giải pháp chủ yếu", "giai_phap"),
    ("KINH PHÍ THỰC HIỆN", "kinh_phi"),
    ("Nguồn kinh phí", "kinh_phi"),
    ("NGUỒN VỐN THỰC HIỆN", "kinh_phi"),               # round 11: investment plans
    ("Nguồn vốn và cơ chế huy động", "kinh_phi"),
    ("VỐN ĐẦU TƯ VÀ PHÂN KỲ ĐẦU TƯ", "kinh_phi"),
    ("Huy động, lồng ghép các nguồn vốn", "other"),    # a task, not the funding section
    ("DỰ KIẾN KINH PHÍ", "kinh_phi"),                  # round 12: an estimate of the funds
    ("Dự kiến nguồn vốn thực hiện", "kinh_phi"),
    ("DỰ KIẾN TỔNG KINH PHÍ", "kinh_phi"),
    ("DỰ KIẾN KẾT QUẢ ĐẠT ĐƯỢC", "other"),
    ("TỔ CHỨC THỰC HIỆN", "to_chuc_thuc_hien"),
    ("Tổ chức thực hiện:", "to_chuc_thuc_hien"),
    ("Phân công nhiệm vụ", "to_chuc_thuc_hien"),
    ("Trách nhiệm của các cơ quan, đơn vị", "to_chuc_thuc_hien"),
    ("KIỂM TRA, GIÁM SÁT", "kiem_tra_giam_sat"),
    ("Chế độ báo cáo", "kiem_tra_giam_sat"),
    ("KIẾN NGHỊ, ĐỀ XUẤT", "kien_nghi"),
    ("Đề xuất, kiến nghị", "kien_nghi"),
    ("THỰC TRẠNG", "thuc_trang"),
    ("Kết quả thực hiện năm 2023", "thuc_trang"),
    ("Đánh giá tình hình thực hiện", "thuc_trang"),
    ("PHỤ LỤC", "phu_luc"),
    ("Biểu 1", "phu_luc"),
    ("Sở Y tế", "other"),
    ("Công tác dân số - KHHGD", "other"),
])
def test_kind_lexicon(title, kind):
    assert kind_of(title) == kind


@pytest.mark.parametrize("variant", ["hoà", "hòa"])
def test_tone_placement_in_headings(variant):
    # "Uỷ"/"Ủy": old and new tone placement read the same.
    assert kind_of("KẾ HOẠCH HÀNH ĐỘNG") == kind_of("Kế hoạch hành động")
    assert kind_of(f"Xã hội {variant} công tác y tế") == "other"


def test_classify_markers():
    text = "I. A\n1. B\n1) C\n1.1. D\na) E\nđ) F\nPhần I\nA. G\nPHỤ LỤC\nBiểu 1: H\n- bullet\ntext\n\n1\tx\ty"
    doc = read_bytes(text.encode(), "x.txt")
    got = [(i.kind, i.marker, i.number) for i in classify_all(doc)]
    assert got == [
        ("heading", "roman", "I"), ("heading", "arabic", "1"), ("heading", "paren", "1"),
        ("heading", "decimal", "1.1"), ("heading", "letter", "a"), ("heading", "letter", "đ"),
        ("heading", "part", "I"), ("heading", "upper", "A"), ("heading", "appendix", None),
        ("heading", "appendix", None), ("bullet", None, None), ("text", None, None), ("blank", None, None),
        ("table", None, None)]


def test_noi_nhan_in_running_text_is_not_the_closing():
    plan = parse("I. TỔ CHỨC THỰC HIỆN\nNơi nhận hồ sơ: Bộ phận một cửa của Ủy ban.\nII. KINH PHÍ\nNgân sách.")
    assert [s.id for s in plan.sections] == ["I", "II"]
    assert plan.text[plan.metadata.layout.closing.start:].startswith("Nơi nhận:\n- Như trên;")


@pytest.mark.parametrize("line,title", [
    ("1. Mục tiêu chung. Tăng cường chất lượng khám chữa bệnh.", "Mục tiêu chung"),
    ("1. Mục tiêu chung: tăng cường chất lượng.", "Mục tiêu chung"),
    ("1. Ủy ban nhân dân TP. Hồ Chí Minh", "Ủy ban nhân dân TP. Hồ Chí Minh"),
    ("1. Nâng cao chất lượng hoạt động của y tế cơ sở.", "Nâng cao chất lượng hoạt động của y tế cơ sở."),
])
def test_title_of_heading_with_sentence_body(line, title):
    plan = parse(f"I. MỤC TIÊU\n{line}\nII. TỔ CHỨC THỰC HIỆN\nLàm.")
    assert plan.sections[0].children[0].title == title


# --------------------------------------------------------------------------
# Lower-case and mixed-case headings


def test_lower_case_numbered_heading_of_known_kind():
    """'2. mục tiêu cụ thể' under 'II. Mục Tiêu' is a section, not the body of II.1."""
    plan = parse("II. Mục Tiêu\n1. MỤC TIÊU CHUNG\nNâng cao sức khỏe nhân dân.\n2. mục tiêu cụ thể\n"
                 "- Tỷ lệ trẻ em được tiêm chủng đầy đủ đạt trên 95%.\n1.5 triệu đồng mỗi trạm.\n"
                 "III. tổ chức thực hiện\nTrạm Y tế chủ trì.")
    assert tree(plan) == [("II", "Mục Tiêu", "muc_tieu"), ("II.1", "MỤC TIÊU CHUNG", "muc_tieu_chung"),
                          ("II.2", "mục tiêu cụ thể", "muc_tieu_cu_the"),
                          ("III", "tổ chức thực hiện", "to_chuc_thuc_hien")]


def test_lower_case_roman_first_heading():
    """A plan opening with 'i. mục đích và yêu cầu' keeps that part in the body."""
    plan = parse("i. mục đích và yêu cầu\n1. Mục đích\nNâng cao chất lượng.\nii. nhiệm vụ\nTriển khai.")
    assert tree(plan) == [("I", "mục đích và yêu cầu", "muc_dich_yeu_cau"), ("I.1", "Mục đích", "muc_dich"),
                          ("II", "nhiệm vụ", "nhiem_vu")]
    pre = plan.metadata.layout.preamble
    assert "mục đích và yêu cầu" not in plan.text[pre.start:pre.end]


@pytest.mark.parametrize("line", [
    "i. tăng cường phối hợp giữa các đơn vị.",   # not a known heading: a letter item
    "2. các xã chủ động bố trí kinh phí hỗ trợ.",  # lower case, no heading phrase at its start
    "1.5 triệu đồng mỗi trạm.",
])
def test_lower_case_running_text_is_not_a_heading(line):
    plan = parse(f"I. NHIỆM VỤ\nMở đầu.\n{line}\nII. TỔ CHỨC THỰC HIỆN\nLàm.")
    ids = [s.id for s in walk(plan.sections)]
    assert [i for i in ids if i in ("I", "II")] == ["I", "II"] and all(i.startswith("I.") for i in ids[1:-1])
    assert [s.kind for s in plan.sections] == ["nhiem_vu", "to_chuc_thuc_hien"]


def test_round13_markdown_escaped_numbers():
    """Markdown from Word (pandoc) escapes a number at the start of a paragraph that is no
    list item ("3\\. Sở Tư pháp: …", "b\\) …", "II\\. …"): still a heading, and the item's
    bodies are read after the escaped mark."""
    plan = parse("II\\. TỔ CHỨC THỰC HIỆN\n**1. Sở Nội vụ:** Chủ trì bồi dưỡng cán bộ.\n"
                 "2\\. Sở Tư pháp, Cục Thống kê tỉnh: Thẩm định văn bản; thời gian: Hằng năm.\n"
                 "a\\) Sở Y tế: Hướng dẫn.\n\\- Tuyên truyền trên báo chí.")
    assert [(s.id, s.kind) for s in plan.sections] == [("II", "to_chuc_thuc_hien")]
    assert [s.id for s in walk(plan.sections)] == ["II", "II.1", "II.2", "II.2.a"]
    by_id = {a.id: a.name for a in plan.agencies}
    assert {(by_id[a.agency_id], a.section_id) for a in plan.assignments if a.role == "lead"} >= {
        ("Sở Nội vụ", "II.1"), ("Sở Tư pháp", "II.2"), ("Cục Thống kê tỉnh", "II.2"), ("Sở Y tế", "II.2.a")}
