"""Within-story duplicates on real fact-check articles: how right the likely and possible marks are.

    python bench/news_pairs.py [EVAL_DIR] [--split test|train] [--unlabelled] [--candidates FILE]
                                                               (default ../shared/eval/, the test split)

Every ``ARTICLE_STEP``-th article of ``news_articles.jsonl`` (PolitiFact; research use only, so
its text never enters the project) goes into one throwaway newsroom as its own story, the way
``factcheck import`` takes a saved text file (headline on the first line, then the article).
Every pair of claims within one story is scored both ways with ``MatchIndex.pair_score``, as the
claims list marks each side.

The candidates are the pairs that score at least ``CANDIDATE_SCORE`` either way, or whose
whole sentences' WordLlama cosine is at least ``CANDIDATE_COSINE`` (so that a new model is
unlikely to lift a pair nobody looked at). Each was labelled by hand, as a fact-checker would:
the same when both sentences make one checkable claim, not when they share only a subject, a
name or boilerplate. ``bench/data/news_pair_labels.jsonl`` keeps the article's id and position,
a hash of each side (``text_key``: the lowercase letters and digits only, so that a quote mark
or a space extracted differently does not lose the label), ``same`` and a short ``kind``.

The table: labelled pairs found again (a pair is missing when either sentence is now extracted
differently), unlabelled pairs that reach "possible" (they should be few: each is a pair no one
checked), and the precision and recall of the likely and possible marks over the labelled pairs
found, each scored both ways. ``--unlabelled`` prints those unlabelled pairs' sentences (to the
terminal only) for labelling.

The labels (1,081 pairs, 268 the same claim) were written once, without looking at any score,
on main at b56b574, before the learned newsroom pair model; by kind: the same claim restated
(82), one stating the whole of the other's claim and more ("part", 90), headline against body
(29), verbatim repeats (20), the fact-checker's summary or confirmation of a claim (22 + 15),
"we examine the claim that ..." (9), a repeated rating (1); not the same: sharing only a
subject (494), a question against the claim it asks about (89), other figures (49), a claim
against its correction (47), verdicts (31), method boilerplate (26), table cells (23),
evidence (21), section headings (11), other sources, years or referents (19), parts of one
quote and background (3).

Baseline at b56b574 (each pair both ways): likely (>= 0.87) precision 0.63, recall 0.25 (212
marks); at least possible (>= 0.50) precision 0.36, recall 0.76 (1,134 marks). With the likely
mark at 0.80 (f3cefc6): 0.60 / 0.28 (251). With the learned newsroom model (c62efaa): likely
0.60 / 0.20 (179 marks), possible unchanged; all 1,081 labelled pairs found, no unlabelled pair
at least possible. With page furniture and questions never likely (4597e93): 0.71 / 0.16.

The training split (``--split train``, articles 2, 7, 12, ...: 811 candidates, 135 the same
claim) was labelled later the same way, blind to any score (``--candidates`` writes them
without scores), so that ``bench/train_same_claim.py`` may learn from real articles while the
test split stays unseen. Learning from it, reading each pair's score the higher way round and
what the rest of the story says: likely 0.90 / 0.11 (68 marks) on the test split.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from extraction_sets import DEFAULT_EVAL_DIR, REPO, eval_dir, load_jsonl, print_table
from matching_sets import fmt, import_corpus, level_figures

from factcheck_tui.core.config import Matching
from factcheck_tui.core.intake.articles import parse_article
from factcheck_tui.core.intake.story_import import import_story
from factcheck_tui.core.matching.embedding import encoder
from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.models import Claim
from factcheck_tui.core.storage.repository import Repository

# The test split: articles 0, 5, 10, ... of the 200 (40, a fixed choice); the training split
# (what ``bench/train_same_claim.py`` may learn from): articles 2, 7, 12, ..., labelled the same way.
SPLITS = {
    "test": (0, REPO / "bench" / "data" / "news_pair_labels.jsonl"),
    "train": (2, REPO / "bench" / "data" / "news_pair_train_labels.jsonl"),
}
ARTICLE_STEP = 5
CANDIDATE_SCORE = 0.3
CANDIDATE_COSINE = 0.7
_NOT_LETTERS = re.compile(r"[^a-z0-9]+")


def text_key(text: str) -> str:
    """A claim's fingerprint that survives punctuation, quote marks and spacing extracted differently."""
    return hashlib.sha1(_NOT_LETTERS.sub("", text.lower()).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoryPair:
    article: str
    position: int
    first: str
    second: str
    scores: tuple[float, float]  # the second scored for the first, and the other way round
    cosine: float

    @property
    def key(self) -> tuple[str, str, str]:
        return pair_key(self.article, text_key(self.first), text_key(self.second))

    @property
    def candidate(self) -> bool:
        return max(self.scores) >= CANDIDATE_SCORE or self.cosine >= CANDIDATE_COSINE


def chosen_articles(folder: Path, split: str = "test") -> list[tuple[int, dict]]:
    rows = load_jsonl(folder / "news_articles.jsonl")
    first, _ = SPLITS[split]
    return [(position, rows[position]) for position in range(first, len(rows), ARTICLE_STEP)]


@contextmanager
def newsroom(
    articles: list[tuple[int, dict]], archive: list[dict] | None = None
) -> Iterator[tuple[MatchIndex, list[list[Claim]]]]:
    """A throwaway newsroom holding each article as one story, and ``archive`` (rows with a
    ``text`` and a ``title``) as past checks; its index and each story's claims."""
    with tempfile.TemporaryDirectory(prefix="factcheck-news-pairs-") as folder:
        repo = Repository(Path(folder) / "db")
        if archive:
            import_corpus(repo, archive)
        stories = []
        for _, row in articles:
            saved = f"{row['title']}\n\n{row['text']}\n".encode()
            _, claims = import_story(repo, parse_article(saved, f"{row['id']}.txt", ".txt"), actor="bench")
            stories.append(claims)
        yield MatchIndex.open(repo, save=False), stories


def story_pairs(index: MatchIndex, articles: list[tuple[int, dict]], stories: list[list[Claim]]) -> list[StoryPair]:
    """Every pair of claims within each story, scored both ways, with their sentences' cosine."""
    pairs = []
    for (position, row), claims in zip(articles, stories, strict=True):
        vectors = encoder().embed([claim.text for claim in claims])
        cosines = vectors @ vectors.T
        for (i, first), (j, second) in itertools.combinations(enumerate(claims), 2):
            scores = (index.pair_score(first.id, second.id), index.pair_score(second.id, first.id))
            pairs.append(StoryPair(row["id"], position, first.text, second.text, scores, float(cosines[i, j])))
    return pairs


def pair_key(article: str, first: str, second: str) -> tuple[str, str, str]:
    """A pair of one article's sentences by their hashes, whichever comes first."""
    low, high = sorted((first, second))
    return article, low, high


def load_labels(split: str = "test") -> dict[tuple[str, str, str], dict]:
    _, path = SPLITS[split]
    return {pair_key(label["article"], label["a"], label["b"]): label for label in load_jsonl(path)}


def write_candidates(pairs: list[StoryPair], labels: dict[tuple[str, str, str], dict], path: Path) -> int:
    """Write the candidates no label covers, without their scores (so a labeller is not swayed), as
    JSON lines with the hashes a label keeps; return how many."""
    fresh = [pair for pair in pairs if pair.candidate and pair.key not in labels]
    with path.open("w", encoding="utf-8") as out:
        for pair in fresh:
            article, a, b = pair.key
            first, second = (pair.first, pair.second) if text_key(pair.first) == a else (pair.second, pair.first)
            row = {"article": article, "index": pair.position, "a": a, "b": b, "first": first, "second": second}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(fresh)


def report(pairs: list[StoryPair], labels: dict[tuple[str, str, str], dict], thresholds: Matching) -> list[StoryPair]:
    """Print the tables; return the unlabelled pairs that reach "possible"."""
    found = {pair.key: pair for pair in pairs if pair.key in labels}
    unlabelled = [pair for pair in pairs if pair.key not in labels and max(pair.scores) >= thresholds.possible]
    scored = [(score, labels[key]["same"]) for key, pair in found.items() for score in pair.scores]
    same = sum(label["same"] for label in labels.values())
    found_same = sum(labels[key]["same"] for key in found)
    rows = [
        ("articles, pairs of claims within a story", f"{len({p.article for p in pairs})}, {len(pairs):,}", ""),
        (
            f"candidates (score >= {CANDIDATE_SCORE} or cosine >= {CANDIDATE_COSINE})",
            f"{len({p.key for p in pairs if p.candidate})}",
            "",
        ),
        ("labelled pairs (same claim / not)", f"{len(labels)} ({same} / {len(labels) - same})", ""),
        ("labelled pairs found (same / not)", f"{len(found)} ({found_same} / {len(found) - found_same})", ""),
        ("labelled pairs missing (extracted differently)", f"{len(labels) - len(found)}", "0"),
        (f"unlabelled pairs at least possible (>= {thresholds.possible:.2f})", f"{len(unlabelled)}", "few"),
    ]
    for level, threshold in levels(thresholds):
        precision, recall, marks = level_figures(scored, threshold)
        rows.append(
            (
                f"at least {level} (>= {threshold:.2f}), each pair both ways",
                f"P {fmt(precision, 2)} / R {fmt(recall, 2)} ({marks} marks)",
                "",
            )
        )
    print_table(rows)
    print()
    print_table(kind_rows(found, labels, thresholds))
    return unlabelled


def levels(thresholds: Matching) -> tuple[tuple[str, float], ...]:
    return ("likely", thresholds.likely), ("possible", thresholds.possible)


def kind_rows(
    found: dict[tuple[str, str, str], StoryPair], labels: dict[tuple[str, str, str], dict], thresholds: Matching
) -> list[tuple[str, str, str]]:
    """By kind of pair: how many there are and how many reach each mark (the higher of the two ways)."""
    by_kind: dict[tuple[bool, str], list[float]] = {}
    for key, pair in found.items():
        by_kind.setdefault((labels[key]["same"], labels[key]["kind"]), []).append(max(pair.scores))
    rows = []
    for (same, kind), scores in sorted(by_kind.items(), key=lambda item: (not item[0][0], -len(item[1]))):
        marked = ", ".join(
            f"{level} {sum(score >= threshold for score in scores)}" for level, threshold in levels(thresholds)
        )
        rows.append((f"{'same' if same else 'not the same'}: {kind}", f"{len(scores)} pairs; at least {marked}", ""))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default=str(DEFAULT_EVAL_DIR))
    parser.add_argument("--split", choices=sorted(SPLITS), default="test", help="which articles (default: test)")
    parser.add_argument("--unlabelled", action="store_true", help="print the unlabelled pairs that reach possible")
    parser.add_argument(
        "--candidates", type=Path, help="write the unlabelled candidates' sentences, without scores, to FILE"
    )
    args = parser.parse_args(argv)
    articles = chosen_articles(eval_dir([args.eval_dir]), args.split)
    with newsroom(articles) as (index, stories):
        pairs = story_pairs(index, articles, stories)
    labels = load_labels(args.split) if SPLITS[args.split][1].exists() else {}
    if args.candidates:
        print(f"{write_candidates(pairs, labels, args.candidates)} candidates written to {args.candidates}")
        return 0
    unlabelled = report(pairs, labels, Matching())
    if args.unlabelled:
        for pair in unlabelled:
            print(f"\n{pair.article} ({pair.position}) {max(pair.scores):.2f}\n  {pair.first}\n  {pair.second}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
