"""timex_date and dates_for_documents."""

from __future__ import annotations

from datetime import date

import pytest

from brink.records import Timex
from brink.timex import dates_for_documents, tag, timex_date


@pytest.mark.parametrize(
    "typ,value,expected",
    [
        ("DATE", "2021-12-07", ("2021-12-07", "day")),
        ("TIME", "2021-12-08T16:04", ("2021-12-08", "day")),
        ("TIME", "2021-12-07TNI", ("2021-12-07", "day")),
        ("DATE", "2021-W48", ("2021-W48", "week")),
        ("DATE", "2021-W48-WE", ("2021-W48", "week")),
        ("DATE", "2022-01", ("2022-01", "month")),
        ("DATE", "2021", ("2021", "year")),
        ("DATE", "2021-Q3", ("2021", "year")),
        ("DATE", "2022-H1", ("2022", "year")),
        ("DATE", "2022-SP", ("2022", "year")),
        ("DATE", "2021-WI", ("2022", "year")),
        ("DATE", "FY2022", ("2022", "year")),
        ("DATE", "199", None),
        ("DATE", "20", None),
        ("DATE", "PAST_REF", None),
        ("DATE", "PRESENT_REF", None),
        ("DATE", "XXXX-12-25", None),
        ("DATE", "XXXX-WXX-5", None),
        ("TIME", "T16:04", None),
        ("DURATION", "P6M", None),
        ("SET", "P1W", None),
    ],
)
def test_timex_date(typ, value, expected):
    assert timex_date(Timex(0, 1, "x", typ, value)) == expected


def test_timex_date_on_tagged_text():
    text = "Putin and Biden spoke on Tuesday; talks follow in Geneva next month."
    dates = [timex_date(t) for t in tag(text, date(2021, 12, 8))]
    assert dates == [("2021-12-07", "day"), ("2022-01", "month")]


def test_dates_for_documents():
    docs = [
        {"id": "a", "text": "Talks ended on Friday.", "published": "2021-12-08"},
        {"id": "b", "text": "Talks ended on Friday.", "published": "2025-03-14 20:30:26Z"},
        {"id": "c", "text": "Ana Ruiz | March 14, 2025\n\nTalks ended Friday.", "published": None},
        {"id": "d", "text": "Talks ended on Friday."},
    ]
    rows = list(dates_for_documents(docs))
    by_doc = {(r["doc_id"], r["text"]): r for r in rows}
    assert by_doc[("a", "Friday")] == {
        "doc_id": "a",
        "start": 15,
        "end": 21,
        "text": "Friday",
        "type": "DATE",
        "value": "2021-12-03",
    }
    assert by_doc[("b", "Friday")]["value"] == "2025-03-14"
    assert by_doc[("c", "Friday")]["value"] == "2025-03-14"  # anchored by the byline
    assert by_doc[("d", "Friday")]["value"] == "XXXX-WXX-5"  # never guess today's date


def test_bad_records_are_reported_and_the_batch_goes_on():
    errors = []
    docs = [
        {"id": "bad1", "text": None},
        {"id": "bad2", "text": "On Monday.", "published": "last Tuesday"},
        "not a record",
        {"id": "ok", "text": "Rebels attacked on Monday.", "published": "2021-12-08"},
    ]
    rows = list(dates_for_documents(docs, on_error=lambda i, m: errors.append((i, m))))
    assert [r["doc_id"] for r in rows] == ["ok"]
    assert [e[0] for e in errors] == ["bad1", "bad2", "#2"]
    assert "published" in errors[1][1] and "last Tuesday" in errors[1][1]


def test_bad_records_are_logged_by_default(caplog):
    rows = list(dates_for_documents([{"id": "x"}, {"id": "y", "text": "in 2014"}]))
    assert [r["value"] for r in rows] == ["2014"]
    assert "document x skipped" in caplog.text
