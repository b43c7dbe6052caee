"""Quality of claim matching: CheckThat! tweets against past checks, and our own claim pairs.

    python bench/eval_matching.py [EVAL_DIR] [--sweep]      (default ../shared/eval/; needs numpy)

1. The CheckThat! 2022 task 2A verified claims go into a fresh database through the core, as an
   archive import would put them; every tweet is matched with ``MatchIndex.search``, exactly as
   the CLI and the TUI do. MAP@5 (CheckThat!'s measure), Recall@1/@5 and how right the "likely"
   and "possible" marks on the top match are, for all queries, the "train" tweets the shipped
   re-ranker learnt from, the held-out "dev" tweets, and 5-fold cross-validation over all
   queries (each fold scored by a re-ranker trained, with the same recipe, on the other four).
2. ``bench/data/claim_pairs.jsonl`` (our own writing): news claims that say the same thing in
   other words, and same-topic claims that do not; ``bench/data/story_pairs.jsonl`` (ours too):
   sentences such as one story holds, that restate one claim or only share a subject, a name or
   a fact-checker's boilerplate; ``bench/data/story_pairs_heldout.jsonl`` and
   ``story_pairs_heldout2.jsonl`` more of the same. The newsroom model
   (``core/matching/same_claim.py``) learnt from these four sets (and
   ``story_pairs_train2.jsonl``), so their figures here are in-sample: its cross-validated ones
   are ``bench/train_same_claim.py``'s. ``story_pairs_heldout3.jsonl``, a third such set written
   blind to that model, was never used to train or tune anything. Each pair is scored
   both ways, as the claims list marks each side, in a small newsroom holding only these claims
   and beside the CheckThat! archive; the table gives the precision and recall of each mark.

``--sweep`` adds the sets' precision and recall at a range of thresholds (how the defaults in
``core/config.py`` were chosen); ``--pairs-only`` leaves out the tweets (part 1).
"""

from __future__ import annotations

import argparse
import time

from extraction_sets import DEFAULT_EVAL_DIR, eval_dir, print_table
from matching_sets import (
    CheckThat,
    archive_index,
    figures,
    fmt,
    gather,
    gather_headlines,
    level_figures,
    load_claim_pairs,
    load_heldout_story_pairs,
    load_heldout_story_pairs_2,
    load_heldout_story_pairs_3,
    load_story_pairs,
    pair_scores,
    pairs_index,
    rank_queries,
    train_model,
)

from factcheck_tui.core.config import Matching

SWEEP = [step / 100 for step in range(30, 100, 5)]


def cross_validated(index, data: CheckThat, corpus_id_of) -> list:
    shipped = index.model
    folds = data.folds()
    ranked = [None] * len(data.queries)
    candidates = gather(index, data.queries, corpus_id_of)
    headlines = gather_headlines(data)
    for fold in range(max(folds) + 1):
        train_rows = [row for row, f in enumerate(folds) if f != fold]
        held_rows = [row for row, f in enumerate(folds) if f == fold]
        index.model, _ = train_model(candidates.take(train_rows), headlines)
        for row, result in zip(
            held_rows, rank_queries(index, [data.queries[row] for row in held_rows], corpus_id_of), strict=False
        ):
            ranked[row] = result
    index.model = shipped
    return ranked


