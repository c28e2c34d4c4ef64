"""Actor phrases -> (country, sector) on a date: the hand-written set in fixtures/phrases.tsv."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from brink.actors import ActorResolver

FIXTURES = Path(__file__).parent / "fixtures"

# Accuracy floors on the whole set (raise them when the resolver improves).
COUNTRY_FLOOR = 0.98
SECTOR_FLOOR = 0.98


def _rows() -> list[dict[str, str]]:
    with (FIXTURES / "phrases.tsv").open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


ROWS = _rows()


def _want(value: str) -> str | None:
    return None if value == "-" else value


def _case(row: dict[str, str]) -> pytest.param:  # type: ignore[valid-type]
    marks = [pytest.mark.xfail(strict=True, reason="known gap")] if row["status"] == "gap" else []
    return pytest.param(row["phrase"], row["date"], row["country"], row["sector"],
                        id=f"{row['phrase']}@{row['date']}", marks=marks)


@pytest.mark.parametrize(("phrase", "day", "country", "sector"), [_case(r) for r in ROWS])
def test_phrase(resolver: ActorResolver, phrase: str, day: str, country: str,
                sector: str) -> None:
    res = resolver.resolve(phrase, date.fromisoformat(day))
    assert (res.country, res.sector) == (_want(country), _want(sector)), res


def test_set_is_broad() -> None:
    assert len(ROWS) >= 250
    years = {r["date"][:4] for r in ROWS}
    assert min(years) <= "2005" and max(years) >= "2025"
    countries = {r["country"] for r in ROWS}
    assert len(countries) >= 80


def test_accuracy_floor(resolver: ActorResolver) -> None:
    n = len(ROWS)
    got = [resolver.resolve(r["phrase"], date.fromisoformat(r["date"])) for r in ROWS]
    country = sum(g.country == _want(r["country"]) for g, r in zip(got, ROWS, strict=True)) / n
    sector = sum(g.sector == _want(r["sector"]) for g, r in zip(got, ROWS, strict=True)) / n
    assert country >= COUNTRY_FLOOR and sector >= SECTOR_FLOOR, (country, sector)
