"""Calls to action and notices to readers are not claims; a prediction with a figure still is."""

from __future__ import annotations

import pytest

from factcheck_tui.core.furniture import NOTICE, OUTLET
from factcheck_tui.core.intake.extraction import extract
from factcheck_tui.core.intake.extraction.body import normalise_body

STORY = (
    "The harbour board met on Tuesday to settle the strike. "
    "Port chief Victor Hale said the strike cost the harbour 40 million dollars. "
    "Cargo through the port fell 12 percent in June, board figures show. "
    "The dredging plan will cost $4 billion over ten years. "
    "{line}"
)


def claim_of(line: str):
    claims = extract(normalise_body(STORY.format(line=line))).claims
    return next(claim for claim in claims if claim.text == line)


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Readers will be able to vote on the dredging plan online.", NOTICE),
        ("We will update this story as the talks go on.", NOTICE),
        ("You'll find the full board report on our site.", NOTICE),
        ("The board will announce its decision on Friday.", NOTICE),
        ("Sign up to our free newsletter for the harbour news of the week.", OUTLET),
        ("Donate now to support independent journalism on the coast.", OUTLET),
        ("Follow us on Mastodon for live updates.", OUTLET),
        ("Dockers flagged the notice as fake, as part of the union's efforts to combat rumours.", OUTLET),
    ],
)
def test_a_call_to_action_ranks_low_with_a_reason_that_says_what_it_is(line: str, role: str) -> None:
    claim = claim_of(line)
    assert not claim.checkworthy and claim.reasons == [f"against: {role}"]


@pytest.mark.parametrize(
    "line",
    [
        "The dredging will cost the city $40 million a year.",
        "The board will announce 300 job cuts at the port.",
        '"We will cut the port fee for everyone," Hale said.',
        "The union pledged to donate $2 million to the dockers' fund.",
        "Half of the households who subscribe to the ferry pass live in Marlow.",
    ],
)
def test_a_prediction_a_figure_or_a_speakers_promise_is_still_a_claim(line: str) -> None:
    assert not any(reason.removeprefix("against: ") in (NOTICE, OUTLET) for reason in claim_of(line).reasons)
