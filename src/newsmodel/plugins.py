"""The extractor registry and the discovery of plugins through entry points.

Extractors are registered by name. The built-in steps (``layout``, ``times``,
``quotes``, ``sanctions``, ``trade_figures``, ``visits``) are always there; user
code adds its own with :func:`register_extractor`; installed packages add theirs
through two entry-point groups, read lazily, the first time a name is looked up
that is not registered yet:

``newsmodel.extractors``
    Entry-point name: the extractor's name. Object: an
    :class:`~newsmodel.typing.Extractor`, an extractor class (called with no
    arguments), or a function ``extract(doc) -> Mapping`` (wrapped in a
    :class:`~newsmodel.FunctionExtractor` with the entry point's name).
``newsmodel.article_types``
    Entry-point name: the article type's tag. Object: the
    :class:`~newsmodel.Article` subclass, so that :func:`newsmodel.from_dict` can
    read stored JSON of a plugin type without the plugin being imported first.

Nothing is imported at ``import newsmodel``: entry points are listed on first use
and each is loaded only when its name is needed.
"""

from __future__ import annotations

import importlib
import importlib.metadata as metadata
import inspect
from typing import Any

import attrs

from newsmodel.errors import RegistryError
from newsmodel.typing import ExtractFunction, Extractor

__all__ = [
    "ARTICLE_TYPE_GROUP",
    "BUILTIN_EXTRACTORS",
    "EXTRACTOR_GROUP",
    "PluginInfo",
    "article_type_tags",
    "extractor_names",
    "generation",
    "get_extractor",
    "load_article_type",
    "plugins",
    "refresh",
    "register_extractor",
    "resolve_extractors",
]

#: Entry-point group for third-party extractors.
EXTRACTOR_GROUP = "newsmodel.extractors"
#: Entry-point group for third-party article types.
ARTICLE_TYPE_GROUP = "newsmodel.article_types"

#: The built-in steps in the order they run: what :class:`~newsmodel.Article` declares.
BUILTIN_EXTRACTORS: tuple[str, ...] = (
    "layout",
    "times",
    "quotes",
    "sanctions",
    "trade_figures",
    "visits",
)

#: Built-in step name -> module under ``newsmodel.extract`` whose ``extract`` it runs.
_BUILTIN_MODULES = {
    "layout": "layout",
    "times": "times",
    "quotes": "quotes",
    "sanctions": "sanctions",
    "trade_figures": "trade",
    "visits": "visits",
}


@attrs.frozen(kw_only=True)
class PluginInfo:
    """Where a registered or discoverable name comes from."""

    group: str
    """``"newsmodel.extractors"`` or ``"newsmodel.article_types"``."""
    name: str
    """The extractor's name or the article type's tag."""
    value: str
    """What the entry point points at (``"package.module:attribute"``)."""
    distribution: str | None
    """The installed distribution that declares it (``"newsmodel-earnings"``), if known."""


@attrs.define
class _Registry:
    """The mutable state behind the module functions (one per process)."""

    extractors: dict[str, Extractor] = attrs.field(factory=dict)
    pending: dict[str, dict[str, metadata.EntryPoint]] | None = None
    generation: int = 0


_STATE = _Registry()


def _entry_points() -> dict[str, dict[str, metadata.EntryPoint]]:
    """List (without loading) the entry points of both groups, once per :func:`refresh`."""
    if _STATE.pending is None:
        found: dict[str, dict[str, metadata.EntryPoint]] = {}
        for group in (EXTRACTOR_GROUP, ARTICLE_TYPE_GROUP):
            found[group] = {ep.name: ep for ep in metadata.entry_points(group=group)}
        _STATE.pending = found
    return _STATE.pending


def refresh() -> None:
    """Forget the entry points listed so far and look again on next use.

    Call it after installing a plugin into the running interpreter. Extractors
    already registered stay registered.
    """
    importlib.invalidate_caches()
    _STATE.pending = None
    _STATE.generation += 1


def generation() -> int:
    """A counter that changes whenever the registry does (for caches of resolved pipelines)."""
    return _STATE.generation


def register_extractor(extractor: Extractor, *, replace: bool = False) -> Extractor:
    """Register *extractor* under its ``name`` and return it.

    Registering the same object (or an equal one) twice is harmless. Registering a
    built-in name replaces that step in every pipeline that names it, so it
    needs ``replace=True``.

    Example:
        >>> import newsmodel
        >>> def shouts(doc):
        ...     return {}
        >>> step = newsmodel.register_extractor(
        ...     newsmodel.FunctionExtractor(name="shouts", function=shouts))
        >>> newsmodel.get_extractor("shouts") is step
        True

    Raises:
        RegistryError: *extractor* is not an Extractor, or its name is taken by a
            different extractor and *replace* is false.
    """
    name = _check(extractor, getattr(extractor, "name", None))
    _builtins()
    known = _STATE.extractors.get(name)
    if known is not None and known != extractor and not replace:
        raise RegistryError(
            f"extractor name {name!r} is already registered ({known!r}); pass replace=True"
        )
    _STATE.extractors[name] = extractor
    _STATE.generation += 1
    return extractor


