"""The plain-data API behind `brink actor`."""

from __future__ import annotations

from datetime import date

from brink.actors.api import resolve_phrase, resolve_records


def test_resolve_phrase() -> None:
    out = resolve_phrase("Russian President Vladimir Putin", date(2021, 12, 7))
    assert out == {"text": "Russian President Vladimir Putin", "name": "Vladimir Putin",
                   "country": "RUS", "sector": "GOV"}


def test_resolve_phrase_with_context() -> None:
    context = "NATO foreign ministers met in Riga on Tuesday to discuss Ukraine."
    out = resolve_phrase("the alliance", date(2021, 12, 1), context=context)
    assert (out["country"], out["sector"]) == ("NATO", "IGO")


def test_resolve_records_keeps_ids_and_reports_bad_records() -> None:
    records = [
        {"id": "a", "text": "Kenyan police", "date": "2024-06-25"},
        {"id": "b", "text": "the Taliban", "date": "2023-01-01", "context": None},
        {"id": "c", "text": "the Pentagon", "date": "not a date"},
        {"id": "d"},
    ]
    out = list(resolve_records(records))
    assert [o["id"] for o in out] == ["a", "b", "c", "d"]
    assert (out[0]["country"], out[0]["sector"]) == ("KEN", "COP")
    assert (out[1]["country"], out[1]["sector"]) == ("AFG", "GOV")
    assert out[2] == {"id": "c",
                      "error": "[E011] invalid publication date 'not a date' (use YYYY-MM-DD)"}
    assert out[3] == {"id": "d", "error": "record needs a string field 'text'"}


def test_resolve_phrase_gives_the_country_as_it_stood_on_the_day() -> None:
    cases = [("Kosovo", date(1999, 6, 1), "SRB", None), ("Kosovo", date(2010, 1, 1), "XKX", None),
             ("Juba", date(2005, 1, 1), "SDN", "GOV"), ("Juba", date(2015, 1, 1), "SSD", "GOV")]
    for text, day, country, sector in cases:
        out = resolve_phrase(text, day)
        assert (out["country"], out["sector"]) == (country, sector), (text, day)
