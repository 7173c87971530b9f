"""Legacy encodings: TCVN3 (ABC), VNI-Windows, Windows-1258 -> the same NFC text."""
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import vnplan
from vnplan.errors import DecodeError
from vnplan.text import legacy

CORPUS = sorted((Path(__file__).parent.parent / "corpus").glob("*.txt"))
# characters the single-byte encodings cannot hold, and what old files printed instead
UNENCODABLE = {"≥": ">=", "κ": "k"}


def encodable(text: str) -> str:
    for ch, repl in UNENCODABLE.items():
        text = text.replace(ch, repl)
    return text


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "windows-1258"])
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_corpus_round_trip(path, encoding):
    text = encodable(path.read_text(encoding="utf-8"))
    data = legacy.encode(text, encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    decoded, detected = legacy.detect_and_decode(data)
    assert detected == encoding
    assert decoded == text


@pytest.mark.parametrize("sentence,tcvn3", [
    ("KẾ HOẠCH", b"K\xd5 HO\xb9CH"),
    ("Ủy ban nhân dân huyện", b"\xf1y ban nh\xa9n d\xa9n huy\xd6n"),
    ("Đạt 95% trẻ em được tiêm chủng", b"\xa7\xb9t 95% tr\xce em \xae\xad\xeec ti\xaam ch\xf1ng"),
])
def test_tcvn3_known_bytes(sentence, tcvn3):
    assert legacy.encode(sentence, "tcvn3") == tcvn3
    assert legacy.decode_tcvn3(tcvn3) == sentence


@pytest.mark.parametrize("sentence,vni", [
    ("Kế hoạch", "Keá hoaïch"),
    ("Ủy ban nhân dân", "UÛy ban nhaân daân"),
    ("người được", "ngöôøi ñöôïc"),
])
def test_vni_known_bytes(sentence, vni):
    assert legacy.encode(sentence, "vni") == vni.encode("cp1252")
    assert legacy.decode_vni(vni.encode("cp1252")) == sentence


def test_capitals_follow_the_word_and_line():
    assert legacy.decode_tcvn3(legacy.encode("I. MỤC ĐÍCH, YÊU CẦU", "tcvn3")) == "I. MỤC ĐÍCH, YÊU CẦU"
    assert legacy.decode_tcvn3(legacy.encode("HÀ NỘI", "tcvn3")) == "HÀ NỘI"
    assert legacy.decode_tcvn3(legacy.encode("Hà Nội", "tcvn3")) == "Hà Nội"
    assert legacy.decode_tcvn3(legacy.encode("Số: 12/KH-UBND", "tcvn3")) == "Số: 12/KH-UBND"


@pytest.mark.parametrize("line", [
    # header lines of held-out plans whose toned capitals TCVN3 wrote in lower case
    "SỞ Y TẾ",                                  # every toned letter beside one capital only
    "UỶ BAN NHÂN DÂN",
    "TỈNH HÀ TĨNH\tĐộc lập - Tự do - Hạnh phúc",  # a two-column line: the cells vote apart
    "ỦY BAN NHÂN DÂN XÃ LẠC HỒNG\tĐộc lập - Tự do - Hạnh phúc",
    "Số: 412/KH-SYT",                            # the number line stays as printed
    "Sở Y tế tỉnh Lai Châu",
    "Hà Nội",
])
def test_capitals_of_header_lines(line):
    assert legacy.decode_tcvn3(legacy.encode(line, "tcvn3")) == line


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "windows-1258"])
def test_parse_reports_encoding(tmp_path, encoding):
    text = encodable(CORPUS[0].read_text(encoding="utf-8"))
    f = tmp_path / "plan.txt"
    f.write_bytes(legacy.encode(text, encoding))
    from vnplan.readers import read_path

    doc = read_path(f)
    assert doc.source.encoding == encoding
    assert doc.source.format == "txt"
    assert doc.text == text


def test_undecodable_bytes(tmp_path):
    f = tmp_path / "noise.txt"
    f.write_bytes(bytes(range(128, 256)) * 20)
    with pytest.raises(DecodeError) as err:
        vnplan.parse(f)
    assert str(f) in str(err.value)


VIET = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ ,.\n0123456789",
               min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(VIET)
