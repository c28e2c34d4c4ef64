"""The actor knowledge base: countries, seats of power, IGOs, organisations, people, sector words.

Everything lexical is read from the data files in `brink/data/actors/` (see its README for the
formats, sources and licences). `load_kb()` builds lookup tables keyed by normalised phrases
(`brink.actors.text.norm`) and caches the result per process.

Precedence when two sources claim the same phrase: hand-curated countries, IGOs, seats,
organisations and people come before the generated Phoenix organisations and people, so a key held
by a curated entry never also resolves to a Phoenix one. A curated person takes over the Phoenix
entry of the same person (matched by their longest shared full name), keeps its spelling variants
and its roles from before the curated ones begin. Names the data does not list (misspelt
countries, regions and cities) are looked up in `brink.actors.places`, lazily (`kb.places`).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from brink.actors.text import norm, phonetic

if TYPE_CHECKING:
    from brink.actors.places import PlaceLookup

DATA_PACKAGE = "brink.data"
PEOPLE_COLUMNS = ["name", "aliases", "country", "sector", "role", "start", "end", "source"]
# Roles whose holders are heads of state or government ("the two leaders", "the Russian leader").
LEADER_ROLES = re.compile(
    r"\b(president|prime minister|premier|chancellor|king|queen|emir|amir|sultan|supreme leader|"
    r"head of state|head of government|crown prince|general secretary|taoiseach)\b"
)
# Countries where the family name comes first ("Xi Jinping" is "Xi").
FAMILY_NAME_FIRST = {"CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "VNM"}
# Words too common to serve as a person's surname key on their own.
_PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le", "du", "jr",
              "sr", "dos", "das", "do", "di", "del", "della"}


class KBError(ValueError):
    """A data file is malformed (the message names the file and line)."""


class Role(NamedTuple):
    """One role period (a tuple: tens of thousands are built at load time)."""

    country: str | None  # None: an organisation of no country (an international NGO)
    sector: str
    role: str
    start: date | None
    end: date | None
    source: str
    curated: bool

    def covers(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    @property
    def leader(self) -> bool:
        return bool(LEADER_ROLES.search(self.role.lower())) and "vice" not in self.role.lower()


@dataclass(eq=False)
class Entity:
    """A person, country, IGO, seat of power or named organisation ("group")."""

    id: str
    kind: str  # person | country | igo | seat | group
    name: str
    country: str | None = None
    sector: str | None = None
    roles: list[Role] = field(default_factory=list)
    anaphors: frozenset[str] = frozenset()
    curated: bool = True

    def role_on(self, when: date) -> Role | None:
        """The role held on `when`: dated roles first (curated, then latest start), else the
        undated default role; None when no role covers the date."""
        dated = [r for r in self.roles if r.dated and r.covers(when)]
        if dated:
            return max(dated, key=lambda r: (r.curated, r.sector != "ELI", r.start or date.min))
        undated = [r for r in self.roles if not r.dated]
        return undated[0] if undated else None

    def last_role_before(self, when: date) -> Role | None:
        ended = [r for r in self.roles if r.end is not None and r.end < when and r.sector != "ELI"]
        return max(ended, key=lambda r: r.end or date.min) if ended else None

    def any_country(self) -> str | None:
        if self.country:
            return self.country
        for r in sorted(self.roles, key=lambda r: (not r.curated, r.sector == "ELI")):
            return r.country
        return None


@dataclass(frozen=True)
class Hit:
    """One entity a phrase can name, and how it names it."""

    entity: Entity
    via: str  # name | alias | adjective | capital | surname | fuzzy | place
    case_sensitive: bool = False  # short acronyms must be written in capitals ("WHO", "US")
    lower_ok: bool = False  # written in lower case in the data ("world body"): matches text so


@dataclass(frozen=True)
class Agent:
    phrase: str
    sector: str
    flags: frozenset[str]


@dataclass(frozen=True)
class Ambiguity:
    default: str
    alternative: str
    alt_name: str
    cues: tuple[str, ...]


@dataclass
class KnowledgeBase:
    names: dict[str, list[Hit]] = field(default_factory=dict)
    agents: dict[str, Agent] = field(default_factory=dict)
    words: dict[str, tuple[str, str]] = field(default_factory=dict)
    ambiguous: dict[str, Ambiguity] = field(default_factory=dict)
    countries: dict[str, Entity] = field(default_factory=dict)
    igos: dict[str, Entity] = field(default_factory=dict)
    people: list[Entity] = field(default_factory=list)
    groups: list[Entity] = field(default_factory=list)
    # surnames of generated (Phoenix) people: a fallback for unknown one-word names only
    surnames: dict[str, list[Entity]] = field(default_factory=dict)
    max_words: int = 1
    _phonetic: dict[str, list[Hit]] | None = None
    _leaders: dict[str, list[tuple[Entity, Role]]] | None = None
    _longest: dict[str, int] | None = None
    _places: PlaceLookup | None = None
    _igo_names: dict[str, Entity] | None = None
    # code -> (the day it became a state, the state it belonged to before): successions.tsv
    successions: dict[str, tuple[date, str]] = field(default_factory=dict)

    def country_on(self, code: str | None, when: date | None) -> str | None:
        """The country code as it stood on `when`: Kosovo (XKX) was Serbia's before 2008."""
        if code is None or when is None or code not in self.successions:
            return code
        since, before = self.successions[code]
        return before if when < since else code

    def igo_named(self, name: str) -> Entity | None:
        """The IGO whose canonical name this is ("North Atlantic Treaty Organization")."""
        if self._igo_names is None:
            self._igo_names = {}
            for ent in self.igos.values():
                self._igo_names.setdefault(ent.name, ent)
        return self._igo_names.get(name)

    @property
    def places(self) -> PlaceLookup:
        """Gazetteer places and misspelt country names (`brink.actors.places`), loaded lazily."""
        if self._places is None:
            from brink.actors.places import PlaceLookup

            self._places = PlaceLookup(self)
        return self._places

    def lookup(self, key: str) -> list[Hit]:
        return self.names.get(key, [])

    def longest_from(self, first: str) -> int:
        """The most words any name, sector word or function phrase starting with `first` has:
        phrase matching tries no longer spans than this (most words start nothing longer than 1)."""
        if self._longest is None:
            longest: dict[str, int] = {}
            for keys in (self.names, self.agents, self.words):
                for key in keys:
                    words = key.split(" ")
                    if len(words) > longest.get(words[0], 1):
                        longest[words[0]] = min(len(words), self.max_words)
            self._longest = longest
        return self._longest.get(first, 1)

    def agent(self, key: str) -> Agent | None:
        hit = self.agents.get(key)
        if hit is None:
            single = singular(key)
            if single != key:
                hit = self.agents.get(single)
        return hit

    def phonetic_lookup(self, key: str) -> list[Hit]:
        """Entities whose name matches `key` up to transliteration variants."""
        if self._phonetic is None:
            index: dict[str, list[Hit]] = {}
            for k, hits in self.names.items():
                if len(k) >= 5:
                    for h in hits:
                        if h.via in ("name", "alias", "surname") and not h.case_sensitive:
                            index.setdefault(phonetic(k), []).append(h)
            self._phonetic = index
        return self._phonetic.get(phonetic(key), [])

    def leaders_of(self, country: str, when: date) -> list[Entity]:
        """People holding a leader role for `country` on `when` (curated roles only)."""
        if self._leaders is None:
            index: dict[str, list[tuple[Entity, Role]]] = {}
            for p in self.people:
                for r in p.roles:
                    if r.leader and r.dated:
                        index.setdefault(r.country, []).append((p, r))
            self._leaders = index
        found = [p for p, r in self._leaders.get(country, []) if r.covers(when)]
        return list(dict.fromkeys(found))

    def stats(self) -> dict[str, int]:
        return {
            "people": len(self.people),
            "people_curated": sum(p.curated for p in self.people),
            "countries": len(self.countries),
            "igos": len(self.igos),
            "groups": len(self.groups),
            "agents": len(self.agents),
            "names": len(self.names),
        }


