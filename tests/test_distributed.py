"""The distributed path: the batch functions under Dask bag in local mode (optional)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsmodel
from newsmodel.batch import (
    Record,
    parse_many_lines,
    parse_partition,
    read_jsonl,
    record_from_object,
)

RECORDS = [
    {"id": f"a{n}", "text": f"Exports rose {n} pct in 2023, officials said.", "published": None}
    for n in range(10)
] + [
    {"id": "no-text", "body": "wrong field"},
    {"id": "bad-date", "text": "Talks went well.", "published": "someday"},
    {"id": "dated", "text": "Talks went well last year.", "published": "1987-03-02"},
]


def _jsonl(tmp_path: Path, parts: int = 3) -> Path:
    """Write RECORDS as several JSON Lines files, as an archive would be stored."""
    folder = tmp_path / "archive"
    folder.mkdir()
    for part in range(parts):
        chunk = RECORDS[part::parts]
        lines = "".join(json.dumps(r) + "\n" for r in chunk)
        (folder / f"part-{part}.jsonl").write_text(lines, encoding="utf-8")
    return folder


def _expected() -> dict[str, dict[str, object]]:
    """What the single-process path gives for RECORDS, by id."""
    records = read_jsonl(json.dumps(r) for r in RECORDS)
    return {line["id"]: line for line in (json.loads(t) for t, _ in parse_many_lines(records))}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"id": 7, "text": "x"}, Record(id="7", text="x")),
        ({"text": "x", "published": "2024-06-25T10:00"}, Record(id="f", text="x", published=None)),
        ({"id": "n", "text": None}, None),
        (["not", "an", "object"], None),
    ],
)
def test_record_from_object(data: object, expected: Record | None) -> None:
    """Decoded JSON objects become records; anything else becomes a record with a problem."""
    record = record_from_object(data, fallback_id="f")
    if expected is None:
        assert record.text is None
        assert record.problem
    else:
        assert (record.id, record.text) == (expected.id, expected.text)
        assert record.problem is None


def test_parse_partition_is_the_batch_path_per_partition() -> None:
    """parse_partition yields, per record and in order, the dicts the CLI writes as lines."""
    records = list(read_jsonl(json.dumps(r) for r in RECORDS))
    out = list(parse_partition(records))
    assert [d["id"] for d in out] == [r.id for r in records]
    assert {d["id"]: d for d in out} == _expected()
    assert newsmodel.from_dict(out[0]["article"]) == newsmodel.parse(RECORDS[0]["text"])  # type: ignore[arg-type]
    assert "error" in next(d for d in out if d["id"] == "no-text")


@pytest.mark.distributed
def test_dask_bag_in_local_mode(tmp_path: Path) -> None:
    """A Dask bag over JSON Lines files gives the same results as the single-process path."""
    bag_module = pytest.importorskip("dask.bag", reason="dask[bag] is not installed")
    import dask

    folder = _jsonl(tmp_path)
    lines = bag_module.read_text(str(folder / "*.jsonl"))
    bag = lines.map_partitions(lambda part: parse_partition(read_jsonl(part)))
    with dask.config.set(scheduler="processes", num_workers=2):
        results = bag.compute()
    assert {r["id"]: r for r in results} == _expected()
    articles = [newsmodel.from_dict(r["article"]) for r in results if "article" in r]
    assert len(articles) == 11
    out = tmp_path / "out"
    bag.map(json.dumps).to_textfiles(str(out / "*.jsonl"))
    written = [json.loads(line) for p in sorted(out.glob("*.jsonl")) for line in p.open()]
    assert sorted(r["id"] for r in written) == sorted(r["id"] for r in results)
