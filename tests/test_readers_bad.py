"""Bad real inputs: each its own typed error naming the file."""
import io
import sys
from pathlib import Path

import pytest

import vnplan
from vnplan.errors import (ConverterMissingError, CorruptDocumentError, DecodeError, EmptyDocumentError,
                           EmptyPdfError, EncryptedDocumentError, FileTooLargeError, NoBodyTextError,
                           NoTextLayerError, TruncatedFileError, VnplanError)

sys.path.insert(0, str(Path(__file__).parent))
from formats import build_docx, vietnamese_font  # noqa: E402

PLAN = "KẾ HOẠCH\n\nTiêm chủng năm 2024\n\nI. MỤC ĐÍCH\n\n1. Mục đích\n\nĐạt 95% trẻ em được tiêm chủng đầy đủ.\n"


def _parse_error(path, cls):
    with pytest.raises(cls) as err:
        vnplan.parse(path)
    assert str(path) in str(err.value)
    assert type(err.value) is cls or issubclass(type(err.value), cls)
    return err.value


def _pdf(**kw) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    if kw.get("password"):
        pdf.set_encryption(owner_password="owner", user_password=kw["password"])
    pdf.add_page()
    if kw.get("stamp"):
        pdf.add_font("V", fname=vietnamese_font())
        pdf.set_font("V", size=8)
        pdf.cell(0, 5, kw["stamp"])
    if kw.get("image"):
        from PIL import Image

        buf = io.BytesIO()
        Image.new("L", (300, 400), 200).save(buf, format="PNG")
        buf.seek(0)
        pdf.image(buf, x=10, y=10, w=190)
    else:
        font = vietnamese_font()
        pdf.add_font("V", fname=font)
        pdf.set_font("V", size=11)
        pdf.multi_cell(0, 6, PLAN)
    return bytes(pdf.output())


def test_empty_pdf_named(tmp_path):
    f = tmp_path / "empty.pdf"
    f.write_bytes(b"")
    _parse_error(f, EmptyDocumentError)


def test_zero_page_pdf(tmp_path):
    f = tmp_path / "zero.pdf"
    f.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                  b"trailer<</Root 1 0 R>>\n%%EOF\n")
    err = _parse_error(f, CorruptDocumentError)
    assert "no pages" in str(err) or "corrupt" in str(err)
    assert type(err) is EmptyPdfError and isinstance(err, EmptyDocumentError)  # its own class, both bases kept
    assert str(err) == f"{f}: PDF has no pages (its page tree is empty)"


def test_truncated_pdf(tmp_path):
    f = tmp_path / "cut.pdf"
    f.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Cat")
    err = _parse_error(f, CorruptDocumentError)
    assert type(err) is TruncatedFileError
    assert str(err).startswith(f"{f}: PDF is truncated (")


