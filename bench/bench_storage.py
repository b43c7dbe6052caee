"""Storage at newsroom scale: save, open, list, memory and two writers, on generated archives.

    python bench/bench_storage.py [--sizes 1000,10000,100000,300000] [--workdir DIR] [--keep]

Archives hold ~50 claims per story, a third of them reviewed (verdict, conclusion, evidence and
the history those edits leave, made through the repository's own StoryTransaction). They are
written by the bulk writer that migrations use, which leaves exactly what
``Repository.restore_story`` would for each story, and ``factcheck doctor`` checks every
archive before anything is measured. Targets apply at 100,000 claims; the other sizes show how
costs grow.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from factcheck_tui.core.errors import StaleWriteError  # noqa: E402
from factcheck_tui.core.ids import ALPHABET, STORY_ID_LENGTH  # noqa: E402
from factcheck_tui.core.models import Claim, Evidence, Status, Story, utcnow  # noqa: E402
from factcheck_tui.core.scale import DEFAULT_SCALE  # noqa: E402
from factcheck_tui.core.storage.bulk import bulk_restore  # noqa: E402
from factcheck_tui.core.storage.doctor import check_database  # noqa: E402
from factcheck_tui.core.storage.files import atomic_write  # noqa: E402
from factcheck_tui.core.storage.lock import LOCK_POLL_SECONDS  # noqa: E402
from factcheck_tui.core.storage.repository import Repository, StoryTransaction  # noqa: E402
from factcheck_tui.core.workflow import review  # noqa: E402

CLAIMS_PER_STORY = 50
REVIEWED_SHARE = 0.35
SAVES_MEASURED = 200
LISTINGS_MEASURED = 200
WRITER_SAVES = 500
CONTENDED_CLAIMS = 5
HANDOVERS_MEASURED = 100
FLOOR_BYTES = 150_000

# Our own vocabulary for generated news text (no shared/ text is copied into the project).
PLACES = [
    "Ellery",
    "Northgate",
    "the port",
    "Kessington",
    "the harbour district",
    "Marlow County",
    "the valley",
    "Brightwater",
]
PEOPLE = [
    "Mayor Dana Okafor",
    "Councillor Ruth Imber",
    "the union's Tomas Varga",
    "Finance Minister Lena Sorel",
    "Dr Priya Nand",
    "police chief Alan Reeve",
]
SUBJECTS = [
    "unemployment",
    "the housing budget",
    "bus fares",
    "hospital waiting times",
    "crime",
    "school funding",
    "water bills",
    "the port's cargo volume",
]
VERBS = ["rose", "fell", "doubled", "dropped", "climbed", "shrank"]
OUTLETS = ["Ellery Evening Post", "Northgate Courier", "Harbour Radio", "Valley Ledger", "The Marlow Times"]
REASONS = [
    "has a number",
    "names a speaker",
    "compares two figures",
    "mentions a date",
    "uses a causal verb",
    "attributed quote",
]
VERDICTS = DEFAULT_SCALE.names
REVIEWERS = ["ana", "ben", "chen", "dara", "eli"]


def sentence(rng: random.Random) -> tuple[str, str | None]:
    subject, place, verb = rng.choice(SUBJECTS), rng.choice(PLACES), rng.choice(VERBS)
    figure = rng.choice(
        [f"{rng.randint(2, 95)} percent", f"${rng.randint(2, 900)} million", f"{rng.randint(100, 90000):,} people"]
    )
    year = rng.randint(2015, 2026)
    if rng.random() < 0.4:
        speaker = rng.choice(PEOPLE)
        return (
            f'"{subject.capitalize()} in {place} {verb} by {figure} since {year}," said {speaker}, speaking at a briefing on Tuesday.',
            speaker,
        )
    return (
        f"According to figures released this week, {subject} in {place} {verb} by {figure} between {year} and {year + 1}, the highest change on record.",
        None,
    )


def make_story(rng: random.Random, story_id: str, claim_count: int) -> tuple[Story, list[Claim]]:
    sentences = [sentence(rng) for _ in range(claim_count)]
    offsets, body, position = [], [], 0
    for index, (text, _) in enumerate(sentences):
        offsets.append((position, position + len(text)))
        separator = "\n\n" if index % 4 == 3 else " "
        body.append(text + separator)
        position += len(text) + len(separator)
    published = date(2026, 1, 1) - timedelta(days=rng.randint(0, 3000))
    story = Story(
        id=story_id,
        title=f"{rng.choice(SUBJECTS).capitalize()} in {rng.choice(PLACES)}: what the figures say",
        outlet=rng.choice(OUTLETS),
        url=f"https://news.example/{story_id}",
        published=published,
        body="".join(body).rstrip(),
        source_file=f"/srv/articles/{story_id}.txt",
        imported_by=rng.choice(REVIEWERS),
    )
    tx = StoryTransaction(story, [], story.imported_by)
    for (text, speaker), (start, end) in zip(sentences, offsets, strict=False):
        score = round(rng.random(), 3)
        tx.add(
            Claim(
                id="",
                story_id="",
                number=0,
                text=text,
                start=start,
                end=end,
                score=score,
                checkworthy=score > 0.45,
                speaker=speaker,
                reasons=rng.sample(REASONS, rng.randint(1, 3)),
            )
        )
    for claim in tx.claims():
        if rng.random() < REVIEWED_SHARE:
            review_claim(rng, tx, claim)
    return tx.story, tx.claims()


def review_claim(rng: random.Random, tx: StoryTransaction, claim: Claim) -> None:
    """The edits a reviewer makes, one save each, as the app would record them."""
    tx.actor = rng.choice(REVIEWERS)
    edited = claim.model_copy(deep=True)
    edited.status, edited.reviewer = Status.IN_PROGRESS, tx.actor
    edited = tx.save(edited)
    for number in range(rng.randint(1, 3)):
        edited = edited.model_copy(deep=True)
        edited.evidence.append(
            Evidence(
                id=f"e{number + 1}",
                url=f"https://data.example/{claim.id}/{number}",
                source="Statistics office",
                note="Table 4, seasonally adjusted.",
                added_by=tx.actor,
            )
        )
        edited = tx.save(edited)
    edited = edited.model_copy(deep=True)
    edited.verdict = rng.choice(VERDICTS)
    edited.conclusion = (
        "The published series shows a smaller change than claimed; the speaker compared different years."
    )
    edited.status = Status.DONE
    tx.save(edited)


def story_ids(rng: random.Random, count: int) -> list[str]:
    ids: set[str] = set()
    while len(ids) < count:
        ids.add("".join(rng.choice(ALPHABET) for _ in range(STORY_ID_LENGTH)))
    return sorted(ids)


def generated_stories(claims_total: int, seed: int = 7) -> Iterator[tuple[Story, list[Claim]]]:
    rng = random.Random(seed)
    story_count = max(1, round(claims_total / CLAIMS_PER_STORY))
    made = 0
    for index, story_id in enumerate(story_ids(rng, story_count)):
        left = story_count - index - 1
        count = claims_total - made if not left else rng.randint(CLAIMS_PER_STORY - 20, CLAIMS_PER_STORY + 20)
        count = max(1, min(count, claims_total - made - left))
        story, claims = make_story(rng, story_id, count)
        made += len(claims)
        yield story, claims


def generate_archive(root: Path, claims_total: int) -> None:
    """What ``restore_story`` would write for every story, through the bulk writer (no fsync)."""
    repo = Repository(root)  # creates factcheck.json and the folders the real way
    bulk_restore(repo.layout, generated_stories(claims_total), durable=False)


def archive(workdir: Path, claims_total: int) -> Path:
    root = workdir / f"archive-{claims_total}"
    done = root / ".generated"
    if not done.exists():
        if root.exists():
            shutil.rmtree(root)
        started = time.perf_counter()
        generate_archive(root, claims_total)
        report = check_database(root)
        if not report.healthy:
            raise SystemExit(f"generated archive {root} is not what the repository writes:\n{report.render()}")
        done.write_text(f"{time.perf_counter() - started:.1f}")
        print(f"  generated {claims_total:,} claims in {done.read_text()} s ({root})", file=sys.stderr)
    return root


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


@dataclass
class SaveTimes:
    warm: list[float] = field(default_factory=list)
    cold: list[float] = field(default_factory=list)


def measure_saves(roots: dict[int, Path], seed: int = 11) -> tuple[dict[int, SaveTimes], list[float]]:
    """Verdict saves (``review.set_verdict`` with the version the user saw) on every archive.

    Warm: the process has read the story, as the TUI has when a reviewer presses a key. Cold: a
    repository that has not read it yet, as ``factcheck verdict`` in a new process. The sizes
    take turns, round by round, with a bare durable write of a story-sized file (the disk's
    floor), so that all of them meet the same load from other processes on the machine.
    """
    rng = random.Random(seed)
    readers = {size: Repository(root, create=False) for size, root in roots.items()}
    stories = {size: reader.story_ids() for size, reader in readers.items()}
    times = {size: SaveTimes() for size in roots}
    floor: list[float] = []
    scratch = readers[min(roots)].layout.cache / "disk-floor.json"
    payload = b"x" * FLOOR_BYTES
    for _ in range(SAVES_MEASURED):
        started = time.perf_counter()
        atomic_write(scratch, payload)
        floor.append(time.perf_counter() - started)
        for size, reader in readers.items():
            for warm in (True, False):
                claim = rng.choice(reader.list_claims(rng.choice(stories[size])))
                repo = reader if warm else Repository(roots[size], create=False)
                # Always a different verdict: an unchanged claim is not written at all.
                label = rng.choice([verdict for verdict in VERDICTS if verdict != claim.verdict])
                started = time.perf_counter()
                review.set_verdict(
                    repo, claim.id, label, scale=DEFAULT_SCALE, actor="bench", expected_version=claim.version
                )
                (times[size].warm if warm else times[size].cold).append(time.perf_counter() - started)
    scratch.unlink()
    return times, floor


def measure_listing(root: Path, seed: int = 13) -> float:
    repo = Repository(root, create=False)
    rng = random.Random(seed)
    stories = repo.story_ids()
    samples = []
    for _ in range(LISTINGS_MEASURED):
        story_id = rng.choice(stories)
        started = time.perf_counter()
        repo.list_claims(story_id)
        samples.append(time.perf_counter() - started)
    return median_ms(samples)


TUI_PROBE = """
import asyncio, sys, time
started = time.perf_counter()
from pathlib import Path
from textual.widgets import DataTable
from factcheck_tui.core.config import Config
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.stories import StoriesScreen

