"""Shared fixtures: the bundled sample corpus and the seed documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seeds() -> dict[str, dict]:
    rows = [json.loads(line) for line in (SAMPLE / "seeds.jsonl").read_text("utf-8").splitlines()]
    return {row["id"]: row for row in rows}


@pytest.fixture(scope="session")
def voa() -> list[dict]:
    return [json.loads(line) for line in (SAMPLE / "voa_stories.jsonl").read_text("utf-8").splitlines()]
