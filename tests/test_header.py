"""Header fields, period, legal bases, signer and recipients on real-style lines."""
import pytest

import vnplan
from vnplan.model import DateParts, Span
from vnplan.extract.citations import get_legal_bases
from vnplan.readers import read_bytes
from vnplan.structure.header import parse_date, parse_number
from vnplan.structure.issuer import join_header_parts, normalise_issuer
from vnplan.structure.period import get_period


@pytest.mark.parametrize("line,expected", [
    ("Số: 89/KH-UBND", ("89/KH-UBND", "KH-UBND")),
    ("Số: 460 /KH-UBND", ("460/KH-UBND", "KH-UBND")),
    ("Số: /KH-UBND", (None, "KH-UBND")),
    ("Số /KH-UBND", (None, "KH-UBND")),
    ("Số:      /KH-SYT", (None, "KH-SYT")),
    ("Số: ....../KH-UBND", (None, "KH-UBND")),
    ("Số: 12/2023/KH-UBND", ("12/2023/KH-UBND", "KH-UBND")),
    ("Số: 136-KH/QU", ("136-KH/QU", "KH/QU")),
    ("Số: 05/KH-BCĐ", ("05/KH-BCĐ", "KH-BCĐ")),
    ("Số lượng cán bộ y tế", None),
    ("Số 5 trạm y tế", None),
])
def test_parse_number(line, expected):
    assert parse_number(line) == expected


@pytest.mark.parametrize("line,place,date", [
    ("Hải Phòng, ngày tháng 01 năm 2024", "Hải Phòng", (2024, 1, None)),
    ("Mường Khương, ngày tháng 4 năm 2023", "Mường Khương", (2023, 4, None)),
    ("Long Biên, ngày 31 tháng 12 năm 2020", "Long Biên", (2020, 12, 31)),
    ("Cần Thơ, ngày ….. tháng ….. năm 2023", "Cần Thơ", (2023, None, None)),
    ("TP. Hồ Chí Minh, ngày 05 tháng 3 năm 2022", "TP. Hồ Chí Minh", (2022, 3, 5)),
    ("Lào Cai, ngày   tháng   năm", "Lào Cai", (None, None, None)),
    ("Đà Nẵng, ngày 15/4/2023", "Đà Nẵng", (2023, 4, 15)),
    # numbered wards and districts, one-letter names
    ("Phường 1, ngày 3 tháng 1 năm 2023", "Phường 1", (2023, 1, 3)),
    ("Quận 3, ngày 20 tháng 10 năm 2022", "Quận 3", (2022, 10, 20)),
    ("Quận 10, ngày 05/6/2024", "Quận 10", (2024, 6, 5)),
    ("A, ngày 3 tháng 1 năm 2023", "A", (2023, 1, 3)),
    ("ngày 3 tháng 1 năm 2023", None, (2023, 1, 3)),
])
def test_parse_date(line, place, date):
    got_place, got = parse_date(line)
    assert got_place == place
    assert (got.year, got.month, got.day) == date


