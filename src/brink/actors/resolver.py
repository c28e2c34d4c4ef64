"""The actor resolver: phrases and spaCy spans to (name, country, sector) on a date.

    kb = load_kb()
    resolver = ActorResolver(kb)
    doc_actors = resolver.scan(doc, when=date(2021, 12, 8))   # once per spaCy Doc
    res = resolver.resolve_span(span, when, doc_actors)       # each actor phrase
    res = resolver.resolve("Russian President Vladimir Putin", when)

`scan()` walks the document's named entities and noun chunks in order, resolves each (using what
came before) and records them, so that later surnames, "the Russian leader", "the alliance",
"the two leaders" and pronouns can be resolved by `resolve_span()`. A bare name resolved by
`resolve_span()` is who the article introduced (an apposition naming a UN post wins over the
knowledge base). First-person pronouns are left unresolved (score 0): the event coder takes a
quote's speaker from its reporting clause.
"""

from __future__ import annotations

import bisect
import copy
import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from brink.actors.doc import DocActors, Mention
from brink.actors.kb import KnowledgeBase, load_kb
from brink.actors.phrase import apposition, igo_office, resolve_words
from brink.actors.pieces import Context
from brink.actors.text import norm, norm_word, split_words
from brink.actors.types import Resolution

CONTEXT_FREE_MAX = 200_000  # cached phrase resolutions per process (a few hundred bytes each)
_UNRESOLVED = Resolution(None, None, None, "none", 0.0)  # cached "no actor here"
# "the National Intelligence and Security Agency (NISA)": the article's own short name for it
ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z0-9&.-]{1,11})\)")

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
STATIC_KINDS = {"country", "igo", "seat"}
MAX_PHRASE_CHARS = 300  # longer "phrases" are clauses; only their start is read


# Entity labels of numbers and times: "Up to 100 ethnic Albanians" holds no name.
_NUMERIC_LABELS = {"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE", "TIME"}


def _proper(span: Span) -> dict[int, str]:
    """Offsets (relative to the span) of proper nouns and named-entity tokens -> entity label
    (or "PROPN")."""
    return {t.idx - span.start_char: t.ent_type_ or "PROPN" for t in span
            if t.pos_ == "PROPN" or (t.ent_type_ and t.ent_type_ not in _NUMERIC_LABELS)}


def _is_main_subject(tok: Token) -> bool:
    """The subject of its sentence's main verb (or of a verb coordinated with it)."""
    verb = tok.head
    return tok.dep_ in SUBJECT_DEPS and (
        verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))


