"""Bad input gets one clear error naming the file (and line); the rest of the batch is read."""

from __future__ import annotations

import gzip
import json

import pytest

from brink.errors import InputError
from brink.ingest import read_inputs
from brink.records import RawDocument


def read(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def test_binary_file_is_skipped_with_its_name(tmp_path):
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    good = tmp_path / "good.txt"
    good.write_text("Ukraine's army said it repelled an attack near Bakhmut on Monday.")
    items = read(png, good)
    assert isinstance(items[0], InputError) and items[0].code == "E003"
    assert "photo.txt" in items[0].origin
    assert isinstance(items[1], RawDocument) and "Bakhmut" in items[1].text


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    [item] = read(empty)
    assert item.code == "E002" and item.origin.endswith("empty.html")
    assert "empty file" in str(item)


def test_malformed_jsonl_lines_name_the_line_and_the_rest_is_read(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "NATO foreign ministers met in Brussels on Tuesday."}),
        '{"id": "b", "text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "c", "title": "no text field"}),
        "",
        json.dumps({"id": "d", "text": "Kenya recalled its ambassador from Sudan."}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = read(path)
    kinds = [(type(i).__name__, getattr(i, "code", None), getattr(i, "origin", None)) for i in items]
    assert [k[0] for k in kinds] == ["RawDocument", "InputError", "InputError", "InputError", "RawDocument"]
    assert items[1].code == "E005" and items[1].origin.endswith("batch.jsonl:2")
    assert "line 2" in str(items[1])
    assert items[2].code == "E006" and items[3].code == "E006"
    assert items[4].id == "d"


def test_wrong_encoding_is_detected_not_fatal(tmp_path):
    path = tmp_path / "latin1.txt"
    text = "Le président français a condamné l'attaque. Bogotá a rappelé son ambassadeur à Caracas."
    path.write_bytes(text.encode("latin-1"))
    [item] = read(path)
    assert isinstance(item, RawDocument)
    assert "président" in item.text and "Bogotá" in item.text


def test_utf16_text_is_read(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Kyiv says Russian drones hit Odesa.".encode("utf-16"))
    [item] = read(path)
    assert item.text.startswith("Kyiv says")


def test_fifty_megabyte_page_is_refused(tmp_path):
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        chunk = b"<p>" + b"x" * 1_000_000 + b"</p>\n"
        for _ in range(50):
            handle.write(chunk)
    [item] = read(path, max_document_mb=10)
    assert item.code == "E007" and "50.0 MB" in str(item) and item.origin.endswith("huge.html")


def test_oversized_jsonl_document_is_skipped_but_others_kept(tmp_path):
    path = tmp_path / "mixed.jsonl"
    big = json.dumps({"id": "big", "text": "y" * 2_100_000})
    small = json.dumps({"id": "small", "text": "Sudan's army shelled RSF positions in Omdurman."})
    path.write_text(big + "\n" + small + "\n")
    items = read(path, max_document_mb=2)
    assert items[0].code == "E007" and items[0].origin.endswith("mixed.jsonl:1")
    assert items[1].id == "small"


def test_unsupported_suffix_and_missing_file(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4 ...")
    items = read(pdf, tmp_path / "nowhere.txt")
    assert items[0].code == "E010" and ".pdf" in str(items[0])
    assert items[1].code == "E001"


def test_folders_are_read_recursively_skipping_hidden_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("Iran summoned the British ambassador.")
    (tmp_path / "a" / "b" / "two.htm").write_text("<html><body><p>Hi</p></body></html>")
    (tmp_path / "a" / ".hidden.txt").write_text("secret")
    (tmp_path / "a" / "notes.md").write_text("not an input type")
    items = read(tmp_path)
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument"]
    assert items[0].origin.endswith("two.htm") and items[0].html is not None


def test_truncated_warc_is_reported_not_raised(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\n<html"))
    items = read(path)
    assert all(isinstance(i, InputError) for i in items)
    assert items and items[0].origin.startswith(str(path))


@pytest.mark.parametrize("suffix", [".rss", ".xml"])
def test_rss_feed_entries_become_documents(tmp_path, suffix):
    feed = tmp_path / f"feed{suffix}"
    feed.write_text(
        """<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
        <item><title>Talks in Geneva</title><link>https://example.org/a</link>
        <pubDate>Mon, 10 Jan 2022 09:00:00 GMT</pubDate>
        <description>&lt;p&gt;U.S. and Russian diplomats met in Geneva on Monday.&lt;/p&gt;</description></item>
        </channel></rss>"""
    )
    [item] = read(feed)
    assert item.title == "Talks in Geneva" and item.published == "2022-01-10"
    assert "Geneva" in item.html
