"""Finding event triggers in a parsed sentence and reading their sense from the lexicon."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from brink.events.arguments import child, is_passive
from brink.events.lexicon import Frame, Lexicon, Pattern, Sense

VERBAL = {"VERB", "AUX"}
WITH_MEANS = {"retaliate", "respond", "react", "hit", "strike"}  # "retaliated with tariffs"
IN_MEANS = {"engage", "participate", "involve"}  # "engaged in ethnic cleansing"
QUANTIFIERS = {"round", "series", "wave", "string", "spate", "flurry", "number", "set", "couple", "barrage",
               "volley", "campaign", "new round", "day", "week", "month", "hour", "year", "kg", "kilogram",
               "ton", "tonne", "pound", "litre", "liter", "worth", "lot", "amount", "shipment"}  # fmt: skip
# "X called Y Z" / "described Y as Z" characterise an actor: in news, nearly always a criticism.
NAMING_VERBS = {"call", "describe", "term", "dub"}
NAMING_SENSE = Sense("ACCUSE", "disapprove", "111", (), 0.55, "verb")
PRAISING_SENSE = Sense("SUPPORT", None, "051", ("diplomatic",), 0.55, "verb")
DESCRIBING_VERBS = {"describe", "characterize", "characterise", "brand", "label", "portray", "depict"}
# "found X guilty", "declared X liable": a verdict, CAMEO 116 (find guilty) → ACCUSE.
PHONE_CALL = Sense("CONSULT", "phone", "041", ("diplomatic",), 0.7, "verb")
VERDICT_VERBS = {"find", "declare", "rule", "hold", "judge", "pronounce"}
VERDICTS = {"guilty", "liable", "responsible", "culpable"}
# heads an event noun only classifies: "riot police", "attack helicopters", "assault rifles"
CLASSIFIED_HEADS = {"police", "policeman", "officer", "squad", "unit", "force", "troop", "gear", "helicopter",
                    "aircraft", "plane", "jet", "rifle", "weapon", "vehicle", "dog", "shield", "boat", "submarine"}
VERDICT_SENSE = Sense("ACCUSE", "disapprove", "116", ("legal",), 0.8, "verb")
NOUNS = {"NOUN", "PROPN"}


@dataclass
class Candidate:
    """A trigger: the head token, its sense, and the tokens that make up its text."""

    token: Token
    sense: Sense
    kind: str  # "verb" or "noun"
    words: list[Token] = field(default_factory=list)
    consumed: Token | None = None  # the object noun a frame used up ("held talks" → talks)

    @property
    def text(self) -> str:
        words = sorted(self.words or [self.token], key=lambda t: t.i)
        return " ".join(t.text for t in words)

    @property
    def start(self) -> int:
        return min(t.idx for t in (self.words or [self.token]))

    @property
    def end(self) -> int:
        return max(t.idx + len(t.text) for t in (self.words or [self.token]))


def word_key(token: Token) -> str:
    """Lemma, with hyphenated compounds joined ("build-up", "sit-in", "cease-fire")."""
    doc, i = token.doc, token.i
    if not ((i > 0 and doc[i - 1].text == "-") or (i + 1 < len(doc) and doc[i + 1].text == "-")):
        return token.lemma_.lower()  # most words: no hyphen on either side (a hot path)
    run = hyphen_run(token)
    if len(run) == 1:
        return token.lemma_.lower()
    return "".join(t.lower_ for t in run[:-1]) + run[-1].lemma_.lower()


def hyphen_run(token: Token) -> list[Token]:
    """The tokens of a hyphenated word ("build", "-", "up") around `token`, or just `token`."""
    doc = token.doc
    start = end = token.i
    while start >= 2 and doc[start - 1].text == "-" and not (doc[start - 2].whitespace_ or doc[start - 1].whitespace_):
        start -= 2
    while end + 2 < len(doc) and doc[end + 1].text == "-" and not (doc[end].whitespace_ or doc[end + 1].whitespace_):
        end += 2
    return [doc[i] for i in range(start, end + 1)]


def _phrase_words(token: Token) -> set[str]:
    words = {t.lemma_.lower() for t in token.subtree}
    words |= {t.lower_ for t in token.subtree}
    return words


def pattern_matches(pattern: Pattern, token: Token, key: str | None = None) -> bool:
    """Does the pattern match the token (`key`: its word_key, when the caller has it)?"""
    if pattern.head.startswith("@"):  # "@GPE": any named place
        return token.ent_type_ == pattern.head[1:].upper()
    if (key or word_key(token)) != pattern.head and token.lemma_.lower() != pattern.head:
        return False
    if not pattern.modifiers:
        return True
    words = _phrase_words(token)
    return all(m in words for m in pattern.modifiers)


def noun_sense(token: Token, lex: Lexicon) -> Sense | None:
    key = word_key(token)
    options = lex.nouns.get(key) or lex.nouns.get(token.lemma_.lower())
    if not options:
        return None
    modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "nmod", "poss")}
    modifiers |= {c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod", "poss")}
    modifiers |= {g.lemma_.lower() for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"}  # "an exchange of fire"  # fmt: skip
    for pattern, sense in options:
        if all(m in modifiers for m in pattern.modifiers):
            return sense
    return None


def named_in_predicate(predicate: Token) -> Token | None:
    """What "called the ruling arbitrary" names when the parser folded it into the predicate."""
    for tok in predicate.subtree:
        if tok.i != predicate.i and tok.i < predicate.i and (tok.pos_ in ("NOUN", "PROPN") or (
                tok.dep_ == "amod" and any(c.dep_ == "det" for c in tok.children))):  # fmt: skip
            return tok  # (or tagged an adjective: "the ruling" before "arbitrary")
    return None


def described_as(verb: Token, obj: Token) -> Token | None:
    """The "as" phrase of "described X as Y" (on the verb or, as the parser often has it, on X)."""
    for head in (verb, obj):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                return c
    return None


def verb_objects(verb: Token, particle: str | None) -> list[Token]:
    """What a verb acts on: its object (or passive subject), or the object of its particle."""
    objects: list[Token] = []
    if particle:
        for c in verb.children:
            if c.dep_ in ("prep", "prt") and c.lower_ == particle:
                objects.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
    obj = child(verb, "nsubjpass") if is_passive(verb) else child(verb, "dobj", "obj")
    if obj is not None:
        objects.append(obj)
        objects.extend(c for c in obj.conjuncts if c.i > obj.i)
        if obj.lemma_.lower() in QUANTIFIERS:  # "a new round of joint exercises", "a series of strikes"
            objects.extend(g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                           for g in c.children if g.dep_ == "pobj")  # fmt: skip
    for c in verb.children:  # "called for sanctions", "went on strike", "hit Mexico with a levy"
        if c.dep_ == "prep" and not particle and (
            c.lower_ in ("for", "on", "to", "from", "of")
            or (c.lower_ == "with" and (obj is not None or verb.lemma_.lower() in WITH_MEANS))
            or (c.lower_ == "in" and verb.lemma_.lower() in IN_MEANS)
            or c.lower_ == "under"  # "placed under house arrest", "put under investigation"
        ):
            objects.extend(g for g in c.children if g.dep_ == "pobj")
    if not objects and verb.dep_ != "conj":
        # "imposing and then delaying a tariff": coordinated verbs share the last one's object
        for conj in verb.conjuncts:
            if conj.i > verb.i and (shared := child(conj, "dobj", "obj")) is not None:
                objects.append(shared)
                break
    return objects


def _particle(verb: Token, lex: Lexicon) -> str | None:
    known = lex.particles.get(verb.lemma_.lower())
    if not known:
        return None
    for c in verb.children:
        # A particle follows its verb and heads no date: "on Tuesday called" is not "call on".
        if c.dep_ in ("prt", "prep") and c.lower_ in known and c.i > verb.i and not any(
            g.ent_type_ in ("DATE", "TIME") for g in c.children
        ):
            return c.lower_
    # "open fire": the second word is the object, handled by frames
    return None


def verb_sense(verb: Token, lex: Lexicon) -> tuple[Sense, Token | None, str | None] | None:
    """The sense of a verb trigger, the object noun its frame consumed, and its particle."""
    lemma = verb.lemma_.lower()
    particle = _particle(verb, lex)
    key = f"{lemma} {particle}" if particle else lemma
    objects = verb_objects(verb, particle)
    # The most specific matching frame wins: "held joint drills" (COOPERATE) over "held drills".
    best: tuple[int, Frame, Token] | None = None
    keys = [word_key(obj) for obj in objects]
    for name in ([key, lemma] if particle else [lemma]):
        for frame in lex.frames.get(name, []):
            for obj, obj_key in zip(objects, keys, strict=True):
                for pattern in frame.objects:
                    if pattern_matches(pattern, obj, obj_key) and (best is None or len(pattern.modifiers) > best[0]):
                        best = (len(pattern.modifiers), frame, obj)
    if best is not None:
        _, frame, obj = best
        if frame.sense is None:
            return None  # vetoed: "released a report"
        if frame.sense.type != "NOUN":
            return frame.sense, obj, particle
        if (sense := noun_sense(obj, lex)) is not None:
            return _strengthen(sense, frame.sense.weight), obj, particle
    doer = child(verb, "nsubj")
    for frame in lex.subject_frames.get(key, []) if doer is not None else []:
        if frame.sense is not None and any(pattern_matches(p, doer) for p in frame.objects):
            return frame.sense, None, particle  # "Russian missiles hit Kyiv": the weapon's owner attacks
    sense = lex.verbs.get(key) or lex.verbs.get(lemma)
    adjectival = verb.dep_ == "acomp" or any(c.dep_ == "auxpass" for c in verb.children)
    if sense is None and verb.tag_ == "VBN" and adjectival:
        sense = lex.verbs.get(verb.lower_)  # "is deeply concerned about": the parser's passive is an adjective
    if sense is not None:
        return (sense, None, particle) if sense.type != "NONE" else None
    predicates = [c for c in verb.children if c.dep_ in ("oprd", "attr", "acomp")]
    if lemma in NAMING_VERBS and predicates and (
        objects or named_in_predicate(predicates[0]) is not None
        or (predicates[0].pos_ == "PROPN" and any(True for _ in predicates[0].children))
        or (len(predicates) > 1 and predicates[0].pos_ in ("PROPN", "NOUN"))  # "called Canada “one of…”"
    ):
        if lex.polarity(t for p in predicates for t in p.subtree) == "praise":
            return PRAISING_SENSE, None, particle  # "called the summit a success"
        return NAMING_SENSE, None, particle  # "called Canada one of the highest tariffing nations"
    if lemma in DESCRIBING_VERBS and objects and (described := described_as(verb, objects[0])) is not None:
        # "described the jailbreak as deplorable": criticism or praise, by the words used
        polarity = lex.polarity(described.subtree)
        if polarity:
            return (PRAISING_SENSE if polarity == "praise" else NAMING_SENSE), None, particle
    if lemma == "call" and not particle and not predicates and (phoned := child(verb, "dobj")) is not None \
            and (phoned.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") or phoned.pos_ == "PROPN"):  # fmt: skip
        return PHONE_CALL, None, particle  # "Trump called Saudi Arabia's King Salman on Saturday"
    if lemma in VERDICT_VERBS and any(c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c.lower_ in VERDICTS
                                      for c in verb.subtree):  # fmt: skip
        return VERDICT_SENSE, None, particle  # "a court found Barbarin guilty"
    return _cameo_sense(verb, key, lemma, objects, lex, particle)


def _strengthen(sense: Sense, weight: float) -> Sense:
    return Sense(sense.type, sense.mode, sense.cameo, sense.context, max(sense.weight, weight),
                 "frame", sense.recipient_preps)  # fmt: skip


def _cameo_sense(
    verb: Token, key: str, lemma: str, objects: list[Token], lex: Lexicon, particle: str | None
) -> tuple[Sense, Token | None, str | None] | None:
    """A PETRARCH2 verb pattern that fits this verb's own object and prepositional phrases.

    Patterns are matched against heads, not loose words in the subtree: "- * ATTACK" needs the
    object's head to be "attack", "(FOR RETRIAL)" a "for" phrase headed by "retrial".
    """
    entry = lex.cameo.get(key) or lex.cameo.get(lemma)
    if entry is None or lex.cue(lemma, "VERB") is not None:
        return None  # modality cues ("say", "want", "plan") are never triggers themselves
    preps = {c.lower_: c for c in verb.children if c.dep_ == "prep"}
    for obj_slots, prep_slots, sense in entry.patterns:
        if not obj_slots and not prep_slots:
            continue
        if obj_slots and not any(_head_matches(lex, obj_slots, o) for o in objects):
            continue
        if all(prep in preps and (not alts or any(_head_matches(lex, alts, g) for g in preps[prep].children
                                                 if g.dep_ == "pobj")) for prep, alts in prep_slots):
            return sense, None, particle
    # A dictionary verb's default code alone over-codes badly ("want", "think", "explain" all carry
    # one), so the CAMEO dictionary contributes only through its verb + object patterns.
    return None


def _head_matches(lex: Lexicon, alternatives: list[list[str]], token: Token) -> bool:
    """Does one alternative end in this token's head word, with its other words in the phrase?"""
    head = {token.lemma_.lower(), token.lower_}
    words: set[str] | None = None  # the phrase's words, gathered only once a head word fits
    for alt in alternatives:
        if not alt:
            continue
        last = alt[-1]
        if last.startswith("&"):
            members = [m for m in lex.cameo_sets.get(last[1:], ()) if m and m[-1] in head]
            if not members:
                continue
            words = _phrase_words(token) if words is None else words
            if not any(all(m in words for m in member[:-1]) for member in members):
                continue
        elif last not in head:
            continue
        if not alt[:-1]:
            return True
        words = _phrase_words(token) if words is None else words
        if lex.slot_matches([alt[:-1]], words):
            return True
    return False


