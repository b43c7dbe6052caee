"""How fast the desk's shell commands are: one verdict, 300 verdicts from a file, and imports.

Builds a synthetic database (made-up sentences; nothing copied from shared/) of three stories with
120 claims each, then runs the installed console script in subprocesses as a user would. Prints a
table: figure, value, target. Timings are medians; on a shared machine they are noisy.

    .venv/bin/python bench/bench_desk.py [--runs 7] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.storage.repository import Repository

STORIES = 3
CLAIMS_PER_STORY = 120
BATCH = 300
SINGLE_TARGET_SECONDS = 0.15
BATCH_TARGET_RATIO = 3.0


def build(root: Path) -> list[str]:
    repo = Repository(root)
    ids = []
    for index in range(STORIES):
        sentences = [
            f"Council {index} said spending rose {n} percent in year {2000 + n}." for n in range(CLAIMS_PER_STORY)
        ]
        body = " ".join(sentences)
        claims, start = [], 0
        for sentence in sentences:
            claims.append(Claim(id="", story_id="", number=0, text=sentence, start=start, end=start + len(sentence)))
            start += len(sentence) + 1
        _, stored = repo.add_story(Story(id="", title=f"Budget story {index}", body=body), claims, "bench")
        ids += [claim.id for claim in stored]
    return ids


def script() -> str:
    return str(Path(sys.executable).with_name("factcheck"))


def timed(args: list[str], env: dict[str, str], stdin: bytes | None = None) -> float:
    started = time.perf_counter()
    result = subprocess.run(args, input=stdin, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {result.stderr.decode()}")
    return elapsed


def import_seconds(db: Path, claim_id: str, env: dict[str, str]) -> tuple[float, str]:
    """Total import time of 'factcheck verdict' (top-level modules' cumulative times) and the three
    costliest modules the app itself loads at the second level (under the CLI)."""
    code = f"from factcheck_tui.cli import main; main(['--db', {str(db)!r}, 'verdict', {claim_id!r}, 'mixed'])"
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, env=env, check=True)
    top: list[tuple[int, str]] = []
    second: list[tuple[int, str]] = []
    for line in result.stderr.decode().splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = (part for part in line.removeprefix("import time:").split("|"))
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        if depth == 0:
            top.append((int(cumulative), name.strip()))
        elif depth == 1:
            second.append((int(cumulative), name.strip()))
    total = sum(micros for micros, _ in top)
    costliest = ", ".join(
        f"{name.removeprefix('factcheck_tui.')} {micros / 1000:.0f}" for micros, name in sorted(second)[-3:][::-1]
    )
    return total / 1e6, f"{costliest} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build the database here and leave it")
    args = parser.parse_args()
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="bench-desk-"))
    db = workdir / "db"
    env = {**os.environ, "FACTCHECK_REVIEWER": "bench", "FACTCHECK_CONFIG": str(workdir / "none.toml")}
    try:
        ids = build(db)
        single = statistics.median(
            timed([script(), "--db", str(db), "verdict", ids[run % len(ids)], "false"], env) for run in range(args.runs)
        )
        batches = []
        for run in range(max(3, args.runs // 2)):
            label = ("False", "Mostly true")[run % 2]
            lines = "".join(json.dumps({"id": claim_id, "verdict": label}) + "\n" for claim_id in ids[:BATCH])
            path = workdir / "verdicts.jsonl"
            path.write_text(lines)
            batches.append(timed([script(), "--db", str(db), "verdict", "--from", str(path)], env))
        batch = statistics.median(batches)
        imports, biggest = import_seconds(db, ids[0], env)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    rows = [
        ("factcheck verdict, one claim (median wall time)", f"{single:.3f} s", f"< {SINGLE_TARGET_SECONDS} s"),
        ("  of which imports (python -X importtime)", f"{imports:.3f} s", ""),
        ("  costliest imports below the CLI", biggest, ""),
        (f"factcheck verdict --from, {BATCH} verdicts in {STORIES} stories", f"{batch:.3f} s", ""),
        ("  batch / one call", f"{batch / single:.2f}x", f"<= {BATCH_TARGET_RATIO:g}x"),
    ]
    width = max(len(row[0]) for row in rows)
    print(f"{'figure':{width}}  {'value':>50}  target")
    for figure, value, target in rows:
        print(f"{figure:{width}}  {value:>50}  {target}")
    print(json.dumps({"cpu_count": os.cpu_count()}), file=sys.stderr)


if __name__ == "__main__":
    main()
