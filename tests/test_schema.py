"""The JSON contract: schema validity, key order, determinism."""
import json
from pathlib import Path

import pytest

import vnplan
from vnplan.schema import schema, validate

TOP_KEYS = ["schema_version", "source", "metadata", "sections", "targets", "agencies", "assignments",
            "budget", "warnings", "text"]

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PLANS = {
    "hai_phong": CORPUS / "hai-phong-2024-tieu-chi-y-te-xa.txt",
    "long_bien": CORPUS / "long-bien-2021-y-te.txt",
    "muong_khuong": CORPUS / "muong-khuong-2023-suc-khoe.txt",
}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_corpus_output_validates(corpus_plans, name):
    data = corpus_plans[name].to_dict()
    validate(data)
    assert list(data) == TOP_KEYS
    assert data["schema_version"] == "1.0"
    assert data["source"]["format"] == "txt" and len(data["source"]["sha256"]) == 64


@pytest.mark.parametrize("name", sorted(PLANS))
def test_deterministic_json(name):
    a = vnplan.parse(PLANS[name]).to_json()
    b = vnplan.parse(PLANS[name]).to_json()
    assert a == b
    assert json.loads(a)["text"] == PLANS[name].read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_span_in_json_slices_text(corpus_plans, name):
    data = corpus_plans[name].to_dict()
    text = data["text"]

    def spans(obj):
        if isinstance(obj, dict):
            if "text" in obj and isinstance(obj.get("span"), list) and isinstance(obj["text"], str):
                yield obj["text"], obj["span"]
            for v in obj.values():
                yield from spans(v)
        elif isinstance(obj, list):
            for v in obj:
                yield from spans(v)

    found = list(spans(data["metadata"])) + list(spans(data["sections"]))
    assert found  # legal bases and recipients at least
    for quoted, (start, end) in found:
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == quoted


def test_schema_kinds_match_lexicon():
    from vnplan import patterns

    kinds = set(schema()["$defs"]["section"]["properties"]["kind"]["enum"])
    lexicon = {e["kind"] for e in patterns.load("headings")["kinds"]}
    assert lexicon <= kinds
    assert kinds - lexicon == {"other"}


def test_synthetic_outputs_validate():
    for text in ["KẾ HOẠCH\nA\n\nI. MỤC TIÊU\nB.\n\nĐăng nhập\n", "Tin tức.\n", "PHẦN THỨ NHẤT\nA\nI. B\nC\n"]:
        validate(vnplan.parse_text(text).to_dict())
