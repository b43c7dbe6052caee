"""An updated copy of an article is imported as a story of its own, with one line naming the first."""

from __future__ import annotations

from pathlib import Path

from support.cli import factcheck, imported_story_id
from support.paths import FIXTURES, STRIKE


def _imported(tmp_path: Path, *args: str) -> tuple[str, list[str]]:
    result = factcheck(tmp_path, "import", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout.split("\t")[0], result.stderr.splitlines()


def test_an_updated_copy_is_kept_with_a_warning_naming_the_story_it_repeats(tmp_path: Path) -> None:
    first = imported_story_id(tmp_path)
    updated = tmp_path / "strike-updated.txt"
    updated.write_text(STRIKE.read_text().replace("voted on Sunday", "voted late on Sunday"))
    second, warnings = _imported(tmp_path, str(updated))
    assert second != first
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"factcheck: warning: {updated}: nearly the same text as story {first} (“Port")
    assert "99% alike" in warnings[0] and second in warnings[0]

    # The same headline over another text is said too; another article, or a copy asked for, says nothing.
    week_two = FIXTURES / "port-strike-week-two.txt"
    third, warnings = _imported(tmp_path, str(week_two), "--title", "Port strike ends")
    assert warnings == [
        f"factcheck: warning: {week_two}: the same headline as story {first} (“Port strike ends”); "
        f"imported as a story of its own, {third}"
    ]
    _, warnings = _imported(tmp_path, str(FIXTURES / "council-budget.txt"))
    assert warnings == []
    _, warnings = _imported(tmp_path, str(updated), "--again")
    assert warnings == []
