"""Extractor registry, entry-point discovery and article types that declare their extractors."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel import Document, FunctionExtractor, Parser, RegistryError, Span, plugins
from newsmodel import strategies as nst
from newsmodel.typing import Extractor


def _bangs(doc: Document) -> dict[str, Any]:
    """Every "!" as a Bang fact."""
    found = [Bang(span=Span(start=i, end=i + 1)) for i, c in enumerate(doc.text) if c == "!"]
    return {"bangs": found}


@attrs.frozen(kw_only=True)
class Bang:
    """An exclamation mark."""

    span: Span
    """Where it stands."""
    loud: bool = True
    """Always loud."""


BANGS = newsmodel.register_extractor(FunctionExtractor(name="test_bangs", function=_bangs))


@newsmodel.register_article_type("test-shouting", extractors=("layout", "test_bangs"))
@attrs.frozen(kw_only=True)
class Shouting(newsmodel.Article):
    """An article with its exclamation marks."""

    bangs: tuple[Bang, ...] = attrs.field(default=(), converter=tuple)
    """Every exclamation mark, in text order."""


@newsmodel.register_article_type("test-loud-shouting")
@attrs.frozen(kw_only=True)
class LoudShouting(Shouting):
    """Inherits its base's extractors."""


class CountingExtractor:
    """A class-based extractor, as a plugin would write it."""

    name = "test_counting"

    def extract(self, doc: Document) -> Mapping[str, Any]:
        """Fill nothing."""
        return {}


def test_a_class_with_name_and_extract_is_an_extractor() -> None:
    """The public protocol is runtime-checkable; FunctionExtractor and plain classes satisfy it."""
    assert isinstance(CountingExtractor(), Extractor)
    assert isinstance(BANGS, Extractor)
    assert not isinstance(print, Extractor)


def test_builtins_are_registered_in_pipeline_order() -> None:
    """The built-in steps are in the registry, and Article declares them in order."""
    assert set(plugins.BUILTIN_EXTRACTORS) <= set(newsmodel.extractor_names())
    assert newsmodel.declared_extractors(newsmodel.Article) == plugins.BUILTIN_EXTRACTORS
    assert [e.name for e in Parser().extractors] == list(plugins.BUILTIN_EXTRACTORS)


@pytest.mark.parametrize(
    ("name", "replace", "error"),
    [
        ("test_bangs", False, None),  # the same object again: harmless
        ("quotes", False, "already registered"),  # a built-in needs replace=True
        ("test_other", False, None),
    ],
)
def test_register_extractor(name: str, replace: bool, error: str | None) -> None:
    """A name can be registered once; re-registering the same step is harmless."""
    step = BANGS if name == "test_bangs" else FunctionExtractor(name=name, function=_bangs)
    if error:
        with pytest.raises(RegistryError, match=error):
            newsmodel.register_extractor(step, replace=replace)
    else:
        assert newsmodel.register_extractor(step, replace=replace) is step
        assert newsmodel.get_extractor(name) is step


def test_register_rejects_non_extractors() -> None:
    """Objects without name and extract cannot be registered."""
    with pytest.raises(RegistryError, match="not an Extractor"):
        newsmodel.register_extractor(print)  # type: ignore[arg-type]


def test_unknown_extractor_lists_known_names() -> None:
    """Asking for an unknown name says which names exist."""
    with pytest.raises(RegistryError, match=r"known extractors: .*quotes"):
        newsmodel.get_extractor("no_such_step")


def test_article_type_declares_its_extractors() -> None:
    """A type's declared steps run for it; a subclass inherits its base's list."""
    assert newsmodel.declared_extractors(Shouting) == ("layout", "test_bangs")
    assert newsmodel.declared_extractors(LoudShouting) == ("layout", "test_bangs")
    article = newsmodel.parse("Go! Now!", as_type=Shouting)
    assert isinstance(article, Shouting)
    assert [b.span.start for b in article.bangs] == [2, 7]
    assert article.quotes == ()  # quotes is not declared, so it did not run


@pytest.mark.parametrize("as_type", [Shouting, "test-shouting", LoudShouting])
def test_parse_as_type_by_class_or_tag(as_type: type[newsmodel.Article] | str) -> None:
    """parse(as_type=) takes the class or its tag and returns that type."""
    article = newsmodel.parse("Hi!", as_type=as_type)
    expected = newsmodel.article_type_for(as_type) if isinstance(as_type, str) else as_type
    assert type(article) is expected
    assert len(article.bangs) == 1  # type: ignore[attr-defined]


