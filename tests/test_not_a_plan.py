"""Text that is not a plan parses to a plan with a warning and no invented facts.

The samples are short realistic Vietnamese texts of other genres: they carry numbers,
percentages, years and agency names, so a careless extractor would invent targets.
"""
import pytest

import vnplan
from conftest import PLANS

NEWS = """Hà Nội: Giá xăng tăng lần thứ ba liên tiếp

Thứ Năm, 12/9/2024 - 15:30

Từ 15h chiều nay, giá xăng RON95 tăng 450 đồng mỗi lít, lên 23.150 đồng. Đây là lần tăng thứ ba liên tiếp kể từ đầu tháng.

Theo Bộ Công Thương, giá dầu thế giới trong kỳ điều hành vừa qua tăng khoảng 3% do lo ngại nguồn cung tại Trung Đông. Liên Bộ Công Thương - Tài chính quyết định không trích lập Quỹ bình ổn giá.

Anh Nguyễn Văn Hùng, tài xế công nghệ ở quận Cầu Giấy, cho biết chi phí nhiên liệu chiếm gần 40% thu nhập mỗi ngày của anh. "Giá tăng thế này thì tháng này chắc chỉ để dành được 2 triệu đồng", anh nói.

Trong 8 tháng đầu năm, chỉ số giá tiêu dùng (CPI) bình quân tăng 4,04% so với cùng kỳ năm trước.

Minh Anh
"""

NOVEL = """Chương 3

Chiều hôm ấy, trời đổ mưa. Lan ngồi bên cửa sổ, nhìn những hạt mưa rơi lộp độp trên mái tôn nhà bên. Đã ba năm kể từ ngày mẹ mất, căn nhà nhỏ ở cuối xóm vẫn vậy, chỉ có cây bàng trước ngõ là cao thêm.

- Con ăn cơm chưa? - Tiếng bố vọng từ dưới bếp.

- Dạ, con chưa đói - Lan đáp, mắt vẫn không rời khỏi khoảng sân ướt.

Năm ấy Lan mười bảy tuổi. Cô học lớp 11, đứng thứ 2 trong lớp, và mơ một ngày được vào đại học ở Hà Nội. Nhưng mỗi lần nghĩ đến món nợ 30 triệu đồng bố vay để chữa bệnh cho mẹ, cô lại thấy giấc mơ ấy xa vời như những vì sao.

Đêm đó, cô viết vào nhật ký: "Mình sẽ cố gắng. Nhất định phải cố gắng."
"""

RECIPE = """Cách làm phở bò Hà Nội

Nguyên liệu (cho 4 người):
1. Xương ống bò: 1,5 kg
2. Thịt bò thăn: 500 g
3. Bánh phở: 1 kg

Cách làm:
1. Rửa sạch xương, chần qua nước sôi khoảng 5 phút.
2. Ninh xương với 5 lít nước trong 6 tiếng, hớt bọt thường xuyên.
3. Nêm khoảng 2 thìa nước mắm, 1 thìa muối cho vừa ăn.
"""

SAMPLES = {"news": NEWS, "novel": NOVEL, "recipe": RECIPE}


@pytest.mark.parametrize("name", list(SAMPLES))
def test_not_a_plan_is_flagged(name):
    plan = vnplan.parse_text(SAMPLES[name], f"{name}.txt")
    codes = [w.code for w in plan.warnings]
    assert "no_plan_structure" in codes
    assert plan.metadata.doc_type is None


@pytest.mark.parametrize("name", list(SAMPLES))
def test_not_a_plan_has_no_invented_targets(name):
    plan = vnplan.parse_text(SAMPLES[name], f"{name}.txt")
    assert [t.text for t in plan.targets] == []


@pytest.mark.parametrize("name", list(SAMPLES))
def test_not_a_plan_has_no_assignments(name):
    plan = vnplan.parse_text(SAMPLES[name], f"{name}.txt")
    assert [a.task for a in plan.assignments] == []


@pytest.mark.parametrize("name", list(SAMPLES))
def test_not_a_plan_has_no_budget(name):
    plan = vnplan.parse_text(SAMPLES[name], f"{name}.txt")
    assert [b.text for b in plan.budget] == []


@pytest.mark.parametrize("name", list(SAMPLES))
def test_not_a_plan_output_is_valid_json(name):
    from vnplan.schema import validate

    plan = vnplan.parse_text(SAMPLES[name], f"{name}.txt")
    validate(plan.to_dict())
    assert plan.text == SAMPLES[name]


def test_strict_raises_not_a_plan_error_naming_the_text():
    from vnplan.errors import NotAPlanError

    with pytest.raises(NotAPlanError) as err:
        vnplan.parse_text(NEWS, "tin-tuc.txt", strict=True)
    assert str(err.value).startswith("tin-tuc.txt: text has no plan structure")


def test_strict_accepts_a_plan():
    plan = vnplan.parse(PLANS["hai_phong"], strict=True)
    assert plan.metadata.doc_type == "KẾ HOẠCH" and plan.sections


def test_strict_cli_is_an_input_error_and_batch_goes_on(tmp_path):
    import shutil
    import subprocess
    import sys

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "news.txt").write_text(NEWS, encoding="utf-8")
    shutil.copy(PLANS["hai_phong"], tmp_path / "in" / "plan.txt")
    one = subprocess.run([sys.executable, "-m", "vnplan.cli", "parse", "--strict", str(tmp_path / "in" / "news.txt")],
                         capture_output=True, text=True)
    assert one.returncode == 3 and one.stderr.strip().endswith("text has no plan structure (no numbered section headings)")
    many = subprocess.run([sys.executable, "-m", "vnplan.cli", "parse", "--strict", "-q", str(tmp_path / "in"),
                           "-o", str(tmp_path / "out")], capture_output=True, text=True)
    assert many.returncode == 3
    assert (tmp_path / "out" / "plan.json").exists() and not (tmp_path / "out" / "news.json").exists()
    assert "NotAPlanError" in (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8")
