"""The worked example, examples/newsmodel-earnings, installed as a real plugin.

CI installs it with pip before the tests (.ci/run); elsewhere these tests skip, saying
how to install it. Under CI a missing plugin is a failure, so CI always runs them.
"""

from __future__ import annotations

import importlib.metadata as metadata
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given

import newsmodel
from newsmodel import plugins
from newsmodel.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "newsmodel-earnings"

try:
    metadata.distribution("newsmodel-earnings")
except metadata.PackageNotFoundError:
    if os.environ.get("CI"):
        raise RuntimeError(
            "newsmodel-earnings is not installed: .ci/run must pip install it from examples/"
        ) from None
    pytest.skip(
        f"the example plugin is not installed: pip install {EXAMPLE}", allow_module_level=True
    )

REPORT = """Acme results beat forecasts

NEW YORK, Oct 24, 2024 (Reuters) - Acme Corp said its net profit rose 12% to $1.2 billion
in the third quarter, while revenue climbed 5.5 percent to $10.4 billion.

Earnings per share were $1.05, and operating profit fell 3% to €450 mln.

"We had a strong quarter," the chief executive said.
"""


def test_discovered_through_its_entry_points() -> None:
    """The installed distribution declares the extractor and the article type."""
    found = {(p.group, p.name): p.distribution for p in plugins.plugins()}
    assert found[("newsmodel.extractors", "earnings_figures")] == "newsmodel-earnings"
    assert found[("newsmodel.article_types", "earnings")] == "newsmodel-earnings"
    assert "earnings_figures" in newsmodel.extractor_names()


def test_parses_as_an_earnings_report() -> None:
    """parse(as_type="earnings") runs the built-ins and the plugin's extractor."""
    report = newsmodel.parse(REPORT, as_type="earnings")
    assert type(report).__name__ == "EarningsReport"
    assert type(report).__module__ == "newsmodel_earnings.model"
    figures = report.figures  # type: ignore[attr-defined]
    assert [f.metric for f in figures] == [
        "net income",
        "revenue",
        "earnings per share",
        "operating profit",
    ]
    net = figures[0]
    assert net.amount.value == Decimal("1200000000")
    assert net.amount.currency == "USD"
    assert (net.change.direction, net.change.percent) == ("up", Decimal("12"))
    assert net.period is not None
    assert report.surface(net.period.span) == "the third quarter"
    assert figures[3].change.direction == "down"
    assert figures[3].amount.currency == "EUR"
    assert any(q.text.startswith("We had a strong quarter") for q in report.quotes)
    assert report.dateline is not None


@pytest.mark.parametrize(
    "text",
    [
        "Revenue was not disclosed.",  # a metric with no number
        "The company paid $5 million for a building.",  # money with no metric
        "",
    ],
)
def test_no_figure_without_metric_and_number(text: str) -> None:
    """Only a metric followed by an amount or a change is a figure."""
    assert newsmodel.parse(text, as_type="earnings").figures == ()  # type: ignore[attr-defined]


def test_round_trips_through_json_by_its_tag() -> None:
    """The report's JSON carries "type": "earnings" and reads back equal."""
    report = newsmodel.parse(REPORT, as_type="earnings")
    text = newsmodel.to_json(report)
    assert json.loads(text)["type"] == "earnings"
    assert newsmodel.from_json(text) == report


def test_property_round_trip_and_schema() -> None:
    """Generated reports (newsmodel.strategies + the plugin's) round-trip and fit the schema."""
    import jsonschema
    from newsmodel_earnings.strategies import earnings_reports

    validator = jsonschema.Draft202012Validator(
        newsmodel.json_schema("earnings"), format_checker=jsonschema.FormatChecker()
    )

    @given(earnings_reports())
    def check(report: newsmodel.Article) -> None:
        data = newsmodel.to_dict(report)
        validator.validate(data)
        assert newsmodel.from_dict(data) == report

    check()


def test_cli_parses_with_the_plugin_type(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`newsmodel parse --type earnings` writes the report with its figures."""
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert main(["parse", str(path), "--type", "earnings"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["type"] == "earnings"
    assert len(data["figures"]) == 4


def test_html_view_shows_plugin_facts() -> None:
    """The HTML view highlights the extension's facts as a kind of their own."""
    page = newsmodel.render_html(newsmodel.parse(REPORT, as_type="earnings"))
    assert page.count("data-kind='figures'") == 4


def test_fresh_process_loads_the_plugin_lazily(tmp_path: Path) -> None:
    """In a new interpreter, importing newsmodel imports no plugin; from_json of an
    earnings report then loads the type through its entry point."""
    stored = tmp_path / "report.json"
    stored.write_text(newsmodel.to_json(newsmodel.parse(REPORT, as_type="earnings")), "utf-8")
    script = (
        "import sys, newsmodel\n"
        "assert 'newsmodel_earnings' not in sys.modules\n"
        "names = newsmodel.extractor_names()\n"
        "assert 'earnings_figures' in names and 'newsmodel_earnings' not in sys.modules\n"
        f"report = newsmodel.from_json(open({str(stored)!r}, encoding='utf-8').read())\n"
        "print(type(report).__module__, len(report.figures))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.split() == ["newsmodel_earnings.model", "4"]
