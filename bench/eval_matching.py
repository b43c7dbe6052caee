"""Quality of claim matching on the CheckThat! "previously fact-checked claims" development set.

    python bench/eval_matching.py [EVAL_DIR]      (default: ../shared/eval/ beside the repo)

The verified claims go into a fresh temporary database through the core, as an archive import
would put them (stories of kind ARCHIVE, claims with Origin.IMPORTED and the headline as
review_title); then every query (a tweet) is matched with ``MatchIndex.search``, exactly as the
CLI and the TUI do. Prints MAP@5 (CheckThat! definition), Recall@1/@5, and how precise the
"likely" mark is with the configured thresholds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import orjson

from factcheck_tui.core.config import Matching
from factcheck_tui.core.matching import MatchIndex
from factcheck_tui.core.models import Claim, Origin, Status, Story, StoryKind
from factcheck_tui.core.storage import Repository

ROOT = Path(__file__).resolve().parent.parent
CLAIMS_PER_ARCHIVE_STORY = 1000
TOP_K = 5


def read_jsonl(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


def import_corpus(repo: Repository, corpus: list[dict]) -> dict[str, str]:
    """Store the verified claims as archive stories; returns claim id -> corpus id."""
    corpus_id_of = {}
    for start in range(0, len(corpus), CLAIMS_PER_ARCHIVE_STORY):
        rows = corpus[start : start + CLAIMS_PER_ARCHIVE_STORY]
        story = Story(id="", title=f"Fact-check archive, part {start // CLAIMS_PER_ARCHIVE_STORY + 1}", body="", kind=StoryKind.ARCHIVE)
        claims = [
            Claim(id="", story_id="", number=0, text=row["text"], review_title=row["title"], origin=Origin.IMPORTED, status=Status.DONE)
            for row in rows
        ]
        _, stored = repo.add_story(story, claims, actor="eval")
        corpus_id_of.update({claim.id: row["id"] for claim, row in zip(stored, rows)})
    return corpus_id_of


def average_precision_at_5(ranked: list[str], gold: set[str]) -> float:
    hits, total = 0, 0.0
    for rank, item in enumerate(ranked[:TOP_K], start=1):
        if item in gold:
            hits += 1
            total += hits / rank
    return total / min(len(gold), TOP_K)


def evaluate(index: MatchIndex, queries: list[dict], corpus_id_of: dict[str, str], thresholds: Matching) -> dict[str, float]:
    """Ranking figures over the top 5 whatever their score (MAP@5 is a ranking measure); the
    marks use the configured thresholds, as the app shows them."""
    ap = r1 = r5 = likely = likely_right = possible = possible_right = shown_ap = 0.0
    started = time.perf_counter()
    for query in queries:
        matches = index.search(query["query"], TOP_K)
        ranked = [corpus_id_of[match.claim_id] for match in matches]
        gold = set(query["gold"])
        ap += average_precision_at_5(ranked, gold)
        shown = [item for item, match in zip(ranked, matches) if match.score >= thresholds.possible]
        shown_ap += average_precision_at_5(shown, gold)
        r1 += bool(ranked[:1]) and ranked[0] in gold
        r5 += bool(gold & set(ranked))
        if matches and matches[0].score >= thresholds.likely:
            likely += 1
            likely_right += ranked[0] in gold
        elif matches and matches[0].score >= thresholds.possible:
            possible += 1
            possible_right += ranked[0] in gold
    n = len(queries)
    return {
        "queries": n,
        "map5": ap / n,
        "shown_map5": shown_ap / n,
        "r1": r1 / n,
        "r5": r5 / n,
        "likely": likely,
        "likely_precision": likely_right / likely if likely else 0.0,
        "possible": possible,
        "possible_precision": possible_right / possible if possible else 0.0,
        "ms_per_query": 1000 * (time.perf_counter() - started) / n,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default=str(ROOT.parent / "shared" / "eval"))
    args = parser.parse_args(argv)
    eval_dir = Path(args.eval_dir)
    corpus = read_jsonl(eval_dir / "matching_corpus.jsonl")
    queries = read_jsonl(eval_dir / "matching_queries.jsonl")
    thresholds = Matching()
    with tempfile.TemporaryDirectory(prefix="factcheck-eval-") as folder:
        repo = Repository(Path(folder) / "db")
        corpus_id_of = import_corpus(repo, corpus)
        started = time.perf_counter()
        # Every candidate counts as a match here; the thresholds are applied in ``evaluate``.
        index = MatchIndex.open(repo, Matching(possible=0.0, likely=0.0))
        build_seconds = time.perf_counter() - started
        result = evaluate(index, queries, corpus_id_of, thresholds)
    rows = [
        ("verified claims (archive)", f"{len(corpus):,}", ""),
        ("queries (tweets)", f"{result['queries']:,}", ""),
        ("MAP@5", f"{result['map5']:.3f}", ">= 0.90 (BM25 0.71; CheckThat! BM25 ~0.82)"),
        ("MAP@5 of what is shown (>= possible)", f"{result['shown_map5']:.3f}", ""),
        ("Recall@1", f"{result['r1']:.3f}", ""),
        ("Recall@5", f"{result['r5']:.3f}", ""),
        (f"queries marked likely (>= {thresholds.likely:.2f})", f"{result['likely']:.0f} ({result['likely'] / result['queries']:.0%})", ""),
        ("precision of the likely mark", f"{result['likely_precision']:.3f}", "high: a likely mark is trusted"),
        (f"top result only possible (>= {thresholds.possible:.2f})", f"{result['possible']:.0f}", ""),
        ("precision of a possible top result", f"{result['possible_precision']:.3f}", ""),
        ("index build (s)", f"{build_seconds:.2f}", ""),
        ("search (ms per query)", f"{result['ms_per_query']:.1f}", ""),
    ]
    width = max(len(row[0]) for row in rows)
    print(f"{'figure':<{width}}  {'value':>12}  target")
    for figure, value, target in rows:
        print(f"{figure:<{width}}  {value:>12}  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
