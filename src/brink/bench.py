"""`make bench`: brink's speed and memory as ratios measured in one run.

Each measurement runs in its own process so that its peak memory is its own:
  spacy     spaCy's `nlp.pipe` alone over the cleaned texts, same model, same batch size;
  brink     the whole pipeline (read, clean, parse, actors, events, times, places, store);
  workers   the whole pipeline with N worker processes.
Model loading is excluded from every rate. Printed: words/s of each, their ratios, peak RSS, and
each stage's share of brink's own time.

    python -m brink.bench data/sample [--workers 2] [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _documents(paths: list[str]):
    from brink.clean import clean_document
    from brink.errors import InputError
    from brink.ingest import read_inputs

    docs = []
    for item in read_inputs(paths):
        if isinstance(item, InputError):
            continue
        try:
            docs.append(clean_document(item))
        except InputError:
            continue
    return docs


def measure_spacy(paths: list[str], batch_size: int) -> dict[str, Any]:
    import spacy

    from brink.nlp import MODEL

    texts = [d.text for d in _documents(paths)]
    nlp = spacy.load(MODEL)
    start = time.perf_counter()
    words = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        words += sum(1 for t in doc if not (t.is_punct or t.is_space))
    seconds = time.perf_counter() - start
    return {"words": words, "seconds": seconds, "peak_rss_mb": _peak_rss_mb()}


def measure_brink(paths: list[str], workers: int) -> dict[str, Any]:
    from brink import api
    from brink.options import load_options
    from brink.pipeline import shared_pipeline

    options = load_options()
    pipeline = shared_pipeline(options)
    pipeline.warm_up()  # load the models before the clock starts, as for spaCy
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        report = api.ingest(paths, db=Path(tmp) / "bench.duckdb", options=options, workers=workers)
        seconds = time.perf_counter() - start
    return {
        "words": report.words, "seconds": seconds, "documents": report.documents,
        "events": report.events, "peak_rss_mb": _peak_rss_mb(),
        "stage_seconds": dict(pipeline.timings) if workers <= 1 else {},
    }  # fmt: skip


def _run_phase(phase: str, paths: list[str], workers: int, batch_size: int) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "brink.bench", "--phase", phase, "--workers", str(workers),
           "--batch-size", str(batch_size), *paths]  # fmt: skip
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(paths: list[str], workers: int = 2) -> dict[str, Any]:
    from brink.options import load_options

    batch = load_options().batch_size
    spacy_run = _run_phase("spacy", paths, 1, batch)
    brink_run = _run_phase("brink", paths, 1, batch)
    parallel = _run_phase("brink", paths, workers, batch)
    rate = {name: r["words"] / r["seconds"] for name, r in
            (("spacy", spacy_run), ("brink", brink_run), ("workers", parallel))}  # fmt: skip
    stages = brink_run.get("stage_seconds", {})
    total = sum(stages.values()) or 1.0
    return {
        "words": brink_run["words"],
        "spacy_words_per_s": rate["spacy"],
        "brink_words_per_s": rate["brink"],
        "brink_over_spacy": rate["brink"] / rate["spacy"],
        "workers": workers,
        "workers_words_per_s": rate["workers"],
        "workers_speedup": rate["workers"] / rate["brink"],
        "peak_rss_mb": {"spacy": spacy_run["peak_rss_mb"], "brink": brink_run["peak_rss_mb"],
                        "workers_parent": parallel["peak_rss_mb"]},  # fmt: skip
        "stage_share": {k: v / total for k, v in sorted(stages.items(), key=lambda kv: -kv[1])},
        "documents": brink_run["documents"],
        "events": brink_run["events"],
    }


def format_report(r: dict[str, Any]) -> str:
    lines = [
        f"corpus: {r['documents']} documents, {r['words']} words, {r['events']} events",
        f"spaCy nlp.pipe alone      {r['spacy_words_per_s']:8.0f} words/s   "
        f"peak RSS {r['peak_rss_mb']['spacy']:.0f} MB",
        f"brink end-to-end          {r['brink_words_per_s']:8.0f} words/s   "
        f"peak RSS {r['peak_rss_mb']['brink']:.0f} MB",
        f"brink / spaCy             {r['brink_over_spacy']:8.2f}   (target >= 0.70)",
        f"brink --workers {r['workers']}         {r['workers_words_per_s']:8.0f} words/s   "
        f"speed-up {r['workers_speedup']:.2f}x   (target >= 1.6x on 2 cores)",
        "share of brink's single-process time by stage:",
    ]  # fmt: skip
    for stage, share in r["stage_share"].items():
        lines.append(f"  {stage:<10} {share * 100:5.1f} %")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m brink.bench", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--phase", choices=["spacy", "brink"], help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if args.phase == "spacy":
        print(json.dumps(measure_spacy(args.paths, args.batch_size)))
        return
    if args.phase == "brink":
        print(json.dumps(measure_brink(args.paths, args.workers)))
        return
    report = run(args.paths, args.workers)
    print(json.dumps(report, indent=2) if args.json else format_report(report))


if __name__ == "__main__":
    main()