async def main():
    began = time.perf_counter()
    root = Path(sys.argv[1])
    app = create_app(Workspace(Config(reviewer="bench"), root / "no-config.toml", root))
    async with app.run_test(size=(120, 40)) as pilot:
        while True:
            screen = app.screen
            if isinstance(screen, StoriesScreen):
                rows = screen.query_one("#stories", DataTable).row_count
                if rows >= int(sys.argv[2]):
                    break
            await asyncio.sleep(0.001)
        ready = time.perf_counter()
    print(f"{ready - began:.4f} {began - started:.4f}")

asyncio.run(main())
"""


def measure_tui_open(root: Path) -> tuple[float, float]:
    """(seconds from create_app to a filled stories table, seconds from process start to the same).

    Runs the real app (create_app + App.run_test, headless) in a fresh interpreter; the second
    figure adds Python's start-up and imports, which is what a reviewer waits for.
    """
    stories = len(Repository(root, create=False).story_ids())
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", TUI_PROBE, str(root), str(stories)], capture_output=True, text=True, check=True
    )
    total = time.perf_counter() - started
    app_seconds = float(done.stdout.split()[0])
    return app_seconds, total


MEMORY_PROBE = """
import sys, time
started = time.perf_counter()
from factcheck_tui.core.storage.repository import Repository
repo = Repository(sys.argv[1], create=False)
stories = repo.list_stories()
listed = time.perf_counter() - started
digests = repo.digests()
status = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
print(len(stories), len(digests), int(status["VmHWM"].split()[0]) // 1024, f"{listed:.4f}")
"""


@dataclass
class ProcessFigures:
    stories: int
    digests: int
    peak_mb: int
    listing_seconds: float


def measure_process(root: Path) -> ProcessFigures:
    """A fresh process that opens the archive, lists every story and loads every claim digest:
    its peak resident memory, and how long the import, open and listing took (the storage's
    share of opening the TUI)."""
    done = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(root)], capture_output=True, text=True, check=True)
    stories, digests, peak, listed = done.stdout.split()
    return ProcessFigures(int(stories), int(digests), int(peak), float(listed))


@dataclass
class WriterResult:
    name: str
    applied: list[tuple[str, int, str]]
    stale: int
    seconds: list[float]
    lock_waits: list[float]


def writer(root: str, name: str, story_id: str, saves: int, barrier: Any, results: Any) -> None:
    repo = Repository(Path(root), create=False)
    waits: list[float] = []
    acquire = repo._lock.acquire

    def timed_acquire(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return acquire(*args, **kwargs)
        finally:
            waits.append(time.perf_counter() - started)

    repo._lock.acquire = timed_acquire  # type: ignore[method-assign]
    rng = random.Random(name)
    targets = [f"{story_id}-{number}" for number in range(1, CONTENDED_CLAIMS + 1)]
    applied, stale, seconds = [], 0, []
    barrier.wait()
    for index in range(saves):
        claim_id = rng.choice(targets)
        version = repo.get_claim(claim_id).version
        token = f"{name} save {index}"
        started = time.perf_counter()
        try:
            saved = review.set_conclusion(repo, claim_id, token, actor=name, expected_version=version)
            applied.append((claim_id, saved.version, token))
        except StaleWriteError:
            stale += 1
        seconds.append(time.perf_counter() - started)
    results.put(WriterResult(name, applied, stale, seconds, waits))


@dataclass
class Contention:
    applied: int
    stale: int
    lost: int
    versions_agree: bool
    save_ms: float
    lock_wait_ms: float


def measure_two_writers(root: Path) -> Contention:
    """Two processes, 500 saves each on the same five claims, each save with the version its
    process read just before; afterwards every applied save must be in the claims' history and
    every claim's version must count exactly the applied saves."""
    repo = Repository(root, create=False)
    # A story of its own, so that kept archives do not carry the history of earlier runs.
    story, claims = make_story(random.Random(), "", CLAIMS_PER_STORY)
    story_id = repo.add_story(story, claims, "bench")[0].id
    before = {claim.id: claim.version for claim in repo.list_claims(story_id, include_dismissed=True)}
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    processes = [
        context.Process(target=writer, args=(str(root), name, story_id, WRITER_SAVES, barrier, results))
        for name in ("w1", "w2")
    ]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=600) for _ in processes]
    for process in processes:
        process.join()
    after = {claim.id: claim for claim in Repository(root, create=False).list_claims(story_id, include_dismissed=True)}
    applied = [tuple(entry) for outcome in outcomes for entry in outcome.applied]
    recorded = {
        (claim_id, change.version, change.new)
        for claim_id, claim in after.items()
        for change in claim.history
        if change.field == "conclusion"
    }
    return Contention(
        applied=len(applied),
        stale=sum(outcome.stale for outcome in outcomes),
        lost=sum(1 for entry in applied if entry not in recorded),
        versions_agree=all(
            after[claim_id].version == before[claim_id] + sum(1 for entry in applied if entry[0] == claim_id)
            for claim_id in before
        ),
        save_ms=median_ms([second for outcome in outcomes for second in outcome.seconds]),
        lock_wait_ms=median_ms([second for outcome in outcomes for second in outcome.lock_waits]),
    )