def test_pdf_cut_in_half(tmp_path):
    data = _pdf()
    f = tmp_path / "half.pdf"
    f.write_bytes(data[: len(data) // 2])
    err = _parse_error(f, TruncatedFileError)
    assert "PDF is truncated" in str(err) and "%%EOF" in str(err)


def test_corrupt_pdf_with_its_end_is_not_truncated(tmp_path):
    f = tmp_path / "junk.pdf"
    f.write_bytes(b"%PDF-1.4\n" + b"garbage " * 200 + b"\n%%EOF\n")
    err = _parse_error(f, CorruptDocumentError)
    assert type(err) is CorruptDocumentError


def test_scanned_pdf_needs_ocr(tmp_path):
    f = tmp_path / "scan.pdf"
    f.write_bytes(_pdf(image=True))
    err = _parse_error(f, NoTextLayerError)
    assert "OCR" in str(err)


def test_scan_with_signature_stamp_needs_ocr(tmp_path):
    # Vietnamese e-government scans carry a digital-signature box as their only text
    f = tmp_path / "signed-scan.pdf"
    f.write_bytes(_pdf(image=True, stamp="Ký bởi: Ủy ban nhân dân tỉnh Lào Cai - Thời gian ký: 12.03.2023 10:15:02"))
    err = _parse_error(f, NoTextLayerError)
    assert "OCR" in str(err) and "scan" in str(err)


def test_encrypted_pdf(tmp_path):
    f = tmp_path / "locked.pdf"
    f.write_bytes(_pdf(password="secret"))
    err = _parse_error(f, EncryptedDocumentError)
    assert "encrypted" in str(err)


def test_readable_pdf_control(tmp_path):
    f = tmp_path / "ok.pdf"
    f.write_bytes(_pdf())
    plan = vnplan.parse(f)
    assert plan.source.format == "pdf"
    assert plan.metadata.doc_type == "KẾ HOẠCH"
    assert [s.id for s in plan.sections] == ["I"]


def test_truncated_docx(tmp_path):
    good = tmp_path / "good.docx"
    build_docx(PLAN, good)
    data = good.read_bytes()
    f = tmp_path / "cut.docx"
    f.write_bytes(data[: len(data) // 2])
    err = _parse_error(f, CorruptDocumentError)
    assert "DOCX" in str(err)
    assert type(err) is TruncatedFileError
    assert str(err).startswith(f"{f}: DOCX is truncated or not a complete zip archive (")


def test_html_without_body_text(tmp_path):
    f = tmp_path / "page.html"
    f.write_text('<!DOCTYPE html><html><head><title>Văn bản</title></head><body><nav><a href="/">Trang chủ</a>'
                 '</nav><div class="toolbar"><button>Tải về</button></div><footer>© 2024</footer></body></html>',
                 encoding="utf-8")
    err = _parse_error(f, NoBodyTextError)
    assert "HTML" in str(err)


def test_undecodable_bytes(tmp_path):
    f = tmp_path / "noise.txt"
    f.write_bytes(bytes(range(128, 256)) * 10)
    _parse_error(f, DecodeError)


@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_file_over_size_limit(tmp_path, suffix):
    f = tmp_path / f"big{suffix}"
    f.write_bytes(PLAN.encode() * 50)
    with pytest.raises(FileTooLargeError) as err:
        vnplan.parse(f, max_bytes=1000)
    assert str(f) in str(err.value) and "1,000" in str(err.value)
    from vnplan.readers import read_bytes

    with pytest.raises(FileTooLargeError, match="big"):
        read_bytes(f.read_bytes(), f.name, max_bytes=1000)


def test_doc_without_libreoffice(tmp_path, monkeypatch):
    import vnplan.readers.doc as doc

    monkeypatch.setattr(doc.shutil, "which", lambda name: None)
    f = tmp_path / "old.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    err = _parse_error(f, ConverterMissingError)
    assert "LibreOffice" in str(err) and "apt-get install" in str(err)


def test_doc_with_converter_uses_it(tmp_path, monkeypatch):
    """With soffice found, the .doc goes through it and the DOCX reader."""
    import subprocess

    import vnplan.readers.doc as doc

    monkeypatch.setattr(doc.shutil, "which", lambda name: "/usr/bin/soffice")

    def fake_run(cmd, **kw):  # stands in for LibreOffice: writes the converted DOCX
        outdir = Path(cmd[cmd.index("--outdir") + 1])
        build_docx(PLAN, outdir / "input.docx")
        return subprocess.CompletedProcess(cmd, 0)

    monkeypatch.setattr(doc.subprocess, "run", fake_run)
    f = tmp_path / "old.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    plan = vnplan.parse(f)
    assert plan.source.format == "doc"
    assert [s.id for s in plan.sections] == ["I"]
    assert plan.sections[0].children[0].id == "I.1"


def test_every_error_is_a_vnplan_error():
    for cls in (CorruptDocumentError, EncryptedDocumentError, NoTextLayerError, ConverterMissingError):
        assert issubclass(cls, VnplanError)


def test_zip_that_is_not_a_docx(tmp_path):
    import zipfile

    from vnplan.errors import UnsupportedFormatError

    f = tmp_path / "plan.docx"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    err = _parse_error(f, UnsupportedFormatError)
    assert "OpenDocument" in str(err)


def test_password_protected_word_file(tmp_path):
    # Word stores a password-protected .docx inside an OLE container with an 'EncryptedPackage' stream
    f = tmp_path / "locked.docx"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512)
    err = _parse_error(f, EncryptedDocumentError)
    assert "encrypted" in str(err)


def test_permission_only_encryption_is_read(tmp_path):
    """Encrypted with an owner password only (printing/copy restrictions): readers open it, so do we."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_encryption(owner_password="owner")
    pdf.add_page()
    pdf.add_font("V", fname=vietnamese_font())
    pdf.set_font("V", size=11)
    for para in PLAN.split("\n\n"):
        pdf.multi_cell(0, 6, para.strip(), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    f = tmp_path / "restricted.pdf"
    f.write_bytes(bytes(pdf.output()))
    plan = vnplan.parse(f)
    assert plan.metadata.doc_type == "KẾ HOẠCH"
    assert [s.id for s in plan.sections] == ["I"]
