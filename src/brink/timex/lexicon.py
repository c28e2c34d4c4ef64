"""Word lists for the temporal tagger, read once from `brink/data/timex/*.tsv`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _rows(name: str) -> list[list[str]]:
    text = resources.files("brink").joinpath("data", "timex", name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append([c.strip() for c in line.split("\t") if c.strip()])
    return out


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]  # lower-cased name or abbreviation -> 1..12
    month_full: frozenset[str]  # lower-cased full names (abbreviations may take a dot)
    weekdays: dict[str, int]  # lower-cased name or abbreviation -> ISO weekday 1..7
    weekday_full: frozenset[str]
    numbers: dict[str, str]  # number word -> "3" / "0.5" / "X"
    ordinals: dict[str, int]
    units: dict[str, str]  # unit word (singular and plural) -> duration code
    seasons: dict[str, tuple[str, int]]  # season word -> (code, centre month)
    holidays: dict[str, str]  # lower-cased holiday name -> rule

    # --- regex fragments -------------------------------------------------------------------
    def month_re(self) -> str:
        """Month names, capitalised or all caps; abbreviations may end in a dot."""
        alts = []
        for name in sorted(self.months, key=len, reverse=True):
            cap, up = name.capitalize(), name.upper()
            dot = r"\.?" if name not in self.month_full else ""
            alts.append(f"(?:{re.escape(cap)}|{re.escape(up)}){dot}")
        return "(?:" + "|".join(alts) + ")"

    def weekday_re(self, full_only: bool = False) -> str:
        names = self.weekday_full if full_only else self.weekdays
        alts = []
        for name in sorted(names, key=len, reverse=True):
            cap, up = name.capitalize(), name.upper()
            dot = r"\.?" if name not in self.weekday_full else ""
            alts.append(f"(?:{re.escape(cap)}|{re.escape(up)}){dot}")
        return "(?:" + "|".join(alts) + ")"

    def number_re(self) -> str:
        words = sorted(self.numbers, key=len, reverse=True)
        tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
        ones = "one|two|three|four|five|six|seven|eight|nine"
        words_re = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        return rf"(?:\d+(?:\.\d+)?|(?i:(?:{tens})-(?:{ones})|{words_re}))"

    def ordinal_re(self) -> str:
        words = sorted(self.ordinals, key=len, reverse=True)
        return "(?i:" + "|".join(re.escape(w) for w in words) + ")"

    def unit_re(self) -> str:
        words = sorted(self.units, key=len, reverse=True)
        return "(?i:" + "|".join(re.escape(w) for w in words) + ")"

    def holiday_re(self) -> str:
        alts = []
        for name in sorted(self.holidays, key=len, reverse=True):
            pat = re.escape(name.title()).replace("'S", "'s").replace(r"\ ", r"\s+")
            alts.append(pat.replace("'", "['’]"))
        return "(?:" + "|".join(alts) + ")"

    def number_value(self, word: str) -> str:
        w = re.sub(r"\s+", " ", word.lower())
        if w in self.numbers:
            return self.numbers[w]
        if "-" in w:
            a, _, b = w.partition("-")
            if a in self.numbers and b in self.numbers:
                return str(int(self.numbers[a]) + int(self.numbers[b]))
        try:
            f = float(w.replace(",", ""))
        except ValueError:
            return "X"
        return str(int(f)) if f == int(f) else str(f)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    months: dict[str, int] = {}
    full_m = set()
    for row in _rows("months.tsv"):
        n = int(row[0])
        full_m.add(row[1].lower())
        for name in row[1:]:
            months[name.lower()] = n
    weekdays: dict[str, int] = {}
    full_w = set()
    for row in _rows("weekdays.tsv"):
        n = int(row[0])
        full_w.add(row[1].lower())
        for name in row[1:]:
            weekdays[name.lower()] = n
    units: dict[str, str] = {}
    for sing, plur, code in _rows("units.tsv"):
        units[sing] = code
        units[plur] = code
    return Lexicon(
        months=months,
        month_full=frozenset(full_m),
        weekdays=weekdays,
        weekday_full=frozenset(full_w),
        numbers={r[0]: r[1] for r in _rows("numbers.tsv")},
        ordinals={r[0]: int(r[1]) for r in _rows("ordinals.tsv")},
        units=units,
        seasons={r[0]: (r[1], int(r[2])) for r in _rows("seasons.tsv")},
        holidays={r[0].lower(): r[1] for r in _rows("holidays.tsv")},
    )
