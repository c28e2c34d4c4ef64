"""The pipeline: raw inputs → cleaned documents → parses → actors, events, times, places.

`Pipeline.run()` streams documents through every stage in one process; `run_parallel()` splits the
stream over worker processes, each loading its own models once. Every stage is a function over the
records in `brink.records`, so the same per-batch function (`process_batch`) also runs as a Dask task.
A document that fails at any stage becomes an `InputProblem`; the rest of the batch goes on.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from brink.clean import clean_document
from brink.errors import InputError
from brink.options import Options
from brink.records import Document, DocumentResult, InputProblem, RawDocument

Item = RawDocument | InputError
Outcome = DocumentResult | InputProblem


def problem(exc: InputError) -> InputProblem:
    return InputProblem(origin=exc.origin, code=exc.code, message=str(exc).split("] ", 1)[-1])


class TimedResolver:
    """Wraps the actor resolver to count its time apart from the event coder's."""

    def __init__(self, resolver, timings: dict[str, float]) -> None:
        self.resolver = resolver
        self.timings = timings

    @property
    def kb(self):
        return self.resolver.kb

    def resolve_span(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return self.resolver.resolve_span(*args, **kwargs)
        finally:
            self.timings["actors"] += time.perf_counter() - start


@dataclass
class Pipeline:
    options: Options
    timings: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def warm_up(self) -> None:
        """Load every model and knowledge base now rather than on the first document."""
        from brink.events import load_lexicon
        from brink.places import load_gazetteer

        self.nlp, self.resolver, load_lexicon(), load_gazetteer()  # noqa: B018

    @cached_property
    def nlp(self):
        from brink.nlp import load_nlp

        return load_nlp()

    @cached_property
    def resolver(self):
        from brink.actors import ActorResolver, load_kb

        return ActorResolver(load_kb())

    def clean(self, items: Iterable[Item]) -> Iterator[Document | InputProblem]:
        for item in items:
            if isinstance(item, InputError):
                yield problem(item)
                continue
            start = time.perf_counter()
            try:
                cleaned: Document | InputProblem = clean_document(item, precision=self.options.html_precision)
            except InputError as exc:
                cleaned = problem(exc)
            self.timings["clean"] += time.perf_counter() - start
            yield cleaned

    def run(self, items: Iterable[Item]) -> Iterator[Outcome]:
        """Every input's outcome, in input order."""
        yield from self.analyse_documents(self.clean(items))

    def analyse_documents(self, documents: Iterable[Document | InputProblem]) -> Iterator[Outcome]:
        """Parse and code cleaned documents in spaCy batches; problems pass through in order."""
        pending: list[Document] = []
        for item in documents:
            if isinstance(item, InputProblem):
                yield from self._analyse(pending)
                pending = []
                yield item
                continue
            pending.append(item)
            if len(pending) >= self.options.batch_size:
                yield from self._analyse(pending)
                pending = []
        yield from self._analyse(pending)

    def _analyse(self, documents: list[Document]) -> Iterator[Outcome]:
        if not documents:
            return
        pairs = ((d.text, d) for d in documents)
        parsed = self.nlp.pipe(pairs, batch_size=self.options.batch_size, as_tuples=True)
        while True:
            start = time.perf_counter()
            try:
                doc, document = next(parsed)
            except StopIteration:
                break
            finally:
                self.timings["parse"] += time.perf_counter() - start
            try:
                yield self.analyse(document, doc)
            except Exception as exc:  # one bad document must not end the batch
                yield InputProblem(document.origin or document.id, "E012", f"processing failed: {exc!r}")

    def analyse(self, document: Document, doc) -> DocumentResult:
        from brink.events import code_document
        from brink.places import geoparse
        from brink.timex import tag

        clock = time.perf_counter
        t0 = clock()
        timexes = tag(document.text, document.published, doc=doc)
        t1 = clock()
        doc_actors = self.resolver.scan(doc, document.published)
        t2 = clock()
        countries = {m.country for m in getattr(doc_actors, "mentions", []) if getattr(m, "country", None)}
        places = geoparse(doc, countries)
        t3 = clock()
        actors_before = self.timings["actors"]
        events = code_document(
            document, doc, TimedResolver(self.resolver, self.timings), doc_actors, timexes=timexes,
            places=places, min_confidence=self.options.min_confidence,
            historical_days=self.options.historical_days,
        )  # fmt: skip
        t4 = clock()
        self.timings["events"] += (t4 - t3) - (self.timings["actors"] - actors_before)
        self.timings["time"] += t1 - t0
        self.timings["actors"] += t2 - t1
        self.timings["places"] += t3 - t2
        if not self.options.keep_negated:
            events = [e for e in events if not e.modality.negated]
        if not self.options.keep_hypothetical:
            events = [e for e in events if not e.modality.hypothetical]
        words = sum(1 for t in doc if not (t.is_punct or t.is_space))
        return DocumentResult(document, events, timexes, places, words)


def process_batch(documents: list[Document], options: Options) -> list[Outcome]:
    """One batch of cleaned documents through the analysis stages: the unit of work for worker
    processes and Dask tasks."""
    return list(shared_pipeline(options).analyse_documents(documents))


_PIPELINES: dict[Options, Pipeline] = {}
PARALLEL_CHUNK = 4  # documents handed to a worker at a time


def shared_pipeline(options: Options) -> Pipeline:
    if options not in _PIPELINES:
        _PIPELINES[options] = Pipeline(options)
    return _PIPELINES[options]


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analyse_parallel(
    documents: Iterable[Document | InputProblem], options: Options, workers: int
) -> Iterator[Outcome]:
    """Outcomes in input order; cleaned documents are analysed by `workers` processes."""
    if workers <= 1:
        yield from shared_pipeline(options).analyse_documents(documents)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    problems: list[InputProblem] = []

    def batches() -> Iterator[list[Document]]:
        # Small chunks keep both workers busy to the end; each worker still batches inside spaCy.
        yield from _chunks(_split_problems(documents, problems), PARALLEL_CHUNK)

    with ctx.Pool(workers) as pool:
        for outcomes in pool.imap(_process_batch_star, ((b, options) for b in batches())):
            while problems:
                yield problems.pop(0)
            yield from outcomes
    yield from problems


def _split_problems(
    items: Iterable[Document | InputProblem], problems: list[InputProblem]
) -> Iterator[Document]:
    for item in items:
        if isinstance(item, InputProblem):
            problems.append(item)
        else:
            yield item


def _process_batch_star(job: tuple[list[Document], Options]) -> list[Outcome]:
    return process_batch(*job)
