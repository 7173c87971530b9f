import pytest

from vnplan.text.normalise import key


@pytest.mark.parametrize("a,b", [
    ("hoà", "hòa"), ("Uỷ ban", "Ủy ban"), ("khoẻ", "khỏe"), ("THUỶ", "thủy"),
    ("Sở Tài chính – Kế hoạch", "sở tài chính - kế hoạch"),
])
def test_tone_placement_and_case_fold_to_one_key(a, b):
    assert key(a) == key(b)


@pytest.mark.parametrize("word", ["hoạch", "toàn", "khoản", "hoàn thành", "huỳnh"])
def test_closed_syllables_keep_their_tone_position(word):
    assert key(word) == word


def test_key_preserves_length():
    text = "ỦY BAN NHÂN DÂN – Uỷ ban hoà bình\u00a0khoẻ"
    assert len(key(text)) == len(text)
