"""Several processes (and threads) on one database: no lost update, and readers stay current."""

from __future__ import annotations

import multiprocessing
import os
import threading
from pathlib import Path

import pytest

from factcheck_tui.core.errors import StaleWriteError
from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage.doctor import check_database
from factcheck_tui.core.storage.jsonstore import file_signature
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import review

pytestmark = pytest.mark.slow

SAVES_EACH = 60


def _story(repo: Repository, claims: int = 4) -> tuple[Story, list[Claim]]:
    body = " ".join(f"Figure {n} rose by {n} percent." for n in range(claims))
    made = [
        Claim(
            id="",
            story_id="",
            number=0,
            text=f"Figure {n} rose by {n} percent.",
            start=n * 27,
            end=n * 27 + 26,
            checkworthy=True,
        )
        for n in range(claims)
    ]
    return repo.add_story(Story(id="", title="Figures", body=body), made, "setup")


def _append_evidence(root: str, claim_id: str, name: str, barrier, results) -> None:
    repo = Repository(Path(root), create=False)
    barrier.wait()
    for index in range(SAVES_EACH):
        review.add_evidence(repo, claim_id, url=f"https://{name}.example/{index}", actor=name)
    results.put(name)


def _save_with_versions(root: str, story_id: str, name: str, barrier, results) -> None:
    repo = Repository(Path(root), create=False)
    applied, refused = [], []
    barrier.wait()
    for index in range(SAVES_EACH):
        claim_id = f"{story_id}-{index % 2 + 1}"
        seen = repo.get_claim(claim_id).version
        token = f"{name} {index}"
        try:
            saved = review.set_conclusion(repo, claim_id, token, actor=name, expected_version=seen)
            applied.append((claim_id, saved.version, token))
        except StaleWriteError:
            refused.append(token)
    results.put((applied, refused))


def _run_two(target, args_for) -> list:
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(2), context.Queue()
    children = [context.Process(target=target, args=(*args_for(name), barrier, results)) for name in ("ana", "ben")]
    for child in children:
        child.start()
    outcomes = [results.get(timeout=120) for _ in children]
    for child in children:
        child.join()
        assert child.exitcode == 0
    return outcomes


def test_two_processes_appending_evidence_lose_nothing(repo: Repository) -> None:
    _, claims = _story(repo)
    target = claims[0].id
    _run_two(_append_evidence, lambda name: (str(repo.root), target, name))
    saved = repo.get_claim(target)
    urls = {item.url for item in saved.evidence}
    assert urls == {f"https://{name}.example/{index}" for name in ("ana", "ben") for index in range(SAVES_EACH)}
    assert saved.version == 1 + 2 * SAVES_EACH
    assert len({item.id for item in saved.evidence}) == 2 * SAVES_EACH
    assert check_database(repo.root).healthy


def test_two_processes_with_expected_versions_apply_or_refuse_every_save(repo: Repository) -> None:
    story, claims = _story(repo)
    outcomes = _run_two(_save_with_versions, lambda name: (str(repo.root), story.id, name))
    applied = [entry for done, _ in outcomes for entry in done]
    refused = [token for _, stale in outcomes for token in stale]
    assert len(applied) + len(refused) == 2 * SAVES_EACH
    final = {claim.id: claim for claim in repo.list_claims(story.id)}
    recorded = {
        (claim_id, change.version, change.new)
        for claim_id, claim in final.items()
        for change in claim.history
        if change.field == "conclusion"
    }
    assert set(applied) == recorded
    for claim in claims[:2]:
        assert final[claim.id].version == 1 + sum(1 for claim_id, _, _ in applied if claim_id == claim.id)
    assert not {token for _, _, token in recorded} & set(refused)


def test_threads_of_one_process_are_serialised_too(repo: Repository) -> None:
    _, claims = _story(repo)
    target = claims[1].id

    def append(name: str) -> None:
        for index in range(SAVES_EACH // 2):
            review.add_evidence(repo, target, url=f"https://{name}.example/{index}", actor=name)

    workers = [threading.Thread(target=append, args=(name,)) for name in ("ana", "ben")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(repo.get_claim(target).evidence) == SAVES_EACH


def _reader(root: str, claim_id: str, connection) -> None:
    repo = Repository(Path(root), create=False)
    while connection.recv() == "look":
        claim = repo.get_claim(claim_id)
        summary = repo.list_stories()[0]
        digest = next(item for item in repo.iter_digests() if item["id"] == claim_id)
        connection.send((claim.conclusion, claim.verdict, summary.reviewed_count, digest["verdict"]))


def test_a_reader_process_sees_each_committed_change_without_restarting(repo: Repository) -> None:
    _, claims = _story(repo)
    target = claims[0].id
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe()
    reader = context.Process(target=_reader, args=(str(repo.root), target, theirs))
    reader.start()
    try:
        ours.send("look")
        assert ours.recv() == ("", None, 0, None)
        # Same-length conclusions saved back to back: the reader's cache must still tell them apart.
        for index in range(20):
            review.set_conclusion(repo, target, f"Checked {index:02d}", actor="ana")
            ours.send("look")
            assert ours.recv() == (f"Checked {index:02d}", None, 0, None)
        review.set_verdict(repo, target, "False", scale=DEFAULT_SCALE, actor="ana")
        ours.send("look")
        assert ours.recv() == ("Checked 19", "False", 1, "False")
    finally:
        ours.send("stop")
        reader.join(timeout=30)


def test_every_replace_gets_a_later_mtime_even_when_the_clock_says_otherwise(repo: Repository) -> None:
    _, claims = _story(repo)
    path = repo.layout.story(claims[0].story_id)
    future = file_signature(path)[1] + 10**12  # a file stamped 1000 s ahead (clock skew, a copy)
    os.utime(path, ns=(future, future))
    review.set_conclusion(repo, claims[0].id, "Checked", actor="ana")
    assert file_signature(path)[1] > future
