"""Learn how a story weighs its sentences, and write the weights to the app's weights.json ("story").

    python bench/train_story_ranking.py [EVAL_DIR]      (default ../shared/eval/; needs numpy)

Trains on ``news_articles.jsonl``: in each article the sentence that states the claim the
fact-checker chose (news_eval.py's match) is the one to rank first. The model is a conditional
logit (a softmax over each story's sentences) on the story cues of story.py, with the sentence's
own log-odds (the sentence model of train_checkworthiness.py) as an offset at SENTENCE_WEIGHT,
and an L2 penalty chosen by the mean reciprocal rank of 5-fold cross-validation over articles,
so no article shapes its own rank.

SENTENCE_WEIGHT is set, not learnt. Fitted freely on fact-check articles it falls to about 0.16:
there the one claim checked is what the whole piece is about, and the checker's own sentences
are full of figures. In a news story of many claims that would let the story's most repeated
sentence outrank a plain, figure-laden claim; at 0.5 the sentence keeps half its say and the
checked claim still ranks in the top 3 about as often (5-fold CV 80 % against 85 %).

A softmax within stories has no intercept: the bias puts story scores on the scale the sentence
model's threshold reads. It is set so that the checked claim, scored out of fold, clears the
threshold in FLAGGED_SHARE of the articles; the printed share of all sentences flagged is what
that costs a reviewer. The fact-check articles hold one checked claim each, while a news story
may hold many, so the story may lower a sentence's own score by MAX_DROP at most.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence

import numpy as np
from extraction_sets import REPO, eval_dir, load_jsonl, print_table
from news_eval import TOP, match_ratios

from factcheck_tui.core.intake.extraction.body import normalise_body
from factcheck_tui.core.intake.extraction.pipeline import analyse
from factcheck_tui.core.intake.extraction.scoring import Model, load_model
from factcheck_tui.core.intake.extraction.story import STORY_FEATURES

WEIGHTS = REPO / "factcheck_tui" / "core" / "intake" / "extraction" / "weights.json"
FOLDS = 5
PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0)
NEWTON_STEPS = 30
FLAGGED_SHARE = 0.97
SENTENCE_WEIGHT = 0.5
# The story may lower a sentence's own log-odds by this much at most: a claim the sentence model
# is sure of (0.98) stays flagged in a story of many claims, though the story is about another.
MAX_DROP = 4.0
COLUMNS = ("sentence", *STORY_FEATURES)


def story_rows(row: dict, model: Model) -> tuple[np.ndarray, int | None]:
    """One row per sentence that is not furniture: its own log-odds and its story cues; and the checked one."""
    items = [item for item in analyse(normalise_body(row["text"])) if item.role is None]
    matrix = np.zeros((len(items), len(COLUMNS)))
    for line, item in enumerate(items):
        matrix[line, 0] = model.logit(item.features)
        for cue in item.cues or []:
            matrix[line, COLUMNS.index(cue.name)] = cue.value
    ratios = match_ratios([item.text for item in items], row["vclaim"])
    best = max(range(len(items)), key=lambda index: (ratios[index], -index), default=None)
    stories_ok = all(item.cues is not None for item in items) and best is not None and ratios[best]
    return matrix, best if stories_ok else None


def fit(stories: Sequence[tuple[np.ndarray, int | None]], penalty: float) -> np.ndarray:
    """Conditional logit by Newton's method: the checked sentence against the rest of its story.

    Returns the weights of all COLUMNS; the first (the sentence's own log-odds) is SENTENCE_WEIGHT.
    """
    cues = np.zeros(len(COLUMNS) - 1)
    for _ in range(NEWTON_STEPS):
        gradient = penalty * cues
        curvature = penalty * np.eye(len(cues))
        for matrix, checked in stories:
            if checked is None:
                continue
            logits = SENTENCE_WEIGHT * matrix[:, 0] + matrix[:, 1:] @ cues
            share = np.exp(logits - logits.max())
            share /= share.sum()
            gradient += matrix[:, 1:].T @ share - matrix[checked, 1:]
            mean = matrix[:, 1:].T @ share
            curvature += (matrix[:, 1:].T * share) @ matrix[:, 1:] - np.outer(mean, mean)
        step = np.linalg.solve(curvature, gradient)
        cues -= step
        if np.abs(step).max() < 1e-8:
            break
    return np.concatenate([[SENTENCE_WEIGHT], cues])


def out_of_fold(stories: Sequence[tuple[np.ndarray, int | None]], penalty: float) -> list[np.ndarray]:
    folds = np.arange(len(stories)) % FOLDS
    logits: list[np.ndarray] = [np.zeros(0)] * len(stories)
    for fold in range(FOLDS):
        weights = fit([story for story, f in zip(stories, folds, strict=True) if f != fold], penalty)
        for index in np.flatnonzero(folds == fold):
            logits[index] = stories[index][0] @ weights
    return logits


def ranks(stories: Sequence[tuple[np.ndarray, int | None]], logits: Sequence[np.ndarray]) -> list[int]:
    return [
        1 + int((scores > scores[checked]).sum())
        for (_, checked), scores in zip(stories, logits, strict=True)
        if checked is not None
    ]


def story_bias(
    stories: Sequence[tuple[np.ndarray, int | None]], logits: Sequence[np.ndarray], threshold: float
) -> float:
    """The lowest bias at which FLAGGED_SHARE of the checked claims, scored out of fold, are flagged."""
    found = [(matrix[c, 0], scores[c]) for (matrix, c), scores in zip(stories, logits, strict=True) if c is not None]
    for bias in np.arange(-15.0, 5.0, 0.05):
        flagged = sum(max(score + bias, own - MAX_DROP) >= threshold for own, score in found)
        if flagged >= FLAGGED_SHARE * len(found):
            return float(bias)
    return 5.0


def main(argv: Sequence[str]) -> None:
    model = load_model()
    articles = load_jsonl(eval_dir(argv) / "news_articles.jsonl")
    stories = [story_rows(row, model) for row in articles]
    mrr = {
        penalty: float(np.mean([1 / rank for rank in ranks(stories, out_of_fold(stories, penalty))]))
        for penalty in PENALTIES
    }
    penalty = max(mrr, key=mrr.__getitem__)
    logits = out_of_fold(stories, penalty)
    held_ranks = ranks(stories, logits)
    threshold = math.log(model.threshold / (1 - model.threshold))
    bias = story_bias(stories, logits, threshold)
    finals = [
        np.maximum(scores + bias, matrix[:, 0] - MAX_DROP) for (matrix, _), scores in zip(stories, logits, strict=True)
    ]
    checked = np.array([final[c] for (_, c), final in zip(stories, finals, strict=True) if c is not None])
    flagged = sum(int((final >= threshold).sum()) for final in finals)
    sentences = sum(len(scores) for scores in logits)

    weights = fit(stories, penalty)
    raw = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    raw["story"] = {
        "bias": round(bias, 4),
        "sentence": round(float(weights[0]), 4),
        "max_drop": MAX_DROP,
        "weights": {name: round(float(weight), 4) for name, weight in zip(COLUMNS[1:], weights[1:], strict=True)},
        "trained_on": f"news_articles.jsonl ({sum(c is not None for _, c in stories)} articles)",
        "l2_penalty": penalty,
    }
    WEIGHTS.write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")
    print_table(
        [
            ("articles with a checked claim found", f"{len(held_ranks)} / {len(articles)}", ""),
            ("L2 penalty (best 5-fold CV MRR)", f"{penalty} ({mrr[penalty]:.3f})", ""),
            ("5-fold CV: checked claim in the top 3", f"{np.mean(np.array(held_ranks) <= TOP):.0%}", ""),
            ("5-fold CV: checked claim flagged", f"{np.mean(checked >= threshold):.0%}", ""),
            ("5-fold CV: share of sentences flagged (furniture aside)", f"{flagged / sentences:.0%}", ""),
            ("weights written to", str(WEIGHTS.relative_to(REPO)), ""),
        ]
    )
    for name, weight in zip(COLUMNS, weights, strict=True):
        print(f"  {name:<12} {weight:+.3f}")
    print(f"  {'bias':<12} {bias:+.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
