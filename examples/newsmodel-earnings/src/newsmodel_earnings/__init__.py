"""newsmodel-earnings: company results as a newsmodel plugin.

Installing the package is enough: newsmodel finds the ``earnings_figures``
extractor and the ``"earnings"`` article type through their entry points.
"""

from __future__ import annotations

from newsmodel_earnings.extract import EarningsFigureExtractor, find_figures
from newsmodel_earnings.model import EarningsFigure, EarningsReport

__all__ = ["EarningsFigure", "EarningsFigureExtractor", "EarningsReport", "find_figures"]