def lock_holder(root: str, connection: Any) -> None:
    repo = Repository(Path(root), create=False)
    while connection.recv() == "hold":
        with repo.write_lock():
            connection.send("held")
            connection.recv()  # the other process is about to wait for the lock
            time.sleep(0.005)
            released = time.perf_counter()
        connection.send(released)


def measure_handover(root: Path) -> float:
    """Median time from one process releasing the write lock to the waiting one holding it
    (filelock polls a non-blocking flock every LOCK_POLL_SECONDS)."""
    repo = Repository(root, create=False)
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    holder = context.Process(target=lock_holder, args=(str(root), theirs))
    holder.start()
    samples = []
    for _ in range(HANDOVERS_MEASURED):
        ours.send("hold")
        ours.recv()
        ours.send("wait")
        with repo.write_lock():
            acquired = time.perf_counter()
        samples.append(acquired - ours.recv())
    ours.send("stop")
    holder.join()
    return median_ms(samples)


def doctor_seconds(root: Path) -> float:
    started = time.perf_counter()
    report = check_database(root)
    if not report.healthy:
        raise SystemExit(f"{root} is unhealthy after the bench:\n{report.render()}")
    return time.perf_counter() - started


def label(claims: int) -> str:
    return f"{claims // 1000}k" if claims >= 1000 else str(claims)


