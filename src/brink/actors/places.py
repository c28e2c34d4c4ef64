"""Places and misspelt country names the actor knowledge base does not list.

Two lookups for capitalised words the knowledge base does not know:

- `place_country("Ontario")`: a sub-national region or a sizeable city named in the places
  gazetteer (`brink.places`, GeoNames) gives its country, so "Ontario's provincial leader" is
  CAN GOV and "Calgary police" CAN COP. Regions come before cities; a name shared by places of
  several countries ("Punjab", "Victoria", "Tripoli") gives nothing.
- `fuzzy_country("Ethopia")`: a country name, alias or adjective (or a region's or people's name
  of six letters or more: "Chenchen" for Chechen) within one edit (two for long
  names; a swap of two letters is one edit) with the same first letter, and no other country
  name as close. A word the gazetteer knows as a place is never corrected ("Kherson" is not
  "Kharkiv", "Niger" is not "Nigeria"), but one of GeoNames' other names of a country counts.

The gazetteer is loaded on first use only (the pipeline loads it anyway for geoparsing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rapidfuzz.distance import OSA

if TYPE_CHECKING:
    from brink.actors.kb import Entity, KnowledgeBase

CITY_MIN = 50_000  # smaller towns share names with people and with each other
BARE_CITY_MIN = 500_000  # a city named on its own (no sector word) must be a big one ...
TAGGED_CITY_MIN = 20_000  # ... unless the parser tagged it as a place ("Samarra", "Cizre")
ALTERNATE_CITY_MIN = 1_000_000  # another spelling counts for capitals and big cities only
FUZZY_MIN_LEN = 5


@dataclass
class PlaceLookup:
    kb: KnowledgeBase
    _gaz: Any = None
    _tried: bool = False
    _cache: dict[tuple[str, bool], Entity | None] = field(default_factory=dict)
    _fuzzy_index: dict[str, list[str]] | None = None
    _fuzzy_memo: dict[str, Entity | None] = field(default_factory=dict)

    # ---- gazetteer ------------------------------------------------------------------------
    @property
    def gazetteer(self) -> Any:
        if not self._tried:
            self._tried = True
            try:
                from brink.places import load_gazetteer

                self._gaz = load_gazetteer()
            except (ImportError, OSError):  # the places data is optional for the resolver
                self._gaz = None
        return self._gaz

    def known_place(self, key: str) -> bool:
        gaz = self.gazetteer
        return gaz is not None and gaz.has_key(key)

    def place_country(self, text: str, bare: bool = False, tagged: bool = False) -> Entity | None:
        """The country (as a synthetic country entity named after the place) of a region or
        city called `text`; `bare`: the name stands alone, so only regions and big cities
        (`tagged`: a parser took the name for a place, so towns too)."""
        ck = (text, bare, tagged)
        if ck in self._cache:
            return self._cache[ck]
        out = self._place_country(text, bare, tagged)
        self._cache[ck] = out
        return out

    def _place_country(self, text: str, bare: bool, tagged: bool) -> Entity | None:
        gaz = self.gazetteer
        if gaz is None:
            return None
        from brink.places.names import name_key

        key = name_key(text)
        if len(key) < 4 or key in gaz.ambiguous or key in self.kb.surnames:
            return None
        found = gaz.lookup(key)
        own = [e for e, how in found if how == 0]
        if not own:
            # a region under another name ("Bavaria" for Bayern), a capital or big city under
            # another spelling ("Khatmandu"); other alternate names (GeoNames holds many
            # languages) are too loose
            own = [e for e, how in found if how == 1 and (e.feature == "region" or (
                e.feature == "city" and (e.capital or e.population >= ALTERNATE_CITY_MIN)))]
        regions = [e for e in own if e.feature == "region" and e.country]
        if regions:
            countries = {e.country for e in regions}
            pick = regions[0] if len(countries) == 1 else None
        else:
            floor = (TAGGED_CITY_MIN if tagged else BARE_CITY_MIN) if bare else CITY_MIN
            cities = [e for e in own if e.feature == "city" and e.country and (
                e.population >= floor or (e.capital and not bare))]
            countries = {e.country for e in cities}
            pick = max(cities, key=lambda e: e.population) if len(countries) == 1 else None
        if pick is None or pick.country not in self.kb.countries:
            return None
        from brink.actors.kb import Entity

        return Entity(f"place:{pick.name}", "country", pick.name, country=pick.country,
                      curated=False)

    # ---- misspelt country names -----------------------------------------------------------
    def fuzzy_country(self, key: str) -> Entity | None:
        """The one country whose name, alias or adjective is within a small edit distance."""
        if key not in self._fuzzy_memo:
            self._fuzzy_memo[key] = self._fuzzy_country(key)
        return self._fuzzy_memo[key]

    def _fuzzy_country(self, key: str) -> Entity | None:
        if len(key) < FUZZY_MIN_LEN or not key.replace(" ", "").isalpha():
            return None
        if key in self.kb.names or key in self.kb.surnames:
            return None
        if self.known_place(key):
            # GeoNames' other names of countries ("Phillipines" is one); other places stay
            found = {e.country for e, _ in self.gazetteer.lookup(key) if e.feature == "country"}
            others = [e for e, _ in self.gazetteer.lookup(key) if e.feature != "country"]
            if len(found) == 1 and not others:
                return self.kb.countries.get(found.pop() or "")
            return None
        index = self._countries_index()
        limit = 1 if len(key) < 10 else 2
        best: list[tuple[int, str]] = []
        for cand in index.get(key[0], ()):
            if abs(len(cand) - len(key)) > limit:
                continue
            d = OSA.distance(key, cand, score_cutoff=limit)
            if d <= limit:
                best.append((d, cand))
        if not best:
            return None
        best.sort()
        found = {h.entity.country for d, k in best if d == best[0][0]
                 for h in self.kb.names[k] if h.entity.kind == "country"}
        if len(found) != 1:
            return None
        code = found.pop()
        return self.kb.countries.get(code or "")

    def _countries_index(self) -> dict[str, list[str]]:
        if self._fuzzy_index is None:
            index: dict[str, list[str]] = {}
            for k, hits in self.kb.names.items():
                if len(k) >= FUZZY_MIN_LEN and k.count(" ") <= 2 and any(
                        h.entity.kind == "country" and not h.case_sensitive and
                        h.entity.id.startswith("country:") and (
                            h.via in ("name", "alias", "adjective") or
                            (h.via == "region" and len(k) >= 6))  # "Chenchen" -> Chechen
                        for h in hits):
                    index.setdefault(k[0], []).append(k)
            self._fuzzy_index = index
        return self._fuzzy_index