_INVARIANT = {"news", "series", "species", "politics", "media", "police", "arms", "forces",
              "headquarters", "means", "affairs", "analysis", "basis", "crisis"}


@lru_cache(maxsize=65536)
def singular(key: str) -> str:
    """English singular of a phrase's last word ("defence ministries" -> "defence ministry")."""
    head, _, last = key.rpartition(" ")
    if last in _INVARIANT:
        pass
    elif last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("men") and len(last) > 4:
        last = last[:-3] + "man"
    elif last.endswith(("ches", "shes", "sses", "xes")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 3:
        last = last[:-1]
    return f"{head} {last}" if head else last


def _data_dir() -> Path:
    return Path(str(resources.files(DATA_PACKAGE) / "actors"))


def read_tsv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a tab-separated file with `#` comments and a header line, with line numbers."""
    header: list[str] | None = None
    width = 0
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line[0] == "#" or not line.strip():
            continue
        cells = line.split("\t")
        if header is None:
            header, width = [c.strip() for c in cells], len(cells)
            continue
        if len(cells) < width:
            cells += [""] * (width - len(cells))
        yield n, dict(zip(header, cells, strict=False))


def _date(text: str, path: Path, line: int) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise KBError(f"{path.name}:{line}: bad date {text!r} (use YYYY-MM-DD)") from None


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def _is_acronym(alias: str) -> bool:
    """Aliases written in capitals with at most three letters match only text in capitals
    ("WHO" but not "who", "US" but not "us")."""
    if len(alias) > 7 or not alias.isupper():
        return False
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= 3


class _Builder:
    """Collects name keys by precedence tier so a curated key shadows a generated one."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.tier_of: dict[str, int] = {}

    def add(self, text: str, hit_entity: Entity, via: str, tier: int) -> None:
        key = norm(text)
        if not key:
            return
        held = self.tier_of.get(key)
        if held is not None and held < tier:
            return  # a higher-precedence source holds this key
        hits = self.kb.names.setdefault(key, [])
        if held is not None and held > tier:
            hits.clear()
        self.tier_of[key] = tier
        cs = _is_acronym(text)
        if any(h.entity is hit_entity and h.case_sensitive == cs for h in hits):
            return
        # surname keys arrive normalised (lower case): only names written so in the data count
        hits.append(Hit(hit_entity, via, cs, text.islower() and via != "surname"))
        # phrases longer than eight words are official names nobody writes in news text
        self.kb.max_words = max(self.kb.max_words, min(8, key.count(" ") + 1))


def _adjective_plurals(adjectives: list[str]) -> list[str]:
    out = list(adjectives)
    for a in adjectives:
        if a.isupper() or " " in a:
            continue
        if not re.search(r"(s|sh|ch|ese|x|z)$", a) and a + "s" not in out:
            out.append(a + "s")
    return out


def _load_countries(b: _Builder, path: Path) -> None:
    for _, row in read_tsv(path):
        code = row["code"]
        ent = Entity(f"country:{code}", "country", row["name"], country=code)
        b.kb.countries[code] = ent
        b.add(row["name"], ent, "name", 0)
        for alias in _split(row["aliases"]):
            b.add(alias, ent, "alias", 0)
        for adj in _adjective_plurals(_split(row["adjectives"])):
            b.add(adj, ent, "adjective", 0)
        for capital in _split(row["capitals"]):
            b.add(capital, ent, "capital", 1)


def _load_regions(b: _Builder, path: Path) -> None:
    """Regions and peoples name their country (no sector): "Catalan separatists" -> ESP REB."""
    for line, row in read_tsv(path):
        if row["country"] == "-":
            ent = Entity(f"region:{row['name']}", "country", row["name"], country=None)
        else:
            ent = b.kb.countries.get(row["country"])
        if ent is None:
            raise KBError(f"{path.name}:{line}: unknown country {row['country']!r}")
        for text in [row["name"], *_split(row["aliases"]), *_split(row["adjectives"])]:
            b.add(text, ent, "region", 1)


def _load_igos(b: _Builder, path: Path) -> None:
    for _, row in read_tsv(path):
        ent = Entity(f"igo:{row['id']}", "igo", row["name"], country=row["country"],
                     sector=row["sector"] or "IGO", anaphors=frozenset(_split(row["anaphors"])))
        b.kb.igos[row["id"]] = ent
        b.add(row["name"], ent, "name", 2)
        for alias in _split(row["aliases"]):
            b.add(alias, ent, "alias", 2)


def _load_seats(b: _Builder, path: Path) -> None:
    for _, row in read_tsv(path):
        ent = Entity(f"seat:{row['name']}", "seat", row["name"], country=row["country"],
                     sector=row["sector"])
        b.add(row["name"], ent, "name", 2)
        for alias in _split(row["aliases"]):
            b.add(alias, ent, "alias", 2)


def _read_people(path: Path, curated: bool) -> dict[str, tuple[str, list[str], list[Role]]]:
    """name key -> (canonical name, aliases, roles) from a people-format file."""
    out: dict[str, tuple[str, list[str], list[Role]]] = {}
    last_aliases: tuple[str, list[str]] = ("", [])
    dates: dict[str, date | None] = {"": None}
    header: list[str] | None = None
    for line, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw or raw[0] == "#" or not raw.strip():
            continue
        cells = raw.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            if header[: len(PEOPLE_COLUMNS)] != PEOPLE_COLUMNS:
                # columns in another order: read by name
                cols = {c: header.index(c) if c in header else -1 for c in PEOPLE_COLUMNS}
            else:
                cols = {c: i for i, c in enumerate(PEOPLE_COLUMNS)}
            continue
        get = [cells[cols[c]].strip() if 0 <= cols[c] < len(cells) else "" for c in
               ("name", "country", "aliases", "sector", "role", "start", "end")]
        name, country, cell, sector, role, start, end = get
        if not name or not country:
            missing = [c for c, v in (("name", name), ("country", country)) if not v]
            raise KBError(f"{path.name}:{line}: missing {', '.join(missing)}")
        key = norm(name)
        entry = out.get(key)
        if entry is None:
            entry = out[key] = (name, [], [])
        if cell:
            if cell != last_aliases[0]:  # rows of one person repeat the same alias cell
                last_aliases = (cell, _split(cell))
            for a in last_aliases[1]:
                if a not in entry[1]:
                    entry[1].append(a)
        if sector:
            for text in (start, end):
                if text not in dates:
                    dates[text] = _date(text, path, line)
            source = cells[cols["source"]] if 0 <= cols["source"] < len(cells) else ""
            entry[2].append(Role(country, sector.upper(), role, dates[start], dates[end],
                                 source, curated))
    return out


def _surname_keys(name: str, family_first: bool = False) -> list[str]:
    words = norm(name).split()
    if len(words) < 2:
        return []
    if family_first:
        return [words[0]]  # "Xi Jinping" -> "xi", "Kim Jong Un" -> "kim"
    last = words[-1]
    keys = []
    if len(words) >= 3 and words[-2] in _PARTICLES:
        keys.append(f"{words[-2]} {last}")  # "el sisi"
    if last not in _PARTICLES and len(last) > 2:
        keys.append(last)
    return keys


def _load_people(b: _Builder, curated_files: Iterable[Path], generated: Path | None) -> None:
    curated: dict[str, Entity] = {}
    by_key: dict[str, Entity] = {}
    for path in curated_files:
        for key, (name, aliases, roles) in _read_people(path, True).items():
            ent = curated.get(key)
            if ent is None:
                ent = Entity(f"person:{name}", "person", name, curated=True)
                curated[key] = ent
                b.kb.people.append(ent)
            ent.roles.extend(roles)
            for text in [name, *aliases]:
                b.add(text, ent, "name" if text == name else "alias", 3)
                if " " in text:
                    by_key.setdefault(norm(text), ent)
    for ent in curated.values():
        for key in _surname_keys(ent.name, family_first=any(
                r.country in FAMILY_NAME_FIRST for r in ent.roles)):
            b.add(key, ent, "surname", 3)
    if generated is None or not generated.exists():
        return
    for key, (name, aliases, roles) in _read_people(generated, False).items():
        # the curated person this one is: the longest full name they share ("George Herbert
        # Walker Bush" picks the father even though "George Bush" is also the son's alias)
        shared = [k for k in (key, *(norm(a) for a in aliases if " " in a)) if k in by_key]
        same = by_key[max(shared, key=len)] if shared else None
        if same is not None:
            for text in [name, *aliases]:  # keep Phoenix spellings
                b.add(text, same, "alias", 3)
            same.roles.extend(_earlier_roles(roles, same.roles))
            continue
        ent = Entity(f"person:{name}", "person", name, roles=roles, curated=False)
        b.kb.people.append(ent)
        b.add(name, ent, "name", 5)
        for a in aliases:
            b.add(a, ent, "alias", 5)
        for skey in _surname_keys(name):
            b.kb.surnames.setdefault(skey, []).append(ent)


def _earlier_roles(generated: list[Role], curated: list[Role]) -> list[Role]:
    """Generated roles from before a curated person's first dated role (cut at that date):
    the curated files list offices from about 2000 on, Phoenix also holds the earlier career
    ("Li Peng" in 1992 was premier). Later generated roles are dropped (left open in 2014,
    they would shadow what the curated file says)."""
    first = min((r.start for r in curated if r.start is not None and r.curated), default=None)
    if first is None:
        return []
    out = []
    for r in generated:
        if r.start is None or r.start >= first:
            continue
        if r.end is None or r.end > first:
            r = r._replace(end=first)
        out.append(r)
    return out


def _load_groups(b: _Builder, path: Path, tier: int, curated: bool) -> None:
    for key, (name, aliases, roles) in _read_people(path, curated).items():
        # country "-": an international non-governmental organisation (Amnesty International,
        # the Red Cross) belongs to no country
        roles = [r._replace(country=None) if r.country == "-" else r for r in roles]
        ent = Entity(f"group:{name}", "group", name, roles=roles, curated=curated)
        held = b.tier_of.get(key)
        if held is not None and held < tier:
            continue  # a curated entry already names this organisation
        b.kb.groups.append(ent)
        b.add(name, ent, "name", tier)
        for a in aliases:
            b.add(a, ent, "alias", tier)


def _load_agents(kb: KnowledgeBase, hand: Path, generated: Path) -> None:
    for path in (generated, hand):  # the hand-written file is read last and wins
        if not path.exists():
            continue
        for _, row in read_tsv(path):
            key = norm(row["phrase"])
            if key:
                kb.agents[key] = Agent(key, row["sector"], frozenset(_split(row["flags"])))
                kb.max_words = max(kb.max_words, min(6, key.count(" ") + 1))


def _load_words(kb: KnowledgeBase, path: Path) -> None:
    for _, row in read_tsv(path):
        kb.words[norm(row["word"])] = (row["class"], row["value"])
    for _, row in read_tsv(path.with_name("ambiguous.tsv")):
        kb.ambiguous[norm(row["key"])] = Ambiguity(
            row["default"], row["alternative"], row["alt_name"], tuple(_split(row["cues"])))


def build_kb(data_dir: Path | None = None, extra_people: Iterable[Path] = ()) -> KnowledgeBase:
    """Read every data file; `extra_people` are further curated people files (tests use one)."""
    # The build makes ~200,000 small objects that all stay alive: pausing the cyclic garbage
    # collector meanwhile halves the load time.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _build(data_dir, extra_people)
    finally:
        if paused:
            gc.enable()


def _build(data_dir: Path | None, extra_people: Iterable[Path]) -> KnowledgeBase:
    d = data_dir or _data_dir()
    kb = KnowledgeBase()
    b = _Builder(kb)
    _load_countries(b, d / "countries.tsv")
    _load_regions(b, d / "regions.tsv")
    _load_igos(b, d / "igos.tsv")
    _load_seats(b, d / "seats.tsv")
    _load_groups(b, d / "orgs.tsv", 2, True)
    people_files = sorted((d / "people").glob("*.tsv")) if (d / "people").is_dir() else []
    _load_people(b, [*people_files, *extra_people], d / "people_phoenix.tsv")
    if (d / "orgs_phoenix.tsv").exists():
        _load_groups(b, d / "orgs_phoenix.tsv", 4, False)
    _load_agents(kb, d / "agents.tsv", d / "agents_phoenix.tsv")
    _load_words(kb, d / "words.tsv")
    if (d / "successions.tsv").exists():
        for _, row in read_tsv(d / "successions.tsv"):
            kb.successions[row["code"]] = (date.fromisoformat(row["since"]), row["before"])
    return kb


@lru_cache(maxsize=4)
def load_kb(extra_people: tuple[Path, ...] = ()) -> KnowledgeBase:
    """The knowledge base, built once per process (and per set of extra people files)."""
    return build_kb(extra_people=extra_people)
