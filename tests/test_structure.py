"""Corpus gold for the structure stage: metadata, section lists, layout.

Expected values were written by reading the three corpus plans.
"""
import pytest

from vnplan.model import section_at, walk


def _bases(plan):
    return [(b.type, b.number, b.symbol, None if b.date is None else (b.date.year, b.date.month, b.date.day), b.issuer)
            for b in plan.metadata.legal_bases]


# --------------------------------------------------------------------------
# Metadata, every field


def test_hai_phong_metadata(corpus_plans):
    m = corpus_plans["hai_phong"].metadata
    assert m.doc_type == "KẾ HOẠCH"
    assert m.number is None  # "Số: /KH-UBND": left blank
    assert m.symbol == "KH-UBND"
    # No header block: "Ủy ban nhân dân thành phố ban hành Kế hoạch" + place of the date line.
    assert m.issuer == "Ủy ban nhân dân thành phố Hải Phòng"
    assert m.place == "Hải Phòng"
    assert (m.date.year, m.date.month, m.date.day) == (2024, 1, None)
    assert m.title == ("Thực hiện Bộ tiêu chí quốc gia về y tế xã giai đoạn đến năm 2030 "
                       "trên địa bàn thành phố Hải Phòng")
    assert (m.period.start, m.period.end) == (2024, 2030)
    assert _bases(corpus_plans["hai_phong"]) == [
        ("Quyết định", "1300/QĐ-BYT", "QĐ-BYT", (2023, 3, 9), "Bộ Y tế"),
        ("Quyết định", "1453/QĐ-BYT", "QĐ-BYT", (2023, 3, 20), "Bộ Y tế"),
    ]
    s = m.signer
    assert (s.name, s.title, s.on_behalf, s.authority) == ("Lê Khắc Nam", "Phó Chủ tịch", "Ủy ban nhân dân", "Chủ tịch")
    assert [r.text for r in m.recipients] == [
        "Bộ Y tế (báo cáo)", "CT, các PCT UBND TP", "Các Sở, ban, ngành và các đoàn thể TP",
        "UBND các quận, huyện", "CPVP", "Các Phòng CV", "CV: YT", "Lưu: VT"]


def test_long_bien_metadata(corpus_plans):
    m = corpus_plans["long_bien"].metadata
    assert m.doc_type == "KẾ HOẠCH"
    assert m.number == "460/KH-UBND"  # printed "Số: 460 /KH-UBND"
    assert m.symbol == "KH-UBND"
    assert m.issuer == "Ủy ban nhân dân quận Long Biên"  # "UBND quận Long Biên xây dựng kế hoạch ..."
    assert m.place == "Long Biên"
    assert (m.date.year, m.date.month, m.date.day) == (2020, 12, 31)
    assert m.title == ("Thực hiện chỉ tiêu y tế và chăm sóc sức khỏe ban đầu cho nhân dân "
                       "trên địa bàn quận Long Biên năm 2021")
    assert (m.period.start, m.period.end) == (2021, 2021)
    assert _bases(corpus_plans["long_bien"]) == [
        ("Kế hoạch", "136-KH/QU", "KH/QU", (2018, 4, 13), "Quận ủy"),
        ("Nghị quyết", "20-NQ/TW", "NQ/TW", None, "Ban Chấp hành Trung ương Đảng"),
        ("Kế hoạch", "137-KH/QU", "KH/QU", (2018, 4, 13), "Quận ủy"),
        ("Nghị quyết", "21-NQ/TW", "NQ/TW", None, "Ban Chấp hành Trung ương Đảng"),
        ("Nghị quyết", "152/NQ-HĐND", "NQ-HĐND", (2020, 12, 16), "Hội đồng nhân dân quận Long Biên"),
        ("Quyết định", "2154/QĐ-SYT", "QĐ-SYT", (2020, 12, 25), "Sở Y tế Hà Nội"),
        ("Quyết định", "7668/QĐ-UBND", "QĐ-UBND", (2020, 12, 21), "Ủy ban nhân dân quận Long Biên"),
    ]
    s = m.signer
    assert (s.name, s.title, s.on_behalf, s.authority) == (
        "Đinh Thị Thu Hương", "Phó Chủ tịch", "Ủy ban nhân dân", "Chủ tịch")
    assert [r.text for r in m.recipients] == [
        "Sở Y tế Hà Nội", "Thường trực QU-HĐND-UBND", "Thành viên BCD công tác CSSKBĐ và",
        "DS-KHHGD quận", "UBND 14 phường", "Lưu: VP (CNTT) (16)"]


