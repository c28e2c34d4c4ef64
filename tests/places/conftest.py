"""Fixtures for brink.places tests: the gazetteer."""

from __future__ import annotations

import pytest

from brink.places import Gazetteer, load_gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return load_gazetteer()
