"""The one options object: packaged defaults overlaid by a user's TOML file."""

from __future__ import annotations

import pytest

from brink.errors import UsageError
from brink.options import load_options


def test_defaults_load():
    options = load_options()
    assert options.max_document_mb == 10 and 0 < options.min_confidence < 1


def test_user_config_overlays_defaults(tmp_path):
    config = tmp_path / "brink.toml"
    config.write_text("[events]\nmin_confidence = 0.9\n")
    options = load_options(config)
    assert options.min_confidence == 0.9 and options.batch_size == load_options().batch_size


def test_unknown_key_is_named(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text("[events]\nmin_confidance = 0.9\n")
    with pytest.raises(UsageError) as err:
        load_options(config)
    assert err.value.code == "E041" and "events.min_confidance" in str(err.value)


def test_invalid_toml_is_named(tmp_path):
    config = tmp_path / "broken.toml"
    config.write_text("[events\n")
    with pytest.raises(UsageError) as err:
        load_options(config)
    assert err.value.code == "E040" and "broken.toml" in str(err.value)
