"""The user's working context: configuration, database location and reviewer name."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from factcheck_tui.core.config import Config, load_config, resolve_database
from factcheck_tui.core.scale import VerdictScale
from factcheck_tui.core.storage.repository import Repository


@dataclass
class Workspace:
    config: Config
    config_path: Path
    db_path: Path
    create: bool = field(default=True)

    @classmethod
    def load(cls, db: str | None = None, config: str | None = None) -> Workspace:
        loaded, path = load_config(Path(config).expanduser() if config else None)
        return cls(loaded, path, resolve_database(db, loaded))

    @cached_property
    def repo(self) -> Repository:
        return Repository(self.db_path, create=self.create, group=self.config.group or None, limits=self.config.limits)

    @property
    def actor(self) -> str:
        return self.config.reviewer

    @property
    def second_review(self) -> bool:
        return self.config.workflow.second_review

    @property
    def scale(self) -> VerdictScale:
        return self.config.scale
