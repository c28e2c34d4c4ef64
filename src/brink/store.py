"""The store stage: documents and events in an embedded DuckDB file.

Writes are idempotent and batched: storing a document replaces its earlier rows inside one
transaction, and a transaction holds `commit_every` documents, so a run killed mid-way and re-run
ends with every document stored exactly once. Events keep their full JSON record (`record`) beside
flat, indexed columns used for querying.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb

from brink import __version__
from brink.errors import StoreError, UsageError
from brink.records import DocumentResult, Event
from brink.timeline import period_bounds

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,
    title VARCHAR,
    url VARCHAR,
    published DATE,
    published_source VARCHAR,
    source VARCHAR,
    origin VARCHAR,
    content_hash VARCHAR,
    brink_version VARCHAR,
    words INTEGER,
    n_events INTEGER,
    ingested_at TIMESTAMP,
    text VARCHAR
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    group_id VARCHAR,
    doc_id VARCHAR,
    type VARCHAR,
    mode VARCHAR,
    context VARCHAR[],
    actor_text VARCHAR, actor_name VARCHAR, actor_country VARCHAR, actor_sector VARCHAR,
    recipient_text VARCHAR, recipient_name VARCHAR, recipient_country VARCHAR,
    recipient_sector VARCHAR,
    date VARCHAR, date_start DATE, date_end DATE, date_precision VARCHAR, date_source VARCHAR,
    negated BOOLEAN, hypothetical BOOLEAN, future BOOLEAN, historical BOOLEAN,
    reported_by_country VARCHAR,
    location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
    sentence VARCHAR, trigger VARCHAR,
    cameo VARCHAR, score DOUBLE, confidence DOUBLE,
    record JSON
);
CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id);
"""

DOCUMENT_COLUMNS = [
    "id", "title", "url", "published", "published_source", "source", "origin", "content_hash",
    "brink_version", "words", "n_events", "ingested_at", "text",
]  # fmt: skip
EVENT_COLUMNS = [
    "event_id", "group_id", "doc_id", "type", "mode", "context",
    "actor_text", "actor_name", "actor_country", "actor_sector",
    "recipient_text", "recipient_name", "recipient_country", "recipient_sector",
    "date", "date_start", "date_end", "date_precision", "date_source",
    "negated", "hypothetical", "future", "historical", "reported_by_country",
    "location_name", "location_country", "location_lat", "location_lon",
    "sentence", "trigger", "cameo", "score", "confidence", "record",
]  # fmt: skip


def event_row(event: Event) -> tuple[Any, ...]:
    start, end = period_bounds(event.date) if event.date else (None, None)
    a, r, m, loc = event.actor, event.recipient, event.modality, event.location
    return (
        event.event_id, event.group_id, event.doc_id, event.type, event.mode, event.context,
        a.text if a else None, a.name if a else None, a.country if a else None,
        a.sector if a else None,
        r.text if r else None, r.name if r else None, r.country if r else None,
        r.sector if r else None,
        event.date, start, end, event.date_precision, event.date_source,
        m.negated, m.hypothetical, m.future, m.historical,
        m.reported_by.country if m.reported_by else None,
        loc.name if loc else None, loc.country if loc else None,
        loc.lat if loc else None, loc.lon if loc else None,
        event.evidence.sentence, event.evidence.trigger, event.cameo, event.score,
        round(event.confidence, 3), json.dumps(event.to_dict(), ensure_ascii=False),
    )  # fmt: skip


@dataclass
class Query:
    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    since: date | None = None
    until: date | None = None
    doc: str | None = None
    include_unreal: bool = False  # negated / hypothetical events are hidden unless asked for
    limit: int | None = None


