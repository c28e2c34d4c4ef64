"""Who is speaking inside quotation marks, across sentences.

News quotes often span sentences and name their speaker only once, before or after the quote:
“We urge Afghanistan to hold the perpetrators accountable. …,” the ministry said. A first-person
actor inside such a quote is its speaker. Quotes are found by pairing opening and closing marks in
the document; the speaker is the subject of a speech verb in the sentence where the quote closes
(or, failing that, where it opens).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

OPENING = {"“", "``"}
CLOSING = {"”", "''"}
STRAIGHT = '"'
SPEECH = {"say", "tell", "add", "state", "write", "post", "tweet", "declare", "insist", "stress",
          "warn", "explain", "note", "announce", "argue", "claim", "continue", "ask", "reply"}  # fmt: skip
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}


@dataclass(frozen=True)
class Quote:
    start: int  # token indices, inclusive of the marks
    end: int
    speaker: Token | None


def _pairs(doc: Doc) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    for tok in doc:
        text = tok.text
        if text in OPENING or (text == STRAIGHT and open_at is None):
            open_at = tok.i
        elif (text in CLOSING or text == STRAIGHT) and open_at is not None:
            pairs.append((open_at, tok.i))
            open_at = None
    return pairs


def _speaker_in(sent, outside: range) -> Token | None:
    """The subject of a speech verb of `sent` that lies outside the quote."""
    for tok in sent:
        if tok.i in outside or tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in SPEECH:
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i not in outside and subj.lower_ not in FIRST_PERSON:
            return subj
    return None


def find_quotes(doc: Doc) -> list[Quote]:
    quotes = []
    for start, end in _pairs(doc):
        inside = range(start, end + 1)
        speaker = _speaker_in(doc[end].sent, inside)
        if speaker is None:
            speaker = _speaker_in(doc[start].sent, inside)
        quotes.append(Quote(start, end, speaker))
    return quotes


def speaker_of(token: Token, quotes: list[Quote]) -> Token | None:
    for quote in quotes:
        if quote.start < token.i < quote.end:
            return quote.speaker
    return None
