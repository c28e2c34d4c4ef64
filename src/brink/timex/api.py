"""Record-level helpers: a timex's date for an event record, and `dates_for_documents`."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import Any

from ..records import Timex
from .dateline import find_publication_date
from .lexicon import lexicon
from .tagger import tag

log = logging.getLogger("brink.timex")

_DAY = re.compile(r"^(\d{4}-\d\d-\d\d)(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4}-W\d\d)(?:-WE)?$")
_MONTH = re.compile(r"^\d{4}-\d\d$")
_YEAR = re.compile(r"^\d{4}$")
_COARSE = re.compile(r"^(?:FY)?(\d{4})(?:-(Q[1-4]|H[12]|SP|SU|FA|WI))?$")


def timex_date(tx: Timex) -> tuple[str, str] | None:
    """`(value, precision)` for an event record from a resolved DATE or TIME, else None.

    precision is day | week | month | year. A time of day gives its day ("2021-12-08T16:04" ->
    day); a weekend gives its ISO week. A quarter, half year, season or fiscal year gives its
    calendar year (precision "year"): narrower than the year would claim a month that is not
    known. Winter is labelled by the year it starts in but centred in January, so "2021-WI"
    gives 2022. Decades, centuries, PAST_REF and friends, and unresolved values (with X) give
    None, as do durations and sets.
    """
    if tx.type not in ("DATE", "TIME") or "X" in tx.value:
        return None
    v = tx.value
    if m := _DAY.match(v):
        return m.group(1), "day"
    if m := _WEEK.match(v):
        return m.group(1), "week"
    if _MONTH.match(v):
        return v, "month"
    if _YEAR.match(v):
        return v, "year"
    if m := _COARSE.match(v):
        y = int(m.group(1))
        return str(y + 1 if m.group(2) == "WI" else y), "year"
    return None


def _parse_published(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise ValueError(f"published date {value!r} is not an ISO date (YYYY-MM-DD...)")


def dates_for_documents(
    docs: Iterable[dict],
    on_error: Callable[[str, str], None] | None = None,
) -> Iterator[dict]:
    """One dict per temporal expression: doc_id, start, end, text, type, value.

    Input records are `{"id", "text", "published"}`; `published` (ISO date or datetime string)
    anchors relative expressions, else a dateline in the text does, else they stay unresolved.
    A bad record is reported through `on_error(doc_id, message)` (default: a logged warning)
    and skipped; the rest of the batch goes on.
    """
    lexicon()  # fail early, once, if the word lists are missing
    for n, rec in enumerate(docs):
        doc_id = str(rec.get("id", f"#{n}")) if isinstance(rec, dict) else f"#{n}"
        try:
            if not isinstance(rec, dict):
                raise ValueError("record is not a JSON object")
            text = rec.get("text")
            if not isinstance(text, str):
                raise ValueError("record has no 'text' string")
            anchor = _parse_published(rec.get("published")) or find_publication_date(text)
            found = tag(text, anchor)
        except ValueError as exc:
            if on_error is not None:
                on_error(doc_id, str(exc))
            else:
                log.warning("document %s skipped: %s", doc_id, exc)
            continue
        for tx in found:
            yield {
                "doc_id": doc_id,
                "start": tx.start,
                "end": tx.end,
                "text": tx.text,
                "type": tx.type,
                "value": tx.value,
            }
