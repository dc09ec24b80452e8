"""The public face of the package."""

from __future__ import annotations

import importlib

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
