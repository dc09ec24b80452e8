"""Batch parsing: ordered streaming results, per-record errors, worker processes."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsmodel import InputError
from newsmodel.batch import Record, parse_many, parse_many_lines, read_jsonl, read_paths

TEXTS = [f"Exports rose {n} pct in 2023, officials said." for n in range(12)]


def test_results_come_back_in_input_order() -> None:
    """Results are yielded in the order of the records, one per record."""
    records = [Record(id=str(i), text=t) for i, t in enumerate(TEXTS)]
    results = list(parse_many(records))
    assert [r.id for r in results] == [str(i) for i in range(len(TEXTS))]
    assert all(r.ok for r in results)
    assert [r.article.text for r in results if r.article] == TEXTS


def test_worker_processes_keep_the_order_and_the_output() -> None:
    """Two workers give exactly the lines one process gives, in the same order."""
    records = [Record(id=str(i), text=t) for i, t in enumerate(TEXTS)]
    assert list(parse_many_lines(records, jobs=2, window=2)) == list(parse_many_lines(records))
    parallel = list(parse_many(records, jobs=2))
    assert [r.article for r in parallel] == [r.article for r in parse_many(records)]


def test_input_is_consumed_lazily() -> None:
    """Records are read as they are needed, not all up front."""
    seen: list[int] = []

    def records() -> object:
        for i, text in enumerate(TEXTS):
            seen.append(i)
            yield Record(id=str(i), text=text)

    stream = parse_many(records())  # type: ignore[arg-type]
    next(stream)
    assert seen == [0]


def test_unreadable_records_become_error_lines() -> None:
    """A record with a problem yields an error result instead of stopping the run."""
    records = [Record(id="a", text=None, problem="no such file: a"), Record(id="b", text="x")]
    lines = [json.loads(line) for line, _ in parse_many_lines(records)]
    assert lines[0] == {"id": "a", "error": "InputError: no such file: a"}
    assert lines[1]["article"]["text"] == "x"


def test_negative_jobs_are_rejected() -> None:
    """jobs must be 0 (all cores) or more."""
    with pytest.raises(InputError):
        list(parse_many([], jobs=-1))


def test_read_jsonl_with_configurable_fields() -> None:
    """JSON Lines records use configurable field names; bad lines become problems."""
    lines = [
        json.dumps({"doc": 7, "body": "Hello there.", "date": "1987-03-02"}),
        "",
        "not json",
        json.dumps({"doc": 8}),
        json.dumps({"doc": 9, "body": "x", "date": "March"}),
        json.dumps([1, 2]),
    ]
    records = list(
        read_jsonl(
            lines, source="in.jsonl", id_field="doc", text_field="body", published_field="date"
        )
    )
    assert records[0] == Record(id="7", text="Hello there.", published=dt.date(1987, 3, 2))
    assert records[1].id == "in.jsonl:3"
    assert records[1].problem is not None
    assert records[1].problem.startswith("not JSON")
    assert records[2].problem == "field 'body' missing or not a string"
    assert records[3].problem is not None
    assert "not a date" in records[3].problem
    assert records[4].problem == "a line must be a JSON object"


def test_read_paths_walks_directories_in_order(tmp_path: Path) -> None:
    """Directories are walked for .txt files in sorted order; bad files become problems."""
    (tmp_path / "b.txt").write_text("second", encoding="utf-8")
    (tmp_path / "a.txt").write_text("first", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"caf\xe9")
    (tmp_path / "skip.md").write_text("not an article", encoding="utf-8")
    records = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    assert [r.text for r in records[:2]] == ["first", "second"]
    assert records[2].problem is not None
    assert "not valid UTF-8" in records[2].problem
    assert records[3].problem is not None
    assert "no such file" in records[3].problem


def test_lines_are_compact_json_even_for_lone_surrogates() -> None:
    """Each line is one compact JSON object; text msgspec cannot encode still gets a line."""
    records = [Record(id="s", text="He said \ud800 hi."), Record(id="t", text="Hi.")]
    lines = [line for line, _ in parse_many_lines(records)]
    assert json.loads(lines[0])["article"]["text"] == "He said \ud800 hi."
    assert lines[1].startswith('{"id":"t","article":{"type":"article"')


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"id": "big", "text": "x", "n": ' + "9" * 5000 + "}", "not JSON"),
        ("[" * 100_000, "not JSON"),
        (b'{"id": "latin", "text": "caf\xe9"}', "not valid UTF-8"),
    ],
)
def test_hostile_json_lines_become_problems(line: str | bytes, problem: str) -> None:
    """Oversized numbers, deep nesting and bad bytes in a line are problems, not crashes."""
    [record] = read_jsonl([line])
    assert record.problem is not None
    assert record.problem.startswith(problem)


def test_benchmark_script_reports_every_figure(tmp_path: Path) -> None:
    """benchmarks/bench_parse.py --quick runs on a corpus and reports each section."""
    import runpy
    import sys

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"text": t, "published": "2023-05-01"}) + "\n" for t in TEXTS),
        encoding="utf-8",
    )
    out = tmp_path / "figures.json"
    script = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_parse.py"
    argv = sys.argv
    sys.argv = [str(script), str(corpus), "--quick", "--json", str(out)]
    try:
        with pytest.raises(SystemExit) as done:
            runpy.run_path(str(script), run_name="__main__")
    finally:
        sys.argv = argv
    assert done.value.code == 0
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert set(figures["parse"]) == {"seed", "corpus.jsonl"}
    assert figures["parse"]["corpus.jsonl"]["articles"] == len(TEXTS)
    assert {"to_dict", "from_json", "JSON round trip"} <= set(figures["serialisation"]["us"])
    assert [row["bytes"] for row in figures["scaling"]] == [1_000, 10_000, 100_000]
    assert {"quotes", "total"} <= set(figures["profile"]["extractors"])


def test_prepare_process_loads_the_tables_and_freezes_them() -> None:
    """A prepared process has loaded its tables and holds them outside the collector."""
    code = (
        "import gc, newsmodel.batch as b, newsmodel.geo as g; b.prepare_process(); "
        "print(gc.get_freeze_count(), g._gazetteer.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    frozen, gazetteers = out.stdout.split()
    assert int(frozen) > 10_000  # the lexicons and the gazetteer
    assert gazetteers == "1"
