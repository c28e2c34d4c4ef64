"""Handlers for explicit dates and times: numeric formats, month names, years, quarters."""

from __future__ import annotations

import re
from datetime import date

from ..records import Timex
from . import cal
from .context import (
    _M,
    _MONTH_CONTEXT,
    _NOT_YEAR_AFTER,
    _NOT_YEAR_BEFORE,
    _RANGE_OK_AFTER,
    _TIME_CONTEXT,
    _Ctx,
    _day_value,
    _next_word,
    _ord_end,
    _prev_word,
    _rel_year,
    _safe_day,
)


def h_iso(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    try:
        d = date(int(g["y"]), int(g["m"]), int(g["d"]))
    except ValueError:
        return []
    if g.get("hh"):
        return [ctx.tx(m, None, "TIME", f"{d.isoformat()}T{g['hh']}:{g['mi']}")]
    return [ctx.tx(m, None, "DATE", d.isoformat())]


def h_slash(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    v = _day_value(ctx, ctx.year(g["y"]), int(g["m"]), int(g["d"]), m.start(), m.end())
    return [ctx.tx(m, None, "DATE", v)] if v else []


def h_time(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    if g.get("noon"):
        w = g["noon"].lower()
        hh, mi = (0, 0) if w == "midnight" else (12, 0)
    elif g.get("ap"):
        hh, mi = int(g["h"]) % 12, int(g.get("mi") or 0)
        if g["ap"].lower().startswith("p"):
            hh += 12
    elif g.get("mil"):
        hh, mi = int(g["mil"]), int(g["milm"])
    else:
        hh, mi = int(g["h24"]), int(g["mi24"])
        prev = _prev_word(ctx.text, m.start()).lower()
        if not g.get("tz") and prev not in _TIME_CONTEXT:
            return []  # a bare "10:30" may be a score, a ratio or a verse
    return [ctx.tx(m, None, "TIME", f"T{hh:02d}:{mi:02d}")]


def _range(ctx: _Ctx, m: re.Match, g: dict, day_first: bool) -> list[Timex]:
    mo = ctx.month(g["m"])
    mo2 = ctx.month(g["m2"]) if g.get("m2") else mo
    d1, d2 = int(g["d1"]), int(g["d2"])
    y = ctx.year(g.get("y"))
    if not day_first and not g.get("y") and not g.get("m2"):
        nm = re.match(r"\s+([a-z]+)", ctx.text[m.end() : m.end() + 30])
        nxt = nm.group(1) if nm else ""
        if nxt and nxt not in _RANGE_OK_AFTER:
            # "on March 3 and 20 soldiers ...": only the first part is a date
            s, e = m.start(), m.end("d1")
            if g.get("wd") is None:
                s = m.start("m")
            v = _day_value(ctx, y, mo, d1, s, e)
            return [ctx.span(s, _ord_end(ctx.text, e), "DATE", v)] if v else []
    if (mo2, d2) < (mo, d1) and mo2 == mo:
        return []
    if day_first:
        s1, e1 = m.start("d1"), _ord_end(ctx.text, m.end("d1"))
        s2, e2 = m.start("d2"), m.end()
    else:
        s1, e1 = m.start(), _ord_end(ctx.text, m.end("d1"))
        s2, e2 = (m.start("m2") if g.get("m2") else m.start("d2")), m.end()
    if y is None and ctx.anchor is not None:
        y = cal.pick_year(ctx.anchor, *_safe_day(mo, d1), ctx.tense(m.start(), m.end()))
    v1 = _day_value(ctx, y, mo, d1, s1, e1)
    v2 = _day_value(ctx, y if mo2 >= mo else (y + 1 if y else None), mo2, d2, s2, e2)
    out = []
    if v1:
        out.append(ctx.span(s1, e1, "DATE", v1))
    if v2:
        out.append(ctx.span(s2, e2, "DATE", v2))
    return out


def h_range_md(ctx, m, g):
    return _range(ctx, m, g, day_first=False)


def h_range_dm(ctx, m, g):
    return _range(ctx, m, g, day_first=True)


def h_mdy(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    v = _day_value(ctx, ctx.year(g.get("y")), ctx.month(g["m"]), int(g["d"]), m.start(), m.end())
    return [ctx.tx(m, None, "DATE", v)] if v else []


def h_dmy(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    if g.get("the") and not g.get("ord"):
        return []
    return h_mdy(ctx, m, g)


def h_my(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    return [ctx.tx(m, None, "DATE", cal.month_value(int(g["y"]), ctx.month(g["m"])))]


def h_fiscal(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    y = ctx.year((g.get("y") or g.get("y2") or g.get("y3") or "").lstrip("'’"))
    return [ctx.tx(m, None, "DATE", f"FY{y}")] if y else []


def h_decade(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    if g.get("dec"):
        dec = g["dec"]
        if dec.endswith("0") and dec != "200":  # "the 1800s": the century
            return [ctx.tx(m, None, "DATE", dec[:2])]
        return [ctx.tx(m, None, "DATE", dec)]
    digit = g.get("d2") or g.get("d3")
    if ctx.anchor is not None and int(digit) * 10 <= ctx.anchor.year % 100 - 10:
        cent = ctx.anchor.year // 100
    else:
        cent = (ctx.anchor.year // 100 - 1) if ctx.anchor else 19
    return [ctx.tx(m, None, "DATE", f"{cent}{digit}")]


def h_century(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    n = g["n"].lower()
    num = ctx.lex.ordinals.get(n) or int(re.sub(r"\D", "", n) or 0)
    return [ctx.tx(m, None, "DATE", f"{num - 1:02d}")] if num else []


def h_quarter(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    ords = {
        "first": 1,
        "1st": 1,
        "second": 2,
        "2nd": 2,
        "third": 3,
        "3rd": 3,
        "fourth": 4,
        "4th": 4,
        "final": 4,
    }
    q = y = None
    if g.get("q") or g.get("q0"):
        q = int((g.get("q") or g["q0"])[1])
        y = ctx.year(g.get("qy") or g.get("qyy") or g.get("qy0"))
    elif g.get("ord") and (g["ord"] != "last" or g.get("y") or g.get("yrel")):
        q = ords.get(g["ord"], 4)
        y = int(g["y"]) if g.get("y") else (_rel_year(ctx, g["yrel"]) if g.get("yrel") else None)
    else:  # this / next / last / previous / current quarter
        if ctx.anchor is None:
            return [ctx.tx(m, None, "DATE", "XXXX-QX")]
        off = {"next": 1, "coming": 1, "last": -1, "previous": -1}.get(
            (g.get("rel") or g.get("ord") or "").lower(), 0
        )
        yy, mm = cal.add_months(ctx.anchor, 3 * off)
        return [ctx.tx(m, None, "DATE", f"{yy}-Q{(mm - 1) // 3 + 1}")]
    if y is None:
        if ctx.anchor is None:
            return [ctx.tx(m, None, "DATE", f"XXXX-Q{q}")]
        y = cal.quarter_year(ctx.anchor, q, ctx.tense(m.start(), m.end()))
    return [ctx.tx(m, None, "DATE", f"{y}-Q{q}")]


def h_half(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    h = 1 if (g.get("h") or g.get("h2") or "") in ("first", "1st", "1") else 2
    y = g.get("y") or g.get("y2")
    yy = int(y) if y else _rel_year(ctx, g.get("yrel"))
    return [ctx.tx(m, None, "DATE", f"{yy if yy else 'XXXX'}-H{h}")]


def h_holiday(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    name = re.sub(r"\s+", " ", g["name"].replace("’", "'")).lower()
    rule = ctx.lex.holidays[name]
    if _next_word(ctx.text, m.end()) in ("Island", "Islands", "Rising"):
        return []
    y = int(g["y"]) if g.get("y") else None
    if y is None and g.get("rel"):
        y = _rel_year(ctx, g["rel"])
    if y is None:
        if ctx.anchor is None:
            if re.fullmatch(r"\d\d-\d\d", rule):
                return [ctx.tx(m, None, "DATE", "XXXX-" + rule)]
            return [ctx.tx(m, None, "DATE", "XXXX-XX-XX")]
        y = cal.holiday_year(ctx.anchor, rule, ctx.tense(m.start(), m.end()))
    return [ctx.tx(m, None, "DATE", cal.holiday_date(rule, y).isoformat())]


def _year_ok(ctx: _Ctx, s: int, e: int, y: int, strong: bool) -> bool:
    text = ctx.text
    prev = _prev_word(text, s)
    nxt_raw = text[e : e + 2]
    if nxt_raw[:1] == "-" and nxt_raw[1:2].isalpha():
        return False  # "2000-strong", "2021-mile"
    if prev.lower().rstrip(".") in _NOT_YEAR_BEFORE or prev.lower() in _NOT_YEAR_BEFORE:
        if not strong:
            return False
    nxt = _next_word(text, e)
    if nxt.lower() in _NOT_YEAR_AFTER and not strong:
        return False
    if y < 1900 and not strong and prev.lower() not in _MONTH_CONTEXT:
        return False
    return True


def h_year_range(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    y1 = int(g["y1"])
    y2s = g["y2"]
    y2 = int(y2s) if len(y2s) == 4 else y1 // 100 * 100 + int(y2s)
    if y2 <= y1 or y2 - y1 > 200:
        s, e = m.start("y1"), m.end("y1")
        if not _year_ok(ctx, s, e, y1, False):
            return []
        return [ctx.span(s, e, "DATE", str(y1))]
    return [
        ctx.span(m.start("y1"), m.end("y1"), "DATE", str(y1)),
        ctx.span(m.start("y2"), m.end("y2"), "DATE", str(y2)),
    ]


def h_year(ctx: _Ctx, m: _M, g: dict) -> list[Timex]:
    y = int(g["y"])
    strong = bool(g.get("mod") or g.get("the"))
    if not _year_ok(ctx, m.start("y"), m.end("y"), y, strong):
        return []
    return [ctx.tx(m, None, "DATE", str(y))]
