"""Name keys: how a toponym in text and a gazetteer name are made comparable.

`name_key("Khān Yūnis") == name_key("Khan Yunis")`: case, diacritics, apostrophes, hyphens and a
leading "the" are ignored. The build script and the runtime share this one function, so a key
written into the gazetteer is the key looked up.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "", "‘": "", "ʼ": "", "ʻ": "", "`": "", "'": "", "´": ""})
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/]+")
_DROP = re.compile(r"[^\w\s&]")
# Letters that NFKD does not decompose into a base letter and a mark.
_LETTERS = str.maketrans({"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ß": "ss",
                          "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ð": "d",
                          "þ": "th", "ħ": "h"})


def fold(text: str) -> str:
    """Strip diacritics: "Ménaka" -> "Menaka", "Ḩamāh" -> "Hamah"."""
    text = text.translate(_LETTERS)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(text: str) -> str:
    """The comparison key of a place name ("" when nothing is left)."""
    key = fold(text).translate(_APOSTROPHES).lower()
    key = key.replace("&", " and ").replace(".", "")
    key = _SEPARATORS.sub(" ", key)
    key = _DROP.sub("", key)
    key = " ".join(key.split())
    if key.startswith("the "):
        key = key[4:]
    return key


def is_latin_name(text: str) -> bool:
    """True when every letter is Latin (GeoNames alternates include every script)."""
    for ch in text:
        if ch.isalpha() and not ("A" <= fold(ch) <= "z"):
            return False
    return True
