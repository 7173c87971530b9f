"""PDF reader: paragraphs re-joined, running lines removed, pages recorded."""
import sys
from pathlib import Path

import pytest

from vnplan.readers import read_bytes
from vnplan.readers.pdf import Line, drop_running_lines, join_lines

sys.path.insert(0, str(Path(__file__).parent))
from formats import vietnamese_font  # noqa: E402


def L(text, x0=72, x1=520, top=100, page=0, row=False):
    return Line(text, x0, x1, top, top + 10, page, row)


def test_wrapped_sentence_and_heading():
    pages = [[L("I. MỤC ĐÍCH, YÊU CẦU", x1=250, top=100),
              L("1. Mục đích", x1=150, top=114),
              L("Nâng cao chất lượng chăm sóc sức khỏe ban đầu cho Nhân dân trên địa bàn, phấn đấu", top=128),
              L("đến năm 2025 đạt các chỉ tiêu của Bộ tiêu chí quốc gia về y tế xã.", x1=400, top=142),
              L("- Tiếp tục kiện toàn mạng lưới y tế cơ sở và phát triển kinh tế", top=156),
              L("- xã hội tại các xã khó khăn.", x1=300, top=170)]]
    text, starts = join_lines(pages)
    assert text.split("\n\n") == [
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
        "Nâng cao chất lượng chăm sóc sức khỏe ban đầu cho Nhân dân trên địa bàn, phấn đấu đến năm 2025 đạt các "
        "chỉ tiêu của Bộ tiêu chí quốc gia về y tế xã.",
        "- Tiếp tục kiện toàn mạng lưới y tế cơ sở và phát triển kinh tế - xã hội tại các xã khó khăn.\n"]
    assert starts == [0]


def test_paragraph_spacing_of_a_plan_of_one_line_paragraphs():
    """Most paragraphs one line long, 28 pt apart, lines of a paragraph 17 pt apart: the
    spacing between paragraphs is no line pitch, so a full-width title line and the
    preamble paragraph after it stay apart (they ran together: the title took the
    'Thực hiện ...' sentence, the period its years)."""
    tops = iter(range(100, 2000, 28))
    pages = [[L("KẾ HOẠCH", x1=150, top=next(tops)),
              L("Triển khai tiêm chủng mở rộng và phòng, chống dịch bệnh trên địa bàn xã Tà Xùa năm 2025",
                x1=505, top=next(tops))]]
    top = next(tops)
    pages[0] += [L("Thực hiện Kế hoạch số 35/KH-UBND ngày 15/02/2025 của UBND huyện Bắc Yên về tiêm chủng",
                   x1=520, top=top),
                 L("mở rộng năm 2025, UBND xã Tà Xùa xây dựng Kế hoạch như sau:", x1=380, top=top + 17)]
    for heading in ("I. MỤC TIÊU", "- Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt trên 95%.",
                    "- Không để dịch bệnh lớn xảy ra trên địa bàn xã.", "II. NỘI DUNG HOẠT ĐỘNG",
                    "1. Rà soát, lập danh sách đối tượng tiêm chủng.", "2. Tổ chức tiêm chủng hằng tháng."):
        pages[0].append(L(heading, x1=400, top=next(tops) + 17))
    for _ in range(2):  # two more paragraphs of two lines
        top = next(tops) + 17
        pages[0] += [L("3. Tuyên truyền, vận động người dân đưa trẻ đi tiêm chủng đầy đủ, đúng lịch tại Trạm", top=top),
                     L("Y tế xã và các điểm tiêm chủng lưu động.", x1=300, top=top + 17)]
        next(tops)
    text, _ = join_lines(pages)
    paragraphs = text.split("\n\n")
    assert paragraphs[1] == "Triển khai tiêm chủng mở rộng và phòng, chống dịch bệnh trên địa bàn xã Tà Xùa năm 2025"
    assert paragraphs[2] == ("Thực hiện Kế hoạch số 35/KH-UBND ngày 15/02/2025 của UBND huyện Bắc Yên về tiêm chủng "
                             "mở rộng năm 2025, UBND xã Tà Xùa xây dựng Kế hoạch như sau:")
    assert len(paragraphs) == 11


def test_sentence_across_pages_and_page_starts():
    pages = [[L("Phấn đấu 100% trạm y tế xã có bác sĩ làm việc, 95% trẻ em dưới 1 tuổi được tiêm", top=700)],
             [L("chủng đầy đủ các loại vắc xin.", x1=300, top=80), L("2. Yêu cầu", x1=150, top=100)]]
    text, starts = join_lines(pages)
    assert text == ("Phấn đấu 100% trạm y tế xã có bác sĩ làm việc, 95% trẻ em dưới 1 tuổi được tiêm chủng đầy đủ "
                    "các loại vắc xin.\n\n2. Yêu cầu\n")
    assert starts == [0, text.index("chủng")]


def test_table_rows_consecutive():
    pages = [[L("Biểu 1", x1=120, top=90), L("TT\tNội dung", top=110, row=True), L("1\tTiêm chủng", top=120, row=True),
              L("Ghi chú", x1=120, top=160)]]
    text, _ = join_lines(pages)
    assert text == "Biểu 1\n\nTT\tNội dung\n1\tTiêm chủng\n\nGhi chú\n"


