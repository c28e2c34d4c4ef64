"""Finding a phrase of a parsed test document as a span (shared by the actor tests)."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def span_of(doc: Doc, text: str, nth: int = 0) -> Span:
    """The nth occurrence of `text` in `doc` as a span (token-aligned)."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    assert span is not None
    return span