def test_parser_for_a_type_and_explicit_steps() -> None:
    """Parser(article_type=) runs the type's steps; explicit extractors= run exactly those."""
    declared = Parser(article_type=Shouting)
    assert declared.declared
    assert [e.name for e in declared.extractors] == ["layout", "test_bangs"]
    explicit = Parser(extractors=[BANGS])
    article = explicit.parse("Yes!", as_type="test-shouting")
    assert isinstance(article, Shouting)
    assert article.dateline is None
    assert len(article.bangs) == 1
    assert not explicit.declared
    # Parser().parse(as_type=) switches to the declared steps of that type.
    assert len(Parser().parse("Yes!", as_type=Shouting).bangs) == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("as_type", "error"),
    [("no-such-type", "unknown article type"), (int, "not an Article type")],
)
def test_parse_as_an_unknown_type_fails_clearly(as_type: Any, error: str) -> None:
    """An unknown tag or a class that is no Article is refused with a clear message."""
    with pytest.raises(newsmodel.NewsmodelError, match=error):
        newsmodel.parse("text", as_type=as_type)


def test_a_type_declaring_an_unknown_step_fails_at_parser_construction() -> None:
    """A declared step that no registry or plugin knows is reported when the parser is built."""

    @newsmodel.register_article_type("test-broken", extractors=("layout", "no_such_step"))
    @attrs.frozen(kw_only=True)
    class Broken(newsmodel.Article):
        """Declares a step nobody provides."""

    with pytest.raises(RegistryError, match="no_such_step"):
        Parser(article_type=Broken)


@pytest.mark.parametrize("bad", ["layout", ["layout", "layout"], ["", "x"]])
def test_declared_extractors_must_be_names(bad: Any) -> None:
    """extractors= is a sequence of distinct non-empty names (a bare string is refused)."""
    with pytest.raises(RegistryError):
        newsmodel.register_article_type("test-bad-steps", extractors=bad)


def test_registered_type_round_trips_and_has_a_schema() -> None:
    """A type with an extra fact list round-trips and its schema is tight and describes it."""
    article = newsmodel.parse("Wow! Yes!", as_type=Shouting)
    assert newsmodel.from_json(newsmodel.to_json(article)) == article
    schema = newsmodel.json_schema("test-shouting")
    assert schema["properties"]["type"] == {"const": "test-shouting"}
    bang = schema["$defs"]["Bang"]
    assert bang["additionalProperties"] is False
    assert bang["required"] == ["span", "loud"]
    assert bang["properties"]["loud"]["description"] == "Always loud."
    jsonschema.Draft202012Validator(schema).validate(newsmodel.to_dict(article))


def test_generated_extension_articles_validate_against_their_schema() -> None:
    """to_dict of any generated Shouting validates; a stray key in a Bang does not."""
    validator = jsonschema.Draft202012Validator(
        newsmodel.json_schema(Shouting), format_checker=jsonschema.FormatChecker()
    )

    def add_bangs(article: newsmodel.Article) -> st.SearchStrategy[newsmodel.Article]:
        bangs = st.lists(st.builds(Bang, span=nst.spans(len(article.text))), max_size=3)
        ordered = bangs.map(lambda items: tuple(sorted(items, key=lambda b: b.span.start)))
        return ordered.map(lambda found: attrs.evolve(article, bangs=found))

    @given(nst.articles(Shouting).flatmap(add_bangs))
    def check(article: newsmodel.Article) -> None:
        data = newsmodel.to_dict(article)
        validator.validate(data)
        assert newsmodel.from_dict(data) == article

    check()
    data = newsmodel.to_dict(Shouting(text="!", bangs=[Bang(span=Span(start=0, end=1))]))
    data["bangs"][0]["extra"] = 1
    assert not validator.is_valid(data)


# -- entry points ---------------------------------------------------------------------


