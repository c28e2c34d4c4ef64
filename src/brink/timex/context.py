"""Shared state and helpers for the tagger's rule handlers (`absolute`, `relative`)."""

from __future__ import annotations

import re
from datetime import date

from ..records import Timex
from . import cal
from .lexicon import Lexicon, lexicon
from .tense import tense_from_doc, tense_from_text

_PREV_WORD = re.compile(r"([A-Za-z.]+)[\s,]*$")
_NEXT_WORD = re.compile(r"^[\s,]*([A-Za-z]+)")

# Words before a 4-digit number that make it an identifier or a count, not a year.
_NOT_YEAR_BEFORE = frozenset(
    """resolution no no. number flight boeing airbus article section route highway room model
    chapter law decree order bill code protocol directive regulation unit brigade division
    battalion regiment squadron platoon suite apt lot gate terminal page pp vol volume issue
    about around nearly almost some roughly approximately least than over under exactly
    only just estimated additional another extra""".split()
)
# Words after a 4-digit number that make it a count.
_NOT_YEAR_AFTER = frozenset(
    """people troops soldiers men women children civilians residents refugees migrants
    fighters militants officers police personnel staff workers employees members votes voters
    deaths dead killed wounded injured cases infections prisoners detainees hostages families
    homes houses buildings units vehicles tanks missiles rockets drones shells rounds times
    percent km kilometers kilometres miles meters metres feet tons tonnes barrels dollars
    euros pounds rubles roubles yuan yen hectares acres square strong others more""".split()
)
_MONTH_CONTEXT = frozenset(
    """in since until till by from through throughout during before after of early late mid
    last next this between and to or on around until end beginning start middle""".split()
)
_SEASON_CONTEXT = _MONTH_CONTEXT | {"the", "over", "past", "coming"}
_NOT_WEEKDAY_BEFORE = frozenset(
    "Bloody Black Good Holy Palm Ash Cyber Super Maundy Easter Fat Shrove Spy Man".split()
)
_TIME_CONTEXT = frozenset("at by until till around about from before after since to".split())
_RANGE_OK_AFTER = frozenset(
    """and or to in at when before after respectively as while but the for with of""".split()
)
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SET_ADV = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "annually": "P1Y",
    "annual": "P1Y",
    "quarterly": "P3M",
    "hourly": "PT1H",
    "nightly": "P1D",
    "biweekly": "P2W",
    "biennial": "P2Y",
}


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    return m.group(1) if m else ""


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text[end : end + 40])
    return m.group(1) if m else ""


class _M:
    """A match whose group names are the rule's own (the alternation prefixes them)."""

    __slots__ = ("m", "p")

    def __init__(self, m: re.Match, rule: str) -> None:
        self.m, self.p = m, rule + "__"

    def start(self, group: str | None = None) -> int:
        return self.m.start(self.p + group) if group else self.m.start()

    def end(self, group: str | None = None) -> int:
        return self.m.end(self.p + group) if group else self.m.end()


class _Ctx:
    """Per-document state shared by the handlers."""

    def __init__(self, text: str, anchor: date | None, doc) -> None:
        self.text, self.anchor, self.doc = text, anchor, doc
        self.lex: Lexicon = lexicon()

    def tense(self, start: int, end: int) -> str | None:
        if self.doc is not None:
            t = tense_from_doc(self.doc, start, end)
            if t is not None:
                return t
        return tense_from_text(self.text, start, end)

    def tx(self, m: _M, group: str | None, typ: str, value: str) -> Timex:
        s, e = (m.start(group), m.end(group)) if group else (m.start(), m.end())
        return Timex(s, e, self.text[s:e], typ, value)

    def span(self, s: int, e: int, typ: str, value: str) -> Timex:
        return Timex(s, e, self.text[s:e], typ, value)

    def year(self, y: str | None) -> int | None:
        if not y:
            return None
        return int(y) if len(y) == 4 else cal.two_digit_year(int(y), self.anchor)

    def month(self, name: str) -> int:
        return self.lex.months[name.rstrip(".").lower()]


def _day_value(ctx: _Ctx, y: int | None, mo: int, d: int, s: int, e: int) -> str | None:
    """Value of a month + day, choosing the year nearest the anchor when none is written."""
    if y is None:
        if ctx.anchor is None:
            return f"XXXX-{mo:02d}-{d:02d}"
        tense = ctx.tense(s, e)
        y = cal.pick_year(ctx.anchor, *_safe_day(mo, d), tense)
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def _safe_day(mo: int, d: int):
    def f(y: int) -> date:
        try:
            return date(y, mo, d)
        except ValueError:  # 29 February in a common year
            return date(y, mo, 28)

    return f, f


def _ord_end(text: str, e: int) -> int:
    return e + 2 if text[e : e + 2] in ("st", "nd", "rd", "th") else e


def _rel_year(ctx: _Ctx, rel: str | None) -> int | None:
    if ctx.anchor is None:
        return None
    off = {"last": -1, "next": 1}.get((rel or "").lower(), 0)
    return ctx.anchor.year + off


def _n(ctx: _Ctx, word: str | None) -> str:
    return ctx.lex.number_value(word) if word else "1"


def _duration(n: str, code: str) -> str:
    t = "T" if code.startswith("T") else ""
    unit = code[1:] if t else code
    if code == "2W" and n != "X":
        n, unit = str(int(float(n) * 2)), "W"
    if n == "0.5":
        half = {
            "Y": ("6", "M"),
            "M": ("2", "W"),
            "W": ("3.5", "D"),
            "D": ("12", "H"),
            "TH": ("30", "M"),
            "DE": ("5", "Y"),
            "CE": ("50", "Y"),
        }.get(code)
        if half:
            return f"P{'T' if half[1] == 'H' or code == 'TH' else ''}{half[0]}{half[1]}"
    return f"P{t}{n}{unit}"
