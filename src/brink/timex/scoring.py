"""A TempEval-3-style scorer for temporal expressions, and the marked-up gold format it reads.

Spans match relaxed (any overlap; one-to-one, greedy by largest overlap) or strict (same
offsets). For attributes, an expression counts as correct when its span matches relaxed and the
attribute (type, value) is equal; attribute precision, recall and F1 are taken over all
predicted and all gold expressions, as in TempEval-3.

Gold format (one item per line): `The talks ended on {Tuesday|DATE|2021-12-07}.` marks an
expression; `@ 2021-12-08` sets the anchor for the lines after it (`@ none` clears it); `#`
starts a comment. A line without marks expects no expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..records import Timex

_MARK = re.compile(r"\{([^{}|]+)\|(DATE|TIME|DURATION|SET)\|([^{}|]+)\}")


@dataclass
class GoldItem:
    text: str
    anchor: date | None
    timexes: list[Timex]
    line: int


def parse_marked(line: str) -> tuple[str, list[Timex]]:
    """Plain text and gold timexes of one marked-up line."""
    out: list[str] = []
    gold: list[Timex] = []
    pos = 0
    n = 0
    for m in _MARK.finditer(line):
        out.append(line[pos : m.start()])
        n += m.start() - pos
        span = m.group(1)
        gold.append(Timex(n, n + len(span), span, m.group(2), m.group(3)))
        out.append(span)
        n += len(span)
        pos = m.end()
    out.append(line[pos:])
    return "".join(out), gold


def read_gold(text: str) -> list[GoldItem]:
    items = []
    anchor: date | None = None
    for i, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            arg = line[1:].strip()
            anchor = None if arg == "none" else date.fromisoformat(arg)
            continue
        plain, gold = parse_marked(line)
        items.append(GoldItem(plain, anchor, gold, i))
    return items


@dataclass
class PRF:
    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}"


@dataclass
class TimexScore:
    relaxed: PRF
    strict: PRF
    type: PRF
    value: PRF

    def report(self) -> str:
        return (
            f"gold={self.relaxed.n_gold} predicted={self.relaxed.n_pred}\n"
            f"span relaxed  {self.relaxed}\n"
            f"span strict   {self.strict}\n"
            f"type          {self.type}\n"
            f"value         {self.value}"
        )


def _overlap(a: Timex, b: Timex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def align(gold: list[Timex], pred: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping gold and predicted expressions, largest overlap first."""
    cands = [
        (_overlap(g, p), i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(pred)
        if _overlap(g, p) > 0
    ]
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in cands:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((gold[i], pred[j]))
    return pairs


def score(docs: Iterable[tuple[list[Timex], list[Timex]]]) -> TimexScore:
    """Score `(gold, predicted)` pairs of expression lists, one pair per document."""
    n_gold = n_pred = relaxed = strict = typ = val = 0
    for gold, pred in docs:
        n_gold += len(gold)
        n_pred += len(pred)
        for g, p in align(gold, pred):
            relaxed += 1
            strict += (g.start, g.end) == (p.start, p.end)
            typ += g.type == p.type
            val += g.type == p.type and g.value == p.value
    return TimexScore(
        PRF(relaxed, n_pred, n_gold),
        PRF(strict, n_pred, n_gold),
        PRF(typ, n_pred, n_gold),
        PRF(val, n_pred, n_gold),
    )
