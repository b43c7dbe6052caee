"""The recurring-claims pass (the `C` screen, `factcheck dupes`): time per claim searched from.

    python bench/bench_clusters.py [--stories 20] [--claims 60] [--long 1000] [--workdir DIR]

A newsroom of short stories and one long story (bench_storage's generator: a small vocabulary,
so many claims recur), its index with sentence vectors as the app has it once loaded, then the
pass for the long story (what a reviewer runs after importing it) and for the whole newsroom.
Timings wander with the machine's load: run it when `uptime` shows a load under 2.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from bench_storage import make_story  # noqa: E402
from extraction_sets import print_table  # noqa: E402

from factcheck_tui.core.ids import new_story_id  # noqa: E402
from factcheck_tui.core.matching.service import MatchIndex  # noqa: E402
from factcheck_tui.core.storage.repository import Repository  # noqa: E402

# The figure was ~10 ms a claim with nothing on screen; progress now shows, and a pass
# over a long story should not take much longer than reading it.
TARGET_MS_PER_CLAIM = 10.0


def build(root: Path, stories: int, claims: int, long: int) -> str:
    repo = Repository(root)
    rng = random.Random(3)
    long_id = ""
    for count in [claims] * stories + [long]:
        story_id = new_story_id(repo.story_exists)
        story, story_claims = make_story(rng, story_id, count)
        repo.restore_story(story, story_claims)
        long_id = story_id
    return long_id


def timed_pass(index: MatchIndex, story_id: str | None) -> tuple[float, int]:
    seeds = len(index.claim_ids(story_id)) if story_id else sum(len(index.claim_ids(s)) for s in index.story_ids())
    started = time.perf_counter()
    index.clusters(story_id)
    return time.perf_counter() - started, seeds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--claims", type=int, default=60)
    parser.add_argument("--long", type=int, default=1000)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = (args.workdir or Path(scratch)) / "db"
        long_id = build(root, args.stories, args.claims, args.long)
        index = MatchIndex.open(Repository(root), save=False, vectors=True)
        rows = []
        for label, story_id in (("long story", long_id), ("whole newsroom", None)):
            seconds, seeds = timed_pass(index, story_id)
            rows.append((f"pass for the {label} ({seeds:,} claims), s", f"{seconds:.1f}", ""))
            rows.append(
                (f"  per claim, ms ({label})", f"{1000 * seconds / seeds:.1f}", f"<= {TARGET_MS_PER_CLAIM:.0f}")
            )
    print_table(rows)


if __name__ == "__main__":
    main()
