"""Equivalence: PDF, DOCX, HTML, TCVN3 and VNI versions of each corpus plan
give the same plan as its clean .txt (issue 5).

The fixtures are built from the corpus text (tests/formats.py): an A4 PDF with
a running header, page numbers, the appendix tables and a sentence broken
across a page; a DOCX whose headings are Word auto-numbered; an HTML page in
portal chrome; the text in TCVN3 and in VNI bytes.
"""
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

import vnplan

sys.path.insert(0, str(Path(__file__).parent))
from formats import UNENCODABLE, build_versions, vietnamese_font  # noqa: E402

CORPUS = sorted((Path(__file__).parent.parent / "corpus").glob("*.txt"))
FORMATS = ["pdf", "docx", "html", "tcvn3", "vni"]


@pytest.fixture(scope="session")
def versions(tmp_path_factory):
    """{(plan stem, format): (parsed plan, build facts)} plus the .txt plans."""
    font = vietnamese_font()
    if font is None:
        pytest.skip("no Vietnamese-capable TTF (pip install font-roboto)")
    out = {}
    for path in CORPUS:
        out[(path.stem, "txt")] = (vnplan.parse(path), {})
        built = build_versions(path.read_text(encoding="utf-8"), tmp_path_factory.mktemp(path.stem[:12]), font)
        for fmt, (file, facts) in built.items():
            out[(path.stem, fmt)] = (vnplan.parse(file), facts)
    return out


def _fold(value, casefold: bool):
    """Value without spans and whitespace differences (and case, for TCVN3)."""
    if isinstance(value, dict):
        return {k: _fold(v, casefold) for k, v in value.items() if k not in ("span", "spans", "mentions", "value_span", "layout", "page")}
    if isinstance(value, list):
        return [_fold(v, casefold) for v in value]
    if isinstance(value, str):
        value = " ".join(unicodedata.normalize("NFC", value).split())
        for ch, repl in UNENCODABLE.items():
            value = value.replace(ch, repl)
        return value.casefold() if casefold else value
    return value


def _pair(versions, stem, fmt):
    return versions[(stem, "txt")][0], versions[(stem, fmt)][0]


CASES = [pytest.param(p.stem, fmt, id=f"{p.stem[:10]}-{fmt}") for p in CORPUS for fmt in FORMATS]


@pytest.mark.parametrize("stem,fmt", CASES)
def test_format_and_encoding_recorded(versions, stem, fmt):
    _, plan = _pair(versions, stem, fmt)
    expected_format = "txt" if fmt in ("tcvn3", "vni") else fmt
    assert plan.source.format == expected_format
    if fmt in ("tcvn3", "vni"):
        assert plan.source.encoding == fmt


@pytest.mark.parametrize("stem,fmt", CASES)
def test_same_metadata(versions, stem, fmt):
    txt, other = _pair(versions, stem, fmt)
    fold = fmt == "tcvn3"  # TCVN3 cannot write toned capitals mid-sentence: compared case-folded
    assert _fold(other.to_dict()["metadata"], fold) == _fold(txt.to_dict()["metadata"], fold)


@pytest.mark.parametrize("stem,fmt", CASES)
def test_same_top_level_sections(versions, stem, fmt):
    txt, other = _pair(versions, stem, fmt)
    assert [(s.id, s.kind) for s in other.sections] == [(s.id, s.kind) for s in txt.sections]
    assert len(txt.sections) >= 2


def _targets(plan, fold):
    """Multiset of (value, indicator): a target found twice must be found twice."""
    return Counter((t["value"], _fold(t["indicator"], fold)) for t in plan.to_dict()["targets"])


@pytest.mark.parametrize("stem,fmt", CASES)
def test_same_targets(versions, stem, fmt):
    txt, other = _pair(versions, stem, fmt)
    fold = fmt == "tcvn3"
    want, got = _targets(txt, fold), _targets(other, fold)
    assert want, "the .txt gives targets"
    share = sum((want & got).values()) / sum(want.values())
    assert share >= 0.98, (share, sorted(want - got, key=str)[:5])
    assert sum(got.values()) <= 1.02 * sum(want.values())  # and no spurious extra targets


def _leads(plan, fold):
    return {_fold(a["name"], fold) for a in plan.to_dict()["agencies"] if "lead" in a["roles"]}


@pytest.mark.parametrize("stem,fmt", CASES)
def test_same_lead_agencies(versions, stem, fmt):
    txt, other = _pair(versions, stem, fmt)
    fold = fmt == "tcvn3"
    assert _leads(txt, fold)
    assert _leads(other, fold) == _leads(txt, fold)


