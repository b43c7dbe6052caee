"""The desk from the keyboard: marks and bulk changes, assignment, tags, approval, queue, filters."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from factcheck_tui.core.config import Config
from factcheck_tui.core.models import Status
from factcheck_tui.core.workflow import desk, review
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.claims import ClaimsScreen

pytestmark = pytest.mark.slow

SIZE = (80, 24)


def as_reviewer(workspace: Workspace, name: str, **config: object) -> Workspace:
    settings = workspace.config.model_dump() | {"reviewer": name} | config
    return Workspace(Config.model_validate(settings), workspace.config_path, workspace.db_path)


async def test_space_marks_two_claims_v4_rates_both_and_one_u_undoes_both(workspace: Workspace, strike_story) -> None:
    _, claims = strike_story
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        # The cursor starts on claim 1; space marks a row and moves down.
        await pilot.press("j", "space", "space")
        assert screen.marked == {claims[1].id, claims[2].id}
        table = screen.query_one("#claims", DataTable)
        assert [str(table.get_cell(claim.id, "mark")) for claim in claims[:4]] == ["", "*", "*", ""]
        assert str(screen.query_one("#marks", Static).render()).startswith("2 marked")

        await pilot.press("v", "4")
        verdicts = [workspace.repo.get_claim(claim.id).verdict for claim in claims[:4]]
        assert verdicts == [None, "Mostly false", "Mostly false", None]

        await pilot.press("u")
        assert [workspace.repo.get_claim(claim.id).verdict for claim in claims[:4]] == [None] * 4
        assert all(workspace.repo.get_claim(claim.id).version == 3 for claim in claims[1:3])

        # Escape clears the marks first, and only then leaves the list.
        await pilot.press("escape")
        assert screen.marked == set() and app.screen is screen
        assert not screen.query_one("#marks", Static).display


async def test_mark_all_then_status_assign_tag_and_dismiss_apply_to_every_marked(
    workspace: Workspace, strike_story
) -> None:
    _, claims = strike_story
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "f")
        # The filter menu: check-worthy only.
        await pilot.press("down", "enter")
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        shown = [claim.id for claim in screen.visible_claims()]
        await pilot.press("asterisk")
        assert screen.marked == set(shown)

        await pilot.press("s", "2")
        assert {workspace.repo.get_claim(claim_id).status for claim_id in shown} == {Status.IN_PROGRESS}
        await pilot.press("A", *"Ana", "enter")
        assert {workspace.repo.get_claim(claim_id).assignee for claim_id in shown} == {"Ana"}
        await pilot.press("number_sign", *"labour", "enter")
        assert all(workspace.repo.get_claim(claim_id).tags == ["labour"] for claim_id in shown)
        await pilot.press("delete")
        assert all(workspace.repo.get_claim(claim_id).dismissed for claim_id in shown)
        # One u takes back the whole dismissal.
        await pilot.press("u")
        assert not any(workspace.repo.get_claim(claim_id).dismissed for claim_id in shown)
    unmarked = [claim for claim in claims if claim.id not in shown]
    assert all(workspace.repo.get_claim(claim.id).assignee is None for claim in unmarked)


async def test_assign_completes_names_from_the_desk_and_history(workspace: Workspace, strike_story) -> None:
    _, claims = strike_story
    desk.assign(workspace.repo, claims[5:6], "Dee Okafor", actor="ed")
    configured = as_reviewer(workspace, "tester", desk={"reviewers": ["Ana Lima"]})
    app = create_app(configured)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "A", *"de")
        await pilot.press("right", "enter")
        assert workspace.repo.get_claim(claims[0].id).assignee == "Dee Okafor"
        await pilot.press("j", "A", *"an", "right", "enter")
        assert workspace.repo.get_claim(claims[1].id).assignee == "Ana Lima"


async def test_approve_key_refuses_the_checker_and_signs_off_for_another(workspace: Workspace, strike_story) -> None:
    _, claims = strike_story
    target = claims[0]
    review.set_verdict(workspace.repo, target.id, "False", scale=workspace.scale, actor="ana")
    review.set_status(workspace.repo, target.id, Status.NEEDS_SECOND_REVIEW, actor="ana")
    ana = create_app(as_reviewer(workspace, "ana", workflow={"second_review": True}))
    async with ana.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "Y")
        await pilot.pause()
        assert workspace.repo.get_claim(target.id).status is Status.NEEDS_SECOND_REVIEW
        assert any("another reviewer must approve" in str(note.message) for note in ana._notifications)
    ben = create_app(as_reviewer(workspace, "ben", workflow={"second_review": True}))
    async with ben.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "Y")
    approved = workspace.repo.get_claim(target.id)
    assert (approved.status, approved.approved_by) == (Status.DONE, "ben")


async def test_my_queue_lists_my_claims_and_n_walks_them_across_stories(workspace: Workspace, strike_story) -> None:
    from factcheck_tui.core.intake.articles import read_article
    from factcheck_tui.core.intake.story_import import import_story
    from factcheck_tui.tui.screens.claim import ClaimScreen
    from factcheck_tui.tui.screens.queue import QueueScreen
    from support.paths import STRIKE

    _, claims = strike_story
    _, others = import_story(workspace.repo, read_article(str(STRIKE)), actor="ed", again=True)
    mine = [claims[3], others[5]]
    desk.assign(workspace.repo, mine, "tester", actor="ed")
    desk.assign(workspace.repo, [claims[4]], "ana", actor="ed")
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        screen = app.screen
        assert isinstance(screen, QueueScreen)
        assert [claim.id for claim in screen.claims] == [claim.id for claim in desk.queue(workspace.repo, "tester")]
        assert {claim.id for claim in screen.claims} == {claim.id for claim in mine}
        await pilot.press("n")
        assert isinstance(app.screen, ClaimScreen) and app.screen.claim_id == screen.claims[0].id
        await pilot.press("escape", "n")
        assert isinstance(app.screen, ClaimScreen) and app.screen.claim_id == screen.claims[1].id
        assert app.screen.story_id != screen.claims[0].story_id


async def test_the_filter_menu_picks_a_tag_and_an_assignee(workspace: Workspace, strike_story) -> None:
    _, claims = strike_story
    desk.add_tag(workspace.repo, claims[2:4], "labour", actor="ed")
    desk.assign(workspace.repo, claims[5:6], "ana", actor="ed")
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        menu_entries = None

        def pick(label: str) -> int:
            nonlocal menu_entries
            menu = app.screen
            menu_entries = [name for name, _ in menu.choices]
            return menu_entries.index(label)

        await pilot.press("f")
        await pilot.press(*["down"] * pick("Tag: labour"), "enter")
        assert [claim.id for claim in screen.visible_claims()] == [claim.id for claim in claims[2:4]]
        await pilot.press("f")
        await pilot.press("home", *["down"] * pick("Assigned to: ana"), "enter")
        assert [claim.id for claim in screen.visible_claims()] == [claims[5].id]
        assert "Assigned to me" in (menu_entries or [])


async def test_a_saved_filter_from_the_config_is_in_the_menu_and_the_palette(
    workspace: Workspace, strike_story
) -> None:
    _, claims = strike_story
    desk.add_tag(workspace.repo, claims[6:7], "urgent", actor="ed")
    configured = as_reviewer(workspace, "tester", filters={"hot": {"tag": "urgent"}})
    app = create_app(configured)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        screen = app.screen
        commands = [command.title for command in app.get_system_commands(screen)]
        assert "Filter: hot" in [str(title) for title in commands]
        await pilot.press("f")
        labels = [name for name, _ in app.screen.choices]
        await pilot.press(*["down"] * labels.index("Saved: hot"), "enter")
        assert [claim.id for claim in screen.visible_claims()] == [claims[6].id]


async def test_notes_are_written_with_a_key_and_shown_on_the_claim(workspace: Workspace, strike_story) -> None:
    _, claims = strike_story
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter", "W", *"call the harbour master", "enter")
        assert workspace.repo.get_claim(claims[0].id).notes == "call the harbour master"
        meta = str(app.screen.query_one("#claim-meta", Static).render())
        assert "Notes (internal): call the harbour master" in meta


async def test_the_stories_screen_names_assignees_and_the_last_to_change(workspace: Workspace, strike_story) -> None:
    story, claims = strike_story
    desk.assign(workspace.repo, claims[3:5], "ana", actor="ed")
    desk.assign(workspace.repo, claims[5:6], "ben", actor="ed")
    review.set_verdict(workspace.repo, claims[5].id, "False", scale=workspace.scale, actor="ben")
    app = create_app(workspace)
    async with app.run_test(size=SIZE):
        line = str(app.screen.query_one("#story-desk", Static).render())
        assert line.startswith(f"{story.id} · assigned to ana, ben · last changed by ben")
