"""brink's Python API. Every CLI command is a thin wrapper over one function here, with the same
argument names, so `brink ingest corpus/ --db x.duckdb` is `brink.api.ingest(["corpus/"], db="x.duckdb")`.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from brink import __version__
from brink.ingest import read_inputs
from brink.options import Options, load_options
from brink.pipeline import Pipeline, analyse_parallel, shared_pipeline
from brink.records import Document, DocumentResult, Event, InputProblem
from brink.store import Query, Store, iter_batches


def _documents(paths: Iterable[str | Path], options: Options, published: date | None,
               pipeline: Pipeline) -> Iterator[Document | InputProblem]:  # fmt: skip
    for item in pipeline.clean(read_inputs(paths, options.max_document_mb)):
        if published is not None and isinstance(item, Document):
            item = dataclasses.replace(item, published=published, published_source="given")
        yield item


def extract_events(
    paths: Iterable[str | Path],
    published: date | None = None,
    options: Options | None = None,
    workers: int = 1,
) -> Iterator[Event | InputProblem]:
    """Events of every document in `paths`, in document order; skipped inputs as problems."""
    options = options or load_options()
    pipeline = shared_pipeline(options)
    for outcome in analyse_parallel(_documents(paths, options, published, pipeline), options, workers):
        if isinstance(outcome, InputProblem):
            yield outcome
        else:
            yield from outcome.events


@dataclass
class IngestReport:
    documents: int = 0
    events: int = 0
    words: int = 0
    unchanged: int = 0
    problems: list[InputProblem] = field(default_factory=list)


def ingest(
    paths: Iterable[str | Path],
    db: str | Path = "brink.duckdb",
    options: Options | None = None,
    workers: int = 1,
    force: bool = False,
    published: date | None = None,
    on_progress: Callable[[DocumentResult | InputProblem], None] | None = None,
) -> IngestReport:
    """Store the documents in `paths` and their events; re-ingesting replaces, never duplicates.

    Documents already stored with the same text by this brink version are skipped unless `force`.
    Writes are committed every `options.commit_every` documents.
    """
    options = options or load_options()
    report = IngestReport()
    pipeline = shared_pipeline(options)
    with Store(db) as store:
        done = {} if force else store.stored_hashes()

        def todo() -> Iterator[Document | InputProblem]:
            for item in _documents(paths, options, published, pipeline):
                if isinstance(item, Document) and done.get(item.id) == (item.content_hash, __version__):
                    report.unchanged += 1
                    continue
                yield item

        def results() -> Iterator[DocumentResult]:
            for outcome in analyse_parallel(todo(), options, workers):
                if on_progress:
                    on_progress(outcome)
                if isinstance(outcome, InputProblem):
                    report.problems.append(outcome)
                    continue
                yield outcome

        for batch in iter_batches(results(), options.commit_every):
            start = time.perf_counter()
            store.write(batch)
            pipeline.timings["store"] += time.perf_counter() - start
            report.documents += len(batch)
            report.events += sum(len(r.events) for r in batch)
            report.words += sum(r.words for r in batch)
    return report


def query(
    db: str | Path = "brink.duckdb",
    actor: str | None = None,
    recipient: str | None = None,
    type: str | None = None,  # noqa: A002 - mirrors the CLI option
    since: date | None = None,
    until: date | None = None,
    doc: str | None = None,
    include_unreal: bool = False,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored events matching the filters, as `brink.event/2` records."""
    q = Query(actor, recipient, type, since, until, doc, include_unreal, limit)
    with Store(db, read_only=True) as store:
        return list(store.query(q))


def export(db: str | Path, format: str, output: str | Path) -> int:  # noqa: A002
    """Write every stored event to parquet, csv or jsonl; returns the number of events."""
    with Store(db, read_only=True) as store:
        return store.export(format, output)


def summary(db: str | Path = "brink.duckdb") -> dict[str, Any]:
    with Store(db, read_only=True) as store:
        return store.summary()
