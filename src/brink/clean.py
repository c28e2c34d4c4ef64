"""The clean stage: a `RawDocument` becomes a `Document` whose text is article prose only.

HTML goes through trafilatura in precision mode (title and a date from meta tags only). Lines of page
furniture that survive extraction or sit in plain text (audio-player residue, share bars, "Source
link", a photo caption printed twice) are removed using the patterns in `data/clean/boilerplate.tsv`.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from functools import lru_cache
from importlib import resources

from brink.errors import InputError
from brink.records import Document, RawDocument

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_BLANK_RUNS = re.compile(r"\n{3,}")
_PHOTO_CREDIT = re.compile(r"\(photo|photo:|getty images|/ap photo|\bap photo\b|/reuters|afp via", re.I)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@lru_cache(maxsize=1)
def boilerplate_patterns() -> re.Pattern[str]:
    text = resources.files("brink").joinpath("data/clean/boilerplate.tsv").read_text("utf-8")
    patterns = [
        line.split("\t", 1)[0]
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


def parse_published(value: str | None, origin: str) -> date | None:
    """ISO dates and timestamps directly; other spellings through dateparser; else E011."""
    if value is None or not value.strip():
        return None
    if match := _ISO_DATE.match(value.strip()):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    import dateparser  # slow to import; only reached for non-ISO dates

    parsed = dateparser.parse(value, settings={"STRICT_PARSING": True})
    if parsed is None:
        raise InputError("E011", origin, value=value)
    return parsed.date()


def normalise_text(text: str) -> str:
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def strip_boilerplate(text: str) -> str:
    """Drop furniture lines and twice-printed photo captions; keep paragraph breaks."""
    furniture = boilerplate_patterns()
    kept: list[str] = []
    previous = ""
    for line in text.split("\n"):
        if line and furniture.fullmatch(line):
            continue
        if line and line == previous:
            # A caption printed twice: drop both copies when it carries a photo credit.
            if _PHOTO_CREDIT.search(line) and kept and kept[-1] == line:
                kept.pop()
            continue
        if line:
            previous = line
        kept.append(line)
    # A lone caption line ends with its photo credit in parentheses.
    kept = [
        line
        for line in kept
        if not (_PHOTO_CREDIT.search(line) and len(line) < 400 and line.endswith(")"))
    ]
    return _BLANK_RUNS.sub("\n\n", "\n".join(kept)).strip()


def split_title(text: str) -> tuple[str | None, str]:
    """A short first line followed by a blank line is a headline, not body text."""
    first, sep, rest = text.partition("\n\n")
    if sep and "\n" not in first and len(first) < 200 and not first.rstrip().endswith((".", '"', "”")):
        return first.strip(), rest
    return None, text


def extract_html(html: str, origin: str, precision: bool = True) -> tuple[str, str | None, str | None]:
    """Article text, title and meta-tag date from an HTML page."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html,
            favor_precision=precision,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # lxml raises assorted errors on broken markup
        raise InputError("E008", origin) from exc
    # A few stray words (a menu, a cookie notice) are not an article.
    if result is None or len((result.text or "").split()) < 5:
        raise InputError("E008", origin)
    return result.text, result.title, result.date


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def clean_document(raw: RawDocument, precision: bool = True) -> Document:
    title = raw.title
    published_value = raw.published
    published_source = "given" if raw.published else None
    text = raw.text or ""
    if raw.html is not None and not text:
        text, meta_title, meta_date = extract_html(raw.html, raw.origin, precision)
        title = title or meta_title
        if not published_value and meta_date:
            published_value, published_source = meta_date, "metadata"
    text = strip_boilerplate(normalise_text(text))
    if title is None:
        title, text = split_title(text)
    if not text.strip():
        raise InputError("E009", raw.origin)
    published = parse_published(published_value, raw.origin)
    if published is None:
        published = publication_date_from_text(text)
        published_source = "text" if published else None
    digest = content_hash(text)
    return Document(
        id=raw.id or digest[:16],
        text=text,
        title=title,
        url=raw.url,
        published=published,
        published_source=published_source,
        source=raw.source,
        origin=raw.origin,
        content_hash=digest,
    )


def publication_date_from_text(text: str) -> date | None:
    """An explicit dateline or byline date near the top; never today's date."""
    from brink.timex import find_publication_date

    return find_publication_date(text)

