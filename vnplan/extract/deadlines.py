"""Deadlines of assignments: the printed phrase and a normalised form.

``normalize_deadline`` turns a date or month phrase into ISO 8601:
``Trước 10/01/2021`` -> ``before 2021-01-10``; ``Tháng 01/2021`` ->
``2021-01``; ``Tháng 6, 9`` (plan year 2021) -> ``2021-06, 2021-09``;
``Tháng 6, 11-12`` -> ``2021-06, 2021-11/2021-12``; ``Quý I/2025`` ->
``2025-Q1``; ``Năm 2022 Năm 2025`` -> ``2022, 2025``; ``Năm 2024-2025`` ->
``2024/2025``; recurrences as ISO
repeating intervals: ``Hàng năm`` -> ``R/P1Y``, ``Hàng quý`` -> ``R/P3M``,
``Định kỳ 6 tháng`` -> ``R/P6M``. Other phrases (``Thường xuyên``,
``Theo chỉ đạo``) keep ``normalized = None``.

``find_deadline`` finds a deadline phrase inside a task sentence
(``trước ngày 20/01/2021``, ``trước ngày 15 của tháng cuối quý``,
``trong quý II/2024``, ``định kỳ hàng quý``). A bare ``hàng năm`` is not
one: in running text it mostly qualifies a noun (``kế hoạch ... hàng năm``).
"""
from __future__ import annotations

from typing import Optional

import regex

from vnplan.model import Deadline
from vnplan.text.normalise import key

_MONTH_SEP = regex.compile(r"\s*(?:,|và|;)\s*(?:tháng\s*)?")
_ONE_TWO_DIGITS = regex.compile(r"\d{1,2}")
_FOUR_DIGITS = regex.compile(r"\d{4}")
_BARE_YEARS = regex.compile(r"^(\d{4})(?:\s*[-–]\s*(\d{4}))?$")

_Q = key("quý")  # the matching key spells it "qúy"

_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_DATE = regex.compile(r"(?<!\d)(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})(?!\d)")
_MONTH_YEAR = regex.compile(r"tháng\s*(\d{1,2})\s*[/\-]\s*(\d{4})(?!\d)")
_MONTHS = regex.compile(r"tháng\s*((?:\d{1,2}(?:\s*-\s*\d{1,2})?(?:\s*(?:,|và|;)\s*(?:tháng\s*)?)?){1,12})")
_QUARTER = regex.compile(rf"{_Q}\s*(iv|iii|ii|i|[1-4])(?:\s*[/\-]\s*(?:năm\s*)?(\d{{4}}))?(?![\p{{L}}\d])")
_YEAR_SPAN = regex.compile(r"(?<!\d)(\d{4})\s*[-–]\s*(\d{4})(?!\d)")  # "Năm 2024-2025" -> 2024/2025
_YEAR = regex.compile(r"(?:năm|đến|trước)\s*(\d{4})(?!\d)")
_RECUR = [
    (regex.compile(r"(?:hàng|hằng|mỗi) tuần"), "R/P1W"),
    (regex.compile(r"(?:hàng|hằng|mỗi) tháng"), "R/P1M"),
    (regex.compile(rf"(?:hàng|hằng|mỗi) {_Q}"), "R/P3M"),
    (regex.compile(r"(?:định kỳ )?(\d{1,2}) tháng(?: (?:một|1) lần|/lần)?"), None),
    (regex.compile(r"(?:hàng|hằng|mỗi) năm"), "R/P1Y"),
]
_BEFORE = regex.compile(r"^\W*(?:trước|chậm nhất|hạn chót|không muộn hơn)")
# Dates with the month and year as words, as printed in running text: "ngày 30 tháng 4 năm
# 2025", "ngày 31 tháng 01", "tháng 6 năm 2025", "Quý I năm 2025" -> the numeric forms.
_WORD_DATE = regex.compile(r"(?<![\d/])(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?(?![\d/])")
_WORD_MONTH_YEAR = regex.compile(rf"((?:tháng|{_Q})\s+(?:\d{{1,2}}|iv|iii|ii|i))\s+năm\s+(\d{{4}})(?!\d)")


def _numeric_dates(k: str) -> str:
    k = _WORD_DATE.sub(lambda m: f"{m[1]}/{m[2]}" + (f"/{m[3]}" if m[3] else ""), k)
    return _WORD_MONTH_YEAR.sub(lambda m: f"{m[1]}/{m[2]}", k)

# Deadline phrases inside running text.
# A recurrence after a date: "trước ngày 15/12 hằng năm", "trước ngày 25 hằng tháng".
# ... or the year after: "giải ngân ... trước ngày 31/01 năm sau", "trước ngày 15/02 của năm tiếp theo".
_EVERY = r"(?:\s+(?:hàng|hằng|mỗi)\s+(?:năm|tháng|QUY|tuần)|\s+(?:của\s+)?năm\s+(?:sau|tiếp theo|kế tiếp))?"
# A labelled time: "thời gian: Thường xuyên", "thời gian thực hiện: Quý II/2025".
_LABELLED = (r"(?<=thời (?:gian|hạn)(?:\s+(?:thực hiện|hoàn thành))?\s*:\s*)"
             r"(?:thường xuyên|liên tục|hàng năm|hằng năm|hàng QUY|hằng QUY|hàng tháng|hằng tháng|"
             r"(?:trước\s+(?:ngày\s+)?)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?|"
             r"(?:trước\s+)?ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|"
             r"tháng\s+\d{1,2}(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?|QUY\s+(?:iv|iii|ii|i|[1-4])(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?|"
             r"năm\s+\d{4}(?:\s*[-–]\s*\d{4})?)")
