"""Is a temporal expression in a past- or future-tense clause?

Two ways: `tense_from_doc` reads the governing verb in a spaCy parse when the caller has one;
`tense_from_text` looks at the nearest tense cue word in the sentence, for `tag(text)` alone.
Both return "past", "future" or None.
"""

from __future__ import annotations

import re

from .cal import FUTURE, PAST

_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
MAX_LEFT, MAX_RIGHT = 10, 6  # how many words away a cue may be
_SENT_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z0-9])|\n")

# Future cues. "to" counts only before a verb (see _is_cue).
_FUTURE = frozenset(
    """will 'll shall would won't wouldn't upcoming scheduled slated planned plans plan intends
    intend due expected expects set tomorrow next coming""".split()
)
_PAST = frozenset(
    """was were had did said told met spoke took made held gave went came began won lost left
    fought saw sent struck hit shot fled led met rose fell broke brought bought built caught chose
    drew drove ate flew forgot froze got grew hung heard hid knew laid lay meant paid put quit
    ran read rode rang sat sold shook shut sang sank slept spent spread stood stole stuck swore
    swept swam taught tore thought threw understood woke wore wrote ago yesterday earlier
    agreed sought overthrew withdrew""".split()
)
# Words ending in -ed that are rarely a past-tense verb in news, or that point to the future.
_NOT_PAST_ED = frozenset(
    """united armed red need speed seed feed breed hundred indeed proposed planned scheduled
    expected slated anticipated intended based related alleged detailed limited advanced
    unprecedented unexpected unidentified unnamed undisclosed unspecified embattled beleaguered
    self-styled so-called biased sacred wicked naked rugged ragged shed bed wed""".split()
)
_NON_VERB_AFTER_TO = frozenset(
    """the a an his her their its our my your this that these those some each every all any
    about around over under at in on by for from with""".split()
)
_BE = frozenset("be being is are am 's".split())
_PAST_FINITE = frozenset("was were had did ago yesterday earlier".split())
# Attribution verbs after the expression ("..., officials said.") say nothing of its tense.
_SPEECH = frozenset(
    "said says told added announced reported stated wrote noted explained warned".split()
)
_PRESENT_BE = frozenset("is are am 's".split())


def sentence_bounds(text: str, start: int, end: int, reach: int = 300) -> tuple[int, int]:
    """Approximate bounds of the sentence around [start, end) (cheap; no parse)."""
    lo = max(0, start - reach)
    s = lo
    for m in _SENT_END.finditer(text, lo, start):
        s = m.end()
    m = _SENT_END.search(text, end, min(len(text), end + reach))
    e = m.start() + 1 if m else min(len(text), end + reach)
    return s, e


def _cue(tokens: list[str], i: int) -> str | None:
    w = tokens[i].lower()
    if w in ("will", "shall", "would", "won't", "wouldn't") or w.endswith(("'ll", "’ll")):
        return FUTURE
    if w == "to":
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if nxt and nxt[0].islower() and nxt not in _NON_VERB_AFTER_TO and not nxt.endswith("ing"):
            return FUTURE
        return None
    if w in _PRESENT_BE:
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if nxt.endswith("ing") and len(nxt) > 4:
            return FUTURE  # present progressive of an arrangement: "is meeting Friday"
        return None
    if w in _FUTURE:
        if w == "set" and (i + 1 >= len(tokens) or tokens[i + 1] not in ("to", "for")):
            return None
        return FUTURE
    if w in _PAST or (w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST_ED):
        prev = tokens[i - 1].lower() if i > 0 else ""
        if w not in _PAST_FINITE and prev in _BE:
            return None  # passive "will be held", "are banned": another word decides
        return PAST
    return None


def tense_from_text(text: str, start: int, end: int) -> str | None:
    """The tense cue nearest the expression within its sentence (right-hand cues count 2x)."""
    s, e = sentence_bounds(text, start, end)
    left = _WORD.findall(text, s, start)
    right = _WORD.findall(text, end, e)
    best: tuple[float, str] | None = None
    for dist, i in enumerate(range(len(left) - 1, -1, -1), 1):
        if dist > MAX_LEFT:
            break
        if dist > 4 and left[i].lower() == "to":
            continue  # a distant infinitive is usually another clause's
        c = _cue(left, i)
        if c:
            best = (dist, c)
            break
    for dist, i in enumerate(range(len(right)), 1):
        if dist > MAX_RIGHT or (best is not None and dist * 2 >= best[0]):
            break
        w = right[i].lower()
        if w in _SPEECH or w == "to":
            continue  # attribution, or a purpose clause ("met Friday to review")
        c = _cue(right, i)
        if c:
            best = (dist * 2, c)
            break
    return best[1] if best else None


_FUTURE_GOVERNORS = frozenset(
    "expect schedule set plan slate intend aim hope want seek prepare due agree vow threaten "
    "promise pledge".split()
)


_SCHEDULING = frozenset(
    "set schedule reschedule plan slate postpone delay move push adjourn call fix book".split()
)


def tense_from_doc(doc, start: int, end: int) -> str | None:  # doc: spacy.tokens.Doc
    """Tense of the verb the expression at [start, end) attaches to, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    prep = tok.head if tok.dep_ == "pobj" else None
    for _ in range(5):
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            break
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    else:
        return None
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    if (
        prep is not None
        and prep.lower_ in ("for", "to", "until", "till")
        and (tok.lemma_ in _SCHEDULING)
    ):
        return None  # "set a hearing for Dec. 16", "postponed the vote to Friday"
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    lemmas = {a.lower_ for a in auxes}
    if lemmas & {"will", "'ll", "shall", "would", "wo"}:
        return FUTURE
    if "to" in lemmas or tok.tag_ == "VB":
        head = tok.head
        if (
            tok.dep_ == "xcomp"
            and head.tag_ in ("VBD", "VBN")
            and head.lemma_ not in (_FUTURE_GOVERNORS)
        ):
            return PAST  # "began to withdraw on Friday"
        return FUTURE
    if any(a.tag_ in ("VBD",) or a.lower_ in ("was", "were", "had", "did") for a in auxes):
        return PAST
    if tok.tag_ == "VBD":
        return PAST
    if tok.tag_ == "VBN" and lemmas & {"has", "have", "'ve"}:
        return PAST
    if tok.tag_ == "VBG" and lemmas & {"is", "are", "am", "'s", "'re"}:
        return FUTURE
    return None