def tweet_table(columns: dict[str, dict[str, float]], thresholds: Matching) -> None:
    names = list(columns)
    rows = [
        ("queries", lambda c: f"{c['queries']:,}"),
        ("MAP@5", lambda c: fmt(c["map5"])),
        ("Recall@1", lambda c: fmt(c["r1"])),
        ("Recall@5", lambda c: fmt(c["r5"])),
        (f"top match marked likely (>= {thresholds.likely:.2f})", lambda c: f"{c['likely_share']:.0%}"),
        ("precision of the likely mark", lambda c: fmt(c["likely_precision"])),
        (f"top match only possible (>= {thresholds.possible:.2f})", lambda c: f"{c['possible_share']:.0%}"),
        ("precision of a possible top match", lambda c: fmt(c["possible_precision"])),
    ]
    table = [("figure", *names)] + [(label, *[render(columns[name]) for name in names]) for label, render in rows]
    widths = [max(len(row[column]) for row in table) for column in range(len(table[0]))]
    for position, row in enumerate(table):
        print("| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + " |")
        if position == 0:
            print("|" + "|".join("-" * (width + 2) for width in widths) + "|")


def pair_rows(label: str, scored: list[tuple[float, bool]], thresholds: Matching) -> list[tuple[str, str, str]]:
    rows = []
    for level, threshold in (("likely", thresholds.likely), ("possible", thresholds.possible)):
        precision, recall, marks = level_figures(scored, threshold)
        rows.append(
            (
                f"{label}: at least {level} (>= {threshold:.2f})",
                f"P {fmt(precision, 2)} / R {fmt(recall, 2)} ({marks} marks)",
                "",
            )
        )
    return rows


def sweep(label: str, scored: list[tuple[float, bool]]) -> None:
    print(f"\n{label}: threshold, precision, recall, marks")
    for threshold in SWEEP:
        precision, recall, marks = level_figures(scored, threshold)
        print(f"  {threshold:.2f}  {fmt(precision, 3)}  {fmt(recall, 3)}  {marks}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default=str(DEFAULT_EVAL_DIR))
    parser.add_argument("--sweep", action="store_true", help="precision and recall at a range of thresholds")
    parser.add_argument("--pairs-only", action="store_true", help="only our own pairs, not the tweets")
    args = parser.parse_args(argv)
    data = CheckThat.load(eval_dir([args.eval_dir]))
    thresholds = Matching()
    by_qid = {} if args.pairs_only else tweets(data, thresholds)
    pairs(data, thresholds, by_qid if args.sweep else None)
    return 0


def tweets(data: CheckThat, thresholds: Matching) -> dict:
    """Part 1: the tweets' table; each query's ranking by query id."""
    with archive_index(data.corpus) as (index, corpus_id_of):
        started = time.perf_counter()
        ranked = rank_queries(index, data.queries, corpus_id_of)
        ms_per_query = 1000 * (time.perf_counter() - started) / len(data.queries)
        by_qid = dict(zip((query["qid"] for query in data.queries), ranked, strict=False))
        columns = {
            "all": figures(ranked, thresholds),
            "train (learnt from)": figures([by_qid[q["qid"]] for q in data.split("train")], thresholds),
            "dev (held out)": figures([by_qid[q["qid"]] for q in data.split("dev")], thresholds),
            "5-fold CV": figures(cross_validated(index, data, corpus_id_of), thresholds),
        }
    print(
        f"CheckThat! 2022 task 2A: {len(data.corpus):,} verified claims, {len(data.queries):,} tweets; {ms_per_query:.1f} ms per query\n"
    )
    tweet_table(columns, thresholds)
    print(
        "\nreferences (MAP@5): rapidfuzz brute force 0.12-0.37, plain BM25 0.71, CheckThat! BM25 ~0.82; target >= 0.90\n"
    )
    return by_qid


def pairs(data: CheckThat, thresholds: Matching, by_qid: dict | None) -> None:
    """Part 2: our own pairs, newsroom alone and beside the archive; with ``by_qid`` (--sweep) the
    precision and recall of every set at a range of thresholds."""
    rows, scores = [], {}
    sets = (
        ("claim pairs", load_claim_pairs()),
        ("story pairs", load_story_pairs()),
        ("held-out story pairs", load_heldout_story_pairs()),
        ("held-out story pairs 2", load_heldout_story_pairs_2()),
        ("held-out story pairs 3", load_heldout_story_pairs_3()),
    )
    for name, pair_set in sets:
        with pairs_index(pair_set) as (index, ids):
            alone = scores[f"{name}, newsroom alone"] = pair_scores(index, ids, pair_set)
        with pairs_index(pair_set, data.corpus) as (index, ids):
            beside = scores[f"{name}, beside the archive"] = pair_scores(index, ids, pair_set)
        same = sum(pair["same"] for pair in pair_set)
        rows += [
            (
                f"{name} (same claim / not), each scored both ways",
                f"{len(pair_set)} ({same} / {len(pair_set) - same})",
                "",
            ),
            *pair_rows(f"{name}, newsroom alone", alone, thresholds),
            *pair_rows(f"{name}, beside the {len(data.corpus):,}-claim archive", beside, thresholds),
        ]
    print_table(rows)
    if by_qid is not None:
        tops = [
            (item.scores[0], item.ids[0] in item.gold)
            for item in (by_qid[q["qid"]] for q in data.split("train"))
            if item.scores
        ]
        if tops:
            sweep("train tweets, top match", tops)
        for label, scored in scores.items():
            sweep(label, scored)


if __name__ == "__main__":
    raise SystemExit(main())
