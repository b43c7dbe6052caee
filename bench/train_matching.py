"""Learn the matching re-ranker and write it to factcheck_tui/core/matching/weights.json.

    python bench/train_matching.py [EVAL_DIR]      (default ../shared/eval/; needs numpy)

Learns from the CheckThat! "train" tweets only (the "dev" tweets stay held out for
bench/eval_matching.py). For each query the index's 30 best lexical candidates, and its 20
nearest claims by sentence vector (``core/matching/dense.py``), are described by
the interpretable features of ``factcheck_tui.core.matching.pair_features``; the weights are fitted so
that the right past check outscores the other candidates (a listwise logistic loss, L2 penalty
chosen by 5-fold cross-validation within the training queries), then scaled and shifted (Platt
scaling, on the same training queries) so that the score reads as the chance of a right match.
"""

from __future__ import annotations

import json
import sys

from extraction_sets import REPO, eval_dir, print_table
from matching_sets import (
    HEADLINE_QUERIES,
    Candidates,
    CheckThat,
    archive_index,
    first_stage_keeps,
    fit_first_stage,
    gather,
    gather_headlines,
    train_model,
)

from factcheck_tui.core.matching.index import RERANK
from factcheck_tui.core.matching.pair_features import FEATURE_NAMES

WEIGHTS = REPO / "factcheck_tui" / "core" / "matching" / "weights.json"


def main(argv: list[str]) -> None:
    data = CheckThat.load(eval_dir(argv))
    train = data.split("train")
    with archive_index(data.corpus) as (index, corpus_id_of):
        candidates = gather(index, train, corpus_id_of)
    headlines = gather_headlines(data)
    model, penalty = train_model(candidates, headlines)
    stage = fit_first_stage(Candidates(candidates.features + headlines.features, candidates.labels + headlines.labels))
    record = {
        "bias": round(model.bias, 4),
        "weights": {name: round(weight, 4) for name, weight in zip(FEATURE_NAMES, model.weights, strict=True)},
        "trained_on": (
            f"CheckThat! 2022 task 2A: {len(train)} train tweets, and {2 * HEADLINE_QUERIES} verified claims and "
            "headlines matched with each other (30 lexical candidates and 20 neighbours by meaning each)"
        ),
        "l2_penalty": penalty,
        "first_stage": {"word_bm25": round(stage.word_bm25, 4), "cosine": round(stage.cosine, 4)},
    }
    WEIGHTS.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    found = sum(bool(labels.sum()) for labels in candidates.labels)
    headline_found = sum(bool(labels.sum()) for labels in headlines.labels)
    print_table(
        [
            ("train tweets (gold among the candidates)", f"{len(train)} ({found})", ""),
            ("claims and headlines (gold among the candidates)", f"{len(headlines.labels)} ({headline_found})", ""),
            ("L2 penalty (5-fold CV MAP@5 within train)", f"{penalty:g}", ""),
            (
                f"first stage passes the right check on (of the {RERANK} best by BM25 and cosine)",
                "{1} of {0}".format(*first_stage_keeps(candidates, stage)),
                "",
            ),
            ("weights written to", str(WEIGHTS.relative_to(REPO)), ""),
        ]
    )
    print(f"  {'bias':<20} {model.bias:+.3f}")
    for name, weight in sorted(zip(FEATURE_NAMES, model.weights, strict=False), key=lambda item: -abs(item[1])):
        print(f"  {name:<20} {weight:+.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
