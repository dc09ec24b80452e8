"""Extractor for trade (not yet implemented: returns nothing)."""

from __future__ import annotations

from typing import Any

from newsmodel.document import Document


def extract(doc: Document) -> dict[str, Any]:
    """Return the fields this extractor finds in *doc*."""
    return {}
