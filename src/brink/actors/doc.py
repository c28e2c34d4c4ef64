"""What a document has said about its actors so far: mentions, learnt names and anaphora.

`DocActors` is filled by `ActorResolver.scan()` in text order. It answers the questions the
phrase resolver asks (`brink.actors.phrase.Context`): who "Sullivan" is after "Jake Sullivan",
whom "the Russian leader", "the alliance", "the two leaders", "he" or "they" point back to.
Antecedents are always looked for before `cursor`, the start of the phrase being resolved.
No coreference model is used: the rules prefer the nearest compatible earlier mention.
"""

from __future__ import annotations

import bisect
import copy
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz, process

from brink.actors.kb import KnowledgeBase
from brink.actors.pieces import Context
from brink.actors.text import norm
from brink.actors.types import Resolution

NEAR_SENTENCES = 3  # how far back "the officials" looks for "Iraqi officials"
LOCAL_FUZZY_MIN = 85  # rapidfuzz ratio for a misspelt repeat of a name in the same article
_PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le", "du", "jr",
              "dos", "das", "do", "di", "del", "della"}


@dataclass
class Mention:
    start: int  # character offsets into the document text
    end: int
    text: str
    resolution: Resolution
    sentence: int = 0
    subject: bool = False
    main: bool = False  # subject of the sentence's main verb (not of a clause inside it)
    anaphors: frozenset[str] = frozenset()  # nouns that can refer back to it ("alliance")
    igo: Resolution | None = None  # the IGO the mention names, if any


