"""find_publication_date: only an explicit dateline or byline date with a year counts."""

from __future__ import annotations

from datetime import date

import pytest

from brink.timex import find_publication_date

BODY = "\n\nRebels shelled the northern town overnight, local officials said."


@pytest.mark.parametrize(
    "head,expected",
    [
        (
            "Kremlin repeats demand on NATO\n\nMaria Ortiz | December 8, 2021 | 4:04pm EST\n",
            date(2021, 12, 8),
        ),
        ("WASHINGTON, Dec. 8, 2021 (Reuters) - The Pentagon said on Wednesday", date(2021, 12, 8)),
        ("Published: 8 December 2021 10:31 GMT\nRussia warns NATO", date(2021, 12, 8)),
        ("Last updated 2022-02-23T09:15:00Z\n", date(2022, 2, 23)),
        ("By Jane Okafor\nMarch 14, 2025\n", date(2025, 3, 14)),
        ("Posted on 02/22/2022 by staff\n", date(2022, 2, 22)),
        # no year: nothing to anchor
        ("WASHINGTON, Dec. 8 (Reuters) - The Pentagon said on Wednesday", None),
        # a date inside an ordinary sentence is not a dateline
        ("On December 7, 2021, troops attacked the border post and killed two guards.", None),
        ("Russia annexed Crimea in 2014 after a disputed referendum.", None),
        ("", None),
    ],
)
def test_find_publication_date(head, expected):
    assert find_publication_date(head + BODY) == expected


def test_date_far_from_the_top_is_ignored():
    text = "Headline\n\n" + ("Officials met again to discuss the crisis. " * 60)
    text += "\nMaria Ortiz | December 8, 2021\n"
    assert find_publication_date(text) is None