def test_muong_khuong_metadata(corpus_plans):
    m = corpus_plans["muong_khuong"].metadata
    assert m.doc_type == "KẾ HOẠCH"
    assert m.number is None  # "Số /KH-UBND"
    assert m.symbol == "KH-UBND"
    assert m.issuer == "Ủy ban nhân dân thị trấn Mường Khương"
    assert m.place == "Mường Khương"
    assert (m.date.year, m.date.month, m.date.day) == (2023, 4, None)
    assert m.title.startswith("Thực hiện Đề án 7-ĐA/TU về “Bảo vệ, chăm sóc")
    assert m.title.endswith("giai đoạn 2020 -2025” năm 2023")
    # The 2020-2025 range is the name of the Đề án (in quotes); the plan is for 2023.
    assert (m.period.start, m.period.end) == (2023, 2023)
    assert _bases(corpus_plans["muong_khuong"]) == [
        ("Kế hoạch", "115/KH-UBND", "KH-UBND", (2023, 3, 26), "Ủy ban nhân dân huyện Mường Khương"),
        ("Đề án", "7-ĐA/TU", "ĐA/TU", None, "Tỉnh ủy"),
    ]
    s = m.signer
    assert (s.name, s.title, s.on_behalf, s.authority) == (
        "Phan Hùng Cường", "Phó Chủ tịch", "Ủy ban nhân dân", "Chủ tịch")
    assert [r.text for r in m.recipients] == [
        "Trung tâm y tế huyện", "TTĐU- HỖND-UBND thị trấn", "BCĐ CSSKND thị trấn",
        "Các Trường học", "Các ngành, thể thị trấn", "Lưu: VT, TYT"]


# --------------------------------------------------------------------------
# Sections


TOP = {
    "hai_phong": [
        ("I", "MỤC ĐÍCH, YÊU CẦU", "muc_dich_yeu_cau"),
        ("II", "NHIỆM VỤ VÀ GIẢI PHÁP", "nhiem_vu_giai_phap"),
        ("III", "TỔ CHỨC THỰC HIỆN", "to_chuc_thuc_hien"),
    ],
    "long_bien": [
        ("I", "MỤC TIÊU CHUNG", "muc_tieu_chung"),
        ("II", "CÁC CHỈ TIÊU CƠ BẢN", "chi_tieu"),
        ("III", "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM (Biểu 1)", "nhiem_vu_giai_phap"),
        ("IV", "TỔ CHỨC THỰC HIỆN", "to_chuc_thuc_hien"),
        ("B1", "Biểu 1: TIẾN ĐỘ THỰC HIỆN", "phu_luc"),
        ("B2", "Biểu 2: Tiến độ thực hiện duy trì 14/14 phường đạt tiêu chí Quốc gia về y tế xã", "phu_luc"),
        ("B3", "Biểu 3: Triển khai Trạm Y tế theo mô hình điểm", "phu_luc"),
        ("B4", "Biểu 4: Tiến độ thực hiện các nhiệm vụ cải thiện tình trạng dinh dưỡng, nâng cao thể chất "
               "nhân dân; phòng chống suy dinh dưỡng", "phu_luc"),
        ("B5", "Biểu 5: Tiến độ thực hiện các hoạt động phối hợp quân dân y", "phu_luc"),
        ("B6", "Biểu 6: Chỉ tiêu giao các phường về công tác y tế năm 2021", "phu_luc"),
    ],
    "muong_khuong": [
        ("I", "MỤC TIÊU", "muc_tieu"),
        ("II", "NHIỆM VỤ", "nhiem_vu"),
        ("III", "GIẢI PHÁP THỰC HIỆN", "giai_phap"),
        ("IV", "TỔ CHỨC THỰC HIỆN", "to_chuc_thuc_hien"),
    ],
}


@pytest.mark.parametrize("name", sorted(TOP))
def test_top_level_sections(corpus_plans, name):
    assert [(s.id, s.title, s.kind) for s in corpus_plans[name].sections] == TOP[name]


def _child_kinds(plan, sid):
    sec = next(s for s in walk(plan.sections) if s.id == sid)
    return [(c.id, c.title, c.kind) for c in sec.children]


def test_goal_subsection_kinds(corpus_plans):
    assert _child_kinds(corpus_plans["hai_phong"], "I") == [
        ("I.1", "Mục đích", "muc_dich"), ("I.2", "Yêu cầu", "yeu_cau")]
    assert _child_kinds(corpus_plans["muong_khuong"], "I") == [
        ("I.1", "Mục tiêu chung", "muc_tieu_chung"), ("I.2", "Mục tiêu cụ thể năm 2023.", "muc_tieu_cu_the")]
    # Long Biên: MỤC TIÊU CHUNG has no subsections; its targets part has four.
    assert _child_kinds(corpus_plans["long_bien"], "I") == []
    assert [k for _, _, k in _child_kinds(corpus_plans["long_bien"], "II")] == [
        "chi_tieu", "chi_tieu", "chi_tieu", "other"]


