"""Text normalisation shared by the knowledge base and the resolver.

Names are compared as sequences of normalised words: accents stripped, lower case, curly quotes
and dashes unified, dots dropped ("U.S." -> "us"), hyphens splitting words ("al-Shabab" ->
"al shabab"), a possessive "'s" kept as its own word and the Arabic article "el" read as "al".
`phonetic()` folds the spelling variants that transliteration produces (Zelenskyy / Zelenskiy /
Zelensky) for a second, looser lookup.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-",
                         "‒": "-", "–": "-", "—": "-", "−": "-"})
# A word: letters/digits with inner dots or apostrophes ("U.S.", "O'Brien", "Nuku'alofa"),
# a possessive, or one punctuation mark.
_WORD = re.compile(r"'s\b|'(?=\s|$)|[^\W_]+(?:\.(?=\w)[^\W_]+|'(?!s\b)[^\W_]+)*\.?|[&,;:()/]")


@dataclass(frozen=True)
class Word:
    norm: str  # normalised form used as a lookup key
    raw: str  # the text as written (without surrounding punctuation)
    start: int  # character offsets into the text that was split
    end: int

    @property
    def is_upper(self) -> bool:
        """All letters upper case ("US", "U.S.", "WHO")."""
        letters = [c for c in self.raw if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)

    @property
    def is_title(self) -> bool:
        """Starts with an upper-case letter (a proper-name candidate)."""
        return self.raw[:1].isupper()


def fold(text: str) -> str:
    """Strip accents and unify quotes and dashes, keeping case and length-independent content."""
    text = text.translate(_QUOTES)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Spellings of one word that name keys treat as the same: the Arabic article ("Omar El Bashir",
# "Abdel Fattah el-Sisi" = "al-Sisi").
_SAME_WORD = {"el": "al"}


def norm_word(raw: str) -> str:
    w = raw.lower().replace(".", "")
    return _SAME_WORD.get(w, w)


def split_words(text: str) -> list[Word]:
    """Split text into words with offsets. Hyphenated words become several words."""
    return list(_split_words(text))


@lru_cache(maxsize=65536)
def _split_words(text: str) -> tuple[Word, ...]:
    # phrases recur across a corpus ("Russian forces", "the Kremlin"): split each once
    folded = fold(text)
    # folding may change length (decomposed characters are dropped), so map offsets back
    if len(folded) != len(text):
        return tuple(_split_unaligned(text))
    out: list[Word] = []
    for m in _WORD.finditer(folded):
        n = norm_word(m.group(0))
        if n:
            out.append(Word(n, text[m.start(): m.end()], m.start(), m.end()))
    return tuple(out)


def _split_unaligned(text: str) -> list[Word]:
    out: list[Word] = []
    for m in re.finditer(r"\S+", text):
        for w in split_words(fold(m.group(0))):
            out.append(Word(w.norm, w.raw, m.start() + w.start, min(m.end(), m.start() + w.end)))
    return out


@lru_cache(maxsize=131072)
def norm(text: str) -> str:
    """The lookup key of a phrase: its normalised words joined by single spaces."""
    folded = text.lower() if text.isascii() else fold(text).lower()
    words = (w.replace(".", "") for w in _WORD.findall(folded))
    return " ".join(_SAME_WORD.get(w, w) for w in words)


_PHONETIC_RULES = [
    (re.compile(r"(iy|yy|ii|ij|yi|ei)\b"), "y"),  # Zelenskiy/Zelenskyy -> zelensky
    (re.compile(r"kh"), "h"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"dzh|dj|j"), "y"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters
    (re.compile(r"[aeiou]+h\b"), "a"),  # Allah/Alla, Fatah/Fata
    (re.compile(r"\b(al|el|ul|ad|ed|as|es|ash|ath|an|ar|at|az)\s"), "al "),  # Arabic article
    (re.compile(r"q"), "k"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"w"), "v"),
    (re.compile(r"[ei]"), "i"),
    (re.compile(r"[ou]"), "u"),
]


@lru_cache(maxsize=131072)
def phonetic(key: str) -> str:
    """A loose key for transliteration variants ("volodymyr zelenskyy" == "volodimir zelensky")."""
    out = key
    for rule, repl in _PHONETIC_RULES:
        out = rule.sub(repl, out)
    return out.replace("y", "i")
