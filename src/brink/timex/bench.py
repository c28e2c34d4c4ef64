"""Tagger speed as a ratio to spaCy's parse time, in one run (for `make bench` to call).

python -m brink.timex.bench data/sample/voa_stories.jsonl [--no-parse]
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

from .tagger import tag


def _anchor(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def measure(records: list[dict], parse: bool = True, repeat: int = 3) -> dict:
    """Seconds to tag the texts (best of `repeat`), words/s, and % of one spaCy parse."""
    texts = [r["text"] for r in records if isinstance(r.get("text"), str)]
    anchors = [_anchor(r.get("published")) for r in records if isinstance(r.get("text"), str)]
    words = sum(len(t.split()) for t in texts)
    tag("warm up on December 8, 2021", None)
    best = float("inf")
    found = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        found = sum(len(tag(t, a)) for t, a in zip(texts, anchors, strict=True))
        best = min(best, time.perf_counter() - t0)
    out = {
        "docs": len(texts),
        "words": words,
        "timexes": found,
        "tag_seconds": round(best, 4),
        "tag_words_per_second": round(words / best) if best else None,
    }
    if parse:
        from ..nlp import load_nlp

        nlp = load_nlp()
        list(nlp.pipe(texts[:1]))
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        spent = time.perf_counter() - t0
        out["parse_seconds"] = round(spent, 3)
        out["tag_percent_of_parse"] = round(100 * best / spent, 2)
    return out


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    paths = [a for a in args if not a.startswith("--")]
    if not paths:
        raise SystemExit("usage: python -m brink.timex.bench FILE.jsonl [--no-parse]")
    records = []
    for p in paths:
        for line in Path(p).read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    print(json.dumps(measure(records, parse="--no-parse" not in args), indent=2))


if __name__ == "__main__":
    main()