class Store:
    """A DuckDB file holding documents and events."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.db = duckdb.connect(self.path, read_only=read_only)
            if not read_only:
                self.db.execute(SCHEMA)
        except duckdb.Error as exc:
            raise StoreError("E020", path=self.path, detail=str(exc)) from exc

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------
    def stored_hashes(self) -> dict[str, tuple[str, str]]:
        """doc id → (content hash, brink version), to skip documents already done."""
        rows = self.db.execute("SELECT id, content_hash, brink_version FROM documents").fetchall()
        return {row[0]: (row[1], row[2]) for row in rows}

    def write(self, results: Sequence[DocumentResult]) -> None:
        """Store a batch of documents and their events in one transaction (replacing old rows)."""
        if not results:
            return
        now = datetime.now(UTC).replace(tzinfo=None)
        ids = [r.document.id for r in results]
        doc_rows = [
            (
                d.id, d.title, d.url, d.published, d.published_source, d.source, d.origin,
                d.content_hash, __version__, r.words, len(r.events), now, d.text,
            )
            for r in results
            for d in [r.document]
        ]  # fmt: skip
        event_rows = [event_row(e) for r in results for e in r.events]
        self.db.execute("BEGIN TRANSACTION")
        try:
            self.db.execute("DELETE FROM events WHERE list_contains(?, doc_id)", [ids])
            self.db.execute("DELETE FROM documents WHERE list_contains(?, id)", [ids])
            self._insert("documents", DOCUMENT_COLUMNS, doc_rows)
            self._insert("events", EVENT_COLUMNS, event_rows)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _insert(self, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        """Bulk insert through an Arrow table: row-by-row executemany is ~50x slower in DuckDB."""
        if not rows:
            return
        import pyarrow as pa

        arrow = pa.Table.from_pylist([dict(zip(columns, row, strict=True)) for row in rows])
        self.db.register("brink_rows", arrow)
        try:
            cols = ", ".join(columns)
            self.db.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM brink_rows")
        finally:
            self.db.unregister("brink_rows")

    # --- reading -------------------------------------------------------------------------
    def _where(self, q: Query) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for column, value in (("actor", q.actor), ("recipient", q.recipient)):
            if value:
                # A country/IGO code matches exactly; anything else matches the name or text.
                clauses.append(
                    f"({column}_country = ? OR {column}_name ILIKE ? OR {column}_text ILIKE ?)"
                )
                params += [value.upper(), f"%{value}%", f"%{value}%"]
        if q.type:
            clauses.append("type = ?")
            params.append(q.type.upper())
        if q.since:
            clauses.append("date_end >= ?")
            params.append(q.since)
        if q.until:
            clauses.append("date_start <= ?")
            params.append(q.until)
        if q.doc:
            clauses.append("doc_id = ?")
            params.append(q.doc)
        if not q.include_unreal:
            clauses.append("NOT negated AND NOT hypothetical")
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        return where, params

    def query(self, q: Query) -> Iterator[dict[str, Any]]:
        """Matching events as full JSON records, by date then document order."""
        where, params = self._where(q)
        sql = f"SELECT record FROM events{where} ORDER BY date_start NULLS LAST, doc_id, event_id"
        if q.limit:
            sql += f" LIMIT {int(q.limit)}"
        for (record,) in self.db.execute(sql, params).fetchall():
            yield json.loads(record)

    def export(self, fmt: str, output: str | Path, q: Query | None = None) -> int:
        """Write events to parquet, csv (flat columns) or jsonl (full records)."""
        q = q or Query(include_unreal=True)
        where, params = self._where(q)
        count = self.db.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]
        if fmt == "jsonl":
            with open(output, "w", encoding="utf-8") as out:
                for record in self.query(q):
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
            return int(count)
        if fmt not in ("parquet", "csv"):
            raise UsageError("E021", fmt=fmt)
        flat = ", ".join(c for c in EVENT_COLUMNS if c != "record")
        if fmt == "csv":
            flat = flat.replace("context", "array_to_string(context, ';') AS context")
        options = "(FORMAT PARQUET)" if fmt == "parquet" else "(HEADER, DELIMITER ',')"
        # COPY cannot take prepared parameters, so filter into a temporary view first.
        self.db.execute(
            f"CREATE OR REPLACE TEMP VIEW brink_export AS SELECT {flat} FROM events{where} "
            "ORDER BY date_start NULLS LAST, doc_id, event_id",
            params,
        )
        target = str(output).replace("'", "''")
        self.db.execute(f"COPY brink_export TO '{target}' {options}")
        return int(count)

    def summary(self) -> dict[str, Any]:
        one = self.db.execute
        docs, words = one("SELECT count(*), coalesce(sum(words), 0) FROM documents").fetchone()
        total = one("SELECT count(*) FROM events").fetchone()[0]
        by_type = one(
            "SELECT type, count(*) FROM events WHERE NOT negated AND NOT hypothetical "
            "GROUP BY type ORDER BY 2 DESC"
        ).fetchall()
        dyads = one(
            "SELECT actor_country, recipient_country, count(*) FROM events "
            "WHERE actor_country IS NOT NULL AND recipient_country IS NOT NULL "
            "AND NOT negated AND NOT hypothetical "
            "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 10"
        ).fetchall()
        flagged = one(
            "SELECT sum(negated::INT), sum(hypothetical::INT), sum(future::INT), "
            "sum(historical::INT), count(reported_by_country) FROM events"
        ).fetchone()
        span = one("SELECT min(published), max(published) FROM documents").fetchone()
        return {
            "documents": docs,
            "words": int(words),
            "events": total,
            "by_type": dict(by_type),
            "top_dyads": [(a, r, n) for a, r, n in dyads],
            "negated": flagged[0] or 0,
            "hypothetical": flagged[1] or 0,
            "future": flagged[2] or 0,
            "historical": flagged[3] or 0,
            "reported": flagged[4] or 0,
            "published_from": span[0],
            "published_to": span[1],
        }


def iter_batches(items: Iterable[DocumentResult], size: int) -> Iterator[list[DocumentResult]]:
    batch: list[DocumentResult] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
