"""Running ``factcheck`` in this process as several reviewers of one desk, with real files."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from factcheck_tui.cli import main


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Desk:
    """One database and config; ``run(person, *args)`` is that person typing ``factcheck args``."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        self.db = tmp_path / "db"
        self.config = tmp_path / "desk.toml"
        self.config.write_text('[workflow]\nsecond_review = true\n[desk]\nreviewers = ["Ana", "Ben"]\n')
        self._monkeypatch = monkeypatch
        self._capsys = capsys

    def run(self, person: str, *args: str, stdin: str | None = None) -> Result:
        self._capsys.readouterr()
        self._monkeypatch.setenv("FACTCHECK_REVIEWER", person)
        if stdin is not None:
            self._monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
        code = main(["--db", str(self.db), "--config", str(self.config), *args])
        captured = self._capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def ok(self, person: str, *args: str, stdin: str | None = None) -> Result:
        result = self.run(person, *args, stdin=stdin)
        assert result.code == 0, result.err
        return result


@pytest.fixture(name="desk")
def desk_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Desk:
    return Desk(tmp_path, monkeypatch, capsys)