_PLUGIN_MODULE = '''
"""A throwaway plugin written by the test."""
import attrs
import newsmodel

def extract(doc):
    return {"stars": [Star(span=newsmodel.Span(start=i, end=i + 1))
                      for i, c in enumerate(doc.text) if c == "*"]}

class Named:
    name = "PREFIX_named"
    def extract(self, doc):
        return {}

WRONG_NAME = newsmodel.FunctionExtractor(name="something_else", function=extract)
NOT_AN_EXTRACTOR = 42

@attrs.frozen(kw_only=True)
class Star:
    span: newsmodel.Span

@newsmodel.register_article_type("PREFIX-starry", extractors=("PREFIX_stars",))
@attrs.frozen(kw_only=True)
class Starry(newsmodel.Article):
    stars: tuple[Star, ...] = attrs.field(default=(), converter=tuple)
'''


@pytest.fixture
def fake_plugin(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """Install a throwaway distribution with entry points on sys.path; yield its name prefix."""
    prefix = f"fake{abs(hash(request.node.name)) % 10**8}"
    module = f"{prefix}_plugin"
    body = _PLUGIN_MODULE.replace("PREFIX", prefix)
    (tmp_path / f"{module}.py").write_text(body, encoding="utf-8")
    info = tmp_path / f"{prefix}_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {prefix}-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        textwrap.dedent(f"""
        [newsmodel.extractors]
        {prefix}_stars = {module}:extract
        {prefix}_named = {module}:Named
        {prefix}_wrong = {module}:WRONG_NAME
        {prefix}_nothing = {module}:NOT_AN_EXTRACTOR
        {prefix}_missing = {module}_nowhere:extract

        [newsmodel.article_types]
        {prefix}-starry = {module}:Starry
        """),
        encoding="utf-8",
    )
    sys.path.insert(0, str(tmp_path))
    plugins.refresh()
    yield prefix
    sys.path.remove(str(tmp_path))
    sys.modules.pop(module, None)
    plugins.refresh()


def test_entry_points_are_listed_without_loading(fake_plugin: str) -> None:
    """Installed plugins' names are known before any of their code is imported."""
    names = newsmodel.extractor_names()
    assert f"{fake_plugin}_stars" in names
    assert f"{fake_plugin}_named" in names
    assert f"{fake_plugin}_plugin" not in sys.modules
    info = {(p.group, p.name): p for p in plugins.plugins()}
    star = info[(plugins.EXTRACTOR_GROUP, f"{fake_plugin}_stars")]
    assert star.distribution == f"{fake_plugin}-plugin"
    assert (plugins.ARTICLE_TYPE_GROUP, f"{fake_plugin}-starry") in info


def test_entry_point_loads_on_first_use(fake_plugin: str) -> None:
    """A function or class entry point becomes an Extractor named after the entry point."""
    stars = newsmodel.get_extractor(f"{fake_plugin}_stars")
    assert stars.name == f"{fake_plugin}_stars"
    assert isinstance(stars, FunctionExtractor)
    named = newsmodel.get_extractor(f"{fake_plugin}_named")
    assert named.name == f"{fake_plugin}_named"
    assert not isinstance(named, FunctionExtractor)


def test_plugin_article_type_parses_and_reads_back_in_a_fresh_registry(fake_plugin: str) -> None:
    """A plugin type is found by tag: parse(as_type=tag) and from_dict load it on demand."""
    article = newsmodel.parse("a * b *", as_type=f"{fake_plugin}-starry")
    assert [s.span.start for s in article.stars] == [2, 6]  # type: ignore[attr-defined]
    data = newsmodel.to_dict(article)
    assert data["type"] == f"{fake_plugin}-starry"
    assert newsmodel.from_dict(data) == article


@pytest.mark.parametrize(
    ("suffix", "error"),
    [
        ("_wrong", "named 'something_else'"),
        ("_nothing", "not an Extractor"),
        ("_missing", "failed to load: ModuleNotFoundError"),
    ],
)
def test_broken_entry_points_fail_clearly(fake_plugin: str, suffix: str, error: str) -> None:
    """A plugin whose entry point is wrong is reported with the entry point named."""
    with pytest.raises(RegistryError, match=error) as info:
        newsmodel.get_extractor(fake_plugin + suffix)
    assert "newsmodel.extractors" in str(info.value)


def test_unknown_tag_error_names_installed_plugin_tags(fake_plugin: str) -> None:
    """from_dict with an unknown tag lists the known tags, plugin tags included."""
    with pytest.raises(RegistryError, match=f"known types: .*{fake_plugin}-starry"):
        newsmodel.from_dict({"type": "nope", "text": ""})
