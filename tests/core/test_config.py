from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_tui.core.config import load_config, resolve_database
from factcheck_tui.core.errors import ConfigError


def test_missing_default_config_gives_defaults_but_a_named_one_must_exist(tmp_path: Path) -> None:
    config, path = load_config()
    assert path == tmp_path / "no-config.toml" and not path.exists()
    with pytest.raises(ConfigError, match="absent.toml: no such config file"):
        load_config(tmp_path / "absent.toml")
    assert config.reviewer == "tester"
    assert config.scale.names[:5] == ["True", "Mostly true", "Mixed", "Mostly false", "False"]
    assert (config.scale.best_rating, config.scale.worst_rating) == (5, 1)


def test_config_replaces_the_scale_and_sets_organisation(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text(
        'reviewer = "maria"\n[organisation]\nname = "Ledger Fact Desk"\nurl = "https://ledger.example"\n'
        '[[verdicts]]\nlabel = "True"\nrating = 3\n[[verdicts]]\nlabel = "Half True"\nrating = 2\n'
        '[[verdicts]]\nlabel = "Pants on Fire"\nrating = 1\n[matching]\npossible = 0.4\nlikely = 0.9\n'
    )
    config, _ = load_config(file)
    assert config.reviewer == "maria"
    assert config.organisation.url == "https://ledger.example"
    assert config.scale.names == ["True", "Half True", "Pants on Fire"]
    assert (config.matching.possible, config.matching.likely) == (0.4, 0.9)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("reviwer = 'x'\n", "reviwer: Extra inputs are not permitted"),
        ("[matching]\npossible = 2\n", "matching.possible: Input should be less than or equal to 1"),
        ("[matching]\npossible = 0.9\nlikely = 0.5\n", "matching: Value error, 'likely' must be at least 'possible'"),
        (
            "[[verdicts]]\nlabel = 'True'\n[[verdicts]]\nlabel = 'true'\n",
            "verdicts: Value error, verdict 'true' appears twice",
        ),
        ("reviewer = \n", "not valid TOML"),
    ],
)
def test_bad_config_names_the_file_and_the_key(tmp_path: Path, text: str, message: str) -> None:
    file = tmp_path / "config.toml"
    file.write_text(text)
    with pytest.raises(ConfigError) as error:
        load_config(file)
    assert str(error.value).startswith(f"{file}: ")
    assert message in str(error.value)


def test_database_location_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config, _ = load_config()
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "from-env"))
    assert resolve_database(str(tmp_path / "from-flag"), config) == tmp_path / "from-flag"
    assert resolve_database(None, config) == tmp_path / "from-env"
    monkeypatch.delenv("FACTCHECK_DB")
    assert resolve_database(None, config).name == "newsroom"
