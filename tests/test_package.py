"""The public face of the package."""

from __future__ import annotations

import importlib
import os

import pytest

import newsmodel


def test_all_is_sorted_and_resolves() -> None:
    """__all__ is sorted and every name in it exists."""
    assert newsmodel.__all__ == sorted(newsmodel.__all__)
    for name in newsmodel.__all__:
        assert hasattr(newsmodel, name), name


def test_public_modules_import() -> None:
    """Every public module imports on its own."""
    for name in [
        "batch",
        "cli",
        "document",
        "errors",
        "export",
        "geo",
        "model",
        "pipeline",
        "plugins",
        "registry",
        "render",
        "schema",
        "serialize",
        "strategies",
        "text",
        "typing",
    ]:
        importlib.import_module(f"newsmodel.{name}")


def test_every_error_derives_from_the_root() -> None:
    """One root exception: every public error is a NewsmodelError."""
    from newsmodel import errors

    for name in errors.__all__:
        assert issubclass(getattr(errors, name), newsmodel.NewsmodelError)


def test_package_is_typed() -> None:
    """The package ships a py.typed marker."""
    from importlib import resources

    assert resources.files("newsmodel").joinpath("py.typed").is_file()


def test_build_kind_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    """``newsmodel --version`` says which build runs: compiled or pure Python."""
    from newsmodel import cli

    with pytest.raises(SystemExit):
        cli.main(["--version"])
    out = capsys.readouterr().out
    kind = "compiled" if newsmodel.compiled() else "pure Python"
    assert out.strip() == f"newsmodel {newsmodel.__version__} ({kind})"


@pytest.mark.skipif(
    os.environ.get("NEWSMODEL_EXPECT_COMPILED") != "1",
    reason="set NEWSMODEL_EXPECT_COMPILED=1 to check a compiled installation",
)
def test_compiled_build_compiles_every_extractor() -> None:
    """In the compiled build, every built-in extractor module is an extension module."""
    from newsmodel import extract, geo, text

    assert newsmodel.compiled()
    modules = [importlib.import_module(f"newsmodel.extract.{name}") for name in _EXTRACTORS]
    for module in [*modules, geo, text]:
        assert not str(module.__file__).endswith(".py"), module.__name__
    assert str(extract.__file__).endswith(".py")  # the package itself stays Python


_EXTRACTORS = ["layout", "numbers", "people", "quotes", "sanctions", "times", "trade", "visits"]
