"""Quality of claim extraction on the development sets: sentence boundaries and check-worthiness.

    python bench/eval_extraction.py [EVAL_DIR] [--no-baseline]      (default ../shared/eval/)

Boundaries are scored by F1 on the inner boundary positions of each paragraph: the paragraph's
end does not count, and a closing quote may sit on either side of a boundary (both sides are
moved to just before any quotes and spaces). pysbd is measured on the same boundaries when it is
installed (``pip install -e '.[bench]'``). Check-worthiness is scored on the positive class, with
the ROC AUC of the score, pooled and per source; two baselines show what the F1 is worth.
On the real fact-check articles (``news_articles.jsonl``, see ``news_eval.py``) it prints the
issue's figures beside reading the story in document order and, unless ``--no-baseline``, a
TF-IDF logistic regression trained on the ClaimBuster sentences (needs numpy).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from extraction_sets import classification, eval_dir, f1_parts, load_jsonl, precision_recall_f1, print_table, roc_auc
from news_eval import baseline_figures, evaluate_article, news_figures, story_claims

from factcheck_tui.core.intake.extraction.pipeline import score_sentence
from factcheck_tui.core.intake.extraction.sentences import split_sentences
from factcheck_tui.core.intake.extraction.speakers import speaker_in

if TYPE_CHECKING:
    from tfidf_baseline import TfidfLogistic

BOUNDARY_TARGET = 0.98
F1_TARGET = 0.75
AUC_TARGET = 0.85
_SKIPPED_AT_BOUNDARY = set(" \t\n\"'“”‘’«»")
_DIGIT = re.compile(r"\d")

Span = tuple[int, int]


def locate(text: str, pieces: Sequence[str]) -> list[Span]:
    """Spans of ``pieces`` found in order in ``text`` (gold sentences, or a tool's output)."""
    spans, cursor = [], 0
    for piece in pieces:
        piece = piece.strip()
        start = text.find(piece, cursor)
        if not piece or start < 0:
            continue
        spans.append((start, start + len(piece)))
        cursor = start + len(piece)
    return spans


def _settled(text: str, position: int) -> int:
    while position > 0 and text[position - 1] in _SKIPPED_AT_BOUNDARY:
        position -= 1
    return position


def inner_boundaries(text: str, spans: Sequence[Span]) -> set[int]:
    paragraph_end = _settled(text, len(text))
    ends = {_settled(text, end) for _, end in spans}
    return {end for end in ends if 0 < end < paragraph_end}


def boundary_scores(rows: list[dict], splitter: Callable[[str], list[Span]]) -> tuple[float, float, float]:
    totals = [0, 0, 0]
    for row in rows:
        text = row["text"]
        gold = inner_boundaries(text, locate(text, row["sentences"]))
        found = inner_boundaries(text, splitter(text))
        for index, count in enumerate(f1_parts(found, gold)):
            totals[index] += count
    return precision_recall_f1(*totals)


def pysbd_splitter() -> Callable[[str], list[Span]] | None:
    try:
        import pysbd
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False)
    return lambda text: locate(text, segmenter.segment(text))


def checkworthiness(rows: list[dict]) -> tuple[list[float], list[bool]]:
    scores, flags = [], []
    for row in rows:
        score, flag, _ = score_sentence(row["text"], speaker_in(row["text"], None))
        scores.append(score)
        flags.append(flag)
    return scores, flags


def sources(labels: Sequence[bool]) -> list[str]:
    """Which set each row of ``checkworthy.jsonl`` comes from; the file has no column for it.

    It lists the ClaimBuster test sentences first, check-worthy ones then the others, and the
    CLEF CheckThat! debate sentences after them: the first check-worthy row after a run of
    negatives starts the CLEF part.
    """
    start = next((index for index in range(1, len(labels)) if labels[index] and not labels[index - 1]), len(labels))
    return ["ClaimBuster debates"] * start + ["CheckThat! debates and speeches"] * (len(labels) - start)


def per_source_auc(scores: Sequence[float], labels: Sequence[bool]) -> list[tuple[str, float]]:
    kinds = sources(labels)
    return [
        (
            kind,
            roc_auc(
                [s for s, k in zip(scores, kinds, strict=True) if k == kind],
                [label for label, k in zip(labels, kinds, strict=True) if k == kind],
            ),
        )
        for kind in dict.fromkeys(kinds)
    ]