def at_100k(size: int, target: str) -> str:
    return target if size == 100_000 else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,300000", help="archive sizes in claims (comma-separated)")
    parser.add_argument(
        "--workdir", type=Path, default=None, help="where archives are generated (default: a temporary folder)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated archives for the next run")
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, str, str]] = []
    try:
        roots = {size: archive(workdir, size) for size in sizes}
        saves, floor = measure_saves(roots)
        rows.append(("durable write of a 150 KB file (the disk's floor)", f"{median_ms(floor):.1f} ms", ""))
        for size in roots:
            at = label(size)
            rows.append(
                (
                    f"verdict save, story already read, median ({at})",
                    f"{median_ms(saves[size].warm):.1f} ms",
                    at_100k(size, "< 20 ms"),
                )
            )
            rows.append(
                (
                    f"verdict save, story not yet read, median ({at})",
                    f"{median_ms(saves[size].cold):.1f} ms",
                    at_100k(size, "< 20 ms"),
                )
            )
        if 1000 in saves and 100_000 in saves:
            ratio = median_ms(saves[100_000].warm) / median_ms(saves[1000].warm)
            rows.append(("save at 100k / save at 1k (story already read)", f"{ratio:.2f}x", "<= 2x"))
        for size, root in roots.items():
            at = label(size)
            rows.append(
                (f"list one story's claims, median ({at})", f"{measure_listing(root):.2f} ms", at_100k(size, "< 10 ms"))
            )
            process = measure_process(root)
            rows.append(
                (
                    f"fresh process: import, open, list {process.stories:,} stories ({at})",
                    f"{process.listing_seconds:.2f} s",
                    "",
                )
            )
            app_seconds, process_seconds = measure_tui_open(root)
            rows.append(
                (f"open TUI until the stories table is filled ({at})", f"{app_seconds:.2f} s", at_100k(size, "< 1.0 s"))
            )
            rows.append((f"  same, counted from python start ({at})", f"{process_seconds:.2f} s", ""))
            rows.append(
                (
                    f"peak RSS after listing stories and loading {process.digests:,} digests ({at})",
                    f"{process.peak_mb} MB",
                    at_100k(size, "< 400 MB"),
                )
            )
            rows.append((f"doctor check of the whole database ({at})", f"{doctor_seconds(root):.1f} s", ""))
        contended = roots.get(100_000, roots[max(roots)])
        writers = measure_two_writers(contended)
        intact = writers.lost == 0 and writers.versions_agree
        rows.append(
            (
                "two writers x 500 saves, one story: applied / stale / lost",
                f"{writers.applied} / {writers.stale} / {writers.lost}",
                "0 lost" if intact else "LOST UPDATES",
            )
        )
        rows.append(("  save under contention, median (lock wait + own save)", f"{writers.save_ms:.1f} ms", ""))
        rows.append(("  of which waiting for the lock, median", f"{writers.lock_wait_ms:.1f} ms", ""))
        rows.append(
            (
                f"lock hand-over between processes, median (poll {LOCK_POLL_SECONDS * 1000:g} ms)",
                f"{measure_handover(contended):.2f} ms",
                "",
            )
        )
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    width = max(len(row[0]) for row in rows)
    print(f"{'figure':{width}}  {'value':>15}  target")
    for figure, value, target in rows:
        print(f"{figure:{width}}  {value:>15}  {target}")
    print(json.dumps({"cpu_count": os.cpu_count(), "measured_at": utcnow().isoformat()}), file=sys.stderr)


if __name__ == "__main__":
    main()
