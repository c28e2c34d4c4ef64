"""Handlers for expressions resolved against the anchor: weekdays, bare months, seasons,
"last week", "two years ago", references (now, recently), durations and sets."""

from __future__ import annotations

from datetime import timedelta

from ..records import Timex
from . import cal
from .cal import FUTURE, PAST
from .context import (
    _M,
    _MONTH_CONTEXT,
    _NOT_WEEKDAY_BEFORE,
    _PARTS,
    _SEASON_CONTEXT,
    _SET_ADV,
    _Ctx,
    _duration,
    _n,
    _next_word,
    _prev_word,
)


def h_season(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    word = g["s"]
    low = word.lower()
    code, centre = ctx.lex.seasons[low]
    nxt = _next_word(ctx.text, m.end())
    prev = _prev_word(ctx.text, m.start())
    if word[0].isupper() and (prev[:1].isupper() or nxt[:1].isupper()) and not g.get("y"):
        return []  # "Arab Spring", "Winter Olympics"
    if low == "fall" and (nxt in ("of", "in", "from", "to", "into", "under", "by")):
        return []
    rel = (g.get("rel") or "").lower()
    if not (g.get("y") or rel or g.get("mod") or g.get("the")):
        if prev.lower() not in _SEASON_CONTEXT or low == "fall":
            return []
    if g.get("y"):
        y = int(g["y"])
    elif ctx.anchor is None:
        return [ctx.tx(m, None, "DATE", f"XXXX-{code}")]
    elif rel in ("this", ""):
        tense = None if rel == "this" else ctx.tense(m.start(), m.end())
        if rel == "this":
            cur, cy = cal.current_season(ctx.anchor, {c: n for c, n in ctx.lex.seasons.values()})
            if cur == code:
                return [ctx.tx(m, None, "DATE", f"{cy}-{code}")]
        y = cal.season_year(ctx.anchor, centre, tense)
    else:
        cur, cy = cal.current_season(ctx.anchor, {c: n for c, n in ctx.lex.seasons.values()})
        tense = FUTURE if rel in ("next", "coming") else PAST
        shifted = ctx.anchor + timedelta(days=1 if tense == FUTURE else -1)
        y = cal.season_year(shifted, centre, tense)
        if cur == code and cy == y:
            y += 1 if tense == FUTURE else -1
    return [ctx.tx(m, None, "DATE", f"{y}-{code}")]


def h_rel_day(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    a = ctx.anchor
    if g.get("dby"):
        off = -2 if "yesterday" in g["dby"].lower() else 2
        part = None
    elif g.get("tp"):
        off = -1 if g["tp"].lower() == "last" else 0
        part = g["part2"].lower()
        if off == -1 and part != "night":
            return []  # "last morning" is not idiomatic
    else:
        w = g["w"].lower()
        off = {"yesterday": -1, "tomorrow": 1}.get(w, 0)
        part = "night" if w == "tonight" else (g.get("part") or "").lower() or None
    day = (a + timedelta(days=off)).isoformat() if a else "XXXX-XX-XX"
    if part:
        return [ctx.tx(m, None, "TIME", f"{day}T{_PARTS[part]}")]
    return [ctx.tx(m, None, "DATE", day)]


def h_ago(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    code = ctx.lex.units[g["u"].lower()]
    n = _n(ctx, g.get("n")) if g.get("n") else "X"
    future = "now" in g["dir"].lower()
    if n == "X" or ctx.anchor is None or "." in n:
        return [ctx.tx(m, None, "DATE", "FUTURE_REF" if future else "PAST_REF")]
    k = int(n) * (1 if future else -1)
    return [ctx.tx(m, None, "DATE", cal.shift(ctx.anchor, k, code) or "PAST_REF")]


def h_rel_n(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    d = g["dir"].lower()
    if d in ("following", "previous") and not g.get("n"):
        return []  # "the following day": relative to the narrative, not the anchor
    u = g["u"].lower()
    code = ctx.lex.units[u]
    if not g.get("n") and u.endswith("s"):
        if d in ("next", "coming", "remaining"):
            return [ctx.tx(m, None, "DATE", "FUTURE_REF")]
        return [ctx.tx(m, None, "DURATION", _duration("X", code))]
    n = _n(ctx, g.get("n"))
    if code == "TS" and not g.get("n", "").isdigit():
        return []
    return [ctx.tx(m, None, "DURATION", _duration(n, code))]


def h_period_end(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    u = (g.get("u") or g.get("ye") or "").lower()
    a = ctx.anchor
    if "week" in u:
        v = cal.iso_week(a) if a else "XXXX-WXX"
    elif "month" in u:
        v = cal.month_value(a.year, a.month) if a else "XXXX-XX"
    else:
        v = str(a.year) if a else "XXXX"
    return [ctx.tx(m, None, "DATE", v)]


def h_rel_unit(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    rel, u = g["rel"].lower(), g["u"].lower()
    if g.get("the") and rel in ("past", "last", "next", "coming", "previous"):
        return [ctx.tx(m, None, "DURATION", _duration("1", ctx.lex.units.get(u, "W")))]
    a = ctx.anchor
    off = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if u == "weekend":
        if a is None:
            return [ctx.tx(m, None, "DATE", "XXXX-WXX-WE")]
        if rel == "this":
            return [ctx.tx(m, None, "DATE", cal.weekend(a, ctx.tense(m.start(), m.end())))]
        weeks = off if not (a.isoweekday() >= 6 and off == -1) else -1
        return [ctx.tx(m, None, "DATE", cal.weekend(a, None, weeks))]
    code = ctx.lex.units[u]
    if a is None:
        ph = {"W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "DE": "XXX", "CE": "XX"}[code]
        return [ctx.tx(m, None, "DATE", ph)]
    return [ctx.tx(m, None, "DATE", cal.shift(a, off, code))]


def h_the_weekend(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    if ctx.anchor is None:
        return [ctx.tx(m, None, "DATE", "XXXX-WXX-WE")]
    return [ctx.tx(m, None, "DATE", cal.weekend(ctx.anchor, ctx.tense(m.start(), m.end())))]


def h_recent(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    return [ctx.tx(m, None, "DATE", "PAST_REF" if g.get("u") else "FUTURE_REF")]


def h_ref(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    if g.get("past"):
        return [ctx.tx(m, None, "DATE", "PAST_REF")]
    if g.get("fut") or g.get("fut2"):
        if _next_word(ctx.text, m.end()) == "of":
            return []  # "the future of NATO"
        if g.get("fut2"):
            return [ctx.tx(m, "fut2", "DATE", "FUTURE_REF")]
        return [ctx.tx(m, None, "DATE", "FUTURE_REF")]
    w = g["now"].lower()
    if w in ("recently", "lately"):
        return [ctx.tx(m, None, "DATE", "PAST_REF")]
    return [ctx.tx(m, None, "DATE", "PRESENT_REF")]


def h_set(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    if g.get("adv"):
        return [ctx.tx(m, None, "SET", _SET_ADV[g["adv"]])]
    if g.get("wd"):
        return [ctx.tx(m, None, "SET", f"XXXX-WXX-{ctx.lex.weekdays[g['wd'].lower()]}")]
    u = g.get("u") or g.get("u2")
    code = ctx.lex.units[u.lower()]
    n = "2" if g.get("other") else (_n(ctx, g.get("n")) if g.get("n") else "1")
    return [ctx.tx(m, None, "SET", _duration(n, code))]


def h_weekday(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    wd = ctx.lex.weekdays[g["wd"].lower()]
    if _prev_word(ctx.text, m.start()) in _NOT_WEEKDAY_BEFORE:
        return []
    part = g.get("part") or ""
    if part[:1].isupper() and _next_word(ctx.text, m.end())[:1].isupper():
        return []  # a title: "Sunday Morning Futures"
    if g.get("pl"):
        if g.get("rel") or g.get("part"):
            return []
        return [ctx.tx(m, None, "SET", f"XXXX-WXX-{wd}")]
    a = ctx.anchor
    rel = (g.get("rel") or "").lower()
    if a is None:
        day = f"XXXX-WXX-{wd}"
    elif rel in ("last", "past", "this past"):
        d = cal.weekday_in_week(a, wd, -1)
        if rel != "last" and d + timedelta(days=7) < a:
            d += timedelta(days=7)  # "this past Monday": the most recent one
        day = d.isoformat()
    elif rel in ("next", "coming"):
        weeks = 1 if rel == "next" else 0
        d = cal.weekday_in_week(a, wd, weeks)
        if d <= a:
            d += timedelta(days=7)
        day = d.isoformat()
    elif rel == "this":
        day = cal.weekday_in_week(a, wd, 0).isoformat()
    else:
        day = cal.weekday_near(a, wd, ctx.tense(m.start(), m.end())).isoformat()
    if g.get("part"):
        return [ctx.tx(m, None, "TIME", f"{day}T{_PARTS[g['part'].lower()]}")]
    return [ctx.tx(m, None, "DATE", day)]


def h_month(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    name = g["m"]
    mo = ctx.month(name)
    rel = (g.get("rel") or "").lower()
    prev = _prev_word(ctx.text, m.start()).lower()
    possessive = ctx.text[m.end("m") : m.end("m") + 1] in ("'", "’")
    has_ctx = bool(rel or g.get("mod") or prev in _MONTH_CONTEXT or possessive)
    if not has_ctx:
        if name.lower() in ("may", "march"):
            return []  # the verb or noun, not the month
        if prev[:1].isupper() and prev.rstrip(".") in ("Mr", "Ms", "Mrs", "Dr", "Sen", "Rep"):
            return []
        if _next_word(ctx.text, m.end())[:1].isupper():
            return []  # "June Smith"
    a = ctx.anchor
    if a is None:
        return [ctx.tx(m, None, "DATE", f"XXXX-{mo:02d}")]
    if rel in ("last", "past"):
        y = a.year if mo < a.month else a.year - 1
    elif rel in ("next", "coming"):
        y = a.year if mo > a.month else a.year + 1
    elif rel == "this":
        y = a.year
    else:
        y = cal.month_year(a, mo, ctx.tense(m.start(), m.end()))
    return [ctx.tx(m, None, "DATE", cal.month_value(y, mo))]


def h_for_bare(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    code = ctx.lex.units[g["u"].lower()]
    return [ctx.tx(m, "u", "DURATION", _duration("X", code))]


_DURATION_CONTEXT = frozenset(
    """for over within in past last next about nearly almost than after some around least entire
    whole full first final only just another additional extra""".split()
)


def h_duration(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    nword = g["n"].lower()
    u = g["u"].lower()
    code = ctx.lex.units[u]
    text = ctx.text
    if text[m.end() : m.end() + 4] == "-old":
        return []
    if nword in ("a", "an", "one", "some", "many") and not g.get("long"):
        prev = _prev_word(text, m.start()).lower()
        if prev not in _DURATION_CONTEXT and not (nword == "one" and u.endswith("s")):
            return []
    if code == "TS" and not nword.isdigit():
        return []
    if nword in ("a", "an", "one") and u.endswith("s") and u not in ("hours",):
        return []
    return [ctx.tx(m, None, "DURATION", _duration(_n(ctx, g["n"]), code))]
