"""The duplicates screen never calls a check its publisher rated 'not rated yet'."""

from __future__ import annotations

from factcheck_tui.core.models import Claim, Origin, Status, Story, StoryKind
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.workflow.duplicates import EarlierCheck
from factcheck_tui.tui.widgets.earlier_check import _verdict

ARCHIVE = Story(id="f053y", title="Past fact-checks: archive.jsonl", body="x", kind=StoryKind.ARCHIVE)


def archived(label: str | None) -> EarlierCheck:
    claim = Claim(
        id="f053y-1",
        story_id="f053y",
        number=1,
        text="x",
        status=Status.DONE,
        origin=Origin.IMPORTED,
        original_label=label,
    )
    return EarlierCheck(claim, ARCHIVE, None)


def test_a_rating_not_on_our_scale_is_shown_as_the_publishers_rating() -> None:
    text = _verdict(archived("Research in progress"), DEFAULT_SCALE, colour=False).plain
    assert text.startswith("rated “Research in progress” by the publisher, not placed on our scale")
    assert "not rated yet" not in text


def test_a_check_without_any_rating_is_not_rated_yet() -> None:
    assert _verdict(archived(None), DEFAULT_SCALE, colour=False).plain == "not rated yet (Done): nothing to copy"
