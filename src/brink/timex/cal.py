"""Calendar arithmetic for resolving temporal expressions against an anchor date.

`tense` arguments are "past", "future" or None (undetermined); every function here is pure.
"""

from __future__ import annotations

from datetime import date, timedelta

PAST, FUTURE = "past", "future"


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(d: date, n: int) -> tuple[int, int]:
    """(year, month) of the month `n` months after `d`'s month."""
    m = d.year * 12 + (d.month - 1) + n
    return m // 12, m % 12 + 1


def month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def day_value(d: date) -> str:
    return d.isoformat()


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def weekday_in_week(d: date, iso_wd: int, weeks: int = 0) -> date:
    """The day with ISO weekday `iso_wd` in the (Monday-based) week `weeks` after `d`'s week."""
    monday = d - timedelta(days=d.isoweekday() - 1)
    return monday + timedelta(days=7 * weeks + iso_wd - 1)


def weekday_near(anchor: date, iso_wd: int, tense: str | None) -> date:
    """A bare weekday name: the most recent such day (counting the anchor day) unless the tense
    is future, then the next such day (also counting the anchor day: "will vote Wednesday" in a
    Wednesday article means that day). News narrates the past, so no tense means past."""
    delta = (anchor.isoweekday() - iso_wd) % 7
    if tense == FUTURE:
        return anchor + timedelta(days=(iso_wd - anchor.isoweekday()) % 7)
    return anchor - timedelta(days=delta)


def weekend(anchor: date, tense: str | None, weeks: int | None = None) -> str:
    """ISO week value of a weekend ("2021-W49-WE"): `weeks` relative to the anchor's week when
    given ("last weekend" = -1), otherwise chosen by tense (past: the latest weekend that has
    begun; future: the next one not yet over)."""
    if weeks is None:
        if anchor.isoweekday() >= 6:
            weeks = 0
        else:
            weeks = 0 if tense == FUTURE else -1
    return iso_week(weekday_in_week(anchor, 6, weeks)) + "-WE"


def pick_year(anchor: date, start_of, end_of, tense: str | None) -> int:
    """The year for a yearly-recurring period (a month, season, quarter or holiday).

    `start_of(y)` and `end_of(y)` give the period's first and last day in year y. Past tense:
    the latest period that has begun by the anchor; future: the earliest one not yet over;
    otherwise the one whose middle is nearest the anchor.
    """
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    if tense == PAST:
        ok = [y for y in years if start_of(y) <= anchor]
        return max(ok)
    if tense == FUTURE:
        ok = [y for y in years if end_of(y) >= anchor]
        return min(ok)

    def dist(y: int) -> int:
        s, e = start_of(y), end_of(y)
        mid = s + (e - s) / 2
        return abs((mid - anchor).days)

    return min(years, key=dist)


def month_bounds(y: int, m: int) -> tuple[date, date]:
    ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
    return date(y, m, 1), date(ny, nm, 1) - timedelta(days=1)


def month_year(anchor: date, month: int, tense: str | None) -> int:
    return pick_year(
        anchor,
        lambda y: month_bounds(y, month)[0],
        lambda y: month_bounds(y, month)[1],
        tense,
    )


def season_bounds(y: int, centre: int) -> tuple[date, date]:
    """Three months centred on `centre`; winter (centre 1) runs Dec(y)-Feb(y+1)."""
    if centre == 1:
        return date(y, 12, 1), date(y + 1, 3, 1) - timedelta(days=1)
    return date(y, centre - 1, 1), month_bounds(y, centre + 1)[1]


def season_year(anchor: date, centre: int, tense: str | None) -> int:
    return pick_year(
        anchor,
        lambda y: season_bounds(y, centre)[0],
        lambda y: season_bounds(y, centre)[1],
        tense,
    )


def current_season(anchor: date, centres: dict[str, int]) -> tuple[str, int]:
    """(code, year) of the season the anchor falls in."""
    for code, centre in centres.items():
        for y in (anchor.year - 1, anchor.year):
            s, e = season_bounds(y, centre)
            if s <= anchor <= e:
                return code, y
    raise AssertionError("seasons must cover the year")


def quarter_bounds(y: int, q: int) -> tuple[date, date]:
    return date(y, 3 * q - 2, 1), month_bounds(y, 3 * q)[1]


def quarter_year(anchor: date, q: int, tense: str | None) -> int:
    return pick_year(
        anchor, lambda y: quarter_bounds(y, q)[0], lambda y: quarter_bounds(y, q)[1], tense
    )


def easter(y: int) -> date:
    """Western (Gregorian) Easter Sunday, by the anonymous Gregorian computus."""
    a = y % 19
    b, c = divmod(y, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(y, month, day + 1)


def orthodox_easter(y: int) -> date:
    """Orthodox Easter Sunday (Julian computus, shown in the Gregorian calendar; 1900-2099)."""
    a, b, c = y % 4, y % 7, y % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return date(y, month, day + 1) + timedelta(days=13)


def nth_weekday(y: int, m: int, n: int, iso_wd: int) -> date:
    """The n-th ISO weekday of a month (n = -1 for the last)."""
    if n > 0:
        first = date(y, m, 1)
        return first + timedelta(days=(iso_wd - first.isoweekday()) % 7 + 7 * (n - 1))
    last = month_bounds(y, m)[1]
    return last - timedelta(days=(last.isoweekday() - iso_wd) % 7)


def holiday_date(rule: str, y: int) -> date:
    if rule.startswith(("easter", "orthodox_easter")):
        base, _, off = rule.replace("-", "+-").partition("+")
        start = easter(y) if base == "easter" else orthodox_easter(y)
        return start + timedelta(days=int(off or 0))
    if rule.count(":") == 2:
        n, wd, m = (int(x) for x in rule.split(":"))
        return nth_weekday(y, m, n, wd)
    m, d = (int(x) for x in rule.split("-"))
    return date(y, m, d)


def holiday_year(anchor: date, rule: str, tense: str | None) -> int:
    return pick_year(
        anchor, lambda y: holiday_date(rule, y), lambda y: holiday_date(rule, y), tense
    )


def shift(anchor: date, n: int, unit: str) -> str | None:
    """Value of the period `n` units from the anchor at the unit's precision (n < 0 = past)."""
    if unit == "D":
        return day_value(anchor + timedelta(days=n))
    if unit == "W":
        return iso_week(anchor + timedelta(weeks=n))
    if unit == "2W":
        return iso_week(anchor + timedelta(weeks=2 * n))
    if unit == "M":
        return month_value(*add_months(anchor, n))
    if unit == "Y":
        return f"{anchor.year + n:04d}"
    if unit == "DE":
        return f"{(anchor.year + 10 * n) // 10:03d}"
    if unit == "CE":
        return f"{(anchor.year + 100 * n) // 100:02d}"
    if unit in ("TH", "TM", "TS"):
        return day_value(anchor)
    return None


def two_digit_year(yy: int, anchor: date | None) -> int:
    """A two-digit year in the century that puts it nearest the anchor (or 2000s without one)."""
    if anchor is None:
        return 2000 + yy if yy < 70 else 1900 + yy
    base = anchor.year // 100 * 100
    cands = (base - 100 + yy, base + yy, base + 100 + yy)
    return min(cands, key=lambda y: abs(y - anchor.year))
