"""Bad input: typed errors naming the file, or a warning; never a traceback or silence."""
import pytest

import vnplan
from vnplan.errors import DecodeError, EmptyDocumentError, VnplanError

NEWS = ("Sáng 12/3, tại Hà Nội, Bộ Y tế tổ chức hội nghị tổng kết công tác phòng, chống dịch năm 2023. "
        "Phát biểu tại hội nghị, Thứ trưởng cho biết ngành y tế đã tiêm hơn 2.000 liều vắc xin "
        "cho người dân vùng sâu, vùng xa.\n\nHội nghị kết thúc lúc 11 giờ cùng ngày.\n")


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n", b"\xef\xbb\xbf", b"\xef\xbb\xbf  \r\n"])
def test_empty_file(tmp_path, content):
    f = tmp_path / "plan.txt"
    f.write_bytes(content)
    with pytest.raises(EmptyDocumentError) as err:
        vnplan.parse(f)
    assert str(f) in str(err.value)
    assert "empty" in str(err.value) or "no text" in str(err.value)


def test_empty_text():
    with pytest.raises(EmptyDocumentError, match="plan.txt"):
        vnplan.parse_text("", name="plan.txt")


@pytest.mark.parametrize("content", [
    bytes(range(256)) * 4,                       # binary with NUL bytes
    b"\x00\x01\x02\x03garbage\x00\xff\xfe" * 10,
    b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64,    # an executable
])
def test_binary_file(tmp_path, content):
    f = tmp_path / "blob.txt"
    f.write_bytes(content)
    with pytest.raises(DecodeError) as err:
        vnplan.parse(f)
    assert str(f) in str(err.value)
    assert isinstance(err.value, VnplanError)


def test_missing_file(tmp_path):
    with pytest.raises(VnplanError, match="not found"):
        vnplan.parse(tmp_path / "nope.txt")


def test_news_paragraph_gives_warning_not_exception():
    plan = vnplan.parse_text(NEWS, name="news.txt")
    assert plan.sections == []
    assert [w.code for w in plan.warnings] == ["no_plan_structure"]
    assert plan.metadata.doc_type is None
    assert plan.metadata.title is None
    assert plan.text == NEWS
    from vnplan.schema import validate

    validate(plan.to_dict())


def test_news_with_numbered_list_still_flagged():
    text = NEWS + "\n1. Tiêm chủng cho trẻ em.\n2. Khám sức khỏe người cao tuổi.\n"
    plan = vnplan.parse_text(text, name="news.txt")
    assert "no_plan_structure" in [w.code for w in plan.warnings]


def test_plan_without_numbered_headings():
    text = "KẾ HOẠCH\nTiêm chủng năm 2023\n\n- Tiêm đủ 95% trẻ em.\n- Báo cáo hằng tháng.\n"
    plan = vnplan.parse_text(text, name="short.txt")
    assert plan.metadata.doc_type == "KẾ HOẠCH"
    assert plan.metadata.title == "Tiêm chủng năm 2023"
    assert plan.sections == []
    assert [w.code for w in plan.warnings] == ["no_plan_structure"]


def test_single_line():
    plan = vnplan.parse_text("KẾ HOẠCH", name="one.txt")
    assert plan.metadata.doc_type == "KẾ HOẠCH"
    assert [w.code for w in plan.warnings] == ["no_plan_structure"]
