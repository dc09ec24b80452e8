"""Speed and memory of newsmodel: parsing, serialisation, and how cost grows with length.

    python benchmarks/bench_parse.py [CORPUS] [--repeat N] [--json OUT]

CORPUS is optional: a directory of ``.txt`` files, or a JSON Lines file with a
``text`` field per line (and optionally ``published``). Without it, only the seed
article and texts built from it are measured. Figures are printed as a table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable
from pathlib import Path

import newsmodel

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "putin-kyrgyzstan-2024-06-25.txt"


def _best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def _load_corpus(path: Path) -> list[tuple[str, dt.date | None]]:
    if path.is_dir():
        return [(p.read_text(encoding="utf-8"), None) for p in sorted(path.glob("**/*.txt"))]
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                published = record.get("published")
                records.append(
                    (record["text"], dt.date.fromisoformat(published) if published else None)
                )
    return records


def bench_parse(texts: list[tuple[str, dt.date | None]], repeat: int) -> dict[str, float]:
    """Articles per second and MB of text per second for parse() over *texts*."""
    size = sum(len(t.encode("utf-8")) for t, _ in texts)

    def run() -> None:
        for text, published in texts:
            newsmodel.parse(text, published=published)

    run()  # warm caches: gazetteer, lexicons, compiled patterns
    seconds = _best_of(repeat, run)
    return {
        "articles": len(texts),
        "MB": size / 1e6,
        "seconds": seconds,
        "articles/s": len(texts) / seconds,
        "MB/s": size / 1e6 / seconds,
        "ms/article": 1000 * seconds / len(texts),
    }


def bench_peak_memory(texts: Iterable[tuple[str, dt.date | None]]) -> float:
    """Peak memory (MB) allocated by Python while parsing *texts* one after another."""
    gc.collect()
    tracemalloc.start()
    for text, published in texts:
        newsmodel.parse(text, published=published)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def bench_serialisation(article: newsmodel.Article, repeat: int) -> dict[str, float]:
    """Microseconds per article for each direction of the dict and JSON round trips."""
    data = newsmodel.to_dict(article)
    text = newsmodel.to_json(article)
    loops = 200
    figures = {
        "to_dict": lambda: newsmodel.to_dict(article),
        "from_dict": lambda: newsmodel.from_dict(data),
        "to_json": lambda: newsmodel.to_json(article),
        "from_json": lambda: newsmodel.from_json(text),
    }
    out = {}
    for name, run in figures.items():

        def many(run: Callable[[], object] = run) -> None:
            for _ in range(loops):
                run()

        out[f"{name} us"] = 1e6 * _best_of(repeat, many) / loops
    return out


def bench_scaling(seed: str, repeat: int) -> list[dict[str, float]]:
    """Parse time for texts of 1 KB to 1 MB built from the seed's paragraphs."""
    body = seed.split("\n\n", 3)[-1]
    rows = []
    for target in (1_000, 10_000, 100_000, 1_000_000):
        text = (body * (target // len(body) + 1))[:target]
        seconds = _best_of(
            max(1, repeat // 2) if target >= 100_000 else repeat,
            lambda text=text: newsmodel.parse(text),
        )
        rows.append({"bytes": target, "seconds": seconds, "us/KB": 1e6 * seconds / (target / 1e3)})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    seed = SEED.read_text(encoding="utf-8")
    report: dict[str, object] = {"python": sys.version.split()[0]}
    report["seed"] = bench_parse([(seed, None)] * 20, args.repeat)
    if args.corpus:
        corpus = _load_corpus(args.corpus)
        report["corpus"] = bench_parse(corpus, max(1, args.repeat // 2))
        report["corpus peak MB"] = bench_peak_memory(corpus)
    report["seed peak MB"] = bench_peak_memory([(seed, None)])
    report["serialisation"] = bench_serialisation(newsmodel.parse(seed), args.repeat)
    report["scaling"] = bench_scaling(seed, args.repeat)

    for key, value in report.items():
        if isinstance(value, dict):
            print(f"{key:<14}", "  ".join(f"{k}={v:.4g}" for k, v in value.items()))
        elif isinstance(value, list):
            for row in value:
                print(f"{key:<14}", "  ".join(f"{k}={v:.4g}" for k, v in row.items()))
        else:
            print(f"{key:<14} {value if isinstance(value, str) else format(value, '.4g')}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
