"""What geoparsing costs, as ratios to spaCy parsing measured in the same run.

    python -m brink.places.bench data/sample/voa_stories.jsonl

Parses every document once with spaCy (timed), then runs geoparse alone over the parsed docs
(timed), and reports geoparse time as a percentage of parse time, with the gazetteer's load time
and memory. `measure()` returns the same numbers for `brink.bench`.
"""

from __future__ import annotations

import json
import sys
import time
import tracemalloc
from pathlib import Path


def measure(texts: list[str], batch_size: int = 16) -> dict[str, float]:
    from brink.nlp import load_nlp
    from brink.places import geoparse
    from brink.places.gazetteer import load_gazetteer

    load_gazetteer.cache_clear()
    t0 = time.perf_counter()
    gaz = load_gazetteer()
    load_s = time.perf_counter() - t0
    load_gazetteer.cache_clear()
    tracemalloc.start()
    load_gazetteer()
    load_mb = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    load_gazetteer.cache_clear()
    gaz = load_gazetteer()

    nlp = load_nlp()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    parse_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    places = sum(len(geoparse(doc, gazetteer=gaz)) for doc in docs)
    geoparse_s = time.perf_counter() - t0
    return {
        "documents": float(len(docs)),
        "places": float(places),
        "parse_s": parse_s,
        "geoparse_s": geoparse_s,
        "geoparse_pct_of_parse": 100.0 * geoparse_s / parse_s if parse_s else 0.0,
        "gazetteer_load_s": load_s,
        "gazetteer_mb": load_mb,
    }


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "data/sample/voa_stories.jsonl")
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    texts = [json.loads(line).get("text") for f in files
             for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [t for t in texts if t]
    for key, value in measure(texts).items():
        print(f"{key}: {value:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
