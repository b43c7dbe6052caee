"""A writer killed with SIGKILL at random instants, many times: nothing acknowledged is lost.

Each child process saves in a loop and appends an acknowledgement line to a file after every save
returns. The parent kills it after a random delay (the delay only picks the instant; no assertion
depends on timing), then checks that every file parses, that every acknowledged save is there,
and that once the next writer has taken the lock the whole database passes `doctor`.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

import pytest

from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage.doctor import check_database
from factcheck_tui.core.storage.files import is_temporary
from factcheck_tui.core.storage.jsonstore import read_json_file
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import review

KILLS = 40
CLAIMS_PER_STORY = 12


def _claims(count: int) -> list[Claim]:
    return [
        Claim(
            id="",
            story_id="",
            number=0,
            text=f"Claim {n} says {n * 7} percent.",
            start=n * 40,
            end=n * 40 + 30,
            checkworthy=n % 2 == 0,
        )
        for n in range(count)
    ]


def _story(title: str) -> Story:
    return Story(id="", title=title, body="x" * (CLAIMS_PER_STORY * 40))


def _writer(root: str, acks: str, seed: int, ready, acknowledged) -> None:
    repo = Repository(Path(root), create=False)
    rng = random.Random(seed)
    with open(acks, "a", buffering=1, encoding="utf-8") as out:
        ready.set()
        for index in range(10_000):
            if index:
                acknowledged.set()
            token = f"{seed}.{index}"
            if rng.random() < 0.1:
                story, _ = repo.add_story(_story(f"Story {token}"), _claims(CLAIMS_PER_STORY), "killer")
                out.write(f"story {story.id}\n")
                continue
            claim_id = f"{rng.choice(repo.story_ids())}-{rng.randint(1, CLAIMS_PER_STORY)}"
            if rng.random() < 0.5:
                saved = review.set_conclusion(repo, claim_id, token, actor="killer")
                out.write(f"conclusion {claim_id} {saved.version} {token}\n")
            else:
                # A different verdict each time, so that every acknowledged save made a new version.
                current = repo.get_claim(claim_id).verdict
                label = rng.choice([name for name in DEFAULT_SCALE.names if name != current])
                saved = review.set_verdict(repo, claim_id, label, scale=DEFAULT_SCALE, actor="killer")
                out.write(f"verdict {claim_id} {saved.version} {label}\n")


def _every_file_parses(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file() and not is_temporary(path.name) and path.name != ".lock" and path.parent.name != "journal":
            assert read_json_file(path) is not None, path


def _acknowledged_saves_are_present(repo: Repository, acks: Path) -> int:
    lines = acks.read_text(encoding="utf-8").splitlines()
    for line in lines:
        kind, *rest = line.split(" ")
        if kind == "story":
            assert len(repo.list_claims(rest[0])) == CLAIMS_PER_STORY
            continue
        claim_id, version, value = rest[0], int(rest[1]), " ".join(rest[2:])
        history = repo.get_claim(claim_id).history
        assert any(change.version == version and change.field == kind and change.new == value for change in history), (
            line
        )
    return len(lines)


@pytest.mark.slow
def test_sigkill_mid_save_loses_nothing_acknowledged(tmp_path: Path) -> None:
    root, acks = tmp_path / "db", tmp_path / "acks.txt"
    repo = Repository(root)
    for title in ("First", "Second"):
        repo.add_story(_story(title), _claims(CLAIMS_PER_STORY), "setup")
    acks.touch()
    context = multiprocessing.get_context("fork")
    rng = random.Random(2024)
    acknowledged = interrupted = 0
    for kill in range(KILLS):
        ready, acknowledged_one = context.Event(), context.Event()
        child = context.Process(target=_writer, args=(str(root), str(acks), kill, ready, acknowledged_one))
        child.start()
        assert ready.wait(timeout=30), "the writer did not start"
        if kill % 4 == 0:
            # Every fourth writer first acknowledges a save, however slow the machine is, so that
            # acknowledged saves are checked even when no random instant leaves time for one.
            assert acknowledged_one.wait(timeout=30), "the writer acknowledged no save"
        time.sleep(rng.uniform(0.0, 0.05))  # picks the kill instant; nothing below depends on it
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        assert child.exitcode == -signal.SIGKILL

        _every_file_parses(root)
        survivor = Repository(root, create=False)
        acknowledged = _acknowledged_saves_are_present(survivor, acks)
        interrupted += bool(survivor.pending_journal())
        with survivor.write_lock():
            pass  # the next writer finishes whatever the killed one left half done
        report = check_database(root)
        assert report.healthy, report.render()
    # Some kills must have landed in the middle of a save, and some saves must have been acknowledged.
    assert interrupted > 0 and acknowledged > 0