def test_vni_and_cp1258_invert_exactly(text):
    for enc in ("vni", "windows-1258"):
        dec = legacy.decode_vni if enc == "vni" else legacy.decode_cp1258
        assert dec(legacy.encode(text, enc)) == text


@settings(max_examples=60, deadline=None)
@given(VIET)
def test_tcvn3_inverts_lower_case(text):
    # no capitals in the input: only the sentence-start rule may change a letter's case
    out = legacy.decode_tcvn3(legacy.encode(text, "tcvn3"))
    assert out.lower() == text.lower()


FONT_PLAN = ("KẾ HOẠCH\n\nTiêm chủng mở rộng năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n"
             "Phấn đấu đạt 95% trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin.\n")


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_font_encoded_docx_and_html(tmp_path, encoding):
    """Old documents typed with .VnTime (TCVN3) or VNI fonts: the container is
    Unicode but the letters are the font's Latin-1 codes."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from formats import build_docx, build_html
    from vnplan.readers import read_path

    garbled = legacy.encode(FONT_PLAN, encoding).decode("cp1252")
    assert "HO" in garbled and "HOẠCH" not in garbled
    build_docx(garbled, tmp_path / "old.docx")
    build_html(garbled, tmp_path / "old.html")
    for name in ("old.docx", "old.html"):
        doc = read_path(tmp_path / name)
        assert doc.source.encoding == encoding
        assert [ln for ln in doc.text.split("\n") if ln] == [ln for ln in FONT_PLAN.split("\n") if ln]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_font_encoded_pdf_keeps_pages(tmp_path, encoding):
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from formats import vietnamese_font
    from vnplan.readers import read_path

    font = vietnamese_font()
    if font is None:
        pytest.skip("no font")
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("V", fname=font)
    pdf.set_font("V", size=11)
    for body in FONT_PLAN.split("\n\n"):
        pdf.add_page()
        # cell, not multi_cell: fpdf2's multi_cell drops 0xAD (TCVN3 'ư', a soft hyphen in cp1252)
        pdf.cell(0, 6, legacy.encode(body.strip(), encoding).decode("cp1252"))
    f = tmp_path / "old.pdf"
    f.write_bytes(bytes(pdf.output()))
    doc = read_path(f)
    assert doc.source.encoding == encoding
    assert doc.text == FONT_PLAN
    assert doc.page_starts == [0] + [doc.text.index(p) for p in FONT_PLAN.split("\n\n")[1:]]


def test_unicode_text_is_left_alone():
    assert legacy.fix_font_encoding(FONT_PLAN) == (FONT_PLAN, None)
    assert legacy.fix_font_encoding("Annual report 2024, page 3") == ("Annual report 2024, page 3", None)


SHORT_LINES = [
    "Kế hoạch tiêm chủng năm 2024",
    "Kế hoạch",
    "Phòng chống dịch bệnh",
    "Hà Nội",
    "Nơi nhận:",
    "Mục tiêu",
    "Tổ chức thực hiện",
    "Ủy ban nhân dân huyện Bảo Thắng\nKế hoạch tiêm chủng năm 2024",
    "Tỷ lệ trẻ em được tiêm chủng đạt 95%.\nNguyễn Văn A",
]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "windows-1258"])
@pytest.mark.parametrize("text", SHORT_LINES)
def test_short_snippets_detected(text, encoding):
    """One to three lines: VNI read with the TCVN3 table still gives loose
    syllables ('Keỏ hoaùch'); tone placement and vowel nuclei tell them apart."""
    decoded, detected = legacy.detect_and_decode(legacy.encode(text, encoding))
    assert detected == encoding
    assert decoded.lower() == text.lower()  # TCVN3 cannot say every capital


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_short_font_encoded_snippet(encoding):
    text = "Kế hoạch tiêm chủng năm 2024"
    assert legacy.fix_font_encoding(legacy.encode(text, encoding).decode("cp1252")) == (text, encoding)


@pytest.mark.parametrize("word,ok", [
    ("hoạch", True), ("hoá", True), ("hóa", True), ("người", True), ("khuỷu", True), ("tiếng", True),
    ("chuyện", True), ("quốc", True), ("giữa", True),
    ("keỏ", False), ("hoaùch", False), ("tieõm", False), ("naờm", False), ("kêì", False), ("hoàc", False),
])
def test_strict_syllable(word, ok):
    assert legacy.is_strict_syllable(word) is ok