@pytest.mark.parametrize("stem", [p.stem for p in CORPUS])
def test_pdf_pages_and_broken_sentence(versions, stem):
    plan, facts = versions[(stem, "pdf")]
    assert facts["pages"] >= 2
    # the paragraph written across a page break is one paragraph again, and a page starts inside it
    assert facts["broken"] is not None
    start = plan.text.index(facts["broken"])
    from vnplan.readers import read_path

    doc = read_path(plan.source.path)
    assert len(doc.page_starts) == facts["pages"]
    assert any(start < p < start + len(facts["broken"]) for p in doc.page_starts)
    # every target of a PDF has a page, non-decreasing with its offset
    pages = [t.page for t in sorted(plan.targets, key=lambda t: t.span.start)]
    assert pages and all(p is not None and 1 <= p <= facts["pages"] for p in pages)
    assert pages == sorted(pages)
    assert pages == [doc.page_at(t.span.start) for t in sorted(plan.targets, key=lambda t: t.span.start)]
    # running header and page numbers are gone
    assert "Cổng thông tin điện tử - Văn bản" not in plan.text
    assert "Trang 2" not in plan.text


@pytest.mark.parametrize("stem", [p.stem for p in CORPUS])
def test_pdf_every_item_has_a_page(versions, stem):
    """Issue 5: legal bases, recipients, signer and agency mentions carry a page as
    sections, targets, budget and assignments do; null in a .txt."""
    plan, facts = versions[(stem, "pdf")]
    from vnplan.readers import read_path

    doc = read_path(plan.source.path)
    meta = plan.metadata
    items = list(meta.legal_bases) + list(meta.recipients) + [meta.signer] + list(plan.assignments) \
        + list(plan.targets) + list(plan.budget)
    assert meta.legal_bases and meta.recipients and meta.signer.span is not None
    for item in items:
        assert item.page is not None and 1 <= item.page <= facts["pages"]
        assert item.page == doc.page_at(item.span.start)
    for ag in plan.agencies:
        assert ag.mention_pages == [doc.page_at(m.start) for m in ag.mentions]
        assert all(p is not None and 1 <= p <= facts["pages"] for p in ag.mention_pages)
    assert meta.signer.page >= meta.legal_bases[0].page
    txt = versions[(stem, "txt")][0]
    assert all(b.page is None for b in txt.metadata.legal_bases + txt.metadata.recipients)
    assert txt.metadata.signer.page is None
    assert all(p is None for a in txt.agencies for p in a.mention_pages)
    assert all(len(a.mention_pages) == len(a.mentions) for a in txt.agencies)


def test_pdf_tables_come_through(versions):
    stem = next(p.stem for p in CORPUS if "long-bien" in p.stem)
    txt, pdf = _pair(versions, stem, "pdf")
    txt_rows = [ln for ln in txt.text.split("\n") if "\t" in ln]
    pdf_rows = [ln for ln in pdf.text.split("\n") if "\t" in ln]
    assert len(txt_rows) > 20
    same = len(set(txt_rows) & set(pdf_rows)) / len(txt_rows)
    assert same >= 0.9, same


def test_docx_uses_word_numbering(versions):
    for p in CORPUS:
        _, facts = versions[(p.stem, "docx")]
        assert facts["auto_numbered"] >= 5


def test_html_chrome_dropped(versions):
    for p in CORPUS:
        plan, _ = versions[(p.stem, "html")]
        for chrome in ("Trang chủ", "Tải về", "Đánh giá", "Chia sẻ", "Văn bản liên quan", "© 2024", "Tìm kiếm"):
            assert chrome not in plan.text, chrome


def _assignments(plan, fold):
    """Multiset of (agency name, role, deadline) over all assignments (appendix tables included)."""
    d = plan.to_dict()
    names = {a["id"]: _fold(a["name"], fold) for a in d["agencies"]}
    return Counter((names.get(a["agency_id"]), a["role"], str(_fold(a["deadline"], fold))) for a in d["assignments"])


@pytest.mark.parametrize("stem,fmt", CASES)
def test_same_assignments(versions, stem, fmt):
    """Appendix-table and in-text assignments come out of every format (issue 5: tables become the same
    table model in PDFs)."""
    txt, other = _pair(versions, stem, fmt)
    fold = fmt == "tcvn3"
    want, got = _assignments(txt, fold), _assignments(other, fold)
    assert want
    assert sum((want & got).values()) / sum(want.values()) >= 0.98, sorted(want - got, key=str)[:5]


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_parses_each_format(versions, fmt, tmp_path):
    import json

    from vnplan.cli import main

    stem = CORPUS[0].stem
    plan, _ = versions[(stem, fmt)]
    out = tmp_path / "out.json"
    assert main(["parse", plan.source.path, "-o", str(out), "-q"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["source"]["format"] == plan.source.format
    assert data["metadata"] == plan.to_dict()["metadata"]