def find_candidates(sent: Span, lex: Lexicon) -> list[Candidate]:
    """All trigger candidates in a sentence, verbs first; frame objects are consumed."""
    candidates: list[Candidate] = []
    consumed: set[int] = set()
    for tok in sent:
        predicative = tok.pos_ == "ADJ" and tok.dep_ == "acomp" and tok.lower_ in lex.verbs  # "is opposed to"
        if (tok.pos_ not in VERBAL and not predicative) or tok.dep_ in ("aux", "auxpass", "amod"):
            continue  # "a jailed activist": an adjectival participle describes, it does not report
        found = verb_sense(tok, lex)
        if found is None:
            continue
        sense, obj, particle = found
        words = [tok]
        if particle:
            words += [c for c in tok.children if c.lower_ == particle and c.dep_ in ("prt", "prep")][:1]
        if obj is not None:
            words.append(obj)
            consumed.add(obj.i)
            consumed.update(c.i for c in obj.children if c.dep_ in ("compound",))
        candidates.append(Candidate(tok, sense, "verb", words, obj))
    for tok in sent:
        if tok.pos_ not in NOUNS or tok.i in consumed:
            continue
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in CLASSIFIED_HEADS:
            continue
        sense = noun_sense(tok, lex)
        if sense is not None:
            candidates.append(Candidate(tok, sense, "noun", hyphen_run(tok)))
    return candidates