def test_running_header_footer_and_page_numbers_dropped():
    def page(i):
        return [L("CỔNG THÔNG TIN - KẾ HOẠCH 12/KH-UBND", top=20, page=i), L(f"Nội dung trang {i}", top=300, page=i),
                L(f"- {i + 1} -", x0=290, x1=310, top=810, page=i)]

    pages = drop_running_lines([page(0), page(1), page(2)], [842.0] * 3)
    assert [[ln.text for ln in p] for p in pages] == [["Nội dung trang 0"], ["Nội dung trang 1"], ["Nội dung trang 2"]]


def test_real_pdf_pages(tmp_path):
    font = vietnamese_font()
    if font is None:
        pytest.skip("no Vietnamese-capable font")
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("V", fname=font)
    pdf.set_font("V", size=11)
    for body in ("KẾ HOẠCH\nI. MỤC TIÊU", "II. NHIỆM VỤ\nĐạt 95% trẻ em được tiêm chủng."):
        pdf.add_page()
        for para in body.split("\n"):
            pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
    doc = read_bytes(bytes(pdf.output()), "two.pdf")
    assert doc.text == "KẾ HOẠCH\n\nI. MỤC TIÊU\n\nII. NHIỆM VỤ\n\nĐạt 95% trẻ em được tiêm chủng.\n"
    assert doc.page_starts == [0, doc.text.index("II.")]
    assert doc.page_at(doc.text.index("95%")) == 2
    assert doc.source.format == "pdf" and doc.source.encoding is None


HEADER_TXT = """ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
\tĐộc lập - Tự do - Hạnh phúc
Số: 212/KH-UBND\tBình Định, ngày 08 tháng 11 năm 2023

KẾ HOẠCH
Quản lý chất thải rắn và xử lý nước thải sinh hoạt, nước thải công nghiệp trên địa bàn tỉnh Bình Định giai đoạn 2023 - 2025

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

Phấn đấu đến năm 2025 đạt 95% chất thải rắn sinh hoạt đô thị được thu gom, xử lý.

II. NHIỆM VỤ

Sở Tài nguyên và Môi trường chủ trì, phối hợp các sở, ngành triển khai thực hiện.
"""


def test_two_column_header_and_centred_title(tmp_path):
    """A real PDF page layout: issuer | motto columns, a centred title over two lines."""
    font = vietnamese_font()
    if font is None:
        pytest.skip("no Vietnamese-capable font")
    import vnplan
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("V", fname=font)
    pdf.set_margins(20, 15, 20)
    pdf.add_page()
    pdf.set_font("V", size=10)
    for left, right in [("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                        ("", "Độc lập - Tự do - Hạnh phúc"), ("Số: 212/KH-UBND", "Bình Định, ngày 08 tháng 11 năm 2023")]:
        pdf.cell(75, 6, left, align="C")
        pdf.cell(95, 6, right, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("V", size=12)
    pdf.multi_cell(0, 6, "KẾ HOẠCH", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, HEADER_TXT.split("\n")[5], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    for para in [p for p in HEADER_TXT.split("\n")[7:] if p]:
        pdf.multi_cell(0, 6, para, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    f = tmp_path / "binh-dinh.pdf"
    f.write_bytes(bytes(pdf.output()))
    got = vnplan.parse(f)
    want = vnplan.parse_text(HEADER_TXT, name="binh-dinh.txt")
    assert want.metadata.issuer and want.metadata.number
    for field in ("doc_type", "number", "symbol", "issuer", "place", "title"):
        assert getattr(got.metadata, field) == getattr(want.metadata, field), field
    assert got.metadata.date == want.metadata.date
    assert [(s.id, s.kind) for s in got.sections] == [(s.id, s.kind) for s in want.sections]


def test_first_line_indent_and_hanging_indent():
    pages = [[L("Ủy ban nhân dân huyện ban hành kế hoạch thực hiện công tác y tế năm 2024 trên địa bàn", top=100),
              L("huyện như sau, với các nội dung chính dưới đây và các chỉ tiêu cụ thể về tiêm chủng", top=114),
              L("Mục tiêu chung của kế hoạch là nâng cao sức khỏe Nhân dân trên toàn địa bàn huyện.", x0=100, top=128),
              L("- Tăng cường công tác tuyên truyền, vận động Nhân dân tham gia bảo hiểm y tế toàn", top=142),
              L("dân, phấn đấu đạt tỷ lệ bao phủ trên 95% dân số vào cuối năm 2025.", x0=86, x1=400, top=156)]]
    text, _ = join_lines(pages)
    assert text.split("\n\n") == [
        "Ủy ban nhân dân huyện ban hành kế hoạch thực hiện công tác y tế năm 2024 trên địa bàn huyện như sau, với "
        "các nội dung chính dưới đây và các chỉ tiêu cụ thể về tiêm chủng",
        "Mục tiêu chung của kế hoạch là nâng cao sức khỏe Nhân dân trên toàn địa bàn huyện.",
        "- Tăng cường công tác tuyên truyền, vận động Nhân dân tham gia bảo hiểm y tế toàn dân, phấn đấu đạt tỷ lệ "
        "bao phủ trên 95% dân số vào cuối năm 2025.\n"]
