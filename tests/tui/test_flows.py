"""Each review flow of the issue, driven by keys alone against a real database."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from textual.widgets import Input, Label, Select, TextArea

from factcheck_tui.core.config import Config
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.screens.claims import ClaimsScreen
from factcheck_tui.tui.screens.import_dialog import ImportDialog
from factcheck_tui.tui.screens.stories import StoriesScreen
from support.newsrooms import build_screen_newsroom
from support.paths import STRIKE
from support.pilot import changes_seen
from support.screen import cell_text

pytestmark = pytest.mark.slow

SIZE = (80, 24)


@pytest.fixture
def newsroom(tmp_path: Path) -> Workspace:
    root = tmp_path / "newsroom"
    build_screen_newsroom(root)
    return Workspace(Config(reviewer="ana"), tmp_path / "config.toml", root)


async def test_import_a_file_from_the_stories_screen(newsroom: Workspace, tmp_path: Path) -> None:
    article = tmp_path / "ferry.txt"
    article.write_text(
        "Ferry fares rise 12 percent in May\n\nThe ferry board approved the rise on Monday by 5 votes to 2.\n"
    )
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.press(*str(article))
        await pilot.press("tab", "tab", *"Strike over", "tab", *"Wire")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ClaimsScreen)
        story = newsroom.repo.get_story(app.screen.story_id)
        assert (story.title, story.outlet, story.imported_by) == ("Strike over", "Wire", "ana")
        assert app.activity == ""
        # Back on the stories list, the cursor is on the story just imported.
        await pilot.press("escape")
        assert isinstance(app.screen, StoriesScreen) and app.screen.table.current_key() == story.id


async def test_import_pasted_text(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "tab")
        await pilot.press(*"Bus fares rise 10% in March. The mayor said so.")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        claims = newsroom.repo.list_claims(app.screen.story_id)
        assert [claim.text for claim in claims] == ["Bus fares rise 10% in March.", "The mayor said so."]


async def test_a_failed_import_brings_the_dialog_back_with_what_was_typed(newsroom: Workspace, tmp_path: Path) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", *str(tmp_path / "missing.txt"), "tab", "tab", *"My headline", "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)
        assert app.screen.query_one("#title", Input).value == "My headline"
        assert "missing.txt: no such file" in str(app.screen.query_one("#form-error", Label).render())
        await pilot.press("escape")
        assert isinstance(app.screen, StoriesScreen)


async def test_what_was_typed_in_the_import_dialog_survives_escape_and_a_restart(newsroom: Workspace) -> None:
    pasted = "Ferry fares rose 12% in June, the operator said."
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "tab", *pasted, "tab", *"Ferry fares", "escape")
        assert isinstance(app.screen, StoriesScreen)
    # A new session (as after a crash or a kill): the dialog opens with it, and importing clears it.
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        assert isinstance(app.screen, ImportDialog)
        assert app.screen.query_one("#pasted", TextArea).text == pasted
        assert app.screen.query_one("#title", Input).value == "Ferry fares"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [claim.text for claim in newsroom.repo.list_claims(app.screen.story_id)] == [pasted]
        await pilot.press("escape", "i")
        assert isinstance(app.screen, ImportDialog)
        assert app.screen.query_one("#pasted", TextArea).text == ""
        assert app.screen.query_one("#title", Input).value == ""


async def test_review_every_check_worthy_claim_with_keys(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter")
        story_id = app.screen.story_id
        before = {claim.id for claim in newsroom.repo.list_claims(story_id) if claim.reviewed}
        # The story has four check-worthy claims and one of them is reviewed already.
        for digit in "153":
            await pilot.press("n", "v", digit)
        after = {claim.id: claim for claim in newsroom.repo.list_claims(story_id) if claim.reviewed}
        new = [after[claim_id] for claim_id in after if claim_id not in before]
        assert len(new) == 3
        assert sorted(claim.verdict for claim in new) == sorted(["True", "False", "Mixed"])
        assert all(claim.reviewer == "ana" and claim.checkworthy for claim in new)
        assert "4 of 4 check-worthy claims reviewed" in str(app.screen.query_one("#story-head").render())


async def test_add_evidence_then_undo_it(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter", "n", "enter")
        assert isinstance(app.screen, ClaimScreen)
        claim_id = app.screen.claim_id
        await pilot.press("e", *"https://union.example/vote", "tab", *"Union", "tab", *"Ballot count", "ctrl+s")
        assert [item.source for item in newsroom.repo.get_claim(claim_id).evidence] == ["Union"]
        await pilot.press("u")
        restored = newsroom.repo.get_claim(claim_id)
        assert restored.evidence == [] and restored.history[-1].note.startswith("undo")


async def test_evidence_form_rejects_a_bad_link(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter", "n", "enter", "e", *"not a link", "ctrl+s")
        assert "not a web address" in str(app.screen.query_one("#form-error").render())
        await pilot.press("escape")
        assert isinstance(app.screen, ClaimScreen)


async def test_filter_and_search_claims(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter")
        screen = app.screen
        everything = screen.table.row_count
        await pilot.press("f", "down", "down", "enter")
        shown = [claim for claim in screen.visible_claims()]
        assert shown and all(claim.checkworthy and not claim.reviewed for claim in shown)
        assert screen.table.row_count == len(shown) < everything
        await pilot.press("f", "home", "enter", "slash", *"backlog")
        assert {claim.text for claim in screen.visible_claims()} >= {
            "He added that the backlog would be cleared by Jan. 15 at 6 p.m. ET."
        }
        assert all("backlog" in claim.text.lower() for claim in screen.visible_claims())
        await pilot.press("escape")
        assert screen.table.row_count == everything


async def test_export_a_report_from_the_claims_screen(newsroom: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "out" / "strike.md"
    target.parent.mkdir()
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter", "x")
        path = app.screen.query_one("#path", Input)
        path.value = str(target)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    text = target.read_text()
    assert "## Dockworkers vote to end 11-day strike at Port of Ellery" in text
    assert "Mostly false" in text and "Council passes budget" not in text


async def test_quit_asks_only_when_a_conclusion_is_unsaved(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter", "n", "enter", "c", *"Draft text", "tab")
        claim_id = app.screen.claim_id
        await pilot.press("q")
        assert app.is_running
        await pilot.press("s")
    assert newsroom.repo.get_claim(claim_id).conclusion == "Draft text"


async def test_light_and_dark_themes(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"


async def test_another_reviewers_change_appears_on_screen(newsroom: Workspace) -> None:
    from factcheck_tui.core.storage.repository import Repository
    from factcheck_tui.core.workflow import review

    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter", "n")
        screen = app.screen
        claim = screen.current_claim()
        # A second reviewer, in another process as far as the files are concerned, sets a verdict.
        other = Repository(newsroom.db_path)
        review.set_verdict(other, claim.id, "True", scale=newsroom.scale, actor="ben")
        await changes_seen(pilot)
        assert screen.current_claim().verdict == "True"
        await pilot.press("enter")
        detail = app.screen
        review.set_status(other, claim.id, claim.status.cycled().cycled(), actor="ben")
        await changes_seen(pilot)
        assert detail.claim.version == claim.version + 2
        assert detail.claim.updated_by == "ben"


async def test_fix_the_claim_list_split_merge_edit_add_dismiss(newsroom: Workspace) -> None:
    repo = newsroom.repo
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter")
        screen = app.screen
        story_id = screen.story_id
        target = next(claim for claim in screen.visible_claims() if "economy about $95 million" in claim.text)
        screen.table.move_cursor(row=screen.table.get_row_index(target.id))
        cut = target.text.index("said") + len("said ")
        await pilot.press("T", "home", *["right"] * cut, "enter")
        first = repo.get_claim(target.id)
        assert first.text == target.text[:cut].rstrip()
        second = next(claim for claim in repo.list_claims(story_id) if claim.text == target.text[cut:])
        assert [change.old for change in first.history if change.field == "text"] == [target.text]

        # The claim is rated: merging asks whether the verdict holds for the joined text (k: it does).
        await pilot.press("m", "k")
        merged = repo.get_claim(target.id)
        assert merged.text == target.text and repo.get_claim(second.id).dismissed
        assert merged.verdict == first.verdict is not None

        await pilot.press("u")
        assert repo.get_claim(target.id).text == first.text and not repo.get_claim(second.id).dismissed

        await pilot.press("t", "ctrl+a", "ctrl+k", *"Reyes put the cost at $95 million a day.", "ctrl+s")
        assert repo.get_claim(target.id).text == "Reyes put the cost at $95 million a day."

        await pilot.press("a", *"The port has 42 berths.", "ctrl+s")
        added = [claim for claim in repo.list_claims(story_id) if claim.text == "The port has 42 berths."]
        assert len(added) == 1 and added[0].origin == "manual"

        await pilot.press("delete")
        assert repo.get_claim(screen.current_claim().id).dismissed is False  # cursor moved to the next visible claim
        dismissed = [claim for claim in repo.list_claims(story_id, include_dismissed=True) if claim.dismissed]
        assert len(dismissed) == 1
        await pilot.press("f", "end", "enter")
        assert [claim.id for claim in screen.visible_claims()] == [dismissed[0].id]
        await pilot.press("delete")
        assert not repo.get_claim(dismissed[0].id).dismissed


async def _open_week_two_claim(app, pilot) -> None:
    await asyncio.wait_for(app.index_loaded.wait(), timeout=60)
    await app.workers.wait_for_complete()
    await pilot.press("j", "j", "enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("down", "down")


async def test_checked_before_is_marked_and_its_verdict_can_be_reused(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await _open_week_two_claim(app, pilot)
        screen = app.screen
        claim = screen.current_claim()
        assert "$95 million every day" in claim.text
        assert cell_text(screen.table, claim.id, "dup") == "◆"
        await pilot.press("d")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [match.claim_id for match in app.screen.matches][:1] == ["p0rt5-6"]
        await pilot.press("y", "c")
        copied = newsroom.repo.get_claim(claim.id)
        assert (copied.verdict, copied.copied_from) == ("Mostly false", "p0rt5-6")
        assert copied.conclusion.startswith("Port figures put the cost")
        assert [item.source for item in copied.evidence] == ["Port of Ellery"]
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.matches[0].confirmed
        await pilot.press("u")
        assert newsroom.repo.get_claim(claim.id).verdict is None


async def test_a_rejected_link_is_never_suggested_again(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await _open_week_two_claim(app, pilot)
        claim = app.screen.current_claim()
        await pilot.press("d")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "p0rt5-6" not in [match.claim_id for match in app.screen.matches]
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert cell_text(app.screen.table, claim.id, "dup") == ""
        await pilot.press("d")
        await app.workers.wait_for_complete()
        await pilot.press("u")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "p0rt5-6" in [match.claim_id for match in app.screen.matches]


async def test_clusters_group_a_claim_that_recurs_across_stories(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(app.index_loaded.wait(), timeout=60)
        await pilot.press("C")
        await app.workers.wait_for_complete()
        await pilot.pause()
        clusters = app.screen.clusters
        member_sets = [{member.claim_id for member in cluster.members} for cluster in clusters]
        assert {"p0rt5-6", "w33k2-3"} in member_sets
        target = member_sets.index({"p0rt5-6", "w33k2-3"})
        for _ in range(target):
            await pilot.press("j")
        await pilot.press("tab", "enter")
        assert isinstance(app.screen, ClaimScreen)
        assert app.screen.claim_id in {"p0rt5-6", "w33k2-3"}


async def test_importing_the_same_article_again_asks_first(newsroom: Workspace) -> None:
    before = len(newsroom.repo.story_ids())
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", *str(STRIKE), "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "already story p0rt5" in str(app.screen.question)
        await pilot.press("o")
        assert isinstance(app.screen, ClaimsScreen) and app.screen.story_id == "p0rt5"
        assert len(newsroom.repo.story_ids()) == before
        await pilot.press("i", *str(STRIKE), "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(newsroom.repo.story_ids()) == before + 1


async def test_correct_a_speaker_and_a_storys_details_then_delete_it(newsroom: Workspace) -> None:
    repo = newsroom.repo
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter", "n")
        claim = app.screen.current_claim()
        await pilot.press("p", "ctrl+a", "ctrl+k", *"Carla Mendes", "enter")
        assert repo.get_claim(claim.id).speaker == "Carla Mendes"
        await pilot.press(
            "escape",
            "e",
            "ctrl+a",
            "ctrl+k",
            *"Port strike ends",
            "tab",
            "tab",
            "tab",
            "ctrl+a",
            "ctrl+k",
            *"2026-01-13",
            "ctrl+s",
        )
        story = repo.get_story("p0rt5")
        assert (story.title, story.published.isoformat()) == ("Port strike ends", "2026-01-13")
        await pilot.press("delete", "y")
        assert not repo.story_exists("p0rt5")
        assert "p0rt5" not in [row.value for row in app.screen.table.rows]


async def test_export_asks_before_replacing_a_file(newsroom: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("keep me")
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s", "n", "escape")
        await app.workers.wait_for_complete()
        assert target.read_text() == "keep me"
        await pilot.press("x")
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert target.read_text().startswith("# Fact-check report")


async def test_export_dialog_takes_the_organisation_and_backs_up_every_claim(
    newsroom: Workspace, tmp_path: Path
) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter", "x")
        dialog = app.screen
        dialog.query_one("#format", Select).value = "claimreview"
        dialog.query_one("#path", Input).value = str(tmp_path / "cr.json")
        await pilot.press("ctrl+s")
        assert app.screen is dialog
        assert "organisation's name" in str(dialog.query_one("#form-error", Label).render())
        dialog.query_one("#format", Select).value = "json"
        await pilot.pause()
        assert dialog.query_one("#claim-scope", Select).value == "all"
        dialog.query_one("#path", Input).value = str(tmp_path / "backup.json")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("escape")  # the dialog saying where the report went
        story_id = app.screen.story_id
    backup = json.loads((tmp_path / "backup.json").read_text())
    exported = [claim for story in backup["stories"] for claim in story["claims"]]
    assert len(exported) == len(newsroom.repo.list_claims(story_id, include_dismissed=True))


async def test_a_speaker_correction_covers_the_storys_claims_with_that_speaker_and_undoes_as_one(
    newsroom: Workspace,
) -> None:
    repo = newsroom.repo
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter")
        story_id = app.screen.story_id
        wrong = "Priya N. Kapoor"
        carrying = [claim.id for claim in repo.list_claims(story_id) if claim.speaker == wrong]
        assert len(carrying) > 1
        for _ in range(20):
            if app.screen.current_claim().speaker == wrong:
                break
            await pilot.press("j")
        await pilot.press("p", "ctrl+a", "ctrl+k", *"Lena Ortiz", "enter")
        await pilot.pause()
        assert [repo.get_claim(claim_id).speaker for claim_id in carrying] == ["Lena Ortiz"] * len(carrying)
        await pilot.press("u")
        await pilot.pause()
        assert [repo.get_claim(claim_id).speaker for claim_id in carrying] == [wrong] * len(carrying)


async def test_an_updated_copy_of_a_story_is_imported_with_a_warning_naming_it(
    newsroom: Workspace, tmp_path: Path
) -> None:
    updated = tmp_path / "strike-updated.txt"
    updated.write_text(STRIKE.read_text().replace("voted on Sunday", "voted late on Sunday"))
    before = len(newsroom.repo.story_ids())
    app = create_app(newsroom)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("i", *str(updated), "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ClaimsScreen) and app.screen.story_id != "p0rt5"
        said = [str(note.message) for note in app._notifications if note.severity == "warning"]
        assert len(said) == 1 and "nearly the same text as story p0rt5" in said[0], said
        assert app.screen.story_id in said[0]
        assert len(newsroom.repo.story_ids()) == before + 1