def tfidf_baseline(folder: Path) -> TfidfLogistic | None:
    """The issue's yardstick, when numpy is installed (the ``bench`` extra)."""
    try:
        from tfidf_baseline import TfidfLogistic
    except ImportError:
        return None
    rows = load_jsonl(folder / "checkworthy_train.jsonl")
    return TfidfLogistic([row["text"] for row in rows], [bool(row["checkworthy"]) for row in rows])


def checkworthiness_figures(folder: Path, baseline: TfidfLogistic | None) -> list[tuple[str, str, str]]:
    labelled = load_jsonl(folder / "checkworthy.jsonl")
    labels = [bool(row["checkworthy"]) for row in labelled]
    scores, flags = checkworthiness(labelled)
    cw_precision, cw_recall, cw_f1 = classification(flags, labels)
    _, _, everything_f1 = classification([True] * len(labels), labels)
    _, _, number_f1 = classification([bool(_DIGIT.search(row["text"])) for row in labelled], labels)
    table = [
        (f"check-worthy F1 ({len(labelled)} sentences)", f"{cw_f1:.3f}", f">= {F1_TARGET}"),
        ("check-worthy precision / recall", f"{cw_precision:.3f} / {cw_recall:.3f}", ""),
        ("check-worthy ROC AUC of the score, pooled", f"{roc_auc(scores, labels):.3f}", f">= {AUC_TARGET}"),
        *((f"… {kind}", f"{auc:.3f}", "") for kind, auc in per_source_auc(scores, labels)),
    ]
    if baseline:
        baseline_scores = baseline.scores([row["text"] for row in labelled])
        _, _, baseline_f1 = classification([score >= 0.5 for score in baseline_scores], labels)
        table.append(
            (
                "TF-IDF logistic regression: F1 / pooled AUC",
                f"{baseline_f1:.3f} / {roc_auc(baseline_scores, labels):.3f}",
                "",
            )
        )
        table += [(f"… {kind}", f"{auc:.3f}", "") for kind, auc in per_source_auc(baseline_scores, labels)]
    table += [
        ("baseline F1: every sentence check-worthy", f"{everything_f1:.3f}", ""),
        ("baseline F1: has a digit", f"{number_f1:.3f}", ""),
    ]
    return table


def news_article_figures(folder: Path, baseline: TfidfLogistic | None) -> list[tuple[str, str, str]]:
    articles = load_jsonl(folder / "news_articles.jsonl")
    extracted = [story_claims(row) for row in articles]
    ours = [evaluate_article(row, claims) for row, claims in zip(articles, extracted, strict=True)]
    table = news_figures(ours) + baseline_figures("reading in document order", ours, in_order=True)
    if baseline:
        scored = [
            evaluate_article(row, claims, baseline.scores([claim.text for claim in claims]))
            for row, claims in zip(articles, extracted, strict=True)
        ]
        table += baseline_figures("TF-IDF logistic regression", scored)
    return table


def main(argv: Sequence[str]) -> None:
    folder = eval_dir([arg for arg in argv if not arg.startswith("--")])
    paragraphs = load_jsonl(folder / "sentences.jsonl")
    precision, recall, f1 = boundary_scores(paragraphs, split_sentences)
    table = [
        (f"sentence boundary F1 ({len(paragraphs)} paragraphs)", f"{f1:.3f}", f">= {BOUNDARY_TARGET}"),
        ("sentence boundary precision / recall", f"{precision:.3f} / {recall:.3f}", ""),
    ]
    if splitter := pysbd_splitter():
        _, _, pysbd_f1 = boundary_scores(paragraphs, splitter)
        table.append(("pysbd boundary F1, same data (reference)", f"{pysbd_f1:.3f}", ""))
    else:
        table.append(("pysbd boundary F1 (reference)", "not installed", ""))
    baseline = tfidf_baseline(folder) if "--no-baseline" not in argv else None
    table += checkworthiness_figures(folder, baseline)
    table += news_article_figures(folder, baseline)
    print_table(table)


if __name__ == "__main__":
    main(sys.argv[1:])
