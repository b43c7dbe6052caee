"""A fact-check desk for CLI tests: one database and config, several reviewers typing commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.cli import Result, run_cli
from support.paths import STRIKE

DESK_CONFIG = '[workflow]\nsecond_review = true\n[desk]\nreviewers = ["Ana", "Ben"]\n'


class Desk:
    """``run(person, *args)`` is that person typing ``factcheck args`` (in this process)."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.db = tmp_path / "db"
        self.config = tmp_path / "desk.toml"
        self.config.write_text(DESK_CONFIG)

    def run(self, person: str, *args: str, stdin: str | None = None) -> Result:
        return run_cli(
            self.tmp_path,
            "--db",
            str(self.db),
            *args,
            stdin=stdin,
            FACTCHECK_REVIEWER=person,
            FACTCHECK_CONFIG=str(self.config),
        )

    def ok(self, person: str, *args: str, stdin: str | None = None) -> Result:
        result = self.run(person, *args, stdin=stdin)
        assert result.returncode == 0, result.stderr
        return result

    def json(self, person: str, *args: str) -> Any:
        return json.loads(self.ok(person, *args).stdout)

    def import_strike(self) -> str:
        """The port strike article, imported by the editor; its story id."""
        return self.ok("Ed", "import", str(STRIKE), "--title", "Port strike ends").stdout.split("\t")[0]
