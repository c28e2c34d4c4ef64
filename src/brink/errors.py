"""Every error brink reports, with a code, in one place.

Library code raises these exceptions; only the CLI (and HTTP API) turns them into exit codes and
friendly messages. Each message says what was wrong and, where it helps, what to do next.
"""

from __future__ import annotations


class Messages:
    E001 = "file not found"
    E002 = "empty file: nothing to read"
    E003 = "binary file (not text, HTML or JSONL): skipped"
    E004 = "cannot decode text as UTF-8 or a declared/detected encoding"
    E005 = "malformed JSON on line {line}: {detail}"
    E006 = "JSON line {line} is not an object with 'text' or 'html'"
    E007 = "document is {size} MB, over the {limit} MB limit (raise ingest.max_document_mb to allow it)"
    E008 = "HTML yielded no article text (truncated or not an article page)"
    E009 = "document has no text after cleaning"
    E010 = "unsupported file type '{suffix}' (use .jsonl, .txt, .html/.htm or a folder of them)"
    E011 = "invalid publication date '{value}' (use YYYY-MM-DD)"
    E012 = "processing failed: {detail}"
    E020 = "database '{path}' cannot be opened: {detail}"
    E021 = "unknown export format '{fmt}' (use parquet, csv or jsonl)"
    E030 = "evaluation data not found at {path}: evaluation skipped"
    E040 = "config file '{path}' is not valid TOML: {detail}"
    E041 = "unknown config key '{key}' in {path}"


class BrinkError(Exception):
    """Base class: carries a code and an exit status for the CLI."""

    exit_code = 1

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        template = getattr(Messages, code)
        super().__init__(f"[{code}] {template.format(**fields)}")


class InputError(BrinkError):
    """One input (file, line or document) could not be read; the batch goes on."""

    exit_code = 2

    def __init__(self, code: str, origin: str, **fields: object) -> None:
        self.origin = origin
        super().__init__(code, **fields)

    @property
    def detail(self) -> str:
        return str(self)


class StoreError(BrinkError):
    exit_code = 3


class UsageError(BrinkError):
    exit_code = 4
