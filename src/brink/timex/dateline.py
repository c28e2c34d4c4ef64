"""`find_publication_date`: an explicit dateline or byline date near the top of a text.

Only a date written with its year, on a line that reads as a byline or dateline ("Dimitri Simes |
December 8, 2021 | 4:04pm EST", "Published 8 December 2021", "WASHINGTON, Dec. 8, 2021
(Reuters) -"), counts. A date inside an ordinary sentence does not, and nothing is ever guessed.
"""

from __future__ import annotations

import re
from datetime import date

from .tagger import tag

HEAD_CHARS = 1500
_FULL = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_KEYWORD = re.compile(
    r"\b(?:published|posted|updated|last\s+updated|dateline|date|filed)\b|\||\((?:Reuters|AP|AFP"
    r"|UPI|dpa|ANI|IANS|Xinhua|TASS|Bloomberg)\)",
    re.I,
)
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'’-]{2,},")
_LOWER = re.compile(r"\b[a-z][a-z'’]+\b")
_BYLINE_WORDS = frozenset(
    "by on at and of am pm a.m p.m est edt gmt utc bst cet local time updated published posted "
    "the staff reporter correspondent writer editor".split()
)


def find_publication_date(text: str) -> date | None:
    """The publication date stated in the first lines of `text`, or None."""
    if not text:
        return None
    head = text[:HEAD_CHARS]
    for tx in tag(head, None):
        m = _FULL.match(tx.value)
        if tx.type not in ("DATE", "TIME") or not m:
            continue
        ls = head.rfind("\n", 0, tx.start) + 1
        le = head.find("\n", tx.end)
        le = len(head) if le < 0 else le
        line = head[ls:le]
        rest = head[ls : tx.start] + " " + head[tx.end : le]
        words = [w for w in _LOWER.findall(rest) if w not in _BYLINE_WORDS]
        if _KEYWORD.search(line) or _DATELINE.match(line) or len(words) <= 1:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None
