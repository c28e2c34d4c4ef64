"""Calendar arithmetic on ISO date values of any precision (day, week, month, quarter, year)."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


def period_bounds(value: str) -> tuple[date, date] | tuple[None, None]:
    """First and last day covered by an ISO value; (None, None) when it is not a calendar value."""
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if m := _QUARTER.match(value):
            year, first = int(m[1]), (int(m[2]) - 1) * 3 + 1
            last = first + 2
            return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        pass
    return None, None


def precision_of(value: str) -> str | None:
    """day | week | month | year for a calendar value (a quarter counts as month precision)."""
    if _DAY.match(value):
        return "day"
    if _WEEK.match(value):
        return "week"
    if _MONTH.match(value) or _QUARTER.match(value):
        return "month"
    if _YEAR.match(value):
        return "year"
    return None