@pytest.mark.parametrize("raw,expected", [
    ("UBND quận Long Biên", "Ủy ban nhân dân quận Long Biên"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "Ủy ban nhân dân thành phố Cần Thơ"),
    ("UBND TỈNH LÀO CAI", "Ủy ban nhân dân tỉnh Lào Cai"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
    ("SỞ Y TẾ", "Sở Y tế"),
    ("HỘI ĐỒNG NHÂN DÂN HUYỆN BA VÌ", "Hội đồng nhân dân huyện Ba Vì"),
    ("Sở Y tế Hà Nội", "Sở Y tế Hà Nội"),
    ("UBND TP. Hải Phòng", "Ủy ban nhân dân thành phố Hải Phòng"),
    ("UBND TP HẢI PHÒNG", "Ủy ban nhân dân thành phố Hải Phòng"),
    ("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"),
    ("UỶ BAN NHÂN DÂN XÃ TẢ VAN", "Ủy ban nhân dân xã Tả Van"),
    ("TRUNG TÂM Y TẾ HUYỆN MƯỜNG KHƯƠNG", "Trung tâm Y tế huyện Mường Khương"),
    ("HUYỆN ỦY BA VÌ", "Huyện ủy Ba Vì"),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"),
    ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"),
])
def test_normalise_issuer(raw, expected):
    assert normalise_issuer(raw) == expected


@pytest.mark.parametrize("parts,expected", [
    (["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ"], "Ủy ban nhân dân thành phố Cần Thơ"),
    (["UBND TỈNH LÀO CAI", "SỞ Y TẾ"], "Sở Y tế tỉnh Lào Cai"),
    (["UBND HUYỆN MƯỜNG KHƯƠNG", "UBND THỊ TRẤN MƯỜNG KHƯƠNG"], "Ủy ban nhân dân thị trấn Mường Khương"),
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG PHÚC ĐỒNG"], "Ủy ban nhân dân phường Phúc Đồng"),
    # "Xã hội" in a sector body's name is no commune: the body takes its parent's place
    (["UBND TỈNH BẮC GIANG", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"],
     "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Giang"),
    (["UBND HUYỆN BA VÌ", "PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"],
     "Phòng Lao động - Thương binh và Xã hội huyện Ba Vì"),
    (["UBND TỈNH NGHỆ AN", "SỞ LAO ĐỘNG - TB&XH"], "Sở Lao động - Thương binh và Xã hội tỉnh Nghệ An"),
    (["UBND HUYỆN ĐÔNG ANH", "PHÒNG GD&ĐT"], "Phòng Giáo dục và Đào tạo huyện Đông Anh"),
    # the lower (issuing) body's name over two lines, under its parent
    (["UBND HUYỆN MƯỜNG KHƯƠNG", "UBND THỊ TRẤN", "MƯỜNG KHƯƠNG"], "Ủy ban nhân dân thị trấn Mường Khương"),
    (["ỦY BAN NHÂN DÂN", "HUYỆN MƯỜNG KHƯƠNG", "UBND THỊ TRẤN", "MƯỜNG KHƯƠNG"],
     "Ủy ban nhân dân thị trấn Mường Khương"),
    (["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"], "Sở Giáo dục và Đào tạo tỉnh Lào Cai"),
    (["ỦY BAN NHÂN DÂN HUYỆN", "BẢO THẮNG"], "Ủy ban nhân dân huyện Bảo Thắng"),
])
def test_issuer_split_over_header_lines(parts, expected):
    assert join_header_parts(parts) == expected


@pytest.mark.parametrize("title,year,period", [
    ("Thực hiện Bộ tiêu chí quốc gia về y tế xã giai đoạn đến năm 2030", 2024, (2024, 2030)),
    ("Thực hiện chỉ tiêu y tế năm 2021", 2020, (2021, 2021)),
    ("Phát triển y tế cơ sở giai đoạn 2021 - 2025", 2021, (2021, 2025)),
    ("Phát triển y tế cơ sở giai đoạn 2021–2025, tầm nhìn đến năm 2030", 2021, (2021, 2025)),
    ("Thực hiện Đề án 7-ĐA/TU về “Bảo vệ sức khỏe giai đoạn 2020 -2025” năm 2023", 2023, (2023, 2023)),
    ("Chăm sóc sức khỏe người cao tuổi từ năm 2022 đến năm 2030", 2022, (2022, 2030)),
    ("Phòng chống dịch bệnh năm 2023 và 2024", 2023, (2023, 2023)),
    ("Phòng chống dịch bệnh các năm 2023, năm 2024", 2023, (2023, 2024)),
    ("Kế hoạch phòng chống sốt xuất huyết", 2023, (None, None)),
    ("Thực hiện Chiến lược quốc gia đến năm 2030", None, (None, 2030)),
])
def test_period(title, year, period):
    p = get_period(title, DateParts(year, None, None))
    assert (p.start, p.end) == period


def _bases(sentence):
    doc = read_bytes(sentence.encode(), "x.txt")
    return [(b.type, b.number, b.symbol, b.date and (b.date.year, b.date.month, b.date.day), b.issuer, b.text)
            for b in get_legal_bases(doc, Span(0, len(doc.text)))]


@pytest.mark.parametrize("sentence,expected", [
    ("Căn cứ Nghị quyết 152/NQ-HĐND ngày 16/12/2020 của Hội đồng nhân dân quận Long Biên về nhiệm vụ năm 2021;",
     [("Nghị quyết", "152/NQ-HĐND", "NQ-HĐND", (2020, 12, 16), "Hội đồng nhân dân quận Long Biên",
       "Nghị quyết 152/NQ-HĐND ngày 16/12/2020 của Hội đồng nhân dân quận Long Biên")]),
    ("Thực hiện Kế hoạch số 136-KH/QU ngày 13/4/2018 về thực hiện Nghị quyết số 20-NQ/TW;",
     [("Kế hoạch", "136-KH/QU", "KH/QU", (2018, 4, 13), "Quận ủy", "Kế hoạch số 136-KH/QU ngày 13/4/2018"),
      ("Nghị quyết", "20-NQ/TW", "NQ/TW", None, "Ban Chấp hành Trung ương Đảng", "Nghị quyết số 20-NQ/TW")]),
    ("Thực hiện Đề án 7-ĐA/TU về “Bảo vệ, chăm sóc sức khỏe nhân dân”.",
     [("Đề án", "7-ĐA/TU", "ĐA/TU", None, "Tỉnh ủy", "Đề án 7-ĐA/TU")]),
    ("Căn cứ Thông tư số 28/2020/TT-BYT ngày 31/12/2020 của Bộ Y tế quy định danh mục;",
     [("Thông tư", "28/2020/TT-BYT", "TT-BYT", (2020, 12, 31), "Bộ Y tế",
       "Thông tư số 28/2020/TT-BYT ngày 31/12/2020 của Bộ Y tế")]),
    ("Căn cứ Quyết định số 4389/QĐ- BYT ngày 11/7/2018 về việc phê duyệt danh mục;",
     [("Quyết định", "4389/QĐ-BYT", "QĐ-BYT", (2018, 7, 11), "Bộ Y tế", "Quyết định số 4389/QĐ- BYT ngày 11/7/2018")]),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
     [("Luật", None, None, (2015, 6, 19), None, "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015")]),
    ("Căn cứ Chỉ thị số 25/2004/CT-TTg của Thủ tướng Chính phủ về tăng cường công tác;",
     [("Chỉ thị", "25/2004/CT-TTg", "CT-TTg", None, "Thủ tướng Chính phủ",
       "Chỉ thị số 25/2004/CT-TTg của Thủ tướng Chính phủ")]),
    ("Căn cứ Nghị định số 39/2016/NĐ-CP ngày 15 tháng 5 năm 2016 của Chính phủ.",
     [("Nghị định", "39/2016/NĐ-CP", "NĐ-CP", (2016, 5, 15), "Chính phủ",
       "Nghị định số 39/2016/NĐ-CP ngày 15 tháng 5 năm 2016 của Chính phủ")]),
    ("Căn cứ Quyết định số 1300/QĐ-BYT ngày 09/3/2023 và Quyết định số 1453/QĐ-BYT ngày 20/3/2023 đính chính "
     "Quyết định số 1300/QĐ-BYT ngày 09/3/2023 của Bộ Y tế.",
     [("Quyết định", "1300/QĐ-BYT", "QĐ-BYT", (2023, 3, 9), "Bộ Y tế", "Quyết định số 1300/QĐ-BYT ngày 09/3/2023"),
      ("Quyết định", "1453/QĐ-BYT", "QĐ-BYT", (2023, 3, 20), "Bộ Y tế", "Quyết định số 1453/QĐ-BYT ngày 20/3/2023")]),
    # an issuer longer than twelve words, ending at the end of its line
    ("Căn cứ Nghị quyết 20-NQ/TW ngày 25 tháng 10 năm 2017 của Hội nghị lần thứ sáu Ban Chấp hành "
     "Trung ương Đảng khóa XII\nVề tăng cường công tác bảo vệ sức khỏe nhân dân",
     [("Nghị quyết", "20-NQ/TW", "NQ/TW", (2017, 10, 25),
       "Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII",
       "Nghị quyết 20-NQ/TW ngày 25 tháng 10 năm 2017 của Hội nghị lần thứ sáu Ban Chấp hành "
       "Trung ương Đảng khóa XII")]),
    # ... and never runs into the next line's citation, even without a ';'
    ("Căn cứ Thông tư số 28/2020/TT-BYT ngày 31/12/2020 của Bộ Y tế\nCăn cứ Luật Khám bệnh, chữa bệnh.",
     [("Thông tư", "28/2020/TT-BYT", "TT-BYT", (2020, 12, 31), "Bộ Y tế",
       "Thông tư số 28/2020/TT-BYT ngày 31/12/2020 của Bộ Y tế"),
      ("Luật", None, None, None, None, "Luật Khám bệnh")]),
    ("Căn cứ Quyết định số 12/QĐ-UBND ngày 2/1/2024 của Ủy ban nhân dân\nhuyện Bảo Thắng về việc giao dự toán;",
     [("Quyết định", "12/QĐ-UBND", "QĐ-UBND", (2024, 1, 2), "Ủy ban nhân dân huyện Bảo Thắng",
       "Quyết định số 12/QĐ-UBND ngày 2/1/2024 của Ủy ban nhân dân\nhuyện Bảo Thắng")]),
    # instrument types of several words
    ("Căn cứ Chương trình hành động số 10/CTr-UBND ngày 3/3/2023 của UBND tỉnh;",
     [("Chương trình hành động", "10/CTr-UBND", "CTr-UBND", (2023, 3, 3), "Ủy ban nhân dân tỉnh",
       "Chương trình hành động số 10/CTr-UBND ngày 3/3/2023 của UBND tỉnh")]),
    ("Thực hiện Kế hoạch hành động số 45/KH-UBND ngày 20/02/2024 của UBND tỉnh Lào Cai;",
     [("Kế hoạch hành động", "45/KH-UBND", "KH-UBND", (2024, 2, 20), "Ủy ban nhân dân tỉnh Lào Cai",
       "Kế hoạch hành động số 45/KH-UBND ngày 20/02/2024 của UBND tỉnh Lào Cai")]),
    ("Căn cứ Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương;",
     [("Quy định", "08-QĐi/TW", "QĐi/TW", (2018, 10, 25), "Ban Chấp hành Trung ương",
       "Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương")]),
    ("Thực hiện Thông báo kết luận số 12-TB/TU ngày 5/1/2024 của Ban Thường vụ Tỉnh ủy;",
     [("Thông báo kết luận", "12-TB/TU", "TB/TU", (2024, 1, 5), "Ban Thường vụ Tỉnh ủy",
       "Thông báo kết luận số 12-TB/TU ngày 5/1/2024 của Ban Thường vụ Tỉnh ủy")]),
    ("Căn cứ Báo cáo số 210/BC-UBND ngày 12/12/2023 của UBND huyện;",
     [("Báo cáo", "210/BC-UBND", "BC-UBND", (2023, 12, 12), "Ủy ban nhân dân huyện",
       "Báo cáo số 210/BC-UBND ngày 12/12/2023 của UBND huyện")]),
])
def test_legal_bases(sentence, expected):
    assert _bases(sentence) == expected


HEADER = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHỐ CẦN THƠ\tĐộc lập - Tự do - Hạnh phúc
-------\t---------------
Số: 89/KH-UBND\tCần Thơ, ngày 15 tháng 4 năm 2023

KẾ HOẠCH HÀNH ĐỘNG
Thực hiện Chương trình phát triển y tế cơ sở
giai đoạn 2021 - 2025, tầm nhìn đến năm 2030

Căn cứ Quyết định số 2348/QĐ-TTg ngày 05/12/2016 của Thủ tướng Chính phủ về việc phê duyệt Đề án;

I. MỤC TIÊU
Nâng cao.
"""


def test_full_header_block():
    m = vnplan.parse_text(HEADER, name="can-tho.txt").metadata
    assert m.doc_type == "KẾ HOẠCH HÀNH ĐỘNG"
    assert (m.number, m.symbol) == ("89/KH-UBND", "KH-UBND")
    assert m.issuer == "Ủy ban nhân dân thành phố Cần Thơ"
    assert m.place == "Cần Thơ"
    assert (m.date.year, m.date.month, m.date.day) == (2023, 4, 15)
    assert m.title == "Thực hiện Chương trình phát triển y tế cơ sở giai đoạn 2021 - 2025, tầm nhìn đến năm 2030"
    assert (m.period.start, m.period.end) == (2021, 2025)
    assert [b.number for b in m.legal_bases] == ["2348/QĐ-TTg"]


def test_header_on_separate_lines_with_parent_body():
    text = ("UBND TỈNH LÀO CAI\nSỞ Y TẾ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số:      /KH-SYT\n\nLào Cai, ngày      tháng      năm 2024\n\nKẾ HOẠCH\n"
            "Phòng, chống bệnh sốt xuất huyết năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\nBảo đảm.\n")
    m = vnplan.parse_text(text).metadata
    assert m.issuer == "Sở Y tế tỉnh Lào Cai"
    assert (m.number, m.symbol) == (None, "KH-SYT")
    assert (m.date.year, m.date.month, m.date.day) == (2024, None, None)
    assert (m.period.start, m.period.end) == (2024, 2024)


def test_issuer_from_signature_when_nothing_else():
    text = ("Thanh Xuân, ngày 02 tháng 3 năm 2023\n\nKẾ HOẠCH\nTiêm chủng mở rộng trên địa bàn quận Thanh Xuân năm 2023\n\n"
            "I. MỤC TIÊU\nĐạt 95%.\n\nNơi nhận:\n- Sở Y tế;\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Bình\n")
    m = vnplan.parse_text(text).metadata
    assert m.issuer == "Ủy ban nhân dân quận Thanh Xuân"
    assert (m.signer.on_behalf, m.signer.title, m.signer.authority, m.signer.name) == (
        "Ủy ban nhân dân", "Chủ tịch", None, "Lê Văn Bình")


@pytest.mark.parametrize("closing,signer", [
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Khắc Nam",
     ("Lê Khắc Nam", "Phó Chủ tịch", "Ủy ban nhân dân", "Chủ tịch")),
    ("**TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n\n\n\nĐinh Thị Thu Hương",
     ("Đinh Thị Thu Hương", "Phó Chủ tịch", "Ủy ban nhân dân", "Chủ tịch")),
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(Đã ký)\nNGUYỄN VĂN HÒA",
     ("Nguyễn Văn Hòa", "Phó Giám đốc", None, "Giám đốc")),
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
     (None, "Phó Chủ tịch", "Ủy ban nhân dân", "Chủ tịch")),
])
def test_signer(closing, signer):
    text = f"KẾ HOẠCH\nTiêm chủng năm 2023\n\nI. MỤC TIÊU\nĐạt 95%.\n\nNơi nhận:\n- Sở Y tế;\n- Lưu: VT.\n\n{closing}\n"
    plan = vnplan.parse_text(text)
    s = plan.metadata.signer
    assert (s.name, s.title, s.on_behalf, s.authority) == signer
    quoted = plan.text[s.span.start:s.span.end]
    assert quoted.lower().endswith((signer[0] or "PHÓ CHỦ TỊCH").lower())


def test_two_column_closing():
    text = ("KẾ HOẠCH\nTiêm chủng năm 2023\n\nI. MỤC TIÊU\nĐạt 95%.\n\n"
            "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- Như trên;\tKT. CHỦ TỊCH\n- Lưu: VT.\tPHÓ CHỦ TỊCH\n\n\tTrần Văn Cường\n")
    plan = vnplan.parse_text(text)
    m = plan.metadata
    assert [r.text for r in m.recipients] == ["Như trên", "Lưu: VT"]
    assert (m.signer.name, m.signer.title, m.signer.on_behalf, m.signer.authority) == (
        "Trần Văn Cường", "Phó Chủ tịch", "Ủy ban nhân dân", "Chủ tịch")
    for r in m.recipients:
        assert plan.text[r.span.start:r.span.end] == r.text


@pytest.mark.parametrize("closing", [
    "Nơi nhận: - Sở Y tế; - UBND các xã; - Lưu VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn B\n",
    "Nơi nhận:\n- Sở Y tế; - UBND các xã;\n- Lưu VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn B\n",
    "Nơi nhận: - Sở Y tế; - UBND các xã; - Lưu VT.\tTM. ỦY BAN NHÂN DÂN\n\tCHỦ TỊCH\n\tTrần Văn B\n",
    "Nơi nhận: Sở Y tế; UBND các xã; Lưu VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn B\n",  # no bullets
    # pandoc's list indent after the bullet is no column gap (round-13 Ninh Thuận kept 1 of 7)
    "**Nơi nhận:**\n\n-   Sở Y tế;\n-   UBND các xã;\n-   Lưu VT.\n\n**TM. ỦY BAN NHÂN DÂN**\n**CHỦ TỊCH**\n\n**Trần Văn B**\n",
])
def test_recipients_run_together_on_one_line(closing):
    text = f"KẾ HOẠCH\nTiêm chủng năm 2023\n\nI. MỤC TIÊU\nĐạt 95%.\n\n{closing}"
    plan = vnplan.parse_text(text)
    m = plan.metadata
    assert [r.text for r in m.recipients] == ["Sở Y tế", "UBND các xã", "Lưu VT"]
    for r in m.recipients:
        assert plan.text[r.span.start:r.span.end] == r.text
    assert (m.signer.name, m.signer.title) == ("Trần Văn B", "Chủ tịch")


MARKDOWN_PLAN = """| **ỦY BAN NHÂN DÂN HUYỆN BA VÌ** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |
|---|---|
| **Số: 215/KH-UBND** | *Ba Vì, ngày 08 tháng 5 năm 2024* |

**KẾ HOẠCH**

**Triển khai công tác phòng, chống bệnh sốt xuất huyết**
**trên địa bàn huyện năm 2024**

______________

Thực hiện Kế hoạch số 120/KH-UBND ngày 12/4/2024 của UBND thành phố Hà Nội về phòng, chống dịch bệnh truyền nhiễm năm 2024;

Ủy ban nhân dân huyện Ba Vì ban hành Kế hoạch triển khai như sau:

## **I. MỤC ĐÍCH, YÊU CẦU**

**1. Mục đích:** Chủ động phòng, chống dịch.

**2. Yêu cầu:** Các xã triển khai đồng bộ.

## **II. CHỈ TIÊU**

- Giảm 10% số mắc so với năm 2023.

## **III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU**

### 1. Công tác chỉ đạo

Ban hành văn bản.

### 2. Công tác chuyên môn

Giám sát ca bệnh.

## **IV. KINH PHÍ**

Từ ngân sách huyện.

## **V. TỔ CHỨC THỰC HIỆN**

Các xã báo cáo.

| ***Nơi nhận:*** <br> - UBND thành phố; <br> - Lưu: VT. | **TM. ỦY BAN NHÂN DÂN** <br> **CHỦ TỊCH** <br> **Nguyễn Văn A** |
|---|---|
"""


def test_markdown_plan_converted_from_docx():
    plan = vnplan.parse_text(MARKDOWN_PLAN, name="ba-vi.md")
    m = plan.metadata
    assert (m.doc_type, m.number, m.symbol) == ("KẾ HOẠCH", "215/KH-UBND", "KH-UBND")
    assert m.issuer == "Ủy ban nhân dân huyện Ba Vì"
    assert (m.place, m.date.year, m.date.month, m.date.day) == ("Ba Vì", 2024, 5, 8)
    assert m.title == "Triển khai công tác phòng, chống bệnh sốt xuất huyết trên địa bàn huyện năm 2024"
    assert [(b.number, b.issuer) for b in m.legal_bases] == [("120/KH-UBND", "Ủy ban nhân dân thành phố Hà Nội")]
    assert [r.text for r in m.recipients] == ["UBND thành phố", "Lưu: VT"]
    assert (m.signer.name, m.signer.title, m.signer.on_behalf) == ("Nguyễn Văn A", "Chủ tịch", "Ủy ban nhân dân")
    assert [(s.id, s.title, s.kind) for s in plan.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU", "muc_dich_yeu_cau"), ("II", "CHỈ TIÊU", "chi_tieu"),
        ("III", "NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU", "nhiem_vu_giai_phap"), ("IV", "KINH PHÍ", "kinh_phi"),
        ("V", "TỔ CHỨC THỰC HIỆN", "to_chuc_thuc_hien")]
    assert [(c.id, c.kind) for c in plan.sections[0].children] == [("I.1", "muc_dich"), ("I.2", "yeu_cau")]
    assert plan.sections[-1].span.end <= m.layout.closing.start


@pytest.mark.parametrize("parent,body,issuer", [
    ("UBND TỈNH BẮC GIANG", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Giang"),
    ("UBND HUYỆN YÊN THẾ", "PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
     "Phòng Lao động - Thương binh và Xã hội huyện Yên Thế"),
    ("ỦY BAN NHÂN DÂN TỈNH KON TUM", "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN",
     "Sở Nông nghiệp và Phát triển nông thôn tỉnh Kon Tum"),
])
def test_markdown_header_of_a_department_plan(parent, body, issuer):
    """A department's plan converted to markdown: bold issuer lines under their parent, an
    italic place-and-date line, a '#' document type."""
    text = (f"**{parent}**\n**{body}**\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n**Độc lập - Tự do - Hạnh phúc**\n\n"
            "Số: 45/KH-SLĐTBXH\n\n*Bắc Giang, ngày 10 tháng 4 năm 2024*\n\n# KẾ HOẠCH HÀNH ĐỘNG\n\n"
            "**Phát triển thị trường lao động năm 2024**\n\n## I. MỤC TIÊU\n\nĐạt 5%.\n")
    m = vnplan.parse_text(text, name="md.txt").metadata
    assert m.issuer == issuer
    assert (m.doc_type, m.number, m.date.year, m.date.month, m.date.day) == ("KẾ HOẠCH HÀNH ĐỘNG", "45/KH-SLĐTBXH",
                                                                            2024, 4, 10)
    assert m.title == "Phát triển thị trường lao động năm 2024"


@pytest.mark.parametrize("sentence,place,issuer", [
    ("UBND quận Long Biên xây dựng kế hoạch triển khai thực hiện như sau:", "Long Biên",
     "Ủy ban nhân dân quận Long Biên"),
    ("Ủy ban nhân dân thành phố ban hành Kế hoạch thực hiện Bộ tiêu chí, như sau:", "Hải Phòng",
     "Ủy ban nhân dân thành phố Hải Phòng"),
    ("Để triển khai Kế hoạch số 12/KH-UBND của UBND thành phố, UBND huyện Ba Vì ban hành kế hoạch như sau:",
     "Ba Vì", "Ủy ban nhân dân huyện Ba Vì"),
    ("Sở Y tế xây dựng Kế hoạch phòng, chống dịch như sau:", "Lào Cai", "Sở Y tế"),
    ("Trong năm 2024 cần tập trung xây dựng kế hoạch chi tiết.", "Lào Cai", None),
])
def test_issuer_from_preamble_sentence(sentence, place, issuer):
    text = f"{place}, ngày 02 tháng 3 năm 2024\n\nKẾ HOẠCH\nPhòng chống dịch\n\n{sentence}\n\nI. MỤC TIÊU\nĐạt.\n"
    assert vnplan.parse_text(text).metadata.issuer == issuer


@pytest.mark.parametrize("sentence", [
    "UBND phường Bến Nghé xây dựng Kế hoạch như sau:",
    "Để triển khai hiệu quả công tác phòng, chống dịch, UBND phường Bến Nghé ban hành Kế hoạch như sau:",
])
def test_title_stops_at_issuer_sentence_without_blank_line(sentence):
    text = f"KẾ HOẠCH\nPhòng chống dịch năm 2023\n{sentence}\nI. MỤC TIÊU\nĐạt.\n"
    m = vnplan.parse_text(text).metadata
    assert m.title == "Phòng chống dịch năm 2023"
    assert m.issuer == "Ủy ban nhân dân phường Bến Nghé"


@pytest.mark.parametrize("title, preamble", [
    # a PDF's title line run into the preamble paragraph after it
    ("Triển khai tiêm chủng mở rộng trên địa bàn xã Tà Xùa năm 2025",
     "Thực hiện Kế hoạch số 35/KH-UBND ngày 15/02/2025 của UBND huyện Bắc Yên về tiêm chủng mở rộng năm 2025, "
     "UBND xã Tà Xùa xây dựng Kế hoạch như sau:"),
    ("Công tác phòng cháy, chữa cháy trên địa bàn phường Phong Hải năm 2025",
     "Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ ngày 29 tháng 11 năm 2024; Căn cứ Nghị định số "
     "136/2020/NĐ-CP ngày 24/11/2020 của Chính phủ;"),
])
def test_title_line_run_into_the_preamble_is_cut_where_the_basis_opens(title, preamble):
    text = f"ỦY BAN NHÂN DÂN\nXÃ A\nSố: 18/KH-UBND\nA, ngày 03 tháng 3 năm 2025\nKẾ HOẠCH\n{title} {preamble}\n\nI. MỤC TIÊU\n- Đạt 95%.\n"
    plan = vnplan.parse_text(text)
    m = plan.metadata
    assert m.title == title
    assert (m.period.start, m.period.end) == (2025, 2025)
    assert plan.text[m.layout.preamble.start:m.layout.preamble.end] == preamble
    assert plan.text[m.layout.header.start:m.layout.header.end].endswith(title)
    assert m.legal_bases and m.legal_bases[0].span.start >= m.layout.preamble.start


def test_title_continues_on_lower_case_theo_line():
    text = "KẾ HOẠCH\nTriển khai công tác y tế\ntheo Nghị quyết của Hội đồng nhân dân năm 2024\nCăn cứ Luật Y tế;\n\nI. MỤC TIÊU\nA.\n"
    m = vnplan.parse_text(text).metadata
    assert m.title == "Triển khai công tác y tế theo Nghị quyết của Hội đồng nhân dân năm 2024"


# --------------------------------------------------------------------------
# Property tests of the small parsers

from hypothesis import given, settings, strategies as st  # noqa: E402

TYPES = ["Quyết định", "Nghị quyết", "Kế hoạch", "Thông tư", "Nghị định", "Chỉ thị", "Đề án"]
ISSUERS = ["Bộ Y tế", "Sở Y tế Hà Nội", "Thủ tướng Chính phủ", "Hội đồng nhân dân tỉnh Lào Cai"]
SYMBOLS = st.text(alphabet="ABCDĐGHKLMNQSTUVY", min_size=2, max_size=5)


@settings(max_examples=80, deadline=None)
@given(kind=st.sampled_from(TYPES), n=st.integers(1, 99999), year=st.one_of(st.none(), st.integers(1990, 2030)),
       prefix=SYMBOLS, org=SYMBOLS, so=st.booleans(),
       date=st.tuples(st.integers(1, 28), st.integers(1, 12), st.integers(1990, 2030)),
       issuer=st.sampled_from(ISSUERS))
def test_legal_basis_roundtrip(kind, n, year, prefix, org, so, date, issuer):
    number = f"{n}/{year}/{prefix}-{org}" if year else f"{n}/{prefix}-{org}"
    d, m, y = date
    sentence = f"Căn cứ {kind}{' số' if so else ''} {number} ngày {d}/{m}/{y} của {issuer} về việc triển khai;"
    [got] = _bases(sentence)
    assert got == (kind, number, f"{prefix}-{org}", (y, m, d), issuer,
                   f"{kind}{' số' if so else ''} {number} ngày {d}/{m}/{y} của {issuer}")


@settings(max_examples=80, deadline=None)
@given(digits=st.one_of(st.none(), st.integers(1, 99999)), symbol=st.tuples(SYMBOLS, SYMBOLS),
       colon=st.booleans(), gap=st.sampled_from(["", " ", "   ", " .... "]))
def test_number_roundtrip(digits, symbol, colon, gap):
    sym = "-".join(symbol)
    line = f"Số{':' if colon else ''} {digits if digits else gap}/{sym}"
    assert parse_number(line) == ((f"{digits}/{sym}" if digits else None), sym)


@settings(max_examples=80, deadline=None)
@given(place=st.sampled_from(["Hải Phòng", "Cần Thơ", "TP. Hồ Chí Minh", "Mường Khương"]),
       day=st.one_of(st.none(), st.integers(1, 31)), month=st.one_of(st.none(), st.integers(1, 12)),
       year=st.one_of(st.none(), st.integers(1990, 2030)), blank=st.sampled_from([" ", "   ", " ….. ", " ... "]))
def test_date_roundtrip(place, day, month, year, blank):
    def part(v):
        return f" {v:02d} " if v is not None and v < 10 and day != v else (f" {v} " if v is not None else blank)
    line = f"{place}, ngày{part(day)}tháng{part(month)}năm{part(year)}".rstrip()
    got_place, got = parse_date(line)
    assert got_place == place
    assert (got.year, got.month, got.day) == (year, month, day)


def test_draft_and_urgency_marks_are_not_the_issuer():
    text = ("DỰ THẢO\nỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN BA VÌ\tĐộc lập - Tự do - Hạnh phúc\n"
            "KHẨN\nSố:   /KH-UBND\tBa Vì, ngày   tháng 6 năm 2024\n\nKẾ HOẠCH\nTiêm chủng năm 2024\n\nI. MỤC TIÊU\nĐạt.\n")
    m = vnplan.parse_text(text).metadata
    assert m.issuer == "Ủy ban nhân dân huyện Ba Vì"
    assert (m.number, m.symbol, m.place, m.date.month) == (None, "KH-UBND", "Ba Vì", 6)


def test_numbered_ward_in_header_block():
    text = ("UBND PHƯỜNG 1\nSố: 15/KH-UBND\nPhường 1, ngày 3 tháng 1 năm 2023\nKẾ HOẠCH\n"
            "Triển khai tiêm chủng năm 2023\n\nI. MỤC TIÊU\nNội dung.\n")
    m = vnplan.parse_text(text, "x.txt").metadata
    assert m.place == "Phường 1"
    assert (m.date.year, m.date.month, m.date.day) == (2023, 1, 3)
    assert m.number == "15/KH-UBND"


def test_issuer_over_two_lines_under_its_parent():
    text = ("UBND HUYỆN MƯỜNG KHƯƠNG\nUBND THỊ TRẤN\nMƯỜNG KHƯƠNG\nSố: /KH-UBND\n"
            "Mường Khương, ngày   tháng 4 năm 2023\n\nKẾ HOẠCH\nVề y tế năm 2023\n\nI. MỤC TIÊU\nNội dung.\n")
    assert vnplan.parse_text(text, "x.txt").metadata.issuer == "Ủy ban nhân dân thị trấn Mường Khương"


@pytest.mark.parametrize("parts,expected", [
    # a lower body's name printed over two (or three) lines under its parent (steering boards,
    # councils, departments); a proper noun inside it keeps its capital ("Tổ quốc")
    (["UBND HUYỆN MƯỜNG NHÉ", "BAN CHỈ ĐẠO PHÒNG, CHỐNG TỘI PHẠM, TỆ NẠN XÃ HỘI",
      "VÀ XÂY DỰNG PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC"],
     "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh"
     " Tổ quốc huyện Mường Nhé"),
    (["UBND TỈNH QUẢNG BÌNH", "BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH", "MỤC TIÊU QUỐC GIA"],
     "Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh Quảng Bình"),
    (["UBND TỈNH KON TUM", "SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"],
     "Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum"),
    # two lines of one body stay one name
    (["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ"], "Ủy ban nhân dân thành phố Cần Thơ"),
])
def test_round9_lower_body_over_two_lines_under_its_parent(parts, expected):
    assert join_header_parts(parts) == expected


def test_round9_steering_board_plan_header():
    text = ("UBND HUYỆN TUẦN GIÁO\nBAN CHỈ ĐẠO PHÒNG, CHỐNG TỘI PHẠM, TỆ NẠN XÃ HỘI\n"
            "VÀ XÂY DỰNG PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC\n\nSố: 09/KH-BCĐ\n\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Tuần Giáo, ngày 20 tháng 02 năm 2025\n\nKẾ HOẠCH\nPhòng, chống tội phạm năm 2025\n\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n- Nâng cao hiệu quả.\n")
    m = vnplan.parse_text(text, "p.txt").metadata
    assert (m.issuer, m.symbol, m.place) == (
        "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh"
        " Tổ quốc huyện Tuần Giáo", "KH-BCĐ", "Tuần Giáo")


def test_hard_wrapped_legal_basis_keeps_its_issuer_over_the_wrap():
    """A PDF saved as text: the preamble's issuer cut by the page width ('... Hội nghị lần thứ sáu
    Ban' / 'Chấp hành Trung ương Đảng khóa XII') is read whole, as in the unwrapped text."""
    import textwrap

    paragraphs = ["KẾ HOẠCH", "Phát triển bảo hiểm y tế toàn dân trên địa bàn tỉnh giai đoạn 2025 - 2030",
                  "Thực hiện Nghị quyết số 20-NQ/TW ngày 25 tháng 10 năm 2017 của Hội nghị lần thứ sáu Ban Chấp "
                  "hành Trung ương Đảng khóa XII về tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khỏe "
                  "Nhân dân trong tình hình mới;",
                  "I. MỤC TIÊU"] + [
        f"{i}. Tăng cường công tác tuyên truyền, vận động người dân tham gia bảo hiểm y tế theo hộ gia đình, "
        f"phấn đấu tỷ lệ bao phủ bảo hiểm y tế đạt trên 9{i}% dân số vào cuối năm 2030 theo lộ trình đã đề ra."
        for i in range(1, 8)]
    lines = [w for p in paragraphs for w in textwrap.wrap(p, width=86, break_long_words=False)]
    wrapped = vnplan.parse_text("\n".join(lines) + "\n")
    flat = vnplan.parse_text("\n".join(paragraphs) + "\n")
    issuer = "Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII"
    assert issuer not in wrapped.text and issuer in " ".join(wrapped.text.split())  # the wrap cuts it
    assert [b.issuer for b in wrapped.metadata.legal_bases] == [b.issuer for b in flat.metadata.legal_bases] == [issuer]
