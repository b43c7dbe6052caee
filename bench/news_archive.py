"""Real stories against a real archive: how often "checked before" points at the wrong check.

    python bench/news_archive.py [EVAL_DIR] [--split test|train] [--show N]   (default ../shared/eval/)

The archive holds every one of the 200 ``news_articles.jsonl`` checks (PolitiFact: the claim it
checked, its headline as the check's title) beside the 14,231 CheckThat! past checks, as
``factcheck import-checks`` stores them. The split's 40 articles (``news_pairs.SPLITS``) go in
as stories, the way ``factcheck import`` takes a saved text file, and every claim of them is
matched as the claims list marks it (``MatchIndex.matches_for``, the five best).

No labelling is needed for the figure that matters most: a mark from an article's sentence to
the check of *another* PolitiFact article is wrong (the 200 articles check 200 different
claims), and so, nearly always, is a mark to a CheckThat! check (Snopes checks of viral posts,
not these politicians' words; ``--show`` prints them to read). The article's own check is
found when the sentence that states it (``news_eval``'s match) is marked with it.
"""

from __future__ import annotations

import argparse
from collections import Counter

from extraction_sets import DEFAULT_EVAL_DIR, eval_dir, load_jsonl, print_table
from matching_sets import CheckThat
from news_eval import match_ratios
from news_pairs import SPLITS, chosen_articles, newsroom

from factcheck_tui.core.config import Matching
from factcheck_tui.core.matching.results import Level
from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.models import Claim


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default=str(DEFAULT_EVAL_DIR))
    parser.add_argument("--split", choices=sorted(SPLITS), default="test")
    parser.add_argument("--show", type=int, default=0, help="print up to N wrong likely marks")
    args = parser.parse_args(argv)
    folder = eval_dir([args.eval_dir])
    rows = load_jsonl(folder / "news_articles.jsonl")
    articles = chosen_articles(folder, args.split)
    checks = [{"id": row["id"], "text": row["vclaim"], "title": row["title"]} for row in rows]
    with newsroom(articles, archive=checks + CheckThat.load(folder).corpus) as (index, stories):
        figures = measure(index, articles, stories, {row["vclaim"] for row in rows}, args.show)
    print_table(figures)
    return 0


OWN, OWN_STATED, OWN_UNSTATED = "own check", "own check, sentence states it", "own check, sentence does not state it"
OTHER_ARTICLE, CHECKTHAT = "another article's check", "CheckThat! check"
KINDS = (OWN, OWN_STATED, OWN_UNSTATED, OTHER_ARTICLE, CHECKTHAT)


def measure(
    index: MatchIndex, articles: list[tuple[int, dict]], stories: list[list[Claim]], checked: set[str], show: int
) -> list[tuple[str, str, str]]:
    """The table's rows: how the split's claims are marked against the archive."""
    likely, possible = Matching().likely, Matching().possible
    marks: Counter[tuple[str, str]] = Counter()
    own_found = {"likely": 0, "possible": 0}
    stated = 0
    sentences = 0
    shown = 0
    for (_, row), claims in zip(articles, stories, strict=True):
        own_text = row["vclaim"]
        ratios = match_ratios([claim.text for claim in claims], own_text)
        stating = {claim.id for claim, ratio in zip(claims, ratios, strict=True) if ratio}
        stated += bool(stating)
        found = index.matches_for([claim.id for claim in claims])
        sentences += len(claims)
        best_own = 0.0
        for claim in claims:
            for match in found.get(claim.id, []):
                entry = index.entry(match.claim_id)
                if entry is None or not index.is_archive(entry.story_id):
                    continue
                own = entry.text == own_text
                if own and claim.id in stating:
                    best_own = max(best_own, match.score)
                if own:
                    kinds = [OWN, OWN_STATED if claim.id in stating else OWN_UNSTATED]
                else:
                    kinds = [OTHER_ARTICLE if entry.text in checked else CHECKTHAT]
                marks.update((kind, match.level.value) for kind in kinds)
                if match.level is Level.LIKELY and not own and shown < show:
                    shown += 1
                    print(f"\n{match.score:.2f} {row['id']}\n  {claim.text[:200]}\n  -> {entry.text[:200]}")
                    print(f"     ({entry.review_title})")
        own_found["likely"] += best_own >= likely
        own_found["possible"] += best_own >= possible
    return [
        ("articles, their claims", f"{len(articles)}, {sentences:,}", ""),
        ("articles whose checked claim is extracted", f"{stated}", ""),
        ("… its own check marked likely / at least possible", f"{own_found['likely']} / {own_found['possible']}", ""),
        *[
            (f"{level} marks to {kind}", f"{marks[(kind, level)]}", "0" if kind in (OTHER_ARTICLE, CHECKTHAT) else "")
            for kind in KINDS
            for level in ("likely", "possible")
        ],
    ]


if __name__ == "__main__":
    raise SystemExit(main())
