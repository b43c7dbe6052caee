"""The line under the claims list that says whether a claim was checked before."""

from __future__ import annotations

from pathlib import Path

from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.models import Claim, Origin, Status, Story, StoryKind
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.tui.match_marks import checked_before

CHECKED = "The union says 6,000 porters will strike on Friday."
NEAR_MISS = "The union says 6,000 nurses will strike on Friday."
# Other past checks, so that the words of the two above weigh what they would in an archive.
OTHERS = (
    "The city council cut the library budget by 3 percent last year.",
    "A video shows a moose walking through the Ostbury shopping centre.",
    "Drinking seawater every morning cures the common cold.",
    "Governor Reyes signed a law banning paper straws statewide.",
    "The Riverton stadium was built with public money.",
    "Unemployment in the northern region fell to 4 percent in June.",
)


def _newsroom(tmp_path: Path, said: str) -> tuple[MatchIndex, str]:
    """An archive of past checks and a story that says ``said``; the index and the story's claim."""
    repo = Repository(tmp_path / "db")
    checks = [
        Claim(
            id="",
            story_id="",
            number=0,
            text=text,
            origin=Origin.IMPORTED,
            status=Status.DONE,
            verdict="False",
            review_url=f"https://checks.example/{number}",
        )
        for number, text in enumerate((CHECKED, *OTHERS))
    ]
    repo.add_story(Story(id="", title="Porters' strike checked", body="", kind=StoryKind.ARCHIVE), checks, "importer")
    claim = Claim(id="", story_id="", number=0, text=said, checkworthy=True)
    _, (stored,) = repo.add_story(Story(id="", title="Strike", body=said), [claim], "ana")
    return MatchIndex.open(repo, save=False), stored.id


def test_a_possible_earlier_check_with_a_verdict_is_named_as_perhaps_checked_before(tmp_path: Path) -> None:
    index, claim_id = _newsroom(tmp_path, NEAR_MISS)
    matches = index.similar_to(claim_id)
    assert [match.level.value for match in matches] == ["possible"]
    line = checked_before(matches)
    assert line is not None
    assert line.plain.startswith("Perhaps checked before: False in “Porters' strike checked”")
    assert "possible" in line.plain and "d shows them" in line.plain


def test_a_likely_earlier_check_is_named_as_checked_before(tmp_path: Path) -> None:
    index, claim_id = _newsroom(tmp_path, f"Organisers said: {CHECKED}")
    matches = index.similar_to(claim_id)
    assert matches[0].level.value == "likely"
    line = checked_before(matches)
    assert line is not None and line.plain.startswith("Checked before: False in “Porters' strike checked”")
