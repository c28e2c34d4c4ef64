"""The DuckDB store: idempotent batched writes, filters, exports."""

from __future__ import annotations

import csv
import json
from datetime import date

import duckdb
import pytest

from brink.errors import UsageError
from brink.records import Actor, Document, DocumentResult, Event, Evidence, Modality
from brink.store import Query, Store


def event(doc_id: str, n: int, type_: str, actor: str, recipient: str | None, day: str,
          hypothetical: bool = False) -> Event:  # fmt: skip
    sentence = f"Sentence {n} of {doc_id}."
    return Event(
        event_id=f"{doc_id}-{n}", group_id=f"{doc_id}-g{n}", doc_id=doc_id, type=type_, mode=None,
        context=["military"], actor=Actor(text=actor, name=actor, country=actor, sector="GOV"),
        recipient=Actor(text=recipient, country=recipient) if recipient else None,
        date=day, date_precision="day" if len(day) == 10 else "month", date_source="text",
        modality=Modality(hypothetical=hypothetical), cameo="130", score=-3.5, confidence=0.8,
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence), trigger="warned"),
    )  # fmt: skip


def result(doc_id: str, events: list[Event]) -> DocumentResult:
    doc = Document(id=doc_id, text=f"text of {doc_id}", published=date(2021, 12, 8), content_hash=doc_id * 2)
    return DocumentResult(doc, events, words=3)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        s.write([
            result("d1", [event("d1", 1, "THREATEN", "USA", "RUS", "2021-12-07"),
                          event("d1", 2, "REQUEST", "RUS", "USA", "2021-12-07")]),
            result("d2", [event("d2", 1, "THREATEN", "RUS", "UKR", "2021-11"),
                          event("d2", 2, "ASSAULT", "RUS", "UKR", "2021-12-09", hypothetical=True)]),
        ])  # fmt: skip
        yield s


def test_rewriting_a_document_replaces_its_rows(store):
    store.write([result("d1", [event("d1", 9, "CONSULT", "USA", "RUS", "2021-12-07")])])
    store.write([result("d1", [event("d1", 9, "CONSULT", "USA", "RUS", "2021-12-07")])])
    docs = store.db.execute("SELECT count(*) FROM documents").fetchone()[0]
    d1 = [r["type"] for r in store.query(Query(doc="d1"))]
    assert docs == 2 and d1 == ["CONSULT"]


def test_filters_by_actor_type_and_date_overlap(store):
    rows = list(store.query(Query(actor="RUS", type="threaten", since=date(2021, 11, 15))))
    assert [(r["doc_id"], r["date"]) for r in rows] == [("d2", "2021-11")]
    assert [r["event_id"] for r in store.query(Query(recipient="usa"))] == ["d1-2"]


def test_hypothetical_events_hidden_unless_asked(store):
    assert "d2-2" not in {r["event_id"] for r in store.query(Query(doc="d2"))}
    assert "d2-2" in {r["event_id"] for r in store.query(Query(doc="d2", include_unreal=True))}


def test_records_round_trip_as_json(store):
    [record] = store.query(Query(doc="d1", type="REQUEST"))
    assert record["schema"] == "brink.event/2"
    assert record["actor"]["country"] == "RUS" and record["evidence"]["trigger"] == "warned"


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_formats(store, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    assert store.export(fmt, out) == 4
    if fmt == "parquet":
        rows = duckdb.sql(f"SELECT type, actor_country FROM read_parquet('{out}') ORDER BY 1, 2").fetchall()
        assert rows[0] == ("ASSAULT", "RUS")
    elif fmt == "csv":
        with out.open() as handle:
            rows = list(csv.DictReader(handle))
        assert {r["type"] for r in rows} == {"THREATEN", "REQUEST", "ASSAULT"} and rows[0]["context"] == "military"
    else:
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        assert len(rows) == 4 and all(r["schema"] == "brink.event/2" for r in rows)


def test_unknown_export_format(store, tmp_path):
    with pytest.raises(UsageError) as err:
        store.export("xlsx", tmp_path / "x.xlsx")
    assert err.value.code == "E021" and "xlsx" in str(err.value)


def test_summary_counts_real_events(store):
    s = store.summary()
    assert s["documents"] == 2 and s["events"] == 4 and s["hypothetical"] == 1
    assert s["by_type"] == {"THREATEN": 2, "REQUEST": 1}
