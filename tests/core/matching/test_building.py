"""The index built by worker processes is the index built here, and a build stops when told to."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from factcheck_tui.core.errors import CorruptFileError
from factcheck_tui.core.matching import building
from factcheck_tui.core.matching.cancel import MatchingCancelled
from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.storage.repository import Repository

TOWNS = ["Harwick", "Lunden", "Ostbury", "Riverton", "Dunmere", "Calder"]


@pytest.fixture
def spread(newsroom) -> Repository:
    """The newsroom, plus stories enough that their claims lie in several digest shards."""
    repo = newsroom[0]
    for town in TOWNS:
        claims = [
            Claim(
                id="", story_id="", number=0, text=f"{town} council spent {amount} million dollars on {thing} in 2024."
            )
            for amount, thing in ((3, "roads"), (12, "schools"), (7, "the harbour wall"))
        ]
        repo.add_story(Story(id="", title=f"{town} spending", body=""), claims, "tester")
    assert len(repo.digest_shards()) > 1
    return repo


@pytest.fixture
def in_workers(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[bytes]]:
    """Every build goes to two workers, and this process may not analyse a shard itself (so a
    quiet fall-back to a serial build cannot pass for a parallel one). Yields the workers started."""
    started: list[subprocess.Popen[bytes]] = []
    start = building._start

    def recording_start(run: list[Path]) -> subprocess.Popen[bytes]:
        started.append(start(run))
        return started[-1]

    def refuse(paths: list[Path]) -> list[tuple]:
        raise AssertionError("a shard was analysed in the parent process")

    monkeypatch.setattr(building, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(building, "_usable_cores", lambda: 2)
    monkeypatch.setattr(building, "_start", recording_start)
    monkeypatch.setattr(building, "run_rows", refuse)
    return started


def test_workers_build_the_very_index_a_serial_build_gives(
    spread: Repository, monkeypatch: pytest.MonkeyPatch, in_workers
) -> None:
    paths = spread.digest_shards()
    parallel = building.build_index(paths)
    monkeypatch.undo()
    serial = building.build_index(paths)
    assert len(in_workers) == 2
    assert len(parallel) == len(serial) == 8 + 6 + 3 * len(TOWNS)
    assert parallel.state() == serial.state()


def test_a_serial_build_in_several_batches_weighs_like_the_workers(
    spread: Repository, monkeypatch: pytest.MonkeyPatch, in_workers
) -> None:
    paths = spread.digest_shards()
    parallel = building.build_index(paths)
    monkeypatch.undo()
    monkeypatch.setattr(building, "SERIAL_BYTES", 1)
    assert len(list(building._runs(list(building._sized(paths)), len(paths)))) > 1
    assert building.build_index(paths).state() == parallel.state()


def test_a_worker_runs_the_code_of_this_process_whatever_folder_it_starts_in(
    spread: Repository, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, in_workers
) -> None:
    decoy = tmp_path / "elsewhere" / "factcheck_tui"
    decoy.mkdir(parents=True)
    (decoy / "__init__.py").write_text("raise SystemExit(3)\n")
    monkeypatch.chdir(decoy.parent)
    monkeypatch.setenv("PYTHONPATH", str(decoy.parent))
    assert len(building.build_index(spread.digest_shards())) == 8 + 6 + 3 * len(TOWNS)


def test_a_cancelled_build_stops_its_workers(spread: Repository, in_workers) -> None:
    with pytest.raises(MatchingCancelled):
        building.build_index(spread.digest_shards(), cancel=lambda: True)
    assert in_workers
    assert all(worker.returncode is not None for worker in in_workers)


def test_a_damaged_shard_is_reported_by_name_even_from_a_parallel_build(
    spread: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = spread.digest_shards()[-1]
    damaged.write_text('{"claims": [1, 2, 3]}', encoding="utf-8")
    monkeypatch.setattr(building, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(building, "_usable_cores", lambda: 2)
    with pytest.raises(CorruptFileError, match=damaged.name):
        building.build_index(spread.digest_shards())


def test_runs_are_consecutive_and_of_about_equal_bytes() -> None:
    sized = [(Path(name), size) for name, size in zip("abcdef", (5, 5, 5, 5, 30, 10), strict=False)]
    assert list(building._runs(sized, 2)) == [[Path("a"), Path("b"), Path("c"), Path("d"), Path("e")], [Path("f")]]
    assert list(building._runs(sized, 1)) == [[Path(name) for name in "abcdef"]]
    assert list(building._runs([(Path("a"), 0), (Path("b"), 0)], 2)) == [[Path("a"), Path("b")]]
