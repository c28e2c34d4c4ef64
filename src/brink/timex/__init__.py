"""Temporal tagging and normalisation: TIMEX3-style expressions resolved against an anchor date.

API:
- `tag(text, anchor, doc=None) -> list[Timex]`, one fast pass over the document;
- `timex_date(tx) -> (value, precision) | None`, precision day | week | month | year;
- `governing_timex(trigger, timexes) -> Timex | None`, the timex dating the trigger's clause;
- `find_publication_date(text) -> date | None`, from an explicit dateline or byline;
- `api.dates_for_documents(records)`, one dict per expression (`brink dates FILE.jsonl`).

Values (TIMEX3 style): days 2021-12-07; weeks 2021-W49 (weekend 2021-W49-WE); months 2022-01;
years 2021; decades 199 ("the 1990s"); centuries 20 ("the 21st century"); quarters 2021-Q3;
halves 2022-H1; seasons 2022-SP/SU/FA/WI (winter labelled by the year it starts in); fiscal years
FY2022; times T16:04, or 2021-12-08T16:04 when a day-precision date is written next to them;
parts of days 2021-12-07TNI (MO, AF, EV, NI); PRESENT_REF, PAST_REF, FUTURE_REF; durations P6M,
PT2H, P1DE, PXD ("days"); sets P1W ("weekly"), XXXX-WXX-1 ("every Monday"). Without an anchor,
relative expressions keep placeholders: XXXX-12-25, XXXX-WXX-5, XXXX-WXX, XXXX-01.
Modifiers ("early 2022", "late last year", "mid-December") are part of the span, not the value.

Ambiguous weekdays, bare months, seasons, quarters and holidays are resolved by tense: past ->
the latest one that has begun (a weekday counts the anchor day), future -> the next one not yet
over, unknown -> the nearest (a bare weekday defaults to past, as news narrates the past). Tense
comes from the governing verb when a spaCy `doc` is passed to `tag`, else from cue words.
"""

from .api import dates_for_documents, timex_date
from .dateline import find_publication_date
from .govern import governing_timex
from .tagger import tag

__all__ = [
    "dates_for_documents",
    "find_publication_date",
    "governing_timex",
    "tag",
    "timex_date",
]
