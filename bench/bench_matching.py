"""Speed and memory of claim matching on synthetic archives of 10k, 100k and 300k claims.

    python bench/bench_matching.py [--sizes 10000,100000,300000] [--keep DIR]

Each size runs in its own process (so resident memory is that size's alone): it writes a
database of claim-like sentences generated from word lists (names, places and figures drawn
with a long tail, as in a real archive), then measures what the TUI and CLI do. Targets are the
issue's, at 100,000 claims. On a shared host the wall times wander with the load; the CPU time
of the same steps (this process, all its threads) is printed beside them.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = 7
STORY_SIZE = 2000
QUERIES = 200
EDITS = 200
# Builds per size, each in a fresh process; the median is reported (a shared host's speed wanders).
BUILDS = 3

FIRST = "Alma Ben Cora Dev Elin Farid Greta Hugo Ines Jonas Kira Luis Mara Nils Olga Pavel Rosa Sami Tove Umar Vera Wim Yara Zane".split()
SYLLABLES = "bar ton wick ley stad holm ford mere dal vik berg lund field worth ash by thorp mont ville hurst brook gate wood".split()
ONSETS = "Al Bel Cor Dun El Fal Gor Har Ist Jor Kel Lor Mar Nor Ost Pel Quen Riv Sal Tor Ul Ver Wes Yor".split()
ORGS = "council ministry agency union company hospital university court police department board commission committee bank authority".split()
VERBS = "cut raised banned approved closed opened sold bought spent lost hired fired promised denied doubled halved delayed cancelled".split()
NOUNS = (
    "budget taxes fares wages rents prices jobs schools clinics bridges roads trains ferries flights beds nurses teachers "
    "officers permits licences fines grants loans pensions benefits tickets vaccines tests masks ballots votes seats homes"
).split()
UNITS = "percent million dollars euros people families staff days weeks years tonnes kilometres".split()
OPENERS = [
    "{person} said the {org} {verb} {n} {unit} of {noun} in {place}",
    "The {org} of {place} {verb} {noun} by {n} {unit} last {when}, according to {person}",
    "A video shows {person} saying {place} {verb} its {noun} in {year}",
    "{place} {verb} {n} {unit} in {noun} since {year}, a post claims",
    "{person} claimed that {n} {unit} of {noun} in {place} were {verb} by the {org}",
    "Officials in {place} {verb} {noun} for {n} {unit} after the {org} vote",
    "The {org} {verb} {noun} worth {n} {unit} to {place} in {year}",
    "In {year} {person} {verb} {noun} in {place} by {n} {unit}",
]
WHEN = "year month week spring summer winter autumn".split()


def long_tail(rng: random.Random, items: list[str]) -> str:
    # Zipf-like: a few names recur everywhere, most appear a handful of times.
    return items[min(int(rng.paretovariate(1.1)) - 1, len(items) - 1)]


def vocabulary(rng: random.Random) -> tuple[list[str], list[str]]:
    surnames = sorted({onset + a + b for onset in ONSETS for a in SYLLABLES for b in ("", *SYLLABLES)})
    places = sorted(
        {onset + a + b for onset in ONSETS[::-1] for a in SYLLABLES[::2] for b in SYLLABLES[1::2]}
        | {f"North {s}" for s in surnames[:2000]}
    )
    rng.shuffle(surnames)
    rng.shuffle(places)
    return surnames, places


def sentence(rng: random.Random, surnames: list[str], places: list[str]) -> str:
    template = rng.choice(OPENERS)
    return (
        template.format(
            person=f"{rng.choice(FIRST)} {long_tail(rng, surnames)}",
            place=long_tail(rng, places),
            org=rng.choice(ORGS),
            verb=rng.choice(VERBS),
            noun=rng.choice(NOUNS),
            unit=rng.choice(UNITS),
            n=rng.choice([rng.randint(2, 99), rng.randint(100, 5000), rng.randint(1, 12) * 1000]),
            when=rng.choice(WHEN),
            year=rng.randint(1990, 2025),
        )
        + "."
    )


def reworded(rng: random.Random, text: str) -> str:
    """How the same claim comes back: fewer words, other order, figures spelt as words."""
    words = text.rstrip(".").split()
    words = [word for word in words if rng.random() > 0.15 or word[:1].isupper()]
    cut = rng.randint(1, max(1, len(words) - 1))
    words = words[cut:] + words[:cut]
    return " ".join("per cent" if word == "percent" else word for word in words)


def archive_texts(size: int) -> list[str]:
    rng = random.Random(SEED)
    surnames, places = vocabulary(rng)
    return [sentence(rng, surnames, places) for _ in range(size)]


def build_database(root: Path, texts: list[str]) -> None:
    from factcheck_tui.core.models import Claim, Origin, Status, Story, StoryKind
    from factcheck_tui.core.storage.repository import Repository

    repo = Repository(root)
    for start in range(0, len(texts), STORY_SIZE):
        batch = texts[start : start + STORY_SIZE]
        claims = [
            Claim(id="", story_id="", number=0, text=text, origin=Origin.IMPORTED, status=Status.DONE, verdict="False")
            for text in batch
        ]
        repo.add_story(
            Story(id="", title=f"Archive {start // STORY_SIZE + 1}", body="", kind=StoryKind.ARCHIVE), claims, "bench"
        )


def resident_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(size: int, folder: Path) -> dict[str, float]:
    """Runs inside the child process for one archive size."""
    from factcheck_tui.core.matching.service import MatchIndex
    from factcheck_tui.core.models import Claim, ClaimDigest, Story
    from factcheck_tui.core.storage.digest_shards import VECTORS_SUFFIX
    from factcheck_tui.core.storage.index_cache import cache_path
    from factcheck_tui.core.storage.repository import Repository

    root = folder / f"archive-{size}"
    texts = archive_texts(size)
    repo = Repository(root)
    rng = random.Random(SEED + 1)
    baseline = resident_mib()
    started, cpu = time.perf_counter(), time.process_time()
    index = MatchIndex.open(repo)
    load, load_cpu = time.perf_counter() - started, time.process_time() - cpu
    memory = resident_mib() - baseline
    cache_mib = cache_path(repo.layout.cache).stat().st_size / 2**20
    vectors_mib = sum(path.stat().st_size for path in repo.layout.digests.glob(f"*{VECTORS_SUFFIX}")) / 2**20

    queries = [reworded(rng, rng.choice(texts)) for _ in range(QUERIES)]
    # The sentence model is loaded by the first text that needs a vector, not by the load.
    started = time.perf_counter()
    index.search(queries[0], 10)
    first_query = time.perf_counter() - started
    times = []
    cpu = time.process_time()
    for query in queries:
        started = time.perf_counter()
        index.search(query, 10)
        times.append(time.perf_counter() - started)
    query_cpu = (time.process_time() - cpu) / len(queries)
    query_ms = 1000 * statistics.mean(times)
    query_p95 = 1000 * sorted(times)[int(0.95 * len(times))]

    story_texts = [
        reworded(rng, rng.choice(texts)) if i % 3 else f"The parade in Ostvik drew {i} marching bands."
        for i in range(50)
    ]
    # The new story is folded into the index as the TUI does after an import (it is not saved:
    # the archive on disk stays the same from run to run).
    story = Story(id="zz9zz", title="New story", body=" ".join(story_texts))
    claims = [
        Claim(id=f"{story.id}-{n}", story_id=story.id, number=n, text=text)
        for n, text in enumerate(story_texts, start=1)
    ]
    for claim in claims:
        index.update(ClaimDigest.of(story, claim))
    started, cpu = time.perf_counter(), time.process_time()
    index.matches_for_story(story.id, 5)
    story_ms, story_cpu = 1000 * (time.perf_counter() - started), 1000 * (time.process_time() - cpu)

    updates = []
    for number in range(EDITS):
        claim = claims[number % len(claims)]
        edited = claim.model_copy(
            update={"text": reworded(rng, rng.choice(texts)), "version": claim.version + number + 1}
        )
        digest = ClaimDigest.of(story, edited)
        started = time.perf_counter()
        index.update(digest)
        updates.append(time.perf_counter() - started)
    update_ms = 1000 * statistics.mean(updates)
    return {
        "size": size,
        "load_s": load,
        "load_cpu_s": load_cpu,
        "query_cpu_ms": 1000 * query_cpu,
        "story_cpu_ms": story_cpu,
        "first_query_ms": 1000 * first_query,
        "query_ms": query_ms,
        "query_p95_ms": query_p95,
        "story_ms": story_ms,
        "update_ms": update_ms,
        "memory_mib": memory,
        "cache_mib": cache_mib,
        "vectors_mib": vectors_mib,
    }


def time_build(size: int, folder: Path) -> dict[str, float]:
    """Runs in its own process: index the database from scratch, as the TUI does on its first
    start: matching by words is in use once the words are indexed, the sentence vectors of every
    claim follow (with progress), then the cache and the vector files are saved for the next start."""
    from factcheck_tui.core.matching.service import MatchIndex
    from factcheck_tui.core.storage.digest_shards import VECTORS_SUFFIX
    from factcheck_tui.core.storage.index_cache import cache_path
    from factcheck_tui.core.storage.repository import Repository

    repo = Repository(folder / f"archive-{size}")
    cache_path(repo.layout.cache).unlink(missing_ok=True)
    for path in repo.layout.digests.glob(f"*{VECTORS_SUFFIX}"):
        path.unlink()
    reports: list[int] = []
    started = time.perf_counter()
    index = MatchIndex.open(repo, save=False, vectors=False)
    words = time.perf_counter()
    # What the review app does meanwhile: a search by words while the vectors are made.
    index.search("the council cut the budget", 5)
    index.embed(progress=lambda done, total: reports.append(done))
    built = time.perf_counter()
    index.save()
    return {
        "words_s": words - started,
        "build_s": built - started,
        "save_s": time.perf_counter() - built,
        "progress_reports": len(reports),
    }


def child(mode: str, size: int, folder: Path) -> dict[str, float]:
    """Run one step in a fresh interpreter, so that its time and memory are its own."""
    result = subprocess.run(
        [sys.executable, __file__, mode, str(size), "--folder", str(folder)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,300000")
    parser.add_argument("--keep", metavar="DIR", help="build the databases here and keep them")
    parser.add_argument("--builds", type=int, default=BUILDS, help=f"builds from scratch per size (default {BUILDS})")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--index", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--make", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.make:
        root = Path(args.folder) / f"archive-{args.make}"
        if not root.exists():
            build_database(root, archive_texts(args.make))
        return 0
    if args.index:
        print(json.dumps(time_build(args.index, Path(args.folder))))
        return 0
    if args.child:
        print(json.dumps(measure(args.child, Path(args.folder))))
        return 0
    sizes = [int(size) for size in args.sizes.split(",")]
    results = []
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as scratch:
        folder = Path(args.keep) if args.keep else Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            # Write the database, index it, then measure the loaded index: three processes, so
            # that the memory figure is the index's alone.
            subprocess.run([sys.executable, __file__, "--make", str(size), "--folder", str(folder)], check=True)
            builds = [child("--index", size, folder) for _ in range(args.builds)]
            built = {key: statistics.median(build[key] for build in builds) for key in builds[0]}
            results.append({**built, **child("--child", size, folder)})
    print_table(results, args.builds)
    return 0


def print_table(results: list[dict[str, float]], builds: int) -> None:
    rows = [
        ("match a new 50-claim story (ms)", "story_ms", "{:.0f}", "< 250 at 100k"),
        ("  the same in CPU time (ms)", "story_cpu_ms", "{:.0f}", ""),
        ("one query, mean (ms)", "query_ms", "{:.1f}", "< 30 at 100k"),
        ("  the same in CPU time (ms)", "query_cpu_ms", "{:.1f}", ""),
        ("one query, 95th percentile (ms)", "query_p95_ms", "{:.1f}", ""),
        (f"build from scratch: matching by words ready, median of {builds} (s)", "words_s", "{:.2f}", "report"),
        ("build from scratch incl. every claim's vector (s)", "build_s", "{:.2f}", "< 30 at 100k"),
        ("progress reports during the build", "progress_reports", "{:.0f}", "report"),
        ("then save cache and vector files, in the background (s)", "save_s", "{:.2f}", "report"),
        ("load index and vectors from the cache (s)", "load_s", "{:.2f}", "< 2 at 100k"),
        ("  the same in CPU time (s)", "load_cpu_s", "{:.2f}", ""),
        ("then the first query, loading the sentence model (ms)", "first_query_ms", "{:.0f}", "report"),
        ("update on add/edit, re-embedding the claim (ms)", "update_ms", "{:.2f}", "< 5"),
        ("resident memory of index, vectors and model (MiB)", "memory_mib", "{:.0f}", "< 400 at 100k"),
        ("cache file (MiB)", "cache_mib", "{:.0f}", "report"),
        ("vector files (MiB)", "vectors_mib", "{:.0f}", "report"),
    ]
    header = ["figure", *[f"{int(result['size']) // 1000}k" for result in results], "target"]
    table = [[label, *[fmt.format(result[key]) for result in results], target] for label, key, fmt, target in rows]
    widths = [max(len(str(row[i])) for row in [header, *table]) for i in range(len(header))]
    for row in [header, *table]:
        print(
            "  ".join(
                str(cell).ljust(width) if i in (0, len(row) - 1) else str(cell).rjust(width)
                for i, (cell, width) in enumerate(zip(row, widths, strict=False))
            )
        )
    if len(results) > 1:
        first, last = results[0], results[-1]
        growth = last["size"] / first["size"]
        print(
            f"\narchive grows {growth:.0f}x: one query {last['query_ms'] / first['query_ms']:.1f}x, "
            f"a 50-claim story {last['story_ms'] / first['story_ms']:.1f}x, update {last['update_ms'] / first['update_ms']:.1f}x"
        )


if __name__ == "__main__":
    sys.exit(main())
