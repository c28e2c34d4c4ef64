"""Plain-data entry points behind `brink actor "..." --date ...` and `brink actor --jsonl FILE`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from brink.actors.doc import DocActors
from brink.actors.kb import load_kb
from brink.actors.resolver import ActorResolver
from brink.errors import UsageError


def _resolver() -> ActorResolver:
    return ActorResolver(load_kb())


def _parse_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise UsageError("E011", value=value) from None


def resolve_phrase(text: str, when: date | None = None,
                   context: str | None = None) -> dict[str, Any]:
    """Resolve one actor phrase on a date. `context` is surrounding text (for example the
    article so far) that is scanned first, so surnames and "the alliance" can be resolved."""
    resolver = _resolver()
    doc_actors: DocActors | None = None
    if context:
        from brink.nlp import parse

        doc_actors = resolver.scan(parse(context), when)
    res = resolver.resolve(text, when, doc_actors)
    country = resolver.kb.country_on(res.country, when)  # as it stood that day: "Kosovo" in 1999 is Serbia
    return {"text": text, "name": res.name, "country": country, "sector": res.sector}


def resolve_records(lines: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """For records `{"id", "text", "context", "date"}` yield `{"id", "text", "name", "country",
    "sector"}`; a record that cannot be read yields its `id` and an `error` message instead, and
    the rest of the batch goes on."""
    for record in lines:
        rid = record.get("id") if isinstance(record, dict) else None
        try:
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError("record needs a string field 'text'")
            when = _parse_date(record.get("date"))
            out = resolve_phrase(record["text"], when, record.get("context") or None)
        except (ValueError, UsageError) as exc:
            yield {"id": rid, "error": str(exc)}
            continue
        yield {"id": rid, **out}