@dataclass
class DocActors(Context):
    """Actors mentioned in one document, in text order."""

    text: str = ""
    when: date | None = None
    kb: KnowledgeBase | None = None
    mentions: list[Mention] = field(default_factory=list)
    names: dict[str, Resolution] = field(default_factory=dict)
    cursor: int = 1 << 30  # antecedents must start before this offset
    # the pronoun being resolved is the subject of its sentence's main verb ("“…,” he said"):
    # subjects of clauses before it in the same sentence (inside the quote) are not its antecedent
    pronoun_main: bool = False
    sentence_starts: list[int] = field(default_factory=list)  # character offsets
    aliases: set[str] = field(default_factory=set)  # short names the article defined ("NISA")
    # how often the resolver asked about this document: a resolution that never asked is the
    # same in any document, so the resolver may reuse it
    consulted: int = 0
    _choices: dict[str, bool] = field(default_factory=dict)
    _spans: dict[tuple[int, int], Mention] = field(default_factory=dict)  # (start, end) -> mention

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention the scan recorded for exactly this stretch of text, if any."""
        return self._spans.get((start, end))

    # ---- filling -------------------------------------------------------------------------
    def add(self, mention: Mention) -> None:
        res = mention.resolution
        if self.kb is not None and res.name:
            # "NATO foreign ministers" also makes NATO something "the alliance" can point to
            ent = self.kb.igo_named(res.name)
            if ent is not None:
                mention.anaphors = ent.anaphors
                mention.igo = Resolution(ent.name, ent.country, ent.sector, "igo", res.score)
        bisect.insort(self.mentions, mention, key=lambda m: m.start)
        self._spans[(mention.start, mention.end)] = mention
        if res.kind == "person" and res.name and " " in res.name.strip():
            # unplaced names too: a later "Sithole" is the article's Sibusiso Sithole, not a
            # namesake in the knowledge base
            self.learn(res.name, res)

    def learn(self, name: str, res: Resolution) -> None:
        """Remember a person's full name and surname for the rest of the document."""
        key = norm(name)
        words = key.split()
        stored = copy.copy(res)
        stored.score = min(res.score, 0.9)
        keys = [key]
        if len(words) >= 2 and words[-1] not in _PARTICLES:
            keys.append(words[-1])
            if len(words) >= 3 and words[-2] in _PARTICLES:
                keys.append(" ".join(words[-2:]))
        for k in keys:
            known = self.names.get(k)
            # the first person a name meant keeps it, but learns a country found later
            # ("Ambassador Shafqat Ali Khan" gets Pakistan from the title before him)
            if known is None or (known.name == stored.name and not known.country and stored.country):
                self.names[k] = stored

    def learn_alias(self, alias: str, res: Resolution) -> None:
        """"Somalia's National Intelligence and Security Agency (NISA)": later "NISA" is that body."""
        stored = copy.copy(res)
        stored.score = min(res.score, 0.9)
        self.names.setdefault(norm(alias), stored)
        self.aliases.add(norm(alias))

    def has_alias(self, key: str) -> bool:
        self.consulted += 1
        return norm(key) in self.aliases

    # ---- Context -------------------------------------------------------------------------
    def local_name(self, key: str) -> Resolution | None:
        self.consulted += 1
        key = norm(key)
        found = self.names.get(key)
        if found is None and " " in key:
            # "Abdel Bari" after "Naser Eldin Abdel Bari"
            ends = {id(r): r for k, r in self.names.items() if k.endswith(" " + key)}
            found = next(iter(ends.values())) if len(ends) == 1 else None
        if found is None and len(key) >= 5:
            # a misspelling of a name used earlier in the article ("Pederson" for "Pedersen")
            close = process.extractOne(key, [k for k in self.names if k[:1] == key[:1]],
                                       scorer=fuzz.ratio, score_cutoff=LOCAL_FUZZY_MIN)
            found = self.names[close[0]] if close else None
        return copy.copy(found) if found is not None else None

    def choose(self, key: str, cues: tuple[str, ...], phrase: str = "") -> bool:
        self.consulted += 1
        if super().choose(key, cues, phrase):
            return True
        if key not in self._choices:
            low = self.text.lower()
            self._choices[key] = any(cue in low for cue in cues)
        return self._choices[key]

    def _before(self) -> list[Mention]:
        upto = bisect.bisect_right(self.mentions, self.cursor, key=lambda m: m.start)  # sorted by start
        return [m for m in self.mentions[:upto] if m.end <= self.cursor]

    def antecedent(self, want: str, anaphor: str = "", sector: str | None = None,
                   country: str | None = None, head: str | None = None) -> Resolution | None:
        self.consulted += 1
        earlier = list(reversed(self._before()))
        if not earlier:
            return None
        pick = None
        if want == "speaker":
            return None  # "I", "we": the quote's speaker, which only the reporting clause gives
        if want == "person":
            pick = self._salient([m for m in earlier if not m.resolution.members and (
                m.resolution.kind == "person" or self._one_person(m.resolution))])
        elif want == "thing":
            # organisations can be "it" or "they"; a country's demonym ("the Russians") cannot
            pick = self._salient([m for m in earlier if not m.resolution.members and (
                m.resolution.kind in ("igo", "seat", "group")
                or (m.resolution.kind in ("country", "agent") and not m.resolution.plural))])
        elif want == "plural":
            pick = self._salient([m for m in earlier if m.resolution.members
                                  or m.resolution.plural or m.resolution.kind == "group"])
            pick = pick or next((m for m in earlier if m.resolution.kind == "country"), None)
        elif want == "country":
            pick = next((m for m in earlier if m.resolution.kind in ("country", "seat")
                         and self._is_state(m.resolution.country)), None)
        elif want in ("group", "igo"):
            pick = next((m for m in earlier if anaphor and anaphor in m.anaphors), None)
            if pick is not None and pick.igo is not None:
                res = copy.copy(pick.igo)
                res.score = min(res.score, 0.6)
                return res
            if pick is None and want == "group":
                pick = next((m for m in earlier if m.resolution.kind == "group"
                             and not m.resolution.members), None)
        elif want == "focus":
            # the state most mentioned in the last few sentences, the latest on a tie
            here = self._sentence_of(self.cursor) if self.sentence_starts else None
            counts: dict[str, int] = {}
            for m in earlier:
                if m.resolution.kind in ("country", "seat", "agent") and self._is_state(
                        m.resolution.country) and (
                        here is None or here - m.sentence <= NEAR_SENTENCES):
                    counts[m.resolution.country or ""] = counts.get(m.resolution.country or "",
                                                                    0) + 1
            if counts:
                top = max(counts.values())
                pick = next(m for m in earlier if counts.get(m.resolution.country or "") == top)
        elif want == "leader":
            people = [m for m in earlier if m.resolution.kind == "person"
                      and m.resolution.country == country]
            pick = next((m for m in people if m.resolution.leader), None)
            pick = pick or next((m for m in people if m.resolution.sector == "GOV"), None)
        elif want == "sector":
            # "the officials", "the rebels": an earlier actor with the same head word, or (for a
            # strong sector word) the same sector, within the last few sentences
            here = self._sentence_of(self.cursor) if self.sentence_starts else None
            near = [m for m in earlier if m.resolution.country and not m.resolution.members
                    and (here is None or here - m.sentence <= NEAR_SENTENCES)]
            # (an organisation named by a name ending in the word: "the council" after "the
            # 15-nation Security Council")
            pick = next((m for m in near if head and (m.resolution.head == head or (
                m.resolution.kind in ("igo", "group") and _ends_in(m, head)))), None)
            if pick is None and sector is not None:
                pick = next((m for m in near if m.resolution.sector == sector), None)
        if pick is None:
            return None
        res = copy.copy(pick.resolution)
        res.score = min(res.score, 0.6)
        return res

    def several(self, want: str, count: int) -> list[Resolution]:
        self.consulted += 1
        seen: dict[str, Resolution] = {}
        earlier = list(reversed(self._before()))
        if want == "person":
            people = [m.resolution for m in earlier if m.resolution.kind == "person"]
            members = [r for m in earlier for r in m.resolution.members if r.kind == "person"]
            leaders = [r for r in people + members if r.leader]
            for pool in (leaders, people + members):
                seen = {}
                for r in pool:
                    seen.setdefault(r.name or "", r)
                    if len(seen) == count:
                        break
                if len(seen) == count:
                    break
        else:
            for m in earlier:
                r = m.resolution
                if self._is_state(r.country) and r.country not in seen and r.kind != "place":
                    seen[r.country or ""] = Resolution(r.country, r.country, None, "country",
                                                       0.5)
                if len(seen) == count:
                    break
        out = [copy.copy(r) for r in reversed(list(seen.values()))]
        for r in out:
            r.score = min(r.score, 0.6)
        return out if len(out) == count else []

    # ---- helpers -------------------------------------------------------------------------
    def _is_state(self, code: str | None) -> bool:
        return bool(code) and (self.kb is None or code in self.kb.countries)

    def _sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def _one_person(self, res: Resolution) -> bool:
        """"the fugitive leader of ISIS", "the Iraqi prime minister": one person, unnamed."""
        if res.plural or not res.head or self.kb is None:
            return False
        agent = self.kb.agent(res.head)
        return agent is not None and "person" in agent.flags

    def _salient(self, cands: list[Mention]) -> Mention | None:
        """The antecedent of a pronoun among compatible earlier mentions (nearest first): the
        nearest subject earlier in the same sentence, else the previous sentence's subject (of
        its main verb if it has one, else its first), else the nearest subject of the last few
        sentences, else the nearest mention."""
        if not cands:
            return None
        here = self._sentence_of(self.cursor) if self.sentence_starts else cands[0].sentence
        same = [m for m in cands if m.subject and m.sentence == here and (
            m.main or not self.pronoun_main)]
        if same:
            # "Putin said he ...": a named subject before an unnamed one ("the leader")
            return next((m for m in same if m.resolution.kind != "agent"), same[0])
        previous = [m for m in cands if m.subject and m.sentence == here - 1]
        if previous:
            # cands run backwards: the last is the sentence's first subject
            return next((m for m in reversed(previous) if m.main), previous[-1])
        subjects = [m for m in cands if m.subject and here - m.sentence <= NEAR_SENTENCES]
        if subjects:
            return next((m for m in subjects if m.main and m.sentence == subjects[0].sentence),
                        subjects[0])
        return cands[0]


def _ends_in(mention: Mention, word: str) -> bool:
    """Is `word` the last word of the mention's text or canonical name ("United Nations Security
    Council" for "the council")?"""
    return any(name.split()[-1:] == [word] for name in (mention.text.lower(), (mention.resolution.name or "").lower()))
