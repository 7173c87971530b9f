from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
PLANS = {
    "hai_phong": CORPUS / "hai-phong-2024-tieu-chi-y-te-xa.txt",
    "long_bien": CORPUS / "long-bien-2021-y-te.txt",
    "muong_khuong": CORPUS / "muong-khuong-2023-suc-khoe.txt",
}


@pytest.fixture(scope="session")
def corpus_plans():
    """The three corpus plans, parsed once per test session."""
    import vnplan

    return {name: vnplan.parse(path) for name, path in PLANS.items()}
