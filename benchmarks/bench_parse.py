"""Speed and memory of newsmodel: parsing, serialisation, and how cost grows with length.

    python benchmarks/bench_parse.py [CORPUS ...] [--repeat N] [--limit N] [--json OUT]
                                     [--no-profile] [--quick] [--sizes 1e3,1e4,...]

CORPUS is optional: a directory of ``.txt`` files, or a JSON Lines file with a
``text`` field per line (and optionally ``published``). Without one, only the seed
article and texts built from it are measured. The report is printed as Markdown
tables (paste them into ``docs/accuracy.md``); ``--json`` also writes the figures.

What is measured:

* ``parse``: articles/s and MB/s (UTF-8 bytes of input) on one core, best of N runs.
  Lexicons, gazetteer and compiled patterns are loaded first (once per process; that
  start-up is reported separately) and the bounded caches of readings (names,
  phrases, places) are emptied before each run, so every article is new to the
  parser, as in a first pass over an archive. A second table repeats the runs with
  those caches warm from the same articles: the ceiling for recurring text.
* peak memory: the largest Python allocation (``tracemalloc``) while parsing the
  whole corpus one article after another, and the process's maximum RSS.
* serialisation: ``to_dict``/``from_dict``/``to_json``/``from_json`` per article,
  side by side with msgspec on the same data: msgspec encoding and decoding the
  same attrs classes (same validators and invariants run) and an equivalent
  ``msgspec.Struct`` tree (no invariants: the floor for any Python serialiser).
* scaling: parse time for texts of 1 KB to 1 MB; cost per KB must stay flat.
* profile: time per extractor, per pattern (module constant), and the top
  functions under cProfile.

The corpus text is only read, never written: the report holds figures only.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import functools
import gc
import json
import pstats
import re
import resource
import sys
import time
import tracemalloc
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import msgspec
import regex

import newsmodel
from newsmodel.document import Document
from newsmodel.pipeline import FunctionExtractor, Parser, default_extractors

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "putin-kyrgyzstan-2024-06-25.txt"

Texts = list[tuple[str, dt.date | None]]


# -- inputs -------------------------------------------------------------------


def load_corpus(path: Path, limit: int | None = None) -> Texts:
    """Read a directory of ``.txt`` files or a JSON Lines file of ``{"text", "published"}``."""
    records: Texts = []
    if path.is_dir():
        for file in sorted(path.glob("**/*.txt")):
            records.append((file.read_text(encoding="utf-8"), None))
            if limit and len(records) >= limit:
                break
        return records
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            published = record.get("published")
            date = dt.date.fromisoformat(published[:10]) if published else None
            records.append((record["text"], date))
            if limit and len(records) >= limit:
                break
    return records


def _size(texts: Texts) -> int:
    return sum(len(text.encode("utf-8", "surrogatepass")) for text, _ in texts)


def _best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


# -- parse --------------------------------------------------------------------


def bench_startup() -> float:
    """Seconds the first parse in a fresh process takes (lexicons, gazetteer, patterns)."""
    import subprocess

    code = (
        "import time; t = time.perf_counter(); import newsmodel; "
        "newsmodel.parse('BISHKEK, June 25 (Reuters) - Exports rose 5% in 2023, he said.'); "
        "print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def _clear_reading_caches() -> int:
    """Empty newsmodel's bounded caches of readings (names, phrases, places).

    They fill with what the articles parsed so far contained. Emptied before each
    timed run, every article of a corpus is new to the parser, as in a first pass
    over an archive; lexicons, the gazetteer and compiled patterns (unbounded
    caches, loaded once per process) stay loaded.
    """
    cleared = 0
    for name, module in list(sys.modules.items()):
        if name != "newsmodel" and not name.startswith("newsmodel."):
            continue
        for value in vars(module).values():
            if isinstance(value, type):
                continue  # a class (a compiled one may list the attribute itself)
            params = getattr(value, "cache_parameters", None)
            if params is not None and params()["maxsize"] is not None:
                value.cache_clear()
                cleared += 1
    return cleared


def bench_parse(texts: Texts, repeat: int, *, fresh: bool = True) -> dict[str, float]:
    """Articles per second and MB of text per second for parse() over *texts*.

    With *fresh*, the reading caches are emptied before each run, so no run reuses
    what an earlier one learnt from the same articles.
    """
    size = _size(texts)

    def run() -> None:
        if fresh:
            _clear_reading_caches()
        for text, published in texts:
            newsmodel.parse(text, published=published)

    # load the gazetteer, lexicons and compiled patterns
    newsmodel.parse(SEED.read_text(encoding="utf-8"))
    seconds = _best_of(repeat, run)
    return {
        "articles": len(texts),
        "MB": size / 1e6,
        "seconds": seconds,
        "articles/s": len(texts) / seconds,
        "MB/s": size / 1e6 / seconds,
        "ms/article": 1000 * seconds / len(texts),
    }


def bench_peak_memory(texts: Texts) -> dict[str, float]:
    """Peak Python allocation (MB) while parsing *texts* one after another, and max RSS."""
    _clear_reading_caches()  # their filling counts: they are bounded, so memory stays flat
    gc.collect()
    tracemalloc.start()
    for text, published in texts:
        newsmodel.parse(text, published=published)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"peak MB": peak / 1e6, "max RSS MB": rss_kb / 1e3}


def bench_scaling(seed: str, repeat: int, sizes: tuple[int, ...]) -> list[dict[str, float]]:
    """Parse time for texts of 1 KB to 1 MB built by repeating the seed's body paragraphs."""
    body = seed.split("\n\n", 3)[-1]
    rows = []
    for target in sizes:
        text = (body * (target // len(body) + 1))[:target]
        runs = 1 if target >= 1_000_000 else max(1, repeat // 2) if target >= 100_000 else repeat
        seconds = _best_of(runs, functools.partial(newsmodel.parse, text))
        rows.append({"bytes": target, "seconds": seconds, "us/KB": 1e6 * seconds / (target / 1e3)})
    return rows


# -- serialisation ------------------------------------------------------------


def _struct_twin(cls: type[Any], made: dict[type[Any], type[Any]]) -> type[Any]:
    """An equivalent ``msgspec.Struct`` for an attrs model class: same fields and types."""
    if cls in made:
        return made[cls]
    hints = typing.get_type_hints(cls)
    fields: list[tuple[Any, ...]] = []
    for field in attrs.fields(cls):
        kind = _twin_type(hints[field.name], made)
        if field.default is attrs.NOTHING:
            fields.append((field.name, kind))
        else:
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = msgspec.field(default_factory=default.factory)
            fields.append((field.name, kind, default))
    made[cls] = msgspec.defstruct(cls.__name__ + "Struct", fields, kw_only=True)
    return made[cls]


def _twin_type(kind: Any, made: dict[type[Any], type[Any]]) -> Any:
    if attrs.has(kind):
        return _struct_twin(kind, made)
    args = typing.get_args(kind)
    if isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union:
        twins = [_twin_type(arg, made) for arg in args]
        return typing.Union[tuple(twins)]  # noqa: UP007 (built at run time)
    if typing.get_origin(kind) is tuple:
        return tuple[_twin_type(args[0], made), ...]  # type: ignore[misc]
    return kind


def _loops(run: Callable[[], object], repeat: int, loops: int) -> float:
    def many() -> None:
        for _ in range(loops):
            run()

    return 1e6 * _best_of(repeat, many) / loops


def bench_serialisation(articles: list[newsmodel.Article], repeat: int) -> dict[str, Any]:
    """Microseconds per article for newsmodel and msgspec, side by side, on the same articles.

    ``msgspec (attrs)`` encodes and decodes the very attrs classes (msgspec runs their
    validators and ``__attrs_post_init__``); ``msgspec (Struct)`` uses an equivalent
    ``msgspec.Struct`` tree without invariants: a floor, not a like-for-like figure.
    """
    cls = type(articles[0])
    twin = _struct_twin(cls, {})
    dicts = [newsmodel.to_dict(a) for a in articles]
    jsons = [newsmodel.to_json(a) for a in articles]
    builtins = [msgspec.to_builtins(a) for a in articles]
    encoded = [msgspec.json.encode(a) for a in articles]
    structs = [msgspec.json.decode(j, type=twin) for j in jsons]
    struct_json = [msgspec.json.encode(s) for s in structs]
    for data, article in zip(encoded, articles, strict=True):
        assert msgspec.json.decode(data, type=cls) == article, "msgspec must rebuild the same"
    per = len(articles)
    loops = max(1, 400 // per)

    def each(function: Callable[[Any], object], items: list[Any]) -> Callable[[], None]:
        def run() -> None:
            for item in items:
                function(item)

        return run

    newsmodel_us = {
        "to_dict": each(newsmodel.to_dict, articles),
        "from_dict": each(newsmodel.from_dict, dicts),
        "to_json": each(newsmodel.to_json, articles),
        "from_json": each(newsmodel.from_json, jsons),
    }
    attrs_us = {
        "to_dict": each(msgspec.to_builtins, articles),
        "from_dict": each(lambda d: msgspec.convert(d, cls), builtins),
        "to_json": each(msgspec.json.encode, articles),
        "from_json": each(lambda b: msgspec.json.decode(b, type=cls), encoded),
    }
    struct_builtins = [msgspec.to_builtins(s) for s in structs]
    struct_us = {
        "to_dict": each(msgspec.to_builtins, structs),
        "from_dict": each(lambda d: msgspec.convert(d, twin), struct_builtins),
        "to_json": each(msgspec.json.encode, structs),
        "from_json": each(lambda b: msgspec.json.decode(b, type=twin), struct_json),
    }
    rows: dict[str, dict[str, float]] = {}
    for name in newsmodel_us:
        rows[name] = {
            "newsmodel": _loops(newsmodel_us[name], repeat, loops) / per,
            "msgspec (attrs)": _loops(attrs_us[name], repeat, loops) / per,
            "msgspec (Struct)": _loops(struct_us[name], repeat, loops) / per,
        }
    for trip, (out, back) in {
        "dict round trip": ("to_dict", "from_dict"),
        "JSON round trip": ("to_json", "from_json"),
    }.items():
        rows[trip] = {k: rows[out][k] + rows[back][k] for k in rows[out]}
    for row in rows.values():
        row["ratio (attrs)"] = row["newsmodel"] / row["msgspec (attrs)"]
        row["ratio (Struct)"] = row["newsmodel"] / row["msgspec (Struct)"]
    return {
        "articles": per,
        "JSON bytes/article": sum(len(j.encode("utf-8", "surrogatepass")) for j in jsons) / per,
        "us": rows,
        "invariants us": _loops(each(_invariants, articles), repeat, loops) / per,
    }


def _invariants(article: newsmodel.Article) -> None:
    """Run the model's own whole-article check (every span inside the text)."""
    article.__attrs_post_init__()


# -- profile ------------------------------------------------------------------


def profile_extractors(texts: Texts) -> dict[str, float]:
    """Seconds spent in each extractor (and building the article) over *texts*."""
    spent: dict[str, float] = {}

    def timed(step: Any) -> FunctionExtractor:
        def run(doc: Document) -> Mapping[str, Any]:
            start = time.perf_counter()
            try:
                found: Mapping[str, Any] = step.extract(doc)
                return found
            finally:
                spent[step.name] = spent.get(step.name, 0.0) + time.perf_counter() - start

        return FunctionExtractor(name=step.name, function=run)

    parser = Parser(extractors=[timed(step) for step in default_extractors()])
    for text, published in texts:
        parser.parse(text, published=published)
    spent.clear()
    start = time.perf_counter()
    for text, published in texts:
        parser.parse(text, published=published)
    total = time.perf_counter() - start
    spent["(document, sorting, Article)"] = total - sum(spent.values())
    spent["total"] = total
    return spent


def _pattern_names() -> dict[int, str]:
    names: dict[int, str] = {}
    for module in list(sys.modules.values()):
        if not getattr(module, "__name__", "").startswith("newsmodel"):
            continue
        for name, value in vars(module).items():
            if isinstance(value, (regex.Pattern, re.Pattern)):
                names.setdefault(id(value), f"{module.__name__.rsplit('.', 1)[-1]}.{name}")
    return names


def profile_patterns(texts: Texts, top: int = 15) -> list[dict[str, Any]]:
    """Seconds spent matching each named pattern through newsmodel.text's budgeted helpers.

    The helpers are wrapped for the duration of the measurement (in every module that
    imported them); iterators are timed per ``next()``, so lazily consumed matches
    are charged to their pattern. The amount and percent patterns, which run on the
    standard library's ``re`` through ``numbers._scan``, are charged there.
    """
    import newsmodel.extract.numbers as numbers_module
    import newsmodel.text as text_module

    names = _pattern_names()
    spent: dict[str, list[float]] = {}

    def charge(pattern: regex.Pattern[str] | re.Pattern[str], seconds: float) -> None:
        key = names.get(id(pattern)) or text_module._name(pattern)
        entry = spent.setdefault(key, [0.0, 0])
        entry[0] += seconds
        entry[1] += 1

    original = {n: getattr(text_module, n) for n in ("finditer", "search", "match")}

    def finditer(pattern: regex.Pattern[str], *args: Any, **kw: Any) -> Iterator[Any]:
        iterator = original["finditer"](pattern, *args, **kw)
        while True:
            start = time.perf_counter()
            try:
                item = next(iterator)
            except StopIteration:
                charge(pattern, time.perf_counter() - start)
                return
            charge(pattern, time.perf_counter() - start)
            yield item

    def single(kind: str) -> Callable[..., Any]:
        def call(pattern: regex.Pattern[str], *args: Any, **kw: Any) -> Any:
            start = time.perf_counter()
            try:
                return original[kind](pattern, *args, **kw)
            finally:
                charge(pattern, time.perf_counter() - start)

        return call

    wrappers = {"finditer": finditer, "search": single("search"), "match": single("match")}
    patched: list[tuple[Any, str, Any]] = []
    scan = numbers_module._scan

    def timed_scan(pattern: re.Pattern[str], *args: Any) -> Any:
        start = time.perf_counter()
        try:
            return scan(pattern, *args)
        finally:
            charge(pattern, time.perf_counter() - start)

    if isinstance(vars(numbers_module).get("_scan"), functools._lru_cache_wrapper):
        patched.append((numbers_module, "_scan", scan))  # a compiled build cannot be patched
        numbers_module._scan = timed_scan  # type: ignore[assignment]
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("newsmodel") and module is not text_module:
            for name, wrapper in wrappers.items():
                if vars(module).get(name) is original[name]:
                    patched.append((module, name, original[name]))
                    setattr(module, name, wrapper)
    try:
        for text, published in texts:
            newsmodel.parse(text, published=published)
    finally:
        for module, name, value in patched:
            setattr(module, name, value)
    rows: list[dict[str, Any]] = [
        {"pattern": key, "seconds": seconds, "calls": int(calls)}
        for key, (seconds, calls) in spent.items()
    ]
    rows.sort(key=lambda row: -float(row["seconds"]))
    return rows[:top]


def profile_functions(texts: Texts, top: int = 20) -> list[dict[str, Any]]:
    """The functions with the most time of their own under cProfile."""
    profiler = cProfile.Profile()
    profiler.enable()
    for text, published in texts:
        newsmodel.parse(text, published=published)
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = []
    for (file, line, function), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = Path(file)
        short = f"{where.parent.name}/{where.name}" if where.suffix == ".py" else file
        rows.append(
            {
                "function": f"{short}:{line}({function})",
                "calls": calls,
                "own s": own,
                "cumulative s": cumulative,
            }
        )
    rows.sort(key=lambda row: -row["own s"])
    return rows[:top]


# -- report -------------------------------------------------------------------


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def _table(rows: Sequence[Mapping[str, Any]]) -> str:
    if not rows:
        return "(none)\n"
    head = list(rows[0])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_cell(row[k]) for k in head) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def render(report: Mapping[str, Any]) -> str:
    """Render the figures as Markdown."""
    out = [
        f"Python {report['python']}, newsmodel {report['newsmodel']} "
        f"({report['build']} build), one core\n"
    ]
    out.append(f"First parse in a fresh process: {report['startup s']:.2f} s\n")
    out.append("## parse\n")
    rows = [{"input": name, **figures} for name, figures in report["parse"].items()]
    out.append(_table(rows))
    if report.get("parse, warm"):
        out.append("## parse, second pass (reading caches warm)\n")
        warm = [{"input": name, **figures} for name, figures in report["parse, warm"].items()]
        out.append(_table(warm))
    out.append("## memory\n")
    out.append(_table([{"input": n, **f} for n, f in report["memory"].items()]))
    ser = report["serialisation"]
    out.append(
        f"## serialisation (us per article, {ser['articles']} articles, "
        f"{ser['JSON bytes/article']:,.0f} JSON bytes each)\n"
    )
    out.append(_table([{"operation": op, **figures} for op, figures in ser["us"].items()]))
    out.append(
        f"\nModel invariant check alone (Article.__attrs_post_init__): "
        f"{ser['invariants us']:.0f} us per article\n"
    )
    out.append("## scaling (seed body repeated)\n")
    out.append(_table(report["scaling"]))
    if "profile" in report:
        prof = report["profile"]
        total = prof["extractors"]["total"]
        out.append(f"## time per extractor ({prof['input']})\n")
        out.append(
            _table(
                [
                    {"step": k, "ms": 1000 * v, "share": f"{100 * v / total:.0f}%"}
                    for k, v in prof["extractors"].items()
                ]
            )
        )
        out.append("## time per pattern (top)\n")
        if report["build"] == "compiled" and not prof["patterns"]:
            out.append("Compiled build: the extractors call the patterns natively, unseen.\n")
        else:
            out.append(_table(prof["patterns"]))
        out.append("## top functions (cProfile, own time)\n")
        if report["build"] == "compiled":
            out.append("Compiled build: cProfile sees only calls into Python code.\n")
        out.append(_table(prof["functions"]))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print the report."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path, help=".txt directory or .jsonl file")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (best is kept)")
    parser.add_argument("--limit", type=int, default=None, help="first N records per corpus")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--no-profile", action="store_true", help="skip the profiles")
    parser.add_argument("--quick", action="store_true", help="small sizes, one run (smoke test)")
    parser.add_argument(
        "--sizes",
        type=lambda value: tuple(int(float(size)) for size in value.split(",")),
        default=None,
        help="text lengths for the scaling table, in bytes (default: 1e3,1e4,1e5,1e6)",
    )
    args = parser.parse_args(argv)
    repeat = 1 if args.quick else args.repeat

    seed = SEED.read_text(encoding="utf-8")
    report: dict[str, Any] = {
        "python": sys.version.split()[0],
        "newsmodel": newsmodel.__version__,
        "build": "compiled" if newsmodel.compiled() else "pure Python",
        "startup s": bench_startup(),
    }
    inputs: dict[str, Texts] = {"seed": [(seed, None)]}
    for path in args.corpus:
        inputs[path.name] = load_corpus(path, args.limit)
    report["parse"] = {
        name: bench_parse(texts * (20 if name == "seed" else 1), repeat)
        for name, texts in inputs.items()
    }
    report["parse, warm"] = {
        name: bench_parse(texts, repeat, fresh=False)
        for name, texts in inputs.items()
        if name != "seed"
    }
    report["memory"] = {name: bench_peak_memory(texts) for name, texts in inputs.items()}
    sample = inputs[next(reversed(inputs))]
    articles = [newsmodel.parse(t, published=p) for t, p in sample[: 5 if args.quick else 200]]
    report["serialisation"] = bench_serialisation(articles, repeat)
    sizes = args.sizes or (
        (1_000, 10_000, 100_000) if args.quick else (1_000, 10_000, 100_000, 1_000_000)
    )
    report["scaling"] = bench_scaling(seed, repeat, sizes)
    if not args.no_profile:
        name = next(reversed(inputs))
        texts = inputs[name][: 20 if args.quick else 300]
        report["profile"] = {
            "input": f"{name}, {len(texts)} articles",
            "extractors": profile_extractors(texts),
            "patterns": profile_patterns(texts),
            "functions": profile_functions(texts),
        }
    print(render(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
