"""Every assignment's task and every agency mention is the quoted source (README:
``text[start:end]`` is the quoted source), or, for a value printed over two lines
of a table cell, carries the fragments it is assembled from (issue 7)."""
import pytest

from tests.conftest import PLANS


def _check_parts(text, span, parts):
    assert len(parts) >= 2
    assert all(span.start <= p.start < p.end <= span.end for p in parts)
    assert [p.start for p in parts] == sorted(p.start for p in parts)
    assert parts[0].start == span.start and parts[-1].end == span.end
    for p in parts:
        frag = text[p.start:p.end]
        assert frag == frag.strip() and "\t" not in frag and "\n" not in frag
    return " ".join(text[p.start:p.end] for p in parts)


@pytest.mark.parametrize("name", sorted(PLANS))
def test_assignment_task_is_text_of_span_or_parts(corpus_plans, name):
    plan = corpus_plans[name]
    text = plan.text
    for a in plan.assignments:
        if a.parts is None:
            assert text[a.span.start:a.span.end] == a.task, a.id
        else:
            assert _check_parts(text, a.span, a.parts) == a.task, a.id


@pytest.mark.parametrize("name", sorted(PLANS))
def test_agency_mention_is_text_of_span_or_parts(corpus_plans, name):
    plan = corpus_plans[name]
    text = plan.text
    for ag in plan.agencies:
        assert len(ag.mention_parts) == len(ag.mentions)
        for m, parts in zip(ag.mentions, ag.mention_parts):
            quoted = text[m.start:m.end] if parts is None else _check_parts(text, m, parts)
            assert quoted in ag.aliases, (ag.id, m, quoted)


def test_long_bien_merged_cell_items(corpus_plans):
    plan = corpus_plans["long_bien"]
    text = plan.text
    assembled = [a for a in plan.assignments if a.parts]
    assert {a.task for a in assembled} == {
        "Đưa kết quả thực hiện công tác y tế vào tiêu chí đánh giá thi đua của các trường học trong năm học.",
        "Tổ chức khám tuyển sinh quân sự (Khám sức khỏe đào tạo sĩ quan dự bị, Khám sức khỏe tuyển sinh quân sự); "
        "khám dự bị động viên"}
    by_name = {a.name: a for a in plan.agencies}
    gd = by_name["Phòng Giáo dục và Đào tạo"]
    split = [p for p in gd.mention_parts if p]
    assert [[text[s.start:s.end] for s in p] for p in split] == [["Phòng", "GD&ĐT"]]


HELDOUT = sorted((PLANS["hai_phong"].parent.parent / "tests").glob("heldout*/*.txt"))


@pytest.mark.parametrize("path", HELDOUT, ids=[f"{p.parent.name}/{p.stem}" for p in HELDOUT])
def test_heldout_plans_quote_their_items(path):
    import vnplan

    plan = vnplan.parse(path)
    text = plan.text
    for a in plan.assignments:
        quoted = text[a.span.start:a.span.end] if a.parts is None else _check_parts(text, a.span, a.parts)
        assert quoted == a.task, a.id
    for ag in plan.agencies:
        for m, parts in zip(ag.mentions, ag.mention_parts, strict=True):
            quoted = text[m.start:m.end] if parts is None else _check_parts(text, m, parts)
            assert quoted in ag.aliases, (ag.id, m, quoted)
