"""Shared fixtures: every test works on real files in its own tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck_tui.core.config import Config
from factcheck_tui.core.intake.articles import read_article
from factcheck_tui.core.intake.story_import import import_story
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workspace import Workspace
from support.paths import STRIKE
from support.web_server import Site, local_site


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may read the developer's own config or database."""
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "default-db"))
    monkeypatch.setenv("FACTCHECK_REVIEWER", "tester")
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "newsroom"


@pytest.fixture
def repo(db_path: Path) -> Repository:
    return Repository(db_path)


@pytest.fixture
def workspace(db_path: Path, tmp_path: Path) -> Workspace:
    return Workspace(Config(reviewer="tester"), tmp_path / "no-config.toml", db_path)


@pytest.fixture
def strike_story(repo: Repository):
    """The port strike story imported through the real pipeline: (story, claims)."""
    return import_story(repo, read_article(str(STRIKE)), actor="tester", outlet="Ellery Evening Post")


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """A web server on 127.0.0.1 for this test; proxies are turned off so nothing leaves the machine."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    with local_site() as running:
        yield running
