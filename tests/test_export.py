"""Exports: IPTC ninjs (validated against the published 2.2 and 3.1 schemas), JSON-LD, FtM."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest
from hypothesis import given

import newsmodel
from newsmodel import strategies as nst
from newsmodel.cli import main

#: The IPTC ninjs schemas, vendored with their licence (tests/schemas/LICENSE-ninjs).
SCHEMAS = Path(__file__).parent / "schemas"


@pytest.fixture(scope="module", params=["2.2", "3.1"])
def ninjs(request: pytest.FixtureRequest) -> tuple[str, jsonschema.Draft202012Validator]:
    """A validator for one ninjs version, with format checks."""
    version: str = request.param
    schema = json.loads((SCHEMAS / f"ninjs-schema_{version}.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return version, validator


def _uris(item: Any) -> list[str]:
    """Every value under a "uri" or "schema" key, at any depth."""
    if isinstance(item, dict):
        here = [v for k, v in item.items() if k in {"uri", "schema"} and isinstance(v, str)]
        return here + [u for v in item.values() for u in _uris(v)]
    if isinstance(item, list):
        return [u for v in item for u in _uris(v)]
    return []


def test_seed_validates_against_ninjs(
    ninjs: tuple[str, jsonschema.Draft202012Validator], seed_text: str
) -> None:
    """The seed's ninjs export is valid for its version and carries its facts."""
    version, validator = ninjs
    item = newsmodel.to_ninjs(newsmodel.parse(seed_text), version=version)  # type: ignore[arg-type]
    validator.validate(item)
    assert item["standard"]["version"] == version
    assert item["headlines"][0]["value"].startswith("Russia’s Putin visits Kyrgyzstan")
    assert {"name": "Sadyr Japarov", "rel": "speaker"} in item["people"]
    assert {"name": "Kyrgyzstan", "rel": "destination", "literal": "KG"} in item["places"]
    infosources = item["infosources" if version == "2.2" else "infoSources"]
    assert infosources == [{"name": "Reuters", "role": "source"}]
    assert all(urlsplit(u).scheme for u in _uris(item))


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.pop("uri"),
        lambda d: d.__setitem__("headline", "not a ninjs property"),
        lambda d: d.__setitem__("type", "article"),
        lambda d: d["bodies"][0].__setitem__("words", 3),
    ],
)
def test_ninjs_validation_can_fail(
    ninjs: tuple[str, jsonschema.Draft202012Validator], seed_text: str, mutate: Any
) -> None:
    """The vendored schema is really applied: a broken item is rejected."""
    version, validator = ninjs
    item = newsmodel.to_ninjs(newsmodel.parse(seed_text), version=version)  # type: ignore[arg-type]
    mutate(item)
    assert not validator.is_valid(item)


def test_ninjs_rejects_unknown_versions() -> None:
    """Only the versions it writes are accepted."""
    with pytest.raises(ValueError, match="ninjs version"):
        newsmodel.to_ninjs(newsmodel.Article(text="x"), version="1.0")  # type: ignore[arg-type]


#: NewsArticle properties (schema.org) and the types the export uses, for a structural check.
_JSONLD_PROPERTIES = {
    "@context",
    "@type",
    "identifier",
    "inLanguage",
    "url",
    "headline",
    "dateline",
    "datePublished",
    "locationCreated",
    "author",
    "sourceOrganization",
    "articleBody",
    "wordCount",
    "mentions",
    "hasPart",
}
_JSONLD_TYPES = {"Place", "PostalAddress", "Person", "Organization", "Country", "Quotation"}


def _types(value: Any) -> set[str]:
    if isinstance(value, dict):
        here = {value["@type"]} if "@type" in value else set()
        return here | {t for v in value.values() for t in _types(v)}
    if isinstance(value, list):
        return {t for v in value for t in _types(v)}
    return set()


def test_seed_jsonld(seed_text: str) -> None:
    """The seed as a NewsArticle: headline, date, credit, body, people, countries, quotations."""
    doc = newsmodel.to_jsonld(newsmodel.parse(seed_text), url="https://example.org/a")
    assert doc["@context"] == "https://schema.org"
    assert doc["datePublished"] == "2024-06-25"
    assert doc["sourceOrganization"] == {"@type": "Organization", "name": "Reuters"}
    assert {"@type": "Country", "name": "Kyrgyzstan", "identifier": "KG"} in doc["mentions"]
    speakers = {q["spokenByCharacter"]["name"] for q in doc["hasPart"]}
    assert speakers == {"Vladimir Putin", "Sadyr Japarov"}
    assert set(doc) <= _JSONLD_PROPERTIES
    assert _types(doc) - {"NewsArticle"} <= _JSONLD_TYPES