def test_numbering_gaps_kept(corpus_plans):
    # Mường Khương IV numbers its items 1, 3, 4, 6, 7, 8 and II.1 uses a, b, c, đ.
    assert [c.id for c in corpus_plans["muong_khuong"].sections[3].children] == [
        "IV.1", "IV.3", "IV.4", "IV.6", "IV.7", "IV.8"]
    assert [c.id for c in corpus_plans["muong_khuong"].sections[1].children[0].children] == [
        "II.1.a", "II.1.b", "II.1.c", "II.1.đ"]


def test_decimal_subsections(corpus_plans):
    ids = [c.id for c in _sec(corpus_plans["long_bien"], "III.4").children]
    assert ids == ["III.4.1", "III.4.2", "III.4.3", "III.4.4", "III.4.5", "III.4.6", "III.4.7"]
    assert _sec(corpus_plans["long_bien"], "III.4.5").title == "Công tác y tế trường học"


def test_title_joined_across_page_break(corpus_plans):
    sec = _sec(corpus_plans["hai_phong"], "II.1")
    assert sec.title.endswith("y tế xã giai đoạn đến năm 2030 sâu rộng trong cán bộ và Nhân dân.")


def test_same_line_body_title(corpus_plans):
    # "10. Hội Chữ thập đỏ quận: Phối hợp với y tế ..."
    assert _sec(corpus_plans["long_bien"], "IV.10").title == "Hội Chữ thập đỏ quận"


def _sec(plan, sid):
    return next(s for s in walk(plan.sections) if s.id == sid)


# --------------------------------------------------------------------------
# Layout and coverage


def test_layout_regions_long_bien(corpus_plans):
    plan = corpus_plans["long_bien"]
    lay = plan.metadata.layout
    t = plan.text
    assert t[lay.body.start:].startswith("I. MỤC TIÊU CHUNG")
    assert t[:lay.body.end].endswith("xem xét, điều chỉnh cho phù hợp./.")  # not the appendix end
    assert t[lay.closing.start:].startswith("Nơi nhận:")
    assert t[:lay.closing.end].endswith("Đinh Thị Thu Hương")
    assert t[lay.appendix.start:].startswith("Biểu 1: TIẾN ĐỘ THỰC HIỆN")
    assert t[lay.preamble.start:].startswith("Thực hiện Kế hoạch số 136-KH/QU")
    assert t[:lay.preamble.end].endswith("trên địa bàn quận năm 2021 như sau:")
    assert lay.header.end < lay.preamble.start < lay.body.start < lay.body.end < lay.closing.start \
        < lay.closing.end < lay.appendix.start


@pytest.mark.parametrize("name", ["hai_phong", "long_bien", "muong_khuong"])
def test_every_body_char_in_exactly_one_section(corpus_plans, name):
    plan = corpus_plans[name]
    lay = plan.metadata.layout
    regions = [lay.body] + ([lay.appendix] if lay.appendix else [])
    for region in regions:
        for off in range(region.start, region.end):
            if plan.text[off].isspace():
                continue
            tops = [s for s in plan.sections if off in s.span]
            assert len(tops) == 1, (name, off)
            assert section_at(plan.sections, off) is not None
    for s in walk(plan.sections):
        for a, b in zip(s.children, s.children[1:]):
            assert a.span.end <= b.span.start
        for c in s.children:
            assert s.span.start <= c.span.start and c.span.end <= s.span.end


@pytest.mark.parametrize("name", ["hai_phong", "long_bien", "muong_khuong"])
def test_spans_quote_the_source(corpus_plans, name):
    plan = corpus_plans[name]
    t = plan.text
    for b in plan.metadata.legal_bases:
        assert t[b.span.start:b.span.end] == b.text
        assert b.number.replace(" ", "") in t[b.span.start:b.span.end].replace(" ", "")
    for r in plan.metadata.recipients:
        assert t[r.span.start:r.span.end] == r.text
    sig = plan.metadata.signer
    assert t[sig.span.start:sig.span.end].endswith(sig.name)
    assert "TM. ỦY BAN NHÂN DÂN" in t[sig.span.start:sig.span.end]
    for s in walk(plan.sections):
        heading = " ".join(t[s.heading_span.start:s.heading_span.end].split())
        assert heading.startswith(s.title.split()[0])
        assert s.span.start <= s.heading_span.start <= s.heading_span.end <= s.span.end


