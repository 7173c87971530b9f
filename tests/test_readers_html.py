"""HTML reader: document body kept, page chrome dropped, tables as tab rows."""
import pytest

from vnplan.readers import read_bytes, sniff
from vnplan.readers.html import html_to_text


def test_chrome_dropped_body_kept():
    page = """<html><head><title>KH</title><script>track()</script></head><body>
    <div id="header-top"><a>Đăng nhập</a></div><nav><a>Trang chủ</a></nav>
    <div class="wrap has-sidebar"><div class="social-share">Chia sẻ</div>
    <div class="content"><p>KẾ HOẠCH</p><p>Tiêm chủng<br/>năm 2024</p><div><b>I. MỤC ĐÍCH</b></div>
    <p>Đạt   95%
    trẻ em.</p></div><div class="vote-box">Bình chọn</div></div>
    <div role="contentinfo">Bản quyền</div></body></html>"""
    assert html_to_text(page) == "KẾ HOẠCH\n\nTiêm chủng\n\nnăm 2024\n\nI. MỤC ĐÍCH\n\nĐạt 95% trẻ em.\n"


def test_wrapper_with_chrome_like_name_survives():
    # the only wrapper is called "...sidebar..." but holds all the text: never dropped
    page = "<html><body><div class='page-with-sidebar'><p>KẾ HOẠCH</p><p>Nội dung chính của kế hoạch.</p></div></body></html>"
    assert html_to_text(page) == "KẾ HOẠCH\n\nNội dung chính của kế hoạch.\n"


def test_table_rows_and_nested_cells():
    page = ("<html><body><p>Biểu 1</p><table><tr><th>TT</th><th>Nội dung</th></tr>"
            "<tr><td>1</td><td>Khám<br>sức khỏe <table><tr><td>x</td></tr></table></td></tr></table><p>Hết</p></body></html>")
    assert html_to_text(page) == "Biểu 1\n\nTT\tNội dung\n1\tKhám sức khỏe x\n\nHết\n"


def test_meta_charset_legacy_page():
    page = '<html><head><meta charset="windows-1258"></head><body><p>Kế hoạch y tế</p></body></html>'
    from vnplan.text.legacy import encode

    data = encode(page, "windows-1258")  # tones as combining marks, as such pages have them
    doc = read_bytes(data, "p.htm")
    assert doc.source.format == "html"
    assert doc.source.encoding == "windows-1258"
    assert doc.text == "Kế hoạch y tế\n"


@pytest.mark.parametrize("data,fmt", [
    (b"%PDF-1.7\n...", "pdf"), (b"PK\x03\x04rest", "docx"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "doc"),
    (b"<!DOCTYPE html><html>", "html"), (b"\xef\xbb\xbf<html><body>x</body></html>", "html"),
    (b"  <HTML><BODY>x", "html"), ("KẾ HOẠCH".encode(), "txt"),
    # a saved fragment: no <html>, no doctype
    ('<div id="toanvancontent"><p><strong>ỦY BAN NHÂN DÂN</strong></p>'.encode(), "html"),
    (b"\n<p>K\xe1\xba\xbe HO\xe1\xba\xa0CH</p>\n<p>I. M\xe1\xbb\xa4C \xc4\x90\xc3\x8dCH</p>", "html"),
    (b"<!-- saved --><table><tr><td>x</td></tr></table>", "html"),
    # UTF-16 with BOM, both byte orders
    ("\ufeff<!DOCTYPE html><html><body><p>KẾ HOẠCH</p></body></html>".encode("utf-16-le"), "html"),
    ("\ufeff<div><p>KẾ HOẠCH</p></div>".encode("utf-16-be"), "html"),
    ("\ufeffKẾ HOẠCH\nI. MỤC ĐÍCH".encode("utf-16-le"), "txt"),
    # text that mentions or starts with a tag-like word stays text
    ("KẾ HOẠCH\nDùng thẻ <div> và </div> để trình bày.".encode(), "txt"),
    ("<TÊN CƠ QUAN>\nKẾ HOẠCH\nI. MỤC ĐÍCH</p>".encode(), "txt"),
    ("<b>KẾ HOẠCH\nchưa đóng thẻ".encode(), "txt"),
    (b"<1> Chi tieu </1>", "txt"),
])
def test_format_from_magic_bytes(data, fmt):
    assert sniff(data) == fmt