class ActorResolver:
    """Resolves actor phrases against a knowledge base; stateless apart from the KB."""

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb if kb is not None else load_kb()
        # Phrases naming a country, IGO or seat of power resolve the same way in every document
        # and on every date, so their resolutions are kept (phrase text and proper-noun tags).
        self._static: dict[tuple[str, tuple[tuple[int, str], ...]], Resolution] = {}
        # Phrases whose resolution on a date did not ask the document anything ("Russian forces",
        # "the defense ministry", a known minister): reused across documents of a corpus.
        self._context_free: dict[tuple[str, tuple[tuple[int, str], ...], date], Resolution] = {}

    # ---- plain text ----------------------------------------------------------------------
    def resolve(self, text: str, when: date | None = None,
                doc_actors: DocActors | None = None, *,
                proper: dict[int, str] | None = None) -> Resolution:
        """Resolve a phrase given as a string (no spaCy needed). `proper`: character offsets
        (into `text`) of words a parser tagged as proper nouns -> entity label, if known."""
        when = when or date.today()
        ctx: Context = doc_actors if doc_actors is not None else Context()
        words = split_words(text[:MAX_PHRASE_CHARS])
        if len(words) == 1 and doc_actors is not None:
            pron = self._pronoun_class(words[0].norm, words[0].raw)
            if pron:
                return self._pronoun(pron, doc_actors, None)
        res = self._resolve_text(text, proper, when, ctx)
        if res is None:
            return Resolution(text.strip() or None, None, None, "agent", 0.0)
        return res

    def _resolve_text(self, text: str, proper: dict[int, str] | None, when: date,
                      ctx: Context) -> Resolution | None:
        """`resolve_words` on the phrase, reusing the result when an identical phrase on the same
        date was resolved without asking any document anything."""
        key = (text, tuple(sorted((proper or {}).items())), when)
        known = self._context_free.get(key)
        if known is not None:
            return None if known is _UNRESOLVED else copy.copy(known)
        asked = getattr(ctx, "consulted", 0)
        res = resolve_words(split_words(text[:MAX_PHRASE_CHARS]), self.kb, when, ctx, proper)
        if getattr(ctx, "consulted", 0) == asked and len(self._context_free) < CONTEXT_FREE_MAX:
            self._context_free[key] = copy.copy(res) if res is not None else _UNRESOLVED
        return res

    # ---- spaCy ---------------------------------------------------------------------------
    def scan(self, doc: Doc, when: date | None = None) -> DocActors:
        """Record every actor mention of `doc` in order (see module docstring)."""
        when = when or date.today()
        actors = DocActors(text=doc.text, when=when, kb=self.kb)
        sents = list(doc.sents) if doc.has_annotation("SENT_START") or doc.has_annotation(
            "DEP") else []
        actors.sentence_starts = [s.start_char for s in sents]
        token_starts = [s.start for s in sents]
        for span in self._candidate_spans(doc):
            actors.cursor = span.start_char
            proper = _proper(span)
            key = (span.text, tuple(sorted(proper.items())))
            res = copy.copy(self._static[key]) if key in self._static else None
            if res is None:
                res = self._resolve_text(span.text, proper, when, actors)
                if res is None:
                    continue
                if res.kind in STATIC_KINDS and not res.members and norm(span.text) not in self.kb.ambiguous:
                    self._static[key] = copy.copy(res)  # a country or IGO is the same in every story
            res = self._with_apposition(span, res, when, actors)
            if res.resolved and res.kind != "person" and not res.members and (
                    acronym := ACRONYM_AFTER.match(actors.text, span.end_char)):  # fmt: skip
                actors.learn_alias(acronym.group(1), res)
            if res.resolved or (res.kind == "person" and res.name):
                # the sentence by bisection: Span.sent walks the sentence each time it is asked
                sentence = bisect.bisect_right(token_starts, span.start) - 1 if token_starts else 0
                actors.add(self._mention(span, res, max(sentence, 0)))
        actors.cursor = 1 << 30
        return actors

    def resolve_span(self, span: Span, when: date | None = None,
                     doc_actors: DocActors | None = None) -> Resolution:
        """Resolve the phrase an event coder chose (a single pronoun token is allowed)."""
        when = when or date.today()
        if doc_actors is not None:
            doc_actors.cursor = span.start_char
        try:
            if len(span) == 1 and doc_actors is not None:
                tok = span[0]
                pron = self._pronoun_class(tok.lower_, tok.text, tok)
                if pron:
                    return self._pronoun(pron, doc_actors, tok)
            known = doc_actors.mention_at(span.start_char, span.end_char) if doc_actors is not None else None
            if known is not None:
                return copy.copy(known.resolution)  # the scan resolved this very phrase in place
            res = self.resolve(span.text, when, doc_actors, proper=_proper(span))
            if doc_actors is not None and res.kind == "person" and res.name:
                res = self._as_introduced(span.text, res, doc_actors)
                if res.resolved:
                    doc_actors.learn(res.name, res)
            return res
        finally:
            if doc_actors is not None:
                doc_actors.cursor = 1 << 30

    # ---- internals -----------------------------------------------------------------------
    def _candidate_spans(self, doc: Doc) -> list[Span]:
        """Entity mentions widened to their noun chunk, plus chunks holding a sector word."""
        spans: list[Span] = []
        chunk_of: dict[int, Span] = {}
        chunks = list(doc.noun_chunks) if doc.has_annotation("DEP") else []
        for ch in chunks:
            for i in range(ch.start, ch.end):  # token indices: cheaper than creating Token objects
                chunk_of[i] = ch
        covered: set[int] = set()
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            chunk = chunk_of.get(ent.end - 1) or chunk_of.get(ent.start)
            start = min(ent.start, chunk.start) if chunk is not None else ent.start
            # "Russian forces", "Armenia's foreign minister": the chunk's head is a sector word
            widen = chunk is not None and (ent.label_ == "NORP" or self.kb.agent(
                chunk.root.lower_) is not None)
            end = max(ent.end, chunk.end) if widen and chunk is not None else ent.end
            # a title before a name is often outside the chunk ("Kremlin spokesperson Dmitry")
            while start > 0 and doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ") and \
                    doc[start - 1].ent_type_ in ("", "NORP", "ORG", "GPE") and \
                    doc[start - 1].dep_ in ("compound", "amod", "nmod", "poss") and \
                    doc[start - 1].head.i >= start:
                start -= 1
            span = doc[start:end]
            spans.append(span)
            covered.update(range(span.start, span.end))
        for ch in chunks:
            if any(i in covered for i in range(ch.start, ch.end)):
                continue
            if len(ch) == 1 and ch[0].pos_ == "PRON":
                continue
            lowers = [norm_word(w) for w in ch.text.split()]
            if any(self.kb.agent(w) or w in self.kb.words for w in lowers):
                spans.append(ch)
        spans.sort(key=lambda s: (s.start, -len(s)))
        out: list[Span] = []
        for s in spans:
            if out and s.start < out[-1].end:
                continue
            out.append(s)
        return out

    def _with_apposition(self, span: Span, res: Resolution, when: date,
                         actors: DocActors) -> Resolution:
        """"Nikol Pashinyan, Armenia's prime minister": take title and country from the
        apposition when the name alone did not give them; a post at an international
        organisation ("Kenzo Oshima, the United Nations Emergency Relief Coordinator") wins."""
        if res.kind != "person":
            return res
        titles = [(c, _first_conjunct(c)) for c in span.root.children if c.dep_ == "appos"]
        head = span.root.head
        # (the small parser often attaches such a name as a comma-conjunct with no "and")
        asyndetic = span.root.dep_ == "conj" and not any(c.dep_ == "cc" for c in head.children)
        if (span.root.dep_ == "appos" or asyndetic) and head.i < span.start:
            # "the spokesperson for Pakistan's Ministry of Foreign Affairs, Ambassador Shafqat Ali
            # Khan": the title comes first and the name is its apposition
            end = span.start
            while end > head.left_edge.i and span.doc[end - 1].is_punct:
                end -= 1
            titles.append((head, span.doc[head.left_edge.i : end]))
        for child, sub in titles:
            other = resolve_words(split_words(sub.text), self.kb, when, Context(), _proper(sub))
            if other is None or other.kind not in ("agent", "person") or not other.resolved:
                continue
            agent = self.kb.agent(child.lower_)
            if not igo_office(other, self.kb) and (agent is None or ("weak" in agent.flags and not other.country)):
                continue  # "vice chairman of a think tank" says little; "spokesperson for Pakistan's…" does
            if apposition(res, other, self.kb):
                res.score = max(res.score, 0.8)
                if res.name:
                    actors.learn(res.name, res)
        return res

    def _as_introduced(self, text: str, res: Resolution, actors: DocActors) -> Resolution:
        """A bare name ("Oshima", "Kenzo Oshima") is who the article said the person is where
        it introduced them ("Kenzo Oshima, the United Nations Emergency Relief Coordinator"),
        rather than what the knowledge base lists for the date."""
        seen = actors.names.get(norm(res.name or ""))
        if seen is None or (seen.country, seen.sector) == (res.country, res.sector) or not (
                seen.country or seen.sector):
            return res
        name_words = set(norm(res.name or "").split())
        for w in split_words(text):
            cls = self.kb.words.get(w.norm, ("", ""))[0]
            if w.norm not in name_words and cls not in ("skip", "honorific") and w.norm != "'s":
                return res  # the phrase says more than the name ("former President X")
        out = copy.copy(res)
        out.country, out.sector, out.leader = seen.country, seen.sector, seen.leader
        return out

    @staticmethod
    def _mention(span: Span, res: Resolution, sentence: int) -> Mention:
        root = span.root
        if root.dep_ == "poss" and root.head.dep_ in SUBJECT_DEPS:
            root = root.head  # "The European Union's executive arm proposed ...": the EU
        subject = root.dep_ in SUBJECT_DEPS
        main = _is_main_subject(root)
        return Mention(span.start_char, span.end_char, span.text, res,
                       sentence=sentence, subject=subject, main=main)

    def _pronoun_class(self, low: str, raw: str, tok: Token | None = None) -> str | None:
        entry = self.kb.words.get(low.replace(".", ""))
        if entry is None or entry[0] not in ("pronoun", "posspron"):
            return None
        if raw.isupper() and len(raw) > 1:
            return None  # "US", "IT" are not pronouns
        if tok is not None and tok.pos_ not in ("PRON", "DET") and entry[1] != "relative":
            return None
        return entry[1]

    def _pronoun(self, cls: str, actors: DocActors, tok: Token | None) -> Resolution:
        res = None
        if cls == "relative" and tok is not None:
            # "Putin, who ..." : the relative clause hangs on the noun it describes
            head = tok.head.head if tok.head.dep_ == "relcl" else None
            if head is not None:
                found = [m for m in actors.mentions if m.start <= head.idx < m.end]
                res = found[-1].resolution if found else None
        else:
            actors.pronoun_main = tok is not None and _is_main_subject(tok)
            try:
                res = actors.antecedent(cls)
            finally:
                actors.pronoun_main = False
        if res is None:
            return Resolution(None, None, None, "pronoun", 0.0)
        out = Resolution(res.name, res.country, res.sector, "pronoun", min(res.score, 0.6),
                         members=list(res.members), leader=res.leader, plural=res.plural)
        return out


def _first_conjunct(head: Token) -> Span:
    """The phrase of `head` up to its first coordination: "president of the assembly and a close
    ally of Dodik" → "president of the assembly" (the office, not a group of two)."""
    end = head.right_edge.i + 1
    for c in head.children:
        if c.dep_ in ("cc", "conj") and c.i > head.i:
            end = min(end, c.left_edge.i)
    while end > head.i + 1 and head.doc[end - 1].is_punct:
        end -= 1
    return head.doc[head.left_edge.i : end]