def _check(extractor: object, name: object) -> str:
    if not isinstance(extractor, Extractor) or not isinstance(name, str) or not name.strip():
        raise RegistryError(f"{extractor!r} is not an Extractor (needs .name and .extract)")
    return name


def _builtins() -> None:
    """Register the built-in steps on first use (importing the extractor modules then)."""
    if all(name in _STATE.extractors for name in BUILTIN_EXTRACTORS):
        return
    from newsmodel.pipeline import FunctionExtractor

    for name in BUILTIN_EXTRACTORS:
        if name not in _STATE.extractors:
            module = importlib.import_module(f"newsmodel.extract.{_BUILTIN_MODULES[name]}")
            _STATE.extractors[name] = FunctionExtractor(name=name, function=module.extract)


def get_extractor(name: str) -> Extractor:
    """Return the extractor registered (or installed as a plugin) under *name*.

    An installed plugin's entry point is loaded the first time its name is asked for.

    Raises:
        RegistryError: no extractor has that name (the message lists the known names),
            or a plugin's entry point does not load or gives no Extractor.
    """
    _builtins()
    found = _STATE.extractors.get(name)
    if found is not None:
        return found
    entry = _entry_points()[EXTRACTOR_GROUP].get(name)
    if entry is None:
        known = ", ".join(extractor_names())
        raise RegistryError(f"unknown extractor {name!r}; known extractors: {known}")
    extractor = _load_extractor(entry)
    _STATE.extractors[name] = extractor
    return extractor


def _load_extractor(entry: metadata.EntryPoint) -> Extractor:
    """Load one ``newsmodel.extractors`` entry point and make an Extractor of it."""
    where = f"entry point {entry.name!r} ({entry.value}) in group {EXTRACTOR_GROUP!r}"
    try:
        loaded = entry.load()
    except Exception as exc:
        raise RegistryError(f"{where} failed to load: {type(exc).__name__}: {exc}") from exc
    extractor: object
    if isinstance(loaded, type):
        extractor = loaded()
    elif isinstance(loaded, Extractor):
        extractor = loaded
    elif callable(loaded) and len(inspect.signature(loaded).parameters) == 1:
        from newsmodel.pipeline import FunctionExtractor

        function: ExtractFunction = loaded
        extractor = FunctionExtractor(name=entry.name, function=function)
    else:
        raise RegistryError(f"{where} gives {loaded!r}, not an Extractor")
    if not isinstance(extractor, Extractor):
        raise RegistryError(f"{where} gives {extractor!r}, not an Extractor")
    if extractor.name != entry.name:
        raise RegistryError(f"{where} gives an extractor named {extractor.name!r}")
    return extractor


def load_article_type(tag: str) -> type[Any] | None:
    """Load the ``newsmodel.article_types`` entry point named *tag*, if one is installed.

    Returns the loaded class (importing its module registers it), or None when no
    installed package declares *tag*.

    Raises:
        RegistryError: the entry point does not load.
    """
    entry = _entry_points()[ARTICLE_TYPE_GROUP].get(tag)
    if entry is None:
        return None
    try:
        loaded: type[Any] = entry.load()
    except Exception as exc:
        raise RegistryError(
            f"entry point {tag!r} ({entry.value}) in group {ARTICLE_TYPE_GROUP!r} failed to "
            f"load: {type(exc).__name__}: {exc}"
        ) from exc
    return loaded


def article_type_tags() -> list[str]:
    """The tags of article types that installed packages declare (loaded or not)."""
    return sorted(_entry_points()[ARTICLE_TYPE_GROUP])


def extractor_names() -> list[str]:
    """Every extractor name known: registered, built in, or declared by an installed plugin.

    Listing names loads no plugin.
    """
    _builtins()
    return sorted(set(_STATE.extractors) | set(_entry_points()[EXTRACTOR_GROUP]))


def resolve_extractors(names: tuple[str, ...]) -> tuple[Extractor, ...]:
    """Return the extractors registered under *names*, in that order.

    Raises:
        RegistryError: a name is unknown.
    """
    return tuple(get_extractor(name) for name in names)


def plugins() -> list[PluginInfo]:
    """Describe every entry point installed packages declare for newsmodel, without loading."""
    found: list[PluginInfo] = []
    for group, entries in _entry_points().items():
        for name, entry in sorted(entries.items()):
            dist = getattr(entry, "dist", None)
            found.append(
                PluginInfo(
                    group=group,
                    name=name,
                    value=entry.value,
                    distribution=dist.name if dist is not None else None,
                )
            )
    return found
