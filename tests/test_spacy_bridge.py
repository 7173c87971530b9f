"""vnplan.spacy_bridge: the plan as a spaCy Doc with span groups."""
import subprocess
import sys

import pytest

pytest.importorskip("spacy")

from vnplan.model import walk  # noqa: E402
from vnplan.spacy_bridge import to_spacy  # noqa: E402


@pytest.fixture(scope="module")
def doc_and_plan(corpus_plans):
    plan = corpus_plans["long_bien"]
    return to_spacy(plan), plan


def test_doc_text_is_the_plan_text(doc_and_plan):
    doc, plan = doc_and_plan
    assert doc.text == plan.text
    assert doc.lang_ == "vi"


def test_sections_and_targets_are_span_groups(doc_and_plan):
    doc, plan = doc_and_plan
    sections = list(walk(plan.sections))
    assert [s.id_ for s in doc.spans["sections"]] == [s.id for s in sections]
    assert [s.label_ for s in doc.spans["sections"]] == [s.kind for s in sections]
    assert [s.id_ for s in doc.spans["targets"]] == [t.id for t in plan.targets]
    for span, target in zip(doc.spans["targets"], plan.targets):
        # widened to whole tokens: covers the target's text
        assert span.start_char <= target.span.start and target.span.end <= span.end_char
        assert target.text in span.text
    first = doc.spans["headings"][0]
    assert "MỤC TIÊU CHUNG" in first.text and first.id_ == "I"


def test_agency_mentions_and_user_data(doc_and_plan):
    doc, plan = doc_and_plan
    assert len(doc.spans["agencies"]) == sum(len(a.mentions) for a in plan.agencies)
    assert doc.user_data["vnplan"]["metadata"]["number"] == "460/KH-UBND"
    if plan.targets:
        assert doc.user_data["vnplan"]["targets"][plan.targets[0].id]["value"] == plan.targets[0].value


def test_import_vnplan_does_not_import_spacy():
    code = "import sys, vnplan, vnplan.batch, vnplan.cli; print('spacy' in sys.modules)"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "False"