#: The FtM properties the export may write, per schema (a subset of the FtM model).
_FTM_PROPERTIES = {
    "LegalEntity": {"name", "country"},
    "Sanction": {
        "entity",
        "authority",
        "country",
        "provisions",
        "status",
        "reason",
        "startDate",
        "endDate",
        "summary",
        "sourceUrl",
    },
}


def _check_ftm(records: list[dict[str, Any]]) -> None:
    ids = {r["id"] for r in records}
    assert len(ids) == len(records)
    for record in records:
        assert set(record) == {"id", "schema", "properties"}
        props = record["properties"]
        assert set(props) <= _FTM_PROPERTIES[record["schema"]]
        assert all(
            isinstance(v, list) and all(isinstance(x, str) for x in v) for v in props.values()
        )
        for code in props.get("country", []):
            assert code == code.lower()
            assert len(code) == 2
        if record["schema"] == "Sanction":
            assert props["entity"][0] in ids


def test_seed_sanction_records(seed_text: str) -> None:
    """Each targeted sanction gives a Sanction pointing at a LegalEntity, FtM-style."""
    records = newsmodel.sanction_records(newsmodel.parse(seed_text), source_url="https://x.org/a")
    _check_ftm(records)
    sanctions = [r["properties"] for r in records if r["schema"] == "Sanction"]
    us = next(s for s in sanctions if s.get("country") == ["us"])
    assert us["startDate"] == ["2023-07"]
    assert us["status"] == ["imposed"]
    assert us["sourceUrl"] == ["https://x.org/a"]
    assert records == newsmodel.sanction_records(
        newsmodel.parse(seed_text), source_url="https://x.org/a"
    )


def _validator(version: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / f"ninjs-schema_{version}.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_generated_articles_export_validly() -> None:
    """Any valid article (every field type drawn) gives valid ninjs 2.2 and 3.1, JSON-LD with
    only NewsArticle properties, and well-formed FtM records for each targeted sanction."""
    validators = {version: _validator(version) for version in ("2.2", "3.1")}

    @given(nst.articles())
    def check(article: newsmodel.Article) -> None:
        for version, validator in validators.items():
            item = newsmodel.to_ninjs(article, version=version)  # type: ignore[arg-type]
            validator.validate(item)
            assert all(urlsplit(u).scheme for u in _uris(item))
        doc = newsmodel.to_jsonld(article)
        assert json.loads(json.dumps(doc)) == doc
        assert set(doc) <= _JSONLD_PROPERTIES
        assert _types(doc) - {"NewsArticle"} <= _JSONLD_TYPES
        records = newsmodel.sanction_records(article)
        _check_ftm(records)
        targeted = [s for s in article.sanctions if s.target or s.target_country]
        assert len(records) == 2 * len(targeted)

    check()


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("ninjs", lambda out: json.loads(out)["standard"]["version"] == "2.2"),
        ("jsonld", lambda out: json.loads(out)["@type"] == "NewsArticle"),
        ("ftm", lambda out: all(json.loads(line)["id"] for line in out.splitlines())),
        ("html", lambda out: out.startswith("<!DOCTYPE html>")),
    ],
)
def test_cli_formats(
    fmt: str, check: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_text: str
) -> None:
    """`newsmodel parse --format ninjs|jsonld|ftm|html` prints the export."""
    path = tmp_path / "a.txt"
    path.write_text(seed_text, encoding="utf-8")
    assert main(["parse", str(path), "--format", fmt]) == 0
    assert check(capsys.readouterr().out)


def test_cli_ninjs_version(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--ninjs-version 3.1 writes camelCase ninjs 3.1."""
    path = tmp_path / "a.txt"
    path.write_text("Rain fell in Paris.", encoding="utf-8")
    assert main(["parse", str(path), "--format", "ninjs", "--ninjs-version", "3.1"]) == 0
    item = json.loads(capsys.readouterr().out)
    assert item["standard"]["version"] == "3.1"
    assert "representationType" in item