def test_extension_does_not_decide(tmp_path):
    f = tmp_path / "plan.txt"  # an HTML page saved with the wrong extension
    f.write_text("<!DOCTYPE html><html><body><nav>Menu</nav><p>KẾ HOẠCH</p></body></html>", encoding="utf-8")
    from vnplan.readers import read_path

    doc = read_path(f)
    assert doc.source.format == "html"
    assert doc.text == "KẾ HOẠCH\n"


def test_layout_table_read_as_text():
    long = "".join(f"<p>{i}. Nhiệm vụ số {i}: tăng cường công tác tuyên truyền, vận động Nhân dân tham gia.</p>"
                   for i in range(1, 25))
    page = (f"<html><body><table><tr><td class='menu-left'><a>Trang chủ</a></td><td><p>KẾ HOẠCH</p>{long}"
            f"<table><tr><td>TT</td><td>Chỉ tiêu</td></tr><tr><td>1</td><td>95%</td></tr></table></td></tr>"
            f"</table></body></html>")
    text = html_to_text(page)
    lines = text.split("\n")
    assert lines[0] == "KẾ HOẠCH"
    assert "1. Nhiệm vụ số 1: tăng cường công tác tuyên truyền, vận động Nhân dân tham gia." in lines
    assert "Trang chủ" not in text
    assert "TT\tChỉ tiêu\n1\t95%" in text


def test_one_column_table_is_text():
    page = "<html><body><table><tr><td><p>KẾ HOẠCH</p></td></tr><tr><td><p>Năm 2024</p></td></tr></table></body></html>"
    assert html_to_text(page) == "KẾ HOẠCH\n\nNăm 2024\n"


def test_saved_fragment_read_as_html(tmp_path):
    f = tmp_path / "frag.htm"
    f.write_text('<div id="toanvancontent"><p><strong>KẾ HOẠCH</strong></p>\n<p>Tiêm chủng năm 2024</p></div>',
                 encoding="utf-8")
    from vnplan.readers import read_path

    doc = read_path(f)
    assert doc.source.format == "html"
    assert doc.text == "KẾ HOẠCH\n\nTiêm chủng năm 2024\n"


def test_utf16_page_read_as_html():
    page = '<html><head><meta charset="utf-16"></head><body><nav>Menu</nav><p>KẾ HOẠCH</p><p>Năm 2024</p></body></html>'
    doc = read_bytes(("\ufeff" + page).encode("utf-16-le"), "p.htm")
    assert (doc.source.format, doc.source.encoding) == ("html", "utf-16")
    assert doc.text == "KẾ HOẠCH\n\nNăm 2024\n"


LEGACY_PAGE = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset={cs}"></head><body>'
               "<p>KẾ HOẠCH</p><p>Thực hiện Đề án “Chăm sóc sức khỏe” – giai đoạn 2021–2025, đạt 95% trẻ em "
               "được tiêm chủng.</p></body></html>")


@pytest.mark.parametrize("enc", ["tcvn3", "vni"])
@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-1", "ISO-8859-1", "latin-1", "latin1"])
def test_latin1_declared_legacy_page_is_redecoded(enc, charset):
    # old ABC/VNI pages declare Latin-1; curly quotes and dashes sit in 0x80-0x9F
    from vnplan.text.legacy import encode

    doc = read_bytes(encode(LEGACY_PAGE.format(cs=charset), enc), "p.htm")
    assert doc.source.encoding == enc
    assert doc.text == ("KẾ HOẠCH\n\nThực hiện Đề án “Chăm sóc sức khỏe” – giai đoạn 2021–2025, đạt 95% trẻ em "
                        "được tiêm chủng.\n")


def test_latin1_declared_page_quotes_are_punctuation():
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Caf\xe9 \x93menu\x94 \x96 2024</p></body></html>'
    doc = read_bytes(page.encode("latin-1"), "p.htm")
    assert doc.source.encoding == "windows-1252"
    assert doc.text == "Café “menu” – 2024\n"
