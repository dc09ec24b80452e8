"""The newsmodel command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsmodel.cli import main

from .conftest import SEED_ARTICLE


def test_parse_seed_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    """`newsmodel parse FILE` prints the article as indented JSON."""
    assert main(["parse", str(SEED_ARTICLE)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["type"] == "article"
    assert data["text"] == SEED_ARTICLE.read_text(encoding="utf-8")


def test_jsonl_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """--format jsonl prints exactly one line."""
    assert main(["parse", str(SEED_ARTICLE), "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    json.loads(out)


def test_summary_is_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    """--format summary lists the facts by kind."""
    assert main(["parse", str(SEED_ARTICLE), "--format", "summary"]) == 0
    out = capsys.readouterr().out
    for heading in ("Quotes (", "Trade figures (", "Sanctions (", "Visits (", "Times ("):
        assert heading in out


def test_published_is_passed_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--published completes dates printed without a year."""
    path = tmp_path / "a.txt"
    path.write_text("He said it would happen last year.", encoding="utf-8")
    assert main(["parse", str(path), "--published", "2024-06-25"]) == 0
    json.loads(capsys.readouterr().out)


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file is a clear message and exit status 2."""
    assert main(["parse", "no/such/article.txt"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_empty_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A directory without articles is reported, not a silent empty run."""
    assert main(["parse", str(tmp_path)]) == 2
    assert "no articles" in capsys.readouterr().err


def test_undecodable_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Invalid UTF-8 is reported with its offset, not guessed."""
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 society".encode("latin-1"))
    assert main(["parse", str(path)]) == 2
    assert "not valid UTF-8" in capsys.readouterr().err


def test_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    """A bad --published date is a usage error naming the expected form."""
    with pytest.raises(SystemExit) as info:
        main(["parse", str(SEED_ARTICLE), "--published", "25/06/2024"])
    assert info.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_stdin_through_the_installed_command() -> None:
    """`python -m newsmodel parse -` reads standard input."""
    result = subprocess.run(
        [sys.executable, "-m", "newsmodel", "parse", "-", "--format", "jsonl"],
        input=SEED_ARTICLE.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["type"] == "article"


def test_many_files_give_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Several inputs (files or directories) are written as JSON Lines, one per article."""
    (tmp_path / "a.txt").write_text("First article.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second article.", encoding="utf-8")
    assert main(["parse", str(tmp_path), "--no-progress"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["article"]["text"] for line in lines] == ["First article.", "Second article."]


def test_failed_records_are_lines_not_aborts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad record gets an error line, the run goes on, and the exit status is 1."""
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "ok", "text": "Fine."}) + "\n{broken\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(source), "-o", str(out), "--jobs", "2", "--no-progress"]) == 1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["id"] == "ok"
    assert "error" in lines[1]
    assert "1 parsed, 1 failed" in capsys.readouterr().err


def test_batch_rejects_single_article_formats(tmp_path: Path) -> None:
    """--format json is for one article; many articles are always JSON Lines."""
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["parse", str(tmp_path), "--format", "json"])
