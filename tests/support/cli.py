"""Running ``factcheck`` in tests.

Most tests call ``main()`` in this process, as the console script would, with its own standard
streams and environment: the same arguments, exit code and output, without starting Python and
importing the app again for every command. A few smoke tests still start the installed console
script (``run_console_script``) for what only a real process shows: the entry point itself, exit
codes seen by a shell, a reader closing the pipe.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck_tui.cli import main
from support.paths import STRIKE

Result = subprocess.CompletedProcess[str]


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a run: no personal config, reviewer "tester", colour allowed."""
    env = dict(os.environ)
    env.update(_settings(tmp_path, extra))
    env.pop("NO_COLOR", None)
    return env


def _settings(tmp_path: Path, extra: dict[str, str]) -> dict[str, str]:
    return {"FACTCHECK_CONFIG": str(tmp_path / "no-config.toml"), "FACTCHECK_REVIEWER": "tester", **extra}


class _KeptBytes(io.BytesIO):
    """A stream's bytes, still readable after the command closed the stream (as on a broken pipe)."""

    def close(self) -> None:
        pass


def _as_text(raw: bytes) -> str:
    """Decode as ``subprocess.run(text=True)`` does: UTF-8 with universal newlines."""
    return io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", newline=None).read()


def run_cli(tmp_path: Path, *args: str, stdin: str | None = None, **env: str) -> Result:
    """``factcheck ARGS`` through ``main()`` in this process, with its own streams and environment."""
    stdout, stderr = _KeptBytes(), _KeptBytes()
    with pytest.MonkeyPatch.context() as patch:
        for name, value in _settings(tmp_path, env).items():
            patch.setenv(name, value)
        patch.delenv("NO_COLOR", raising=False)
        patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((stdin or "").encode("utf-8")), encoding="utf-8"))
        patch.setattr(sys, "stdout", io.TextIOWrapper(stdout, encoding="utf-8", newline="\n"))
        patch.setattr(
            sys, "stderr", io.TextIOWrapper(stderr, encoding="utf-8", errors="backslashreplace", newline="\n")
        )
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse ends --help, --version and usage errors this way
            code = 0 if exit_.code is None else int(exit_.code)
        sys.stdout.flush()
        sys.stderr.flush()
    return subprocess.CompletedProcess(
        ["factcheck", *args], code, _as_text(stdout.getvalue()), _as_text(stderr.getvalue())
    )


def factcheck(tmp_path: Path, *args: str, stdin: str | None = None, **env: str) -> Result:
    """``factcheck --db TMP/db ARGS``: the database every CLI test works on."""
    return run_cli(tmp_path, "--db", str(tmp_path / "db"), *args, stdin=stdin, **env)


def imported_story_id(tmp_path: Path) -> str:
    """Import the port strike article through the CLI; its 12 claims and title are checked on the way."""
    result = factcheck(
        tmp_path, "import", str(STRIKE), "--title", "Port strike ends", "--outlet", "Post", "--published", "2026-01-12"
    )
    assert result.returncode == 0, result.stderr
    story_id, counts, title = result.stdout.strip().split("\t")
    assert counts.startswith("12 claims") and title == "Port strike ends"
    return story_id


def console_script() -> str:
    """The installed ``factcheck`` entry point of the interpreter running the tests."""
    script = Path(sys.executable).with_name("factcheck")
    assert script.exists(), f"{script} is missing: install the project (pip install -e '.[test]')"
    return str(script)


def run_console_script(tmp_path: Path, *args: str, stdin: str | None = None, **env: str) -> Result:
    """``factcheck ARGS`` as a user runs it: the installed script in a process of its own."""
    return subprocess.run(
        [console_script(), *args], input=stdin, capture_output=True, text=True, env=cli_env(tmp_path, **env), timeout=60
    )
