"""How fast 'factcheck import-checks' brings in a large archive of past fact-checks.

Generates synthetic files (made-up sentences; nothing copied from shared/), imports them with the
installed console script in a subprocess as a user would, then imports the same file again (every
check a duplicate). Prints a table: figure, value, target.

    .venv/bin/python bench/bench_import_checks.py [--lines 100000] [--format jsonl|csv] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

TARGET_SECONDS = 20.0
CHUNK_LIMIT = 1000
BAD_EVERY = 997

SUBJECTS = [
    "The mayor",
    "A council member",
    "The transit agency",
    "The governor's office",
    "A campaign flyer",
    "The port authority",
    "A union leader",
    "The school board",
]
METRICS = [
    "unemployment",
    "violent crime",
    "bus ridership",
    "property taxes",
    "rents",
    "hospital waiting times",
    "river pollution",
    "housing starts",
]
MOVES = ["fell", "rose", "doubled", "halved", "stayed flat", "hit a record"]
PLACES = ["Harbor City", "Port Ellery", "Westbrook", "the county", "the north district", "the old town"]
LABELS = [
    "True",
    "Mostly true",
    "Half True",
    "Mostly False",
    "False",
    "Pants on Fire!",
    "Misleading",
    "Missing context",
    "Four Pinocchios",
    "Unproven",
    "Half Flip",
    "Satire",
]


def synthetic_record(rng: random.Random, index: int) -> dict[str, object]:
    text = f"{rng.choice(SUBJECTS)} said {rng.choice(METRICS)} {rng.choice(MOVES)} by {rng.randint(2, 95)}% in {rng.choice(PLACES)} in {rng.randint(1998, 2025)}."
    record: dict[str, object] = {
        "id": f"chk-{index}",
        "text": text,
        "url": f"https://archive.example/checks/{index}",
        "published": (date(2015, 1, 1) + timedelta(days=rng.randint(0, 3650))).isoformat(),
    }
    if index % 10 == 0:
        record.update(rating_value=rng.randint(1, 5), best_rating=5, worst_rating=1)
    else:
        record["verdict"] = rng.choice(LABELS)
    return record


def write_jsonl(path: Path, lines: int, rng: random.Random) -> int:
    bad = 0
    with path.open("w", encoding="utf-8") as out:
        for index in range(1, lines + 1):
            if index % BAD_EVERY == 0:
                out.write('{"text": "a broken line", "verdict": \n')
                bad += 1
                continue
            out.write(json.dumps(synthetic_record(rng, index)) + "\n")
    return bad


def write_csv(path: Path, lines: int, rng: random.Random) -> int:
    bad = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["ID", "Claim", "Textual rating", "Rating value", "Review URL", "Date published"])
        for index in range(1, lines):
            if index % BAD_EVERY == 0:
                writer.writerow([f"bad-{index}", "A row without a rating.", "", "", "", ""])
                bad += 1
                continue
            record = synthetic_record(rng, index)
            writer.writerow(
                [
                    record["id"],
                    record["text"],
                    record.get("verdict", ""),
                    record.get("rating_value", ""),
                    record["url"],
                    record["published"],
                ]
            )
    return bad


def console_script() -> str:
    script = Path(sys.executable).with_name("factcheck")
    if not script.exists():
        sys.exit(f"{script} is missing: install the project first (pip install -e .)")
    return str(script)


def timed_import(db: Path, source: Path) -> tuple[float, dict[str, object]]:
    started = time.perf_counter()
    result = subprocess.run(
        [console_script(), "--db", str(db), "import-checks", str(source), "--json"],
        capture_output=True,
        text=True,
        env={
            "FACTCHECK_CONFIG": str(db.parent / "no-config.toml"),
            "FACTCHECK_REVIEWER": "bench",
            "PATH": "/usr/bin:/bin",
        },
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"import failed: {result.stderr.strip()}")
    return elapsed, json.loads(result.stdout)


def largest_story(db: Path) -> tuple[int, int]:
    sizes, claims = [], []
    for path in (db / "stories").glob("*.json"):
        sizes.append(path.stat().st_size)
        claims.append(len(json.loads(path.read_bytes())["claims"]))
    return max(sizes, default=0), max(claims, default=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument("--keep", type=Path, help="keep the generated file and database here")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-import-checks-"))
    work.mkdir(parents=True, exist_ok=True)
    source, db = work / f"checks.{args.format}", work / "db"
    shutil.rmtree(db, ignore_errors=True)
    rng = random.Random(7)
    bad = (write_jsonl if args.format == "jsonl" else write_csv)(source, args.lines, rng)

    first_seconds, first = timed_import(db, source)
    again_seconds, again = timed_import(db, source)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    story_bytes, story_claims = largest_story(db)

    rows = [
        ("input", f"{args.lines:,} {args.format} lines, {source.stat().st_size / 1e6:.1f} MB", ""),
        ("first import (wall, CLI subprocess)", f"{first_seconds:.1f} s", f"< {TARGET_SECONDS:.0f} s"),
        (
            "checks per second",
            f"{first['imported'] / first_seconds:,.0f}",
            f">= {100_000 / TARGET_SECONDS:,.0f} (100,000 in {TARGET_SECONDS:.0f} s)",
        ),
        (
            "imported / bad lines reported",
            f"{first['imported']:,} / {first['skipped']:,}",
            f"all but {bad:,} / {bad:,}",
        ),
        (
            "unmapped ratings reported",
            f"{sum(first['unmapped'].values()):,} ({', '.join(first['unmapped'])})",
            "Half Flip, Satire only",
        ),
        ("archive stories", f"{len(first['story_ids']):,}", f"{-(-first['imported'] // CHUNK_LIMIT):,}"),
        ("largest story file", f"{story_claims:,} claims, {story_bytes / 1e6:.2f} MB", f"<= {CHUNK_LIMIT:,} claims"),
        ("re-import, all duplicates (wall)", f"{again_seconds:.1f} s", f"< {TARGET_SECONDS:.0f} s"),
        ("re-import added", f"{again['imported']:,} (duplicates {again['duplicates']:,})", "0"),
        ("peak memory of an import", f"{peak_mb:.0f} MB", ""),
    ]
    width = max(len(row[0]) for row in rows)
    value_width = max(len(row[1]) for row in rows)
    print(f"{'figure':<{width}}  {'value':<{value_width}}  target")
    for figure, value, target in rows:
        print(f"{figure:<{width}}  {value:<{value_width}}  {target}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