_IN_TEXT = regex.compile(
    r"(?:trước|chậm nhất(?: là)?|hoàn thành trong|(?:trong|từ)(?=\s+(?:tháng|QUY)\s+(?:\d|iv|iii|ii|i\b)))\s+(?:ngày\s+)?"
    r"(?:\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?EVERY|\d{1,2}\s+tháng\s+\d{1,2}(?![\d/])(?:\s+năm\s+\d{4})?EVERY|\d{1,2}\s+(?:của\s+)?(?:hàng\s+|hằng\s+)?tháng(?:\s+(?:cuối|đầu))?(?:\s+(?:QUY|năm))?|"
    r"tháng\s+\d{1,2}(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?|QUY\s+(?:iv|iii|ii|i|[1-4])(?:\s*/\s*\d{4}|\s+năm\s+\d{4}|EVERY)|năm\s+\d{4})"
    # a span of school or calendar years is the task's period ("trong năm 2024-2025");
    # a single year is the deadline when it closes the task's clause ("tổ chức diễn tập
    # cấp tỉnh trong Năm 2026."); inside a clause ("trong năm 2021 theo quy định") a scope
    r"|(?:hoàn thành\s+)?trong\s+năm(?:\s+học)?\s+\d{4}\s*[-–]\s*\d{4}"
    r"|trong\s+năm\s+\d{4}(?![\d/])(?=\s*(?:[.;]|$))"
    r"|(?<=\s)năm(?:\s+học)?\s+\d{4}\s*[-–]\s*\d{4}(?=\s*[.;]?\s*$)"  # closing the task sentence
    r"|LABELLED"
    r"|định kỳ\s+(?:hàng|hằng)\s+(?:tháng|QUY|năm)|định kỳ\s+\d{1,2}\s+tháng"
    .replace("EVERY", _EVERY).replace("LABELLED", _LABELLED).replace("QUY", _Q), regex.V1)


def _month_list(text: str, year: Optional[int]) -> Optional[str]:
    m = _MONTHS.search(text)
    if not m:
        return None
    y = f"{year:04d}" if year else "-"
    out = []
    for part in _MONTH_SEP.split(m.group(1).strip(" ,;")):
        nums = [int(x) for x in _ONE_TWO_DIGITS.findall(part)]
        if not nums or not all(1 <= x <= 12 for x in nums):
            return None
        if len(nums) == 2:
            out.append(f"{y}-{nums[0]:02d}/{y}-{nums[1]:02d}")
        else:
            out.append(f"{y}-{nums[0]:02d}")
    return ", ".join(out) if out else None


def normalize_deadline(text: str, year: Optional[int] = None) -> Optional[str]:
    """ISO 8601 form of a deadline phrase, or None when it names no date or period."""
    k = _numeric_dates(" ".join(key(text).split()))
    before = "before " if _BEFORE.match(k) else ""
    if not _FOUR_DIGITS.search(k):  # "Quý I hằng năm", "trước ngày 25 hằng tháng": a recurrence
        every = [(m.start(), iso) for rx, iso in _RECUR[:3] + _RECUR[4:] if (m := rx.search(k))]
        if every:
            return min(every)[1]
    dates = [(int(d), int(mo), int(y)) for d, mo, y in _DATE.findall(k)]
    dates = [x for x in dates if 1 <= x[0] <= 31 and 1 <= x[1] <= 12]
    if dates:
        return before + ", ".join(f"{y:04d}-{mo:02d}-{d:02d}" for d, mo, y in dates)
    months = [(int(mo), int(y)) for mo, y in _MONTH_YEAR.findall(k) if 1 <= int(mo) <= 12]
    if months:
        return before + ", ".join(f"{y:04d}-{mo:02d}" for mo, y in months)
    q = _QUARTER.search(k)
    if q:
        n = _ROMAN_Q.get(q.group(1)) or int(q.group(1))
        y = q.group(2) or (str(year) if year else None)
        return before + (f"{y}-Q{n}" if y else f"Q{n}")
    ml = _month_list(k, year)
    if ml:
        return before + ml
    found = [(m.start(), iso or f"R/P{int(m.group(1))}M") for rx, iso in _RECUR if (m := rx.search(k))]
    if found:
        return min(found)[1]
    spans = _YEAR_SPAN.findall(k)  # "năm học 2020 – 2021, 2021 - 2022" -> 2020/2021, 2021/2022
    if spans:
        return before + ", ".join(f"{a}/{b}" for a, b in spans)
    years = _YEAR.findall(k) or _BARE_YEARS.findall(k)
    if years:
        flat = [y for t in years for y in (t if isinstance(t, tuple) else (t,)) if y]
        return before + ", ".join(flat)
    return None


def deadline_of(text: str, year: Optional[int] = None) -> Optional[Deadline]:
    """Deadline of a table cell (the whole cell is the phrase)."""
    text = " ".join(text.split())
    if not text:
        return None
    return Deadline(text, normalize_deadline(text, year))


def find_deadline(text: str, year: Optional[int] = None) -> Optional[Deadline]:
    """The first deadline phrase in a task sentence, or None. A line break inside the
    sentence (a hard-wrapped or page-broken task: "thời" / "gian: Thường xuyên") is a space."""
    k = key(text).replace("\n", " ")
    m = _IN_TEXT.search(k)
    if not m:
        return None
    phrase = text[m.start():m.end()].strip()
    return Deadline(phrase, normalize_deadline(phrase, year))
