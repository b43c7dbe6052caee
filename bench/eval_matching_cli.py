"""Matching quality through the command line, as a script would use it.

    python bench/eval_matching_cli.py [EVAL_DIR]      (default ../shared/eval/)

One throwaway database gets the past checks with ``factcheck import-checks`` (JSON Lines of
``{"id", "text", "title"}``), then every query goes through ``factcheck match --queries FILE
--top 5 --json``. Matches are mapped back to the sets' ids by their text.

- **2A**: CheckThat! 2022 task 2A tweets against the 14,231 Snopes verified claims. The shipped
  re-ranker learnt from the "train" tweets, so "dev" is the held-out figure.
- **2B (proxy)**: there is no shared set of debate sentences, so each of the 200 PolitiFact
  articles in ``news_articles.jsonl`` gives one query: the sentence of its body that best
  restates the checked claim (rapidfuzz ``token_set_ratio`` >= 50) without copying it
  (``ratio`` < 90), as a speaker's sentence restates what PolitiFact wrote down. The target is
  the verified claim with its headline, imported beside the Snopes claims (so 14,431 checks
  compete). Nothing of these articles was learnt from.
- **Independent claim pairs**: a verified claim and the headline its fact-check was published
  under, written apart: the 200 PolitiFact ones, and the Snopes checks that only held-out dev
  tweets point to (never drawn for training). A second database holds every second text (the
  headlines, as plain claims); every first text (the claim) is matched against them. The
  figures are the precision and recall of the "likely" mark, and of "at least possible".
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from extraction_sets import REPO, eval_dir, load_jsonl, print_table
from matching_sets import CheckThat, average_precision_at_5
from rapidfuzz import fuzz

from factcheck_tui.core.config import Matching
from factcheck_tui.core.intake.extraction.sentences import split_sentences

FACTCHECK = [sys.executable, "-m", "factcheck_tui"]
RESTATES = 50
COPIES = 90


def factcheck(db: Path, *args: str) -> str:
    done = subprocess.run([*FACTCHECK, "--db", str(db), *args], capture_output=True, text=True, cwd=REPO, check=False)
    if done.returncode:
        sys.exit(f"factcheck {args[0]} failed: {done.stderr.strip()}")
    return done.stdout


def one_line(text: str) -> str:
    return " ".join(text.split())


def restating_sentence(article: dict) -> str | None:
    """The body sentence that best restates the checked claim without copying it."""
    claim = article["vclaim"]
    best = (0.0, None)
    for start, end in split_sentences(article["text"]):
        sentence = article["text"][start:end]
        if fuzz.ratio(sentence, claim) >= COPIES:
            continue
        best = max(best, (fuzz.token_set_ratio(sentence, claim), sentence), key=lambda item: item[0])
    return best[1] if best[0] >= RESTATES else None


def run_queries(db: Path, checks: list[dict], queries: list[str], folder: Path) -> list[list[dict]]:
    """Import ``checks`` into ``db`` and match every query; the matches of each query."""
    corpus = folder / f"{db.name}-checks.jsonl"
    corpus.write_text("".join(json.dumps(row) + "\n" for row in checks), encoding="utf-8")
    factcheck(db, "import-checks", str(corpus), "--json")
    asked = folder / f"{db.name}-queries.txt"
    asked.write_text("".join(one_line(query) + "\n" for query in queries), encoding="utf-8")
    output = factcheck(db, "match", "--queries", str(asked), "--top", "5", "--json")
    return [json.loads(line)["matches"] for line in output.splitlines()]


def map5(results: list[list[dict]], golds: list[set[str]], ids_of_text: dict[str, set[str]]) -> float:
    total = 0.0
    for matches, gold in zip(results, golds, strict=True):
        ranked = [next(iter(ids_of_text[m["text"]] & gold), m["text"]) for m in matches]
        total += average_precision_at_5(ranked, gold)
    return total / len(golds) if golds else float("nan")


def independent_pairs(data: CheckThat, articles: list[dict]) -> list[tuple[str, str]]:
    train_gold = {gold for query in data.split("train") for gold in query["gold"]}
    dev_only = {gold for query in data.split("dev") for gold in query["gold"]} - train_gold
    pairs = [(row["text"], row["title"]) for row in data.corpus if row["id"] in dev_only]
    pairs += [(article["vclaim"], article["title"]) for article in articles]
    return [(one_line(first), one_line(second)) for first, second in pairs if first and second]


def level_rows(label: str, results: list[list[dict]], partners: list[str], thresholds: Matching) -> list:
    rows = []
    for name, threshold in (("likely", thresholds.likely), ("at least possible", thresholds.possible)):
        marks = [
            (m["text"] == partner)
            for matches, partner in zip(results, partners, strict=True)
            for m in matches
            if m["score"] >= threshold
        ]
        found = sum(
            any(m["text"] == partner and m["score"] >= threshold for m in matches)
            for matches, partner in zip(results, partners, strict=True)
        )
        precision = sum(marks) / len(marks) if marks else float("nan")
        rows.append(
            (
                f"{label}: {name} (>= {threshold:.2f}) precision / recall",
                f"{precision:.3f} / {found / len(partners):.3f} ({len(marks)} marks)",
                ">= 0.95 / >= 0.60" if name == "likely" else "",
            )
        )
    return rows


def main(argv: list[str]) -> int:
    folder_in = eval_dir(argv)
    data = CheckThat.load(folder_in)
    articles = load_jsonl(folder_in / "news_articles.jsonl")
    thresholds = Matching()
    proxy = [(article, sentence) for article in articles if (sentence := restating_sentence(article))]
    checks = [{"id": row["id"], "text": row["text"], "title": row["title"]} for row in data.corpus]
    checks += [{"id": a["id"], "text": a["vclaim"], "title": a["title"]} for a in articles]
    ids_of_text: dict[str, set[str]] = defaultdict(set)
    for row in checks:
        ids_of_text[row["text"]].add(row["id"])

    with tempfile.TemporaryDirectory(prefix="factcheck-cli-eval-") as temporary:
        folder = Path(temporary)
        queries = [query["query"] for query in data.queries] + [sentence for _, sentence in proxy]
        started = time.perf_counter()
        results = run_queries(folder / "archive", checks, queries, folder)
        seconds = time.perf_counter() - started
        tweets, debate = results[: len(data.queries)], results[len(data.queries) :]
        golds = [set(query["gold"]) for query in data.queries]
        split = {
            name: [row for row, q in enumerate(data.queries) if f"-{name}-" in q["qid"]] for name in ("train", "dev")
        }

        pairs = independent_pairs(data, articles)
        partners = [second for _, second in pairs]
        pair_results = run_queries(
            folder / "pairs",
            [{"text": second} for second in dict.fromkeys(partners)],
            [first for first, _ in pairs],
            folder,
        )

    rows = [
        (
            "2A MAP@5, dev tweets (held out)",
            f"{map5([tweets[r] for r in split['dev']], [golds[r] for r in split['dev']], ids_of_text):.3f}",
            ">= 0.90",
        ),
        (
            "2A MAP@5, train tweets (learnt from)",
            f"{map5([tweets[r] for r in split['train']], [golds[r] for r in split['train']], ids_of_text):.3f}",
            "",
        ),
        ("2A MAP@5, all tweets", f"{map5(tweets, golds, ids_of_text):.3f}", ""),
        (
            f"2B proxy MAP@5 ({len(proxy)} PolitiFact article sentences)",
            f"{map5(debate, [{article['id']} for article, _ in proxy], ids_of_text):.3f}",
            ">= 0.80",
        ),
        *level_rows(f"independent pairs ({len(pairs)})", pair_results, partners, thresholds),
        ("import + match through the CLI (archive)", f"{seconds:.0f} s for {len(queries):,} queries", ""),
    ]
    print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
