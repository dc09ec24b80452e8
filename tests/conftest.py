"""Shared fixtures and Hypothesis profiles (``dev`` locally, ``ci`` under CI=true)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# No per-example deadline: speed is measured by benchmarks/, not asserted in tests, and
# the first parse in a process pays for loading the lexicons and the gazetteer.
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "putin-kyrgyzstan-2024-06-25.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the expected JSON beside each seed article after a reviewed change",
    )


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article's text."""
    return SEED_ARTICLE.read_text(encoding="utf-8")
