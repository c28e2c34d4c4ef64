"""`tag(text, anchor)`: find temporal expressions and normalise them to TIMEX3 values.

One pass over the text finds trigger words; the rules (`patterns`) are tried only at the word
starts just before each trigger. Each match goes to its rule's handler (`absolute`, `relative`),
which checks context the regex cannot (is "2000" a year or a head count?) and resolves the value
against the anchor date. Relative expressions that need the anchor get placeholder values
(`XXXX-12-25`, `XXXX-WXX-5`) when there is none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from ..records import Timex
from . import absolute as a
from . import relative as r
from .context import _M, _Ctx
from .patterns import dispatch, master, triggers

_GAP_TIME_DATE = re.compile(r"^\s*(?:[,|–—-]|on|at)?\s*(?:[,|–—-]|on|at)?\s*$", re.I)

HANDLERS: dict[str, Callable[[_Ctx, _M, dict], list[Timex]]] = {
    name: getattr(a, f"h_{name}", None) or getattr(r, f"h_{name}")
    for name in (
        "iso slash time range_md range_dm mdy dmy my fiscal decade century quarter half holiday "
        "year_range year season rel_day ago rel_n period_end rel_unit the_weekend recent ref set "
        "weekday month for_bare duration"
    ).split()
}


def _attach_times(text: str, out: list[Timex]) -> None:
    """Give a clock time the date of a day-precision date written right next to it."""
    for i, t in enumerate(out):
        if t.type != "TIME" or not t.value.startswith("T"):
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(out):
                d = out[j]
                if d.type != "DATE" or not re.fullmatch(r"\d{4}-\d\d-\d\d", d.value):
                    continue
                a, b = (d.end, t.start) if j < i else (t.end, d.start)
                if 0 <= b - a <= 6 and _GAP_TIME_DATE.match(text[a:b]):
                    t.value = d.value + t.value
                    break


_TOKEN = re.compile(r"[A-Za-z]{3,}|\d+")
_START = re.compile(r"(?<![A-Za-z0-9'’])(?:[A-Za-z]+|\d+|['’](?=\d))")
LOOKBACK_WORDS = 6  # the longest lead-in before a trigger word: "the end of next year"


def _scan(text: str, trig: frozenset[str], rules_at: dict[str, re.Pattern[str]]):
    """The matches the full rule alternation would find, tried only near trigger words.

    Every expression contains a digit or a trigger word (`patterns.triggers`). For each trigger,
    the word starts just before it (earliest first, as a left-to-right scan would) are tried,
    each only with the rules that can begin with that word (`patterns.dispatch`). This keeps the
    tagger a small fraction of the parser's time.
    """
    pos = 0
    for tm in _TOKEN.finditer(text):
        ts = tm.start()
        if ts < pos:
            continue
        w = tm.group()
        if not (w[0].isdigit() or w.lower() in trig):
            continue
        lo = max(pos, ts - 48)
        starts = [(m.start(), m.group()) for m in _START.finditer(text, lo, tm.end())]
        for s, tok in starts[-LOOKBACK_WORDS - 1 :]:
            key = "#" if tok[0].isdigit() else ("'" if tok in ("'", "’") else tok.lower())
            pattern = rules_at.get(key)
            if pattern is None:
                continue
            m = pattern.match(text, s)
            if m is not None and m.end() > ts:
                yield m
                pos = m.end()
                break


def tag(text: str, anchor: date | None = None, doc=None) -> list[Timex]:
    """All temporal expressions in `text`, in order, values resolved against `anchor`.

    `doc`, a spaCy parse of the same text, is optional: when given, the tense of the governing
    verb decides ambiguous weekdays and months; otherwise nearby tense cue words do.
    """
    if not text:
        return []
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    _, groups = master()
    ctx = _Ctx(text, anchor, doc)
    out: list[Timex] = []
    for m in _scan(text, triggers(), dispatch()):
        rule = m.lastgroup
        g = {short: m.group(full) for full, short in groups[rule]}
        g = {k: v for k, v in g.items() if v is not None}
        for t in HANDLERS[rule](ctx, _M(m, rule), g):
            if t.text.endswith(("'s", "’s")):  # "Tuesday's meeting": the span is "Tuesday"
                t.end -= 2
                t.text = t.text[:-2]
            out.append(t)
    _attach_times(text, out)
    return out
