"""Measure the actors stage: KB load time and memory, phrase and document resolution speed.

    python -m brink.actors.bench [PHRASES.tsv] [--docs JSONL] [--limit N]

Prints one JSON object. Meant to be called by `make bench` (numbers, not a pass/fail test).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path
from typing import Any


def _rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(phrases: Path | None = None, docs: Path | None = None,
            limit: int = 20) -> dict[str, Any]:
    from brink.actors.kb import build_kb

    out: dict[str, Any] = {}
    rss0 = _rss_mb()
    t = time.perf_counter()
    kb = build_kb()
    out["kb_load_s"] = round(time.perf_counter() - t, 3)
    out["kb_rss_delta_mb"] = round(_rss_mb() - rss0, 1)
    tracemalloc.start()
    build_kb()
    out["kb_traced_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
    tracemalloc.stop()
    out["kb"] = kb.stats()

    from brink.actors.resolver import ActorResolver

    resolver = ActorResolver(kb)
    if phrases is not None and phrases.exists():
        rows = [line.rstrip("\n").split("\t") for line in phrases.open(encoding="utf-8")
                if line.strip() and not line.startswith("#")][1:]
        t = time.perf_counter()
        for row in rows:  # the first pass also builds the lazy fuzzy-matching indexes
            resolver.resolve(row[0], date.fromisoformat(row[1]))
        out["first_pass_s"] = round(time.perf_counter() - t, 3)
        t = time.perf_counter()
        for row in rows:
            resolver.resolve(row[0], date.fromisoformat(row[1]))
        out["phrases"] = len(rows)
        out["phrase_ms"] = round((time.perf_counter() - t) / max(1, len(rows)) * 1000, 3)
    if docs is not None and docs.exists():
        from brink.nlp import load_nlp

        nlp = load_nlp()
        stories = [json.loads(line) for line in docs.open(encoding="utf-8")][:limit]
        parsed = list(nlp.pipe([s.get("text") or "" for s in stories]))
        words = sum(len(d) for d in parsed)
        t = time.perf_counter()
        mentions = sum(len(resolver.scan(d, date(2025, 1, 1)).mentions) for d in parsed)
        elapsed = time.perf_counter() - t
        out["docs"] = len(parsed)
        out["scan_ms_per_doc"] = round(elapsed / max(1, len(parsed)) * 1000, 2)
        out["scan_ms_per_1k_tokens"] = round(elapsed / max(1, words) * 1e6, 2)
        out["mentions_per_doc"] = round(mentions / max(1, len(parsed)), 1)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("phrases", nargs="?", type=Path)
    parser.add_argument("--docs", type=Path)
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args(argv)
    json.dump(measure(args.phrases, args.docs, args.limit), sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
