"""The ingest stage: files and folders in, `RawDocument`s (or `InputError`s) out.

Reads `.jsonl` (one document a line), `.txt`, `.html`/`.htm`, RSS/Atom feeds (`.rss`, `.atom`,
`.xml`), WARC archives (`.warc`, `.warc.gz`) and folders of these, recursively. Every input is
validated before it is parsed; a bad one becomes an `InputError` naming the file (and line) and the
batch goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from brink.errors import InputError
from brink.records import RawDocument

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".warc.gz"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES

_JSON_FIELDS = ("id", "text", "html", "title", "url", "published", "source")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)

Item = RawDocument | InputError


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Expand folders recursively (sorted, hidden files skipped) into supported files."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and suffix_of(child) in SUPPORTED:
                    yield child
        elif path.is_file():
            yield path
        else:
            yield InputError("E001", str(path))


def read_inputs(paths: Iterable[str | Path], max_document_mb: float = 10) -> Iterator[Item]:
    """Every document in `paths`, in order; problems are yielded, never raised."""
    for item in iter_files(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield from read_file(item, max_document_mb)
        except InputError as exc:
            yield exc
        except OSError as exc:
            yield InputError("E012", str(item), detail=str(exc))


def read_file(path: Path, max_document_mb: float = 10) -> Iterator[Item]:
    suffix = suffix_of(path)
    origin = str(path)
    if suffix not in SUPPORTED:
        raise InputError("E010", origin, suffix=suffix or path.name)
    size = path.stat().st_size
    if size == 0:
        raise InputError("E002", origin)
    # JSONL and WARC are containers: their limit applies per document, not per file.
    if suffix not in JSONL_SUFFIXES | WARC_SUFFIXES and size > max_document_mb * 1e6:
        raise InputError("E007", origin, size=round(size / 1e6, 1), limit=max_document_mb)
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, max_document_mb)
    elif suffix in WARC_SUFFIXES:
        yield from read_warc(path, max_document_mb)
    else:
        data = path.read_bytes()
        if suffix in FEED_SUFFIXES:
            yield from read_feed(data, origin)
            return
        is_html = suffix in HTML_SUFFIXES
        text = decode(data, origin, html=is_html)
        if not text.strip():
            raise InputError("E002", origin)
        if is_html:
            yield RawDocument(origin=origin, html=text)
        else:
            yield RawDocument(origin=origin, text=text)


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text has NULs but is text
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > len(head) * 0.1


def decode(data: bytes, origin: str, html: bool = False) -> str:
    """Bytes to text: UTF-8 (with or without BOM), a declared charset, then detection."""
    if looks_binary(data):
        raise InputError("E003", origin)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError("E004", origin) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    candidates: list[str] = []
    if html and (match := _META_CHARSET.search(data[:4096])):
        candidates.append(match.group(1).decode("ascii"))
    from charset_normalizer import from_bytes  # a trafilatura dependency

    best = from_bytes(data[:200_000]).best()
    if best is not None:
        candidates.append(best.encoding)
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    raise InputError("E004", origin)


def read_jsonl(path: Path, max_document_mb: float) -> Iterator[Item]:
    origin = str(path)
    limit = max_document_mb * 1e6
    seen_any = False
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            seen_any = True
            where = f"{origin}:{number}"
            if len(raw) > limit:
                yield InputError("E007", where, size=round(len(raw) / 1e6, 1), limit=max_document_mb)
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig"))
            except UnicodeDecodeError:
                yield InputError("E004", where)
                continue
            except json.JSONDecodeError as exc:
                yield InputError("E005", where, line=number, detail=exc.msg)
                continue
            if not isinstance(record, dict) or not (
                isinstance(record.get("text"), str) or isinstance(record.get("html"), str)
            ):
                yield InputError("E006", where, line=number)
                continue
            values = {k: record.get(k) for k in _JSON_FIELDS}
            values = {k: (str(v) if v is not None else None) for k, v in values.items()}
            yield RawDocument(origin=where, **values)
    if not seen_any:
        yield InputError("E002", origin)


def read_feed(data: bytes, origin: str) -> Iterator[Item]:
    """RSS/Atom: one document per entry, its content (or summary) as HTML."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        if data.lstrip()[:1] == b"<" and b"<html" in data[:2048].lower():
            yield RawDocument(origin=origin, html=decode(data, origin, html=True))
            return
        raise InputError("E008", origin)
    for number, entry in enumerate(feed.entries, start=1):
        content = entry.get("content") or []
        body = content[0].get("value") if content else entry.get("summary", "")
        published = None
        if entry.get("published_parsed"):
            t = entry.published_parsed
            published = f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}"
        yield RawDocument(
            origin=f"{origin}#{number}",
            id=entry.get("id") or entry.get("link"),
            html=f"<html><body><article>{body}</article></body></html>",
            title=entry.get("title"),
            url=entry.get("link"),
            published=published,
        )


def read_warc(path: Path, max_document_mb: float) -> Iterator[Item]:
    """WARC: one document per HTML response record."""
    from warcio.archiveiterator import ArchiveIterator

    origin = str(path)
    with path.open("rb") as handle:
        try:
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                if record.rec_type != "response":
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                if "html" not in ctype.lower():
                    continue
                where = f"{origin}#{number}"
                body = record.content_stream().read(int(max_document_mb * 1e6) + 1)
                if len(body) > max_document_mb * 1e6:
                    yield InputError("E007", where, size=f">{max_document_mb}", limit=max_document_mb)
                    continue
                try:
                    html = decode(body, where, html=True)
                except InputError as exc:
                    yield exc
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                yield RawDocument(origin=where, html=html, url=url)
        except Exception as exc:  # warcio raises assorted errors on truncated archives
            yield InputError("E012", origin, detail=f"unreadable WARC: {exc}")
