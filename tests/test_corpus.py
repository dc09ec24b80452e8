"""Accuracy on the development corpus, when it is beside the project (skipped otherwise).

The corpus is licensed for research use and is not part of newsmodel; these tests
read it from ``../shared`` and hold the scores at or above the release minimums.
"""

from __future__ import annotations

import importlib.util
from types import ModuleType
from typing import Any

import pytest

from .conftest import ROOT

SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
ANNOTATED = SHARED / "corpus" / "annotated.jsonl"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not (SCORER.is_file() and ANNOTATED.is_file()), reason="development corpus not present"
    ),
]


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("newsmodel_corpus_scorer", SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The scorer's table on the annotated development set."""
    out = tmp_path_factory.mktemp("scores") / "scores.json"
    result: dict[str, Any] = _scorer().main([str(ANNOTATED), "--json", str(out)])
    return result


@pytest.mark.parametrize("kind", ["quotes", "sanctions", "trade_figures", "visits"])
def test_fact_f1_minimum(scores: dict[str, Any], kind: str) -> None:
    """Every fact kind reaches F1 0.5 or better on the development set."""
    assert scores[kind]["F1"] >= 0.5, scores[kind]


def test_dateline_place_minimum(scores: dict[str, Any]) -> None:
    """Dateline places are right for at least 90% of the development set."""
    assert scores["dateline"]["place"] >= 0.9, scores["dateline"]
