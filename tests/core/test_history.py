from __future__ import annotations

import json

from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage.doctor import check_database, repair_database
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import review
from factcheck_tui.core.workflow.history import describe_change


def test_history_reads_as_sentences(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    cid = claims[2].id
    review.set_verdict(repo, cid, "False", scale=DEFAULT_SCALE, actor="ana")
    review.add_evidence(repo, cid, url="https://a.example/1", source="Port authority", actor="ana")
    review.update_evidence(
        repo, cid, "e1", url="https://a.example/1", source="Port authority", note="Table 2", actor="ana"
    )
    claim = review.remove_evidence(repo, cid, "e1", actor="ana")
    lines = [describe_change(change) for change in claim.history]
    assert lines[0] == "created the claim"
    assert "verdict: — → False" in lines
    assert lines[-3:] == [
        "evidence: added e1 (Port authority)",
        "evidence: edited e1 (Port authority)",
        "evidence: removed e1 (Port authority)",
    ]


def test_evidence_added_one_by_one_grows_the_story_file_linearly(repo: Repository, strike_story) -> None:
    story, claims = strike_story
    path = repo.layout.story(story.id)
    sizes = [path.stat().st_size]
    for number in range(1, 101):
        review.add_evidence(repo, claims[2].id, url=f"https://data.example/table/{number}", actor="ana")
        if number % 50 == 0:
            sizes.append(path.stat().st_size)
    first, second = sizes[1] - sizes[0], sizes[2] - sizes[1]
    assert second <= 1.5 * first, (first, second)
    history = repo.get_claim(claims[2].id).history
    assert [change.new["url"] for change in history if change.field == "evidence"][-1] == (
        "https://data.example/table/100"
    )


def test_removed_and_edited_evidence_is_undone_item_by_item(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    cid = claims[2].id
    for number in (1, 2, 3):
        review.add_evidence(repo, cid, url=f"https://a.example/{number}", actor="ana")
    removed = review.remove_evidence(repo, cid, "e2", actor="ana")
    assert [item.id for item in review.undo(repo, cid, removed.version, actor="ana").evidence] == ["e1", "e2", "e3"]
    edited = review.update_evidence(repo, cid, "e3", url="https://a.example/3", note="Table 9", actor="ana")
    restored = review.undo(repo, cid, edited.version, actor="ana")
    assert [(item.id, item.note) for item in restored.evidence] == [("e1", ""), ("e2", ""), ("e3", "")]


def test_whole_list_histories_are_split_as_read_and_stored_split_on_the_next_save(
    repo: Repository, strike_story
) -> None:
    story, claims = strike_story
    cid = claims[2].id
    review.add_evidence(repo, cid, url="https://a.example/1", source="Port authority", actor="ana")
    saved = review.add_evidence(repo, cid, url="https://a.example/2", source="Union", actor="ana")
    path = repo.layout.story(story.id)
    data = json.loads(path.read_text())
    raw = data["claims"][str(claims[2].number)]
    items = raw["evidence"]
    # As an older version stored it: each evidence entry holds the whole list before and after.
    raw["history"] = [change for change in raw["history"] if change["field"] != "evidence"] + [
        {**raw["history"][-1], "field": "evidence", "old": [], "new": items[:1], "version": 2},
        {**raw["history"][-1], "field": "evidence", "old": items[:1], "new": items, "version": saved.version},
    ]
    path.write_text(json.dumps(data, indent=2))
    fresh = Repository(repo.root)
    lines = [describe_change(change) for change in fresh.get_claim(cid).history if change.field == "evidence"]
    assert lines == ["evidence: added e1 (Port authority)", "evidence: added e2 (Union)"]
    assert [item.id for item in review.undo(fresh, cid, saved.version, actor="ana").evidence] == ["e1"]
    stored = json.loads(path.read_text())["claims"]
    assert not [
        change
        for claim in stored.values()
        for change in claim["history"]
        if change["field"] == "evidence" and isinstance(change["old"], list)
    ]


def test_doctor_reports_whole_list_histories_and_repair_stores_them_item_by_item(
    repo: Repository, strike_story
) -> None:
    """A story file as an older version wrote it, by hand: three evidence saves, each holding
    the whole list before and after (an add, an add, then an edit of e2 with e1 removed)."""
    story, claims = strike_story
    number = claims[2].number
    path = repo.layout.story(story.id)
    data = json.loads(path.read_text())
    raw = data["claims"][str(number)]
    stamp = raw["updated_at"]

    def item(key: str, source: str, note: str = "") -> dict:
        return {
            "id": key,
            "url": f"https://a.example/{key}",
            "source": source,
            "note": note,
            "added_at": stamp,
            "added_by": "ana",
        }

    e1, e2, e2_read = item("e1", "Port authority"), item("e2", "Union"), item("e2", "Union", "Table 4")
    lists = [([], [e1]), ([e1], [e1, e2]), ([e1, e2], [e2_read])]
    raw["history"] += [
        {
            "at": stamp,
            "by": "ana",
            "field": "evidence",
            "old": old,
            "new": new,
            "version": raw["version"] - len(lists) + step,
            "note": "",
        }
        for step, (old, new) in enumerate(lists, start=1)
    ]
    raw["evidence"] = [e2_read]
    path.write_text(json.dumps(data, indent=2))
    before = Repository(repo.root).get_claim(claims[2].id)

    report = check_database(repo.root)
    assert [finding.problem for finding in report.findings] == [
        f"the evidence history of 1 claim ({number}) is stored as whole lists, which grow with the square "
        "of the evidence; a repair stores it item by item"
    ]
    repaired = repair_database(repo.root)
    assert repaired.healthy, repaired.render()
    assert f"stories/{story.id}.json: evidence history of 1 claim stored item by item" in repaired.actions
    stored = json.loads(path.read_text())["claims"][str(number)]["history"]
    assert [(change["old"], change["new"]) for change in stored if change["field"] == "evidence"] == [
        (None, e1),
        (None, e2),
        (e2, e2_read),
        (e1, None),
    ]
    after = Repository(repo.root).get_claim(claims[2].id)
    assert after == before
    lines = [describe_change(change) for change in after.history if change.field == "evidence"]
    assert lines == [
        "evidence: added e1 (Port authority)",
        "evidence: added e2 (Union)",
        "evidence: edited e2 (Union)",
        "evidence: removed e1 (Port authority)",
    ]
    assert check_database(repo.root).healthy
