"""The JSON Schema describes exactly what to_dict produces."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given

import newsmodel
from newsmodel import strategies as nst
from newsmodel.cli import main


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    """A validator for the article schema, with format checks."""
    schema = newsmodel.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_generated_articles_validate(validator: jsonschema.Draft202012Validator) -> None:
    """to_dict of any valid article validates against the schema."""

    @given(nst.articles())
    def check(article: newsmodel.Article) -> None:
        validator.validate(newsmodel.to_dict(article))

    check()


def test_parsed_seed_validates(validator: jsonschema.Draft202012Validator, seed_text: str) -> None:
    """The parsed seed article validates."""
    validator.validate(newsmodel.to_dict(newsmodel.parse(seed_text)))


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.__setitem__("extra", 1),
        lambda d: d.pop("quotes"),
        lambda d: d.__setitem__("type", "other"),
        lambda d: d.__setitem__("paragraphs", [{"text": "x", "span": {"start": -1, "end": 1}}]),
        lambda d: d.__setitem__("credit", 3),
    ],
)
def test_schema_rejects_what_to_dict_never_produces(
    validator: jsonschema.Draft202012Validator, mutate: Any
) -> None:
    """Extra keys, missing keys, a wrong tag or wrong types fail validation."""
    data = newsmodel.to_dict(newsmodel.Article(text="x"))
    mutate(data)
    assert not validator.is_valid(data)


def test_fields_are_described() -> None:
    """Each property carries the docstring of its attrs field."""
    schema = newsmodel.json_schema()
    assert schema["properties"]["text"]["description"] == "The input, exactly as given."
    span = schema["$defs"]["Span"]["properties"]["start"]
    assert span["description"] == "Offset of the first character."
    assert span["minimum"] == 0


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    """`newsmodel schema` prints the schema; an unknown type is an error."""
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["properties"]["type"] == {"const": "article"}
    assert main(["schema", "nonsense"]) == 2
    assert "known types" in capsys.readouterr().err
