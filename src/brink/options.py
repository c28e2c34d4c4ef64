"""One options object for every stage: the packaged defaults overlaid by the user's config."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any

from brink.errors import UsageError


@dataclass(frozen=True)
class Options:
    """Every setting brink reads; values come from defaults.toml (commented there)."""

    max_document_mb: float
    html_precision: bool
    batch_size: int
    min_confidence: float
    keep_negated: bool
    keep_hypothetical: bool
    historical_days: int
    commit_every: int

    def replace(self, **changes: Any) -> Options:
        return Options(**{**self.__dict__, **changes})


def _flatten(table: dict[str, Any], path: str) -> dict[str, Any]:
    known = {f.name for f in fields(Options)}
    flat: dict[str, Any] = {}
    for section, values in table.items():
        if not isinstance(values, dict):
            raise UsageError("E041", key=section, path=path)
        for key, value in values.items():
            if key not in known:
                raise UsageError("E041", key=f"{section}.{key}", path=path)
            flat[key] = value
    return flat


def _read_toml(text: str, path: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError("E040", path=path, detail=str(exc)) from exc


def load_options(config: str | Path | None = None) -> Options:
    """Defaults from the package, then `config` (or $BRINK_CONFIG) on top."""
    defaults = resources.files("brink").joinpath("defaults.toml").read_text(encoding="utf-8")
    values = _flatten(_read_toml(defaults, "defaults.toml"), "defaults.toml")
    config = config or os.environ.get("BRINK_CONFIG")
    if config:
        path = Path(config)
        values.update(_flatten(_read_toml(path.read_text(encoding="utf-8"), str(path)), str(path)))
    return Options(**values)
