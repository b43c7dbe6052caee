"""Smoke tests of the installed entry point in a process of its own: what only a real process shows.

Every other CLI test calls ``main()`` in the test process (see support/cli.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from factcheck_tui import __version__
from support.cli import cli_env, console_script, run_console_script
from support.paths import STRIKE


def test_the_console_script_and_python_m_both_run_the_cli(tmp_path: Path) -> None:
    script = run_console_script(tmp_path, "--version")
    module = subprocess.run(
        [sys.executable, "-m", "factcheck_tui", "--version"], capture_output=True, text=True, env=cli_env(tmp_path)
    )
    for result in (script, module):
        assert (result.returncode, result.stdout, result.stderr) == (0, f"factcheck-tui {__version__}\n", "")


def test_exit_codes_and_one_line_errors_reach_the_shell(tmp_path: Path) -> None:
    done = run_console_script(tmp_path, "extract", str(STRIKE), "--json")
    assert done.returncode == 0 and done.stderr == "" and done.stdout.startswith("{")

    missing = run_console_script(tmp_path, "--db", str(tmp_path / "db"), "import", str(tmp_path / "missing.txt"))
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr == f"factcheck: error: {tmp_path / 'missing.txt'}: no such file\n"

    usage = run_console_script(tmp_path, "no-such-command")
    assert usage.returncode == 2 and usage.stderr.count("\n") == 1 and "(see factcheck --help)" in usage.stderr


def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    """``factcheck extract big.txt --json | head -c 100``: no traceback, no failure status."""
    article = tmp_path / "big.txt"
    article.write_text(" ".join(f"Figure {n} rose by {n} percent in May." for n in range(3000)))
    reader = subprocess.Popen(
        [console_script(), "extract", str(article), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli_env(tmp_path),
    )
    assert reader.stdout is not None and reader.stderr is not None
    assert reader.stdout.read(100).startswith(b"{")
    reader.stdout.close()  # far more than a pipe holds is still to come
    assert reader.wait(timeout=60) == 0
    assert reader.stderr.read() == b""
