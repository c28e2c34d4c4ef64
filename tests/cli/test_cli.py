"""The command line: thin wrappers, clear messages, exit codes, and every command documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from brink.cli import cli

README = Path(__file__).resolve().parents[2] / "README.md"
ARTICLES = [
    {"id": "geneva", "published": "2022-01-10",
     "text": "American and Russian diplomats held talks in Geneva on Monday. Russia's deputy foreign "
             "minister demanded that NATO stop its expansion, and the U.S. delegation rejected the demand."},
    {"id": "sahel", "published": "2025-03-12",
     "text": "Gunmen attacked a military post in northern Burkina Faso on Tuesday, killing 12 soldiers, "
             "the army said."},
]  # fmt: skip


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n")
    return path


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_events_prints_json_lines(corpus):
    result = run("events", corpus)
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    types = {(r["doc_id"], r["type"]) for r in records}
    assert ("geneva", "CONSULT") in types and ("sahel", "ASSAULT") in types
    assert all(r["schema"] == "brink.event/2" for r in records)


def test_events_published_option_overrides(corpus):
    records = [json.loads(x) for x in run("events", corpus, "--published", "2022-01-12").output.splitlines()]
    talks = [r for r in records if r["type"] == "CONSULT"]
    assert talks[0]["date"] == "2022-01-10"  # "on Monday" in a Wednesday 2022-01-12 article


def test_bad_date_option_names_the_parameter(corpus):
    result = run("events", corpus, "--published", "12/08/2021")
    assert result.exit_code == 2 and "--published" in result.output and "YYYY-MM-DD" in result.output


def test_ingest_twice_stores_once_and_query_filters(corpus, tmp_path):
    db = tmp_path / "x.duckdb"
    first = run("ingest", corpus, "--db", db)
    assert first.exit_code == 0 and "stored 2 documents" in first.output
    second = run("ingest", corpus, "--db", db)
    assert "stored 0 documents" in second.output and "2 unchanged" in second.output
    forced = run("ingest", corpus, "--db", db, "--force")
    assert "stored 2 documents" in forced.output
    rows = [json.loads(x) for x in run("query", "--db", db, "--format", "jsonl").output.splitlines()]
    assert len({r["event_id"] for r in rows}) == len(rows)
    assaults = run("query", "--db", db, "--type", "assault", "--since", "2025-03-01", "--format", "jsonl")
    assert {json.loads(x)["doc_id"] for x in assaults.output.splitlines()} == {"sahel"}
    table = run("query", "--db", db, "--actor", "RUS")
    assert "REQUEST" in table.output or "no events match" in table.output


def test_ingest_reports_bad_inputs_and_finishes_the_batch(tmp_path, corpus):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.jsonl").write_text(corpus.read_text())
    (tmp_path / "in" / "broken.jsonl").write_text('{"id": "x", "text": "ok"\n')
    (tmp_path / "in" / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = run("ingest", tmp_path / "in", "--db", tmp_path / "y.duckdb")
    assert result.exit_code == 2
    assert re.search(r"skipped .*broken\.jsonl:1: \[E005\] malformed JSON on line 1", result.output)
    assert re.search(r"skipped .*blob\.txt: \[E003\]", result.output)
    assert "stored 2 documents" in result.output and "2 skipped" in result.output


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export(corpus, tmp_path, fmt):
    db = tmp_path / "z.duckdb"
    run("ingest", corpus, "--db", db)
    out = tmp_path / f"events.{fmt}"
    result = run("export", "--db", db, "--format", fmt, "-o", out)
    assert result.exit_code == 0 and out.stat().st_size > 0 and "wrote" in result.output


def test_summary(corpus, tmp_path):
    db = tmp_path / "s.duckdb"
    run("ingest", corpus, "--db", db)
    result = run("summary", "--db", db)
    assert "2 documents" in result.output and "ASSAULT" in result.output


def test_actor_command():
    result = run("actor", "Russian Foreign Minister Sergei Lavrov", "--date", "2021-12-08")
    record = json.loads(result.output)
    assert record["country"] == "RUS" and record["sector"] == "GOV" and record["text"].startswith("Russian")


def test_dates_command(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "a", "published": "2021-12-08", "text": "They met on Tuesday."}) + "\n{bad\n")
    result = run("dates", path)
    rows = [json.loads(x) for x in result.output.splitlines() if x.startswith("{")]
    assert rows[0]["value"] == "2021-12-07" and rows[0]["doc_id"] == "a"
    assert result.exit_code == 2 and "d.jsonl:2" in result.output


def test_every_command_is_documented_in_the_readme():
    readme = README.read_text("utf-8")
    for name in cli.commands:
        assert f"brink {name}" in readme, f"`brink {name}` is not in README.md"


def test_workers_give_the_same_events_as_one_process(corpus, tmp_path, seeds):
    seeds_file = tmp_path / "seeds.jsonl"
    seeds_file.write_text("\n".join(json.dumps(s) for s in seeds.values()) + "\n")
    one = run("events", corpus, seeds_file)
    two = run("events", corpus, seeds_file, "--workers", "2")
    assert one.exit_code == two.exit_code == 0
    ids_one = [json.loads(x)["event_id"] for x in one.output.splitlines()]
    ids_two = [json.loads(x)["event_id"] for x in two.output.splitlines()]
    assert ids_one == ids_two and len(ids_one) > 10
