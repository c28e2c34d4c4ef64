"""Calendar arithmetic behind the tagger's values."""

from __future__ import annotations

from datetime import date

import pytest

from brink.timex import cal


@pytest.mark.parametrize(
    "year,western,orthodox",
    [
        (2021, "2021-04-04", "2021-05-02"),
        (2022, "2022-04-17", "2022-04-24"),
        (2024, "2024-03-31", "2024-05-05"),
        (2025, "2025-04-20", "2025-04-20"),
    ],
)
def test_easter(year, western, orthodox):
    assert cal.easter(year).isoformat() == western
    assert cal.orthodox_easter(year).isoformat() == orthodox


def test_floating_holidays():
    assert cal.holiday_date("4:4:11", 2021) == date(2021, 11, 25)  # Thanksgiving
    assert cal.holiday_date("-1:1:05", 2021) == date(2021, 5, 31)  # Memorial Day
    assert cal.holiday_date("easter-2", 2022) == date(2022, 4, 15)  # Good Friday
    assert cal.holiday_date("12-25", 2021) == date(2021, 12, 25)


def test_weekday_near_counts_the_anchor_day():
    wed = date(2021, 12, 8)
    assert cal.weekday_near(wed, 3, "past") == wed
    assert cal.weekday_near(wed, 3, "future") == wed
    assert cal.weekday_near(wed, 5, None) == date(2021, 12, 3)
    assert cal.weekday_near(wed, 2, "future") == date(2021, 12, 14)


def test_pick_year_by_tense():
    dec = date(2021, 12, 8)
    assert cal.month_year(dec, 1, None) == 2022  # nearest January
    assert cal.month_year(dec, 1, "past") == 2021
    assert cal.month_year(dec, 7, None) == 2021
    assert cal.month_year(dec, 12, "past") == 2021 and cal.month_year(dec, 12, "future") == 2021
    assert cal.season_year(dec, 4, None) == 2022  # spring
    assert cal.season_year(dec, 1, None) == 2021  # winter 2021-22
    assert cal.quarter_year(dec, 3, None) == 2021


def test_shift_and_weeks():
    d = date(2021, 12, 8)
    assert cal.iso_week(d) == "2021-W49"
    assert cal.iso_week(date(2021, 1, 3)) == "2020-W53"
    assert cal.shift(d, -2, "Y") == "2019"
    assert cal.shift(d, -6, "M") == "2021-06"
    assert cal.shift(d, 1, "M") == "2022-01"
    assert cal.shift(d, -1, "DE") == "201"
    assert cal.two_digit_year(22, d) == 2022 and cal.two_digit_year(95, d) == 1995
