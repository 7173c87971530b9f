"""Property tests: synthetic plans with random numbering, separators and bodies.

Whatever the numbering (gaps, repeats), separators, decorations and body
lines (bullets, table rows, numbers that look like headings, page-break
continuations), the section tree must reproduce the printed numbering, and
every non-blank character of the body must belong to exactly one section at
each level of the tree.
"""
from hypothesis import HealthCheck, given, settings, strategies as st

import vnplan
from vnplan.model import section_at, walk

ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
LETTERS = list("abcdđeghik")
ROMAN_SEPS = [". ", "- ", " – ", " - ", ".", ": "]
ARABIC_SEPS = [". ", ".", " - ", " – "]
DECOR = [("", ""), ("**", "**"), ("## ", ""), ("# ", "")]
TITLES = ["MỤC ĐÍCH, YÊU CẦU", "Mục tiêu chung", "NHIỆM VỤ VÀ GIẢI PHÁP", "Tổ chức thực hiện",
          "Kinh phí thực hiện", "Sở Y tế", "Công tác truyền thông (Biểu 2)", "Mục tiêu tổng quát: Tiếp tục nâng cao."]
BODY = [
    "Tăng cường công tác phòng, chống dịch bệnh.",
    "- Tổ chức tập huấn cho cán bộ y tế cơ sở;",
    "+ Kiểm tra, giám sát định kỳ.",
    "* Các chỉ tiêu về dân số:",
    "2.000 người được khám sức khỏe.",
    "2023 là năm bản lề.",
    "V/v triển khai kế hoạch.",
    "1\tTổ chức khám\tTháng 3",
    "Tỷ lệ tiêm chủng đạt trên 95% vào cuối",
    "",
    "năm 2024 theo kế hoạch.",
]

HEAD = "Số: 12/KH-UBND\n\nKẾ HOẠCH\nTriển khai công tác y tế năm 2024\n\nCăn cứ Luật Khám bệnh, chữa bệnh;\n\n"
TAIL = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n"


@st.composite
def numbering(draw, names, lo, hi):
    """Printed numbers with gaps (step 2) and repeats (step 0)."""
    count = draw(st.integers(lo, hi))
    out, k = [], 0
    for i in range(count):
        step = 1 if i == 0 else draw(st.sampled_from([1, 1, 1, 2, 0]))
        k = min(k + step, len(names) - 1) if i else 0
        out.append(names[k])
    return out


@st.composite
def plans(draw):
    lines, expected = [], []
    body = st.lists(st.sampled_from(BODY), max_size=4)
    for roman in draw(numbering(ROMANS, 1, 4)):
        pre, post = draw(st.sampled_from(DECOR))
        sep = draw(st.sampled_from(ROMAN_SEPS))
        lines.append(f"{pre}{roman}{sep}{draw(st.sampled_from(TITLES)).upper()}{post}")
        lines.extend(draw(body))
        kids = []
        for num in draw(numbering([str(i) for i in range(1, 13)], 0, 4)):
            sep = draw(st.sampled_from(ARABIC_SEPS))
            lines.append(f"{num}{sep}{draw(st.sampled_from(TITLES))}")
            lines.extend(draw(body))
            grandkids = []
            for letter in draw(numbering(LETTERS, 0, 3)):
                lines.append(f"{letter}) {draw(st.sampled_from(TITLES))}")
                lines.extend(draw(body))
                grandkids.append(letter)
            kids.append((num, grandkids))
        expected.append((roman, kids))
    return "\n".join(lines), expected


def _ids(printed):
    """Ids as the builder should assign them: repeats get ~2, ~3 ..."""
    seen, out = {}, []
    for p in printed:
        seen[p] = seen.get(p, 0) + 1
        out.append(p if seen[p] == 1 else f"{p}~{seen[p]}")
    return out


def _expected_tree(expected):
    out = []
    for rid, (roman, kids) in zip(_ids([r for r, _ in expected]), expected):
        child_ids = _ids([f"{rid}.{n}" for n, _ in kids])
        children = []
        for cid, (_, letters) in zip(child_ids, kids):
            children.append((cid, _ids([f"{cid}.{x}" for x in letters])))
        out.append((rid, children))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_tree_and_coverage(case):
    body, expected = case
    plan = vnplan.parse_text(HEAD + body + TAIL, name="prop.txt")
    got = [(s.id, [(c.id, [g.id for g in c.children]) for c in s.children]) for s in plan.sections]
    assert got == _expected_tree(expected)

    text, lay = plan.text, plan.metadata.layout
    assert (lay.body.start, lay.body.end) == (len(HEAD), len(HEAD) + len(body.rstrip()))
    for off in range(lay.body.start, lay.body.end):
        if text[off].isspace():
            continue
        assert len([s for s in plan.sections if off in s.span]) == 1, off
        assert section_at(plan.sections, off) is not None
    for s in walk(plan.sections):
        assert text[s.span.start:s.span.end] == text[s.span.start:s.span.end].strip()
        for a, b in zip(s.children, s.children[1:]):
            assert a.span.end <= b.span.start
        for c in s.children:
            assert s.span.start <= c.span.start and c.span.end <= s.span.end
    # The closing block and signer are never swallowed by the last section.
    assert plan.sections[-1].span.end <= lay.closing.start
    assert plan.metadata.signer.name == "Nguyễn Văn An"