def test_legal_basis_text_quotes(corpus_plans):
    b = corpus_plans["long_bien"].metadata.legal_bases[4]
    assert b.text == "Nghị quyết 152/NQ-HĐND ngày 16/12/2020 của Hội đồng nhân dân quận Long Biên"
    b = corpus_plans["muong_khuong"].metadata.legal_bases[0]
    assert b.text == "Kế hoạch số 115/KH-UBND, ngày 26/03/2023 của UBND huyện Mường Khương"


def test_recipient_column_debris_stripped(corpus_plans):
    plan = corpus_plans["long_bien"]
    r = plan.metadata.recipients[1]
    assert r.text == "Thường trực QU-HĐND-UBND"
    line_end = plan.text.index("\n", r.span.end)
    assert plan.text[r.span.end:line_end] == "; | để b.cáo"


@pytest.mark.parametrize("name", ["hai_phong", "long_bien", "muong_khuong"])
def test_no_warnings_on_corpus(corpus_plans, name):
    assert [w.code for w in corpus_plans[name].warnings] == []


# --------------------------------------------------------------------------
# Paragraphs across page breaks


def _paragraphs(plan):
    from vnplan.readers import read_bytes
    from vnplan.structure.lines import classify_all, get_paragraphs

    doc = read_bytes(plan.text.encode("utf-8"), "x.txt")
    return [doc.text[p.start:p.end] for p in get_paragraphs(doc, classify_all(doc))]


def test_sentence_split_by_page_break_is_one_paragraph(corpus_plans):
    paras = _paragraphs(corpus_plans["hai_phong"])
    assert ("Phối hợp với Sở Y tế, Ủy ban nhân dân các quận, huyện và các Sở, ngành liên quan triển khai "
            "thực hiện các quy định về củng cố, hoàn thiện hệ\n\nthống tổ chức bộ máy, biên chế, công tác đào tạo, "
            "bồi dưỡng và thực hiện chế độ, chính sách đối với viên chức tại trạm y tế xã, phường, thị trấn.") in paras
    # A heading broken the same way is one paragraph too.
    assert any(p.startswith("1. Phổ biến") and p.endswith("sâu rộng trong cán bộ và Nhân dân.") for p in paras)
    # A finished sentence followed by a blank line is not joined.
    assert "Trên đây là" not in next(p for p in paras if p.startswith("11. Ủy ban nhân dân"))


def test_paragraph_join_needs_lower_case_and_open_sentence():
    from vnplan.readers import read_bytes
    from vnplan.structure.lines import classify_all, get_paragraphs

    doc = read_bytes("Tỷ lệ đạt trên 95% vào cuối\n\nnăm 2024.\n\nCâu xong.\n\nđoạn mới viết thường.\n".encode(), "x")
    assert [doc.text[p.start:p.end] for p in get_paragraphs(doc, classify_all(doc))] == [
        "Tỷ lệ đạt trên 95% vào cuối\n\nnăm 2024.", "Câu xong.", "đoạn mới viết thường."]


def test_page_number_between_halves_of_a_sentence_is_skipped():
    from vnplan.readers import read_bytes
    from vnplan.structure.lines import classify_all, get_paragraphs

    text = ("- Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin\n\nTrang 2/5\n\n"
            "đạt trên 95% vào năm 2025.\n\n3\n\nCâu mới.\n")
    doc = read_bytes(text.encode(), "x")
    assert [doc.text[p.start:p.end] for p in get_paragraphs(doc, classify_all(doc))] == [
        "- Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin\n\nTrang 2/5\n\n"
        "đạt trên 95% vào năm 2025.", "Câu mới."]


@pytest.mark.parametrize("last,first,joined", [
    ("- Tỷ lệ trẻ em được tiêm chủng đầy đủ các loại vắc xin đạt", "95% vào năm 2025.", True),
    ("- Tỷ lệ xã đạt chuẩn quốc gia về y tế đạt trên", "173/173 xã.", True),
    ("Số giường bệnh tăng lên", "30 giường bệnh.", True),
    ("được tiêm", "chủng đầy đủ.", True),
    # the clause is closed, or the next line is no number with its unit
    ("- Tỷ lệ trẻ em được tiêm chủng đầy đủ", "95% các xã đạt chuẩn.", False),
    ("- Tỷ lệ trẻ em được tiêm chủng đầy đủ đạt 95%.", "100% trạm y tế có bác sĩ.", False),
    ("Các xã tổ chức tiêm chủng đạt", "2025 là năm cuối.", False),
])
def test_sentence_goes_on(last, first, joined):
    from vnplan.structure.lines import sentence_goes_on

    assert sentence_goes_on(last, first) is joined
