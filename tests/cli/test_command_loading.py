"""Each command loads only what it needs: 'factcheck verdict' never imports the export, matching,
extraction or interchange code, nor the other commands."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from factcheck_tui.cli import build_parser, chosen_command
from factcheck_tui.commands import COMMANDS, command_module
from support.cli import cli_env, factcheck, imported_story_id

PROBE = """
import json, sys
from factcheck_tui.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def test_every_listed_command_is_registered_by_its_module() -> None:
    for name in COMMANDS:
        subparsers = argparse.ArgumentParser().add_subparsers()
        command_module(name).register(subparsers, argparse.ArgumentParser(add_help=False))
        assert name in subparsers.choices, name


def test_the_command_is_found_past_the_global_options() -> None:
    assert chosen_command(["--db", "verdict", "--config", "c.toml", "verdict", "x"]) == "verdict"
    assert chosen_command(["--db=x", "queue"]) == "queue"
    assert chosen_command(["--help"]) is None and chosen_command(["nonsense"]) is None
    assert set(build_parser(["--help"])._subparsers._group_actions[0].choices) == set(COMMANDS)  # type: ignore[union-attr]


def test_a_verdict_loads_no_other_command_and_no_export_or_matching(tmp_path: Path) -> None:
    story_id = imported_story_id(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(tmp_path / "db"), "verdict", f"{story_id}-3", "false"],
        capture_output=True,
        text=True,
        env=cli_env(tmp_path),
        timeout=60,
        check=False,
    )
    probe = json.loads(result.stdout.splitlines()[-1])
    assert probe["code"] == 0, result.stderr
    ours = [name for name in probe["modules"] if name.startswith("factcheck_tui.")]
    commands = {
        name.removeprefix("factcheck_tui.commands.") for name in ours if name.startswith("factcheck_tui.commands.")
    }
    # The entry point's own helpers are shared by every command; of the commands, only verdict loads.
    assert commands - {"output", "open_app"} == {"verdict"}
    for heavy in ("core.export", "core.matching", "core.extraction", "core.interchange.", "core.ingest", "tui"):
        assert not [name for name in ours if name.startswith(f"factcheck_tui.{heavy}")], heavy
    assert "textual" not in probe["modules"] and "rich" not in probe["modules"]
    assert factcheck(tmp_path, "show", f"{story_id}-3", "--json").returncode == 0
