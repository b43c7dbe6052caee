"""What the extraction bench scripts share: the development sets, the measures and the table.

The sets live outside the project (research-only licences), so every script takes their folder as
an argument and defaults to ``../shared/eval/`` beside the repository.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL_DIR = REPO.parent / "shared" / "eval"


def eval_dir(argv: Sequence[str]) -> Path:
    """The folder named on the command line, or the default; exits with one line if it is missing."""
    folder = Path(argv[0]) if argv else DEFAULT_EVAL_DIR
    if not folder.is_dir():
        sys.exit(f"{folder}: no such folder (pass the folder that holds the development sets)")
    return folder


def load_jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        sys.exit(f"{path}: missing from the evaluation folder")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def f1_parts(predicted: set, gold: set) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of one item."""
    hits = len(predicted & gold)
    return hits, len(predicted) - hits, len(gold) - hits


def precision_recall_f1(hits: int, false_pos: int, false_neg: int) -> tuple[float, float, float]:
    precision = hits / (hits + false_pos) if hits + false_pos else 0.0
    recall = hits / (hits + false_neg) if hits + false_neg else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def classification(flags: Sequence[bool], labels: Sequence[bool]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the positive class."""
    hits = sum(flag and label for flag, label in zip(flags, labels, strict=True))
    false_pos = sum(flag and not label for flag, label in zip(flags, labels, strict=True))
    false_neg = sum(label and not flag for flag, label in zip(flags, labels, strict=True))
    return precision_recall_f1(hits, false_pos, false_neg)


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Area under the ROC curve: the chance that a random positive outscores a random negative."""
    ranked = sorted(zip(scores, labels, strict=True))
    rank_sum = 0.0
    position = 0
    while position < len(ranked):
        tied_end = position
        while tied_end + 1 < len(ranked) and ranked[tied_end + 1][0] == ranked[position][0]:
            tied_end += 1
        mean_rank = (position + tied_end) / 2 + 1
        rank_sum += mean_rank * sum(label for _, label in ranked[position : tied_end + 1])
        position = tied_end + 1
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return float("nan")
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def print_table(rows: Iterable[tuple[str, str, str]]) -> None:
    """A Markdown table of (figure, value, target) that also reads well in a terminal."""
    rows = [("figure", "value", "target"), *rows]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for index, row in enumerate(rows):
        print("| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |")
        if index == 0:
            print("|" + "|".join("-" * (width + 2) for width in widths) + "|")
