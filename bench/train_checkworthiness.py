"""Learn the weights of the check-worthiness model and write them to the app's weights.json.

    python bench/train_checkworthiness.py [EVAL_DIR]      (default ../shared/eval/; needs numpy)

Then run bench/train_story_ranking.py, whose story weights take this model's scores as input.

Trains on ``checkworthy_train.jsonl`` only. The model is a logistic regression over the
interpretable features of ``factcheck_tui.core.intake.extraction.cues``, fitted with an L2 penalty
by Newton's method. The penalty and the yes/no threshold are both chosen by 5-fold
cross-validation on the training rows (the penalty by log loss, the threshold by the F1 of the
out-of-fold scores), so the development set ``checkworthy.jsonl`` never shapes the weights.

The classes are weighted to count equally. Debate transcripts hold about one check-worthy
sentence in four, news copy far more, and a flag tuned to the debates' share would pass over
claims in a news story; for a reviewer a missed claim costs more than one more to dismiss.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence

import numpy as np
from extraction_sets import REPO, eval_dir, load_jsonl, print_table, roc_auc

from factcheck_tui.core.intake.extraction.cues import FEATURE_NAMES, sentence_features
from factcheck_tui.core.intake.extraction.speakers import speaker_in

WEIGHTS = REPO / "factcheck_tui" / "core" / "intake" / "extraction" / "weights.json"
FOLDS = 5
SEED = 20240601
PENALTIES = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0)
THRESHOLDS = tuple(step / 100 for step in range(5, 96))
NEWTON_STEPS = 25
# Cues that (almost) never occur in debate transcripts, whose sentences are whole, spoken and
# free of page furniture, so the data cannot weigh them. A news page's "Subscribe to our
# newsletter", a byline, a "He wrote:" before a quote, a one-word "Shameful." or a cry of "They will NOT
# win!" is still no claim. Their weights are set here, in plain sight; a figure in a short
# sentence ("Prices rose 5%.") still outweighs its shortness.
FIXED_WEIGHTS = {
    "furniture": -6.0,
    "lead_in": -2.0,
    "short": -1.0,
    "exclamation": -1.5,
    "fragment": -2.0,
    "opinion": -2.0,
}


def feature_matrix(texts: Sequence[str]) -> np.ndarray:
    columns = {name: index for index, name in enumerate(FEATURE_NAMES)}
    matrix = np.zeros((len(texts), len(FEATURE_NAMES)))
    for row, text in enumerate(texts):
        for feature in sentence_features(text, speaker_in(text, None)):
            matrix[row, columns[feature.name]] = feature.value
    return matrix


def balanced(labels: np.ndarray) -> np.ndarray:
    """Row weights that make both classes weigh the same in the fit and in the F1 of a threshold."""
    share = labels.mean()
    return np.where(labels == 1, 0.5 / share, 0.5 / (1 - share))


def fit(
    features: np.ndarray, labels: np.ndarray, penalty: float, learnt: np.ndarray, rows: np.ndarray
) -> tuple[float, np.ndarray]:
    """Weighted, L2-penalised logistic regression (bias unpenalised) on the ``learnt`` columns; others get 0."""
    design = np.hstack([np.ones((len(features), 1)), features[:, learnt]])
    ridge = np.full(design.shape[1], penalty)
    ridge[0] = 0.0
    coefficients = np.zeros(design.shape[1])
    for _ in range(NEWTON_STEPS):
        probability = 1.0 / (1.0 + np.exp(-design @ coefficients))
        gradient = design.T @ (rows * (probability - labels)) + ridge * coefficients
        curvature = design.T @ (design * (rows * probability * (1 - probability))[:, None]) + np.diag(ridge)
        step = np.linalg.solve(curvature, gradient)
        coefficients -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = np.zeros(features.shape[1])
    weights[learnt] = coefficients[1:]
    return float(coefficients[0]), weights


def predict(bias: float, weights: np.ndarray, features: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(bias + features @ weights)))


def out_of_fold(
    features: np.ndarray, labels: np.ndarray, penalty: float, learnt: np.ndarray, rows: np.ndarray
) -> np.ndarray:
    folds = np.random.default_rng(SEED).permutation(len(labels)) % FOLDS
    scores = np.zeros(len(labels))
    for fold in range(FOLDS):
        held = folds == fold
        bias, weights = fit(features[~held], labels[~held], penalty, learnt, rows[~held])
        scores[held] = predict(bias, weights, features[held])
    return scores


def log_loss(scores: np.ndarray, labels: np.ndarray, rows: np.ndarray) -> float:
    clipped = np.clip(scores, 1e-9, 1 - 1e-9)
    return float(-np.average(labels * np.log(clipped) + (1 - labels) * np.log(1 - clipped), weights=rows))


def weighted_f1(flags: np.ndarray, labels: np.ndarray, rows: np.ndarray) -> float:
    hits = np.sum(rows * flags * labels)
    misses = np.sum(rows * (flags != labels))
    return float(2 * hits / (2 * hits + misses)) if hits else 0.0


def best_threshold(scores: np.ndarray, labels: np.ndarray, rows: np.ndarray) -> tuple[float, float]:
    f1, threshold = max((weighted_f1(scores >= threshold, labels, rows), threshold) for threshold in THRESHOLDS)
    return threshold, f1


def main(argv: Sequence[str]) -> None:
    rows = load_jsonl(eval_dir(argv) / "checkworthy_train.jsonl")
    features = feature_matrix([row["text"] for row in rows])
    labels = np.array([1.0 if row["checkworthy"] else 0.0 for row in rows])
    fixed = np.array([name in FIXED_WEIGHTS for name in FEATURE_NAMES])
    learnt = ~fixed & (features.max(axis=0) > 0)
    rows_weight = balanced(labels)

    losses = {
        penalty: log_loss(out_of_fold(features, labels, penalty, learnt, rows_weight), labels, rows_weight)
        for penalty in PENALTIES
    }
    penalty = min(losses, key=losses.__getitem__)
    scores = out_of_fold(features, labels, penalty, learnt, rows_weight)
    threshold, cv_f1 = best_threshold(scores, labels, rows_weight)
    bias, weights = fit(features, labels, penalty, learnt, rows_weight)
    for index, name in enumerate(FEATURE_NAMES):
        if name in FIXED_WEIGHTS:
            weights[index] = FIXED_WEIGHTS[name]

    # The story weights (train_story_ranking.py) are kept; retrain them after these change.
    story = json.loads(WEIGHTS.read_text(encoding="utf-8")).get("story") if WEIGHTS.exists() else None
    model = {
        "bias": round(bias, 4),
        "threshold": threshold,
        "weights": {name: round(float(weight), 4) for name, weight in zip(FEATURE_NAMES, weights, strict=True)},
        "trained_on": f"checkworthy_train.jsonl ({len(rows)} sentences)",
        "l2_penalty": penalty,
        **({"story": story} if story else {}),
    }
    WEIGHTS.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")

    truth = [bool(label) for label in labels]
    print_table(
        [
            ("training sentences (check-worthy share)", f"{len(rows)} ({labels.mean():.2f})", ""),
            ("L2 penalty (5-fold CV log loss)", f"{penalty} ({losses[penalty]:.3f})", ""),
            ("threshold (best 5-fold CV F1, classes weighed equally)", f"{threshold:.2f}", ""),
            ("5-fold CV F1 (classes weighed equally) / AUC", f"{cv_f1:.3f} / {roc_auc(list(scores), truth):.3f}", ""),
            ("weights written to", str(WEIGHTS.relative_to(REPO)), ""),
        ]
    )
    for name, weight in sorted(model["weights"].items(), key=lambda item: -abs(item[1])):
        print(f"  {name:<14} {weight:+.3f}{'  (fixed)' if name in FIXED_WEIGHTS else ''}")
    if not math.isfinite(bias):
        sys.exit("training diverged")


if __name__ == "__main__":
    main(sys.argv[1:])
