"""The candidate index: an inverted index of content stems, with BM25 weights, in plain Python.

Brute force does not scale (rapidfuzz over 300,000 claims takes seconds per query), so a query
first gathers candidates from the postings of its own words, rarest first, and only those few
are scored in full (``scoring.similarity``). Adding, editing or removing one claim touches only
that claim's postings.
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from typing import Any, TypeAlias

from factcheck_tui.core.matching.pair_features import FEATURE_NAMES, Aligner, Query, pair_features
from factcheck_tui.core.matching.similarity import (
    CONFLICT_CEILING,
    LEXICAL_WEIGHTS,
    FirstStage,
    Model,
    is_short,
    load_first_stage,
    load_model,
    short_text_factor,
)
from factcheck_tui.core.matching.terms import analyse_many, canonical, char_grams, quoted, word_grams

K1 = 1.2
B = 0.75
# A query word in more than this share of all claims ("video", "trump") only adds to candidates
# that rarer words found: walking its long posting list would cost more than it tells.
COMMON_SHARE = 0.02
COMMON_MIN_DF = 500
# How many of the rare words' best candidates (times the limit) a common word may still reorder.
BOOST_POOL = 8
CONFLICTS = (FEATURE_NAMES.index("figures_conflict"), FEATURE_NAMES.index("direction_conflict"))
# Candidates scored in full once the cosine is known: the best by ``FirstStage`` of the 30 found
# by words and 20 by meaning. Full features cost about 0.1 ms a candidate; with 15 of 45 the
# development set's MAP@5 does not move (bench/train_matching.py).
RERANK = 10
# A short text of three words (someone or something, and what is said of it), every one of which
# the other says, and which weigh this many rarest-word units together, is specific enough to be
# judged like any claim (see ``_said_whole``); two words name a subject, not a claim.
SAID_WHOLE = 2.0
SAID_WHOLE_WORDS = 3
# Removed claims' postings are swept out once this many (or this share of the index) have died.
DEAD_MIN = 2000
DEAD_SHARE = 0.05


def idf(df: int, total: int) -> float:
    return math.log((total - df + 0.5) / (df + 0.5) + 1.0)


def tf_part(tf: int, length: int, average: float) -> float:
    return tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))


# A run of claims' posting lists: for each stem, the slots that use it and their BM25 term parts.
Postings: TypeAlias = "dict[str, tuple[array[int], array[float]]]"


def postings_of(term_lists: list[list[str]], first: int, average: float) -> Postings:
    """The posting lists of consecutive claims (the first in slot ``first``), given the average
    claim length of the whole index. Gathered in plain lists, turned into arrays at the end."""
    pending: defaultdict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
    single: dict[int, float] = {}  # the part of a word said once, by claim length
    for slot, terms in enumerate(term_lists, start=first):
        length = len(terms)
        if len(set(terms)) == length:
            part = single.get(length)
            if part is None:
                part = single[length] = tf_part(1, length, average)
            for term in terms:
                lists = pending[term]
                lists[0].append(slot)
                lists[1].append(part)
        else:
            for term, tf in Counter(terms).items():
                lists = pending[term]
                lists[0].append(slot)
                lists[1].append(tf_part(tf, length, average))
    return {term: (array("I", slots), array("f", parts)) for term, (slots, parts) in pending.items()}


def gram_counts(entries: Iterable[Entry]) -> Counter[str]:
    """How many claims use each character gram, counted once per distinct word of a claim: the
    grams of each word of the vocabulary are worked out once, not once per claim."""
    grams: Counter[str] = Counter()
    for word, count in Counter(chain.from_iterable([set(entry.words.split()) for entry in entries])).items():
        for gram in set(word_grams(word)):
            grams[gram] += count
    return grams


@dataclass(frozen=True, slots=True)
class Analysis:
    """A text as matching sees it: content words in order, their stems, and which way it says a
    quantity moved (``normalise.direction``)."""

    words: tuple[str, ...]
    terms: tuple[str, ...]
    direction: int = 0
    # The stems of each passage in quotation marks that is long enough to be a claim of its own.
    quotes: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def of(cls, text: str) -> Analysis:
        ((content, stemmed, direction, quotes),) = _analyse([text])
        return cls(tuple(content.split()), tuple(stemmed.split()), direction, quotes)

    def grams(self) -> list[str]:
        return char_grams(self.words)

    @property
    def size(self) -> int:
        return len(set(self.terms))


def _analyse(texts: list[str]) -> list[tuple[str, str, int, tuple[tuple[str, ...], ...]]]:
    """(content words, stems, direction, quoted passages' stems) of each text, all analysed at once."""
    analysed = analyse_many(texts)
    passages = [(position, passage) for position, text in enumerate(texts) for passage in quoted(text)]
    quotes: list[list[tuple[str, ...]]] = [[] for _ in texts]
    for (position, _), (_, stemmed, _) in zip(
        passages, analyse_many([passage for _, passage in passages]), strict=False
    ):
        terms = tuple(stemmed.split())
        if not is_short(len(set(terms))):
            quotes[position].append(terms)
    return [(*found, tuple(quoted_terms)) for found, quoted_terms in zip(analysed, quotes, strict=False)]


def _boosted(
    scores: dict[int, float], common: list[tuple[int, tuple[array[int], array[float]]]], total: int
) -> dict[int, float]:
    """``scores`` with each common word's BM25 part added to the claims that use it: each word's
    sorted posting list is searched for all the candidates at once (numpy), in word order, so the
    sums are the very ones a loop would make."""
    import numpy as np  # here: the index build's workers never search

    candidates = np.fromiter(scores, dtype=np.int64, count=len(scores))
    sums = np.fromiter(scores.values(), dtype=np.float64, count=len(scores))
    for df, (slots, parts) in common:
        posting = np.frombuffer(slots, dtype=np.uintc)
        positions = np.minimum(np.searchsorted(posting, candidates), len(posting) - 1)
        found = posting[positions] == candidates
        sums += np.where(
            found, np.frombuffer(parts, dtype=np.float32)[positions].astype(np.float64) * idf(df, total), 0.0
        )
    return dict(zip(candidates.tolist(), sums.tolist(), strict=True))


def searchable_text(text: str, review_title: str | None) -> str:
    """A past fact-check is found by its claim and by its published headline."""
    return f"{text} . {review_title}" if review_title else text


# The digest fields an entry keeps, in the order of ``Entry.row()`` (the cache stores rows).
ROW_FIELDS = (
    "claim_id",
    "story_id",
    "text",
    "verdict",
    "published",
    "review_title",
    "version",
    "dismissed",
    "words",
    "terms",
    "split",
    "direction",
    "quotes",
)


@dataclass(slots=True)
class Entry:
    """What the index keeps of a claim: enough to score it and show it without reading its story.

    Words and stems are kept as single space-joined strings: at 300,000 claims a tuple per claim
    would cost twice the memory.
    """

    claim_id: str
    story_id: str
    text: str
    verdict: str | None
    published: str | None
    review_title: str | None
    version: int
    # Never a duplicate, as query or as candidate (``left_out``): dismissed, or page furniture.
    dismissed: bool
    words: str
    terms: str
    # How many of the words are the claim's own; the rest are its published headline's.
    split: int
    direction: int
    # The stems of each passage in quotation marks (long enough to be a claim), "|" between them.
    quotes: str

    @classmethod
    def of_digest(cls, digest: Mapping[str, Any]) -> Entry:
        return cls.of_digests([digest])[0]

    @classmethod
    def of_digests(cls, digests: list[Mapping[str, Any]]) -> list[Entry]:
        return [cls(*row) for row in entry_rows(digests)]

    @property
    def analysis(self) -> Analysis:
        quotes = tuple(tuple(quote.split()) for quote in self.quotes.split("|")) if self.quotes else ()
        return Analysis(tuple(self.words.split()), tuple(self.terms.split()), self.direction, quotes)

    def fields(self) -> list[list[str]]:
        """The stems of each part a query may match on its own: the claim, its headline (if any)
        and each quoted passage."""
        terms = self.terms.split()
        parts = [terms[: self.split], terms[self.split :]] if self.split < len(terms) else [terms]
        if self.quotes:
            parts += [quote.split() for quote in self.quotes.split("|")]
        return parts

    def row(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in ROW_FIELDS)


def left_out(digest: Mapping[str, Any]) -> bool:
    """A claim that is never a duplicate: dismissed by a reviewer, or page furniture (a byline
    recurs word for word in every story of its outlet)."""
    return bool(digest.get("dismissed", False) or digest.get("furniture", False))


def entry_rows(digests: list[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    """The ``Entry.row()`` of many claims at once: their texts and headlines are analysed together."""
    titled = [position for position, digest in enumerate(digests) if digest.get("review_title")]
    found = _analyse(
        [digest["text"] for digest in digests] + [digests[position]["review_title"] for position in titled]
    )
    headline = dict(zip(titled, found[len(digests) :], strict=False))
    rows = []
    for position, (digest, (content, stemmed, direction, quotes)) in enumerate(zip(digests, found, strict=False)):
        split = stemmed.count(" ") + 1 if stemmed else 0
        title = headline.get(position)
        if title is not None and title[1]:
            content, stemmed = f"{content} {title[0]}".strip(), f"{stemmed} {title[1]}".strip()
            direction, quotes = direction | title[2], quotes + title[3]
        rows.append(
            (
                digest["id"],
                digest["story_id"],
                digest["text"],
                digest.get("verdict"),
                digest.get("published"),
                digest.get("review_title"),
                int(digest.get("version", 1)),
                left_out(digest),
                content,
                stemmed,
                split,
                direction,
                "|".join(" ".join(terms) for terms in quotes),
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class Scored:
    slot: int
    score: float
    # Found by its words (else only by meaning, as a nearest neighbour of the query's vector).
    by_words: bool = True


class LexicalIndex:
    def __init__(self) -> None:
        self.entries: list[Entry | None] = []
        self.slot_of: dict[str, int] = {}
        self.postings: Postings = {}
        # How many claims use each character gram, counted once per distinct word of a claim (a
        # claim with "state" and "statement" counts " sta" twice): exact enough for a weight,
        # and a whole archive is counted per word of its vocabulary, not per claim.
        self.gram_df: Counter[str] = Counter()
        self.lengths: list[int] = []
        self.gram_lengths: list[int] = []
        self.total_terms = 0
        self.total_grams = 0
        self.story_claims: dict[str, set[str]] = {}
        # Per story, once asked for (``story_term_counts``): how many claims it has and how many
        # of them use each stem. Forgotten for a story when one of its claims comes or goes.
        self._story_terms: dict[str, tuple[int, Counter[str]]] = {}
        self.dead: set[int] = set()
        # Postings of removed claims stay in the lists until compaction; this counts them per
        # term so that a word's weight follows the live claims (else every edit of a claim would
        # make its words look commoner and its matches fade).
        self.dead_df: Counter[str] = Counter()
        # The re-ranker with the cosine, and the one learnt without it (for queries that have
        # no sentence vector yet: ``Query.cosine`` is None).
        self.model: Model = load_model()
        self.lexical_model: Model = load_model(LEXICAL_WEIGHTS)
        self.first_stage: FirstStage = load_first_stage()

    # -- size and averages -----------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.slot_of)

    def _average_length(self) -> float:
        return self.total_terms / len(self) if len(self) else 1.0

    def _average_grams(self) -> float:
        return self.total_grams / len(self) if len(self) else 1.0

    def df(self, term: str) -> int:
        """How many live claims use a stem."""
        posting = self.postings.get(term)
        return len(posting[0]) - self.dead_df[term] if posting else 0

    def live(self, slot: int) -> Entry:
        """The claim in ``slot``, which search results and candidates name only while it is live."""
        entry = self.entries[slot]
        if entry is None:
            raise LookupError(f"slot {slot} holds a removed claim")
        return entry

    def entry(self, claim_id: str) -> Entry | None:
        slot = self.slot_of.get(claim_id)
        return None if slot is None else self.entries[slot]

    def live_entries(self) -> Iterable[Entry]:
        return (entry for entry in self.entries if entry is not None)

    def story_term_counts(self, story_id: str) -> tuple[int, Counter[str]]:
        """How many claims a story has, and how many of them use each stem."""
        found = self._story_terms.get(story_id)
        if found is None:
            claims = [self.entry(claim_id) for claim_id in self.story_claims.get(story_id, ())]
            counts = Counter(term for entry in claims if entry is not None for term in set(entry.terms.split()))
            found = self._story_terms[story_id] = (len(claims), counts)
        return found

    # -- changes ---------------------------------------------------------------------------

    def add_many(self, entries: Iterable[Entry]) -> None:
        """Add claims in bulk; weights use the average length over the whole index, this batch included."""
        entries = list(entries)
        for entry in entries:
            if entry.claim_id in self.slot_of:
                self.remove(entry.claim_id)
        term_lists = [entry.terms.split() for entry in entries]
        lengths = [len(terms) for terms in term_lists]
        first = len(self.entries)
        average = (self.total_terms + sum(lengths)) / (len(self) + len(entries)) if entries else 1.0
        self.attach(entries, lengths, [postings_of(term_lists, first, average)], gram_counts(entries))

    def attach(
        self, entries: list[Entry], lengths: list[int], postings: Iterable[Postings], grams: Counter[str]
    ) -> None:
        """Take in claims whose postings were worked out apart (``postings_of``, perhaps in other
        processes, one run of consecutive claims each): their slots start where the index ends."""
        first = len(self.entries)
        self.entries.extend(entries)
        self.slot_of.update(
            zip([entry.claim_id for entry in entries], range(first, first + len(entries)), strict=False)
        )
        for entry in entries:
            self.story_claims.setdefault(entry.story_id, set()).add(entry.claim_id)
            self._story_terms.pop(entry.story_id, None)
        self.lengths += lengths
        # A claim's length in characters stands for its number of character grams.
        gram_lengths = [len(entry.words) for entry in entries]
        self.gram_lengths += gram_lengths
        self.total_terms += sum(lengths)
        self.total_grams += sum(gram_lengths)
        self.gram_df.update(grams)
        for run in postings:
            for term, (slots, parts) in run.items():
                posting = self.postings.get(term)
                if posting is None:
                    self.postings[term] = (slots, parts)
                else:
                    posting[0].extend(slots)
                    posting[1].extend(parts)

    def add(self, entry: Entry) -> None:
        self.add_many([entry])

    def remove(self, claim_id: str) -> bool:
        """Forget a claim. Its postings stay (skipped) until enough have died to compact them:
        cutting it out of a long posting list on every edit would cost time that grows with the archive."""
        slot = self.slot_of.pop(claim_id, None)
        if slot is None:
            return False
        entry = self.entries[slot]
        assert entry is not None
        siblings = self.story_claims[entry.story_id]
        siblings.discard(claim_id)
        self._story_terms.pop(entry.story_id, None)
        if not siblings:
            del self.story_claims[entry.story_id]
        for term in set(entry.terms.split()):
            self.dead_df[term] += 1
        for word in set(entry.words.split()):
            for gram in set(word_grams(word)):
                left = self.gram_df[gram] - 1
                if left:
                    self.gram_df[gram] = left
                else:
                    del self.gram_df[gram]
        self.total_terms -= self.lengths[slot]
        self.total_grams -= self.gram_lengths[slot]
        self.entries[slot] = None
        self.dead.add(slot)
        if len(self.dead) > max(DEAD_MIN, DEAD_SHARE * len(self)):
            self._compact()
        return True

    # -- search ----------------------------------------------------------------------------

    def candidates(self, query: Analysis, limit: int) -> list[tuple[int, float]]:
        """The ``limit`` claims with the highest word BM25 against the query, with that sum.

        Rare words gather the candidates. A common word ("video", "said") is not walked at all:
        its weight is added, by binary search in its sorted posting list, only to the best few
        hundred candidates the rare words found. A common word weighs little, so it can reorder
        close candidates but not lift a claim that shares no rare word.
        """
        total = len(self)
        if not total:
            return []
        common_df = max(COMMON_MIN_DF, int(total * COMMON_SHARE))
        lists = sorted(
            ((self.df(term), self.postings[term]) for term in set(query.terms) if self.df(term)), key=itemgetter(0)
        )
        rare = [(df, posting) for df, posting in lists if df <= common_df]
        common = [(df, posting) for df, posting in lists if df > common_df]
        if not rare and common:
            rare, common = common[:1], common[1:]
        scores: dict[int, float] = {}
        get = scores.get
        for df, (slots, parts) in rare:
            weight = idf(df, total)
            for slot, part in zip(slots, parts, strict=False):
                scores[slot] = get(slot, 0.0) + weight * part
        for slot in self.dead:
            scores.pop(slot, None)
        if common:
            scores = _boosted(
                dict(heapq.nlargest(limit * BOOST_POOL, scores.items(), key=itemgetter(1))), common, total
            )
        return heapq.nlargest(limit, scores.items(), key=itemgetter(1))

    def unit(self) -> float:
        """The weight of the rarest possible word (in one claim): the unit of every BM25 sum, so
        that scores mean the same in a new newsroom and in a 300,000-claim archive."""
        return idf(1, max(len(self), 2))

    def term_weight(self, term: str) -> float:
        """IDF of a stem; a word no claim uses weighs as much as the rarest one that is used."""
        df = self.df(term)
        return idf(df, len(self)) if df else self.unit()

    def gram_weight(self, gram: str) -> float:
        return idf(self.gram_df.get(gram, 1), len(self))

    def gram_weights(self, query: Analysis) -> dict[str, float]:
        """The query's character grams with their IDF: computed once per query, used per candidate."""
        total = len(self)
        return {gram: idf(self.gram_df[gram], total) for gram in set(query.grams()) if gram in self.gram_df}

    def gram_bm25(self, weights: dict[str, float], counts: Counter[str], slot: int) -> float:
        norm = K1 * (1 - B + B * self.gram_lengths[slot] / self._average_grams())
        score = 0.0
        for gram in weights.keys() & counts.keys():
            tf = counts[gram]
            score += weights[gram] * tf * (K1 + 1) / (tf + norm)
        return score

    def word_bm25(self, query: Analysis, slot: int) -> float:
        """The word BM25 of one claim, as ``candidates`` would sum it (for a pair asked about directly)."""
        entry = self.entries[slot]
        assert entry is not None
        total, average, length = len(self), self._average_length(), self.lengths[slot]
        counts = Counter(entry.analysis.terms)
        return sum(
            idf(self.df(term), total) * tf_part(counts[term], length, average)
            for term in set(query.terms) & counts.keys()
        )

    def features(self, query: Query, slot: int, word_bm25: float | None = None) -> list[float]:
        entry = self.entries[slot]
        assert entry is not None
        if word_bm25 is None:
            word_bm25 = self.word_bm25(query.analysis, slot)
        return pair_features(query, self, entry, slot, word_bm25)

    def similarity(
        self, query: Query, slot: int, word_bm25: float | None = None, *, ceiling: float = CONFLICT_CEILING
    ) -> float:
        """The score of one claim for the query, in [0, 1] (see ``scoring``); at most ``ceiling``
        when their figures or directions conflict."""
        entry = self.entries[slot]
        assert entry is not None
        features = self.features(query, slot, word_bm25)
        score = (self.model if query.cosine is not None else self.lexical_model).score(features)
        if features[CONFLICTS[0]] or features[CONFLICTS[1]]:
            score = min(score, ceiling)
        claim_terms = set(entry.terms.split())
        if (is_short(len(query.terms)) or is_short(len(claim_terms))) and not self._said_whole(query, claim_terms):
            score *= short_text_factor(query.canonical, [canonical(part) for part in entry.fields()])
        return min(1.0, score)

    def _said_whole(self, query: Query, claim_terms: set[str]) -> bool:
        """Does the other text say every word of the short one, and are those words rare enough
        (``SAID_WHOLE`` rarest-word units together) to name one story? "Dwayne Johnson arrested"
        is then judged like any claim; "Trump lied" and "Riverton stadium" are not."""
        short = query.terms if len(query.terms) <= len(claim_terms) else claim_terms
        if len(short) < SAID_WHOLE_WORDS or not short <= (query.terms & claim_terms):
            return False
        return sum(query.term_weight(term, self) for term in short) >= SAID_WHOLE * self.unit()

    def query(
        self,
        analysis: Analysis,
        cosine: Callable[[Entry], float] | None = None,
        aligner: Aligner | None = None,
    ) -> Query:
        return Query.of(analysis, self, cosine, aligner)

    def pool(
        self,
        analysis: Analysis,
        limit: int,
        keep: Callable[[Entry], bool] | None = None,
        *,
        skippable: int = 0,
        neighbours: Iterable[str] = (),
        neighbour_limit: int = 0,
    ) -> list[tuple[int, float | None]]:
        """The candidates to re-rank, with their word BM25 where it is known: the ``limit`` best
        by words that ``keep`` accepts, then those of the first ``neighbour_limit`` accepted
        ``neighbours`` (claim ids found by meaning, nearest first) that words did not find.

        ``skippable`` is how many candidates ``keep`` may turn down (the claims of the asking
        story, say): that many more are gathered, but only kept ones are returned.
        """
        found: dict[int, float | None] = {}
        for slot, word_bm25 in self.candidates(analysis, limit + skippable):
            entry = self.entries[slot]
            if entry is None or (keep is not None and not keep(entry)):
                continue
            found[slot] = word_bm25
            if len(found) == limit:
                break
        accepted = 0
        for claim_id in neighbours:
            if accepted == neighbour_limit:
                break
            neighbour_slot = self.slot_of.get(claim_id)
            entry = None if neighbour_slot is None else self.entries[neighbour_slot]
            if neighbour_slot is None or entry is None or (keep is not None and not keep(entry)):
                continue
            accepted += 1
            found.setdefault(neighbour_slot, None)
        return list(found.items())

    def score(
        self,
        query: Query,
        pool: list[tuple[int, float | None]],
        rerank: int = RERANK,
        *,
        ceiling: float = CONFLICT_CEILING,
    ) -> list[Scored]:
        """The candidates of ``pool`` re-ranked by the full similarity (conflicts at most ``ceiling``),
        best first: with a cosine, only the ``rerank`` best by the first stage."""
        found = [(slot, word_bm25, word_bm25 is not None) for slot, word_bm25 in pool]
        if query.cosine is not None and len(found) > rerank:
            found = self._first_stage(query, found, rerank)
        results = [
            Scored(slot, self.similarity(query, slot, word_bm25, ceiling=ceiling), by_words)
            for slot, word_bm25, by_words in found
        ]
        results.sort(key=lambda scored: -scored.score)
        return results

    def _first_stage(
        self, query: Query, found: list[tuple[int, float | None, bool]], rerank: int
    ) -> list[tuple[int, float | None, bool]]:
        """The ``rerank`` best candidates by word BM25 and cosine alone (``FirstStage``)."""
        assert query.cosine is not None
        unit, stage = self.unit(), self.first_stage
        ranked = []
        for slot, word_bm25, by_words in found:
            bm25 = self.word_bm25(query.analysis, slot) if word_bm25 is None else word_bm25
            cheap = stage.score(math.log1p(bm25 / unit), query.cosine(self.live(slot)))
            ranked.append((cheap, slot, bm25, by_words))
        return [(slot, bm25, by_words) for _, slot, bm25, by_words in heapq.nlargest(rerank, ranked, key=itemgetter(0))]

    # -- persistence -----------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """Everything needed to rebuild this index without analysing a single text again."""
        self._compact()
        return {
            "rows": [entry.row() for entry in self.live_entries()],
            "postings": {term: (slots.tobytes(), parts.tobytes()) for term, (slots, parts) in self.postings.items()},
            "gram_df": dict(self.gram_df),
            # Copies: the cache is written outside the lock, while edits may append to the index.
            "lengths": list(self.lengths),
            "gram_lengths": list(self.gram_lengths),
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> LexicalIndex:
        index = cls()
        entries = [Entry(*row) for row in state["rows"]]
        index.entries = list(entries)
        index.slot_of = {entry.claim_id: slot for slot, entry in enumerate(entries)}
        for entry in entries:
            index.story_claims.setdefault(entry.story_id, set()).add(entry.claim_id)
        for term, (slot_bytes, part_bytes) in state["postings"].items():
            slots, parts = array("I"), array("f")
            slots.frombytes(slot_bytes)
            parts.frombytes(part_bytes)
            index.postings[term] = (slots, parts)
        index.gram_df = Counter(state["gram_df"])
        index.lengths = list(state["lengths"])
        index.gram_lengths = list(state["gram_lengths"])
        index.total_terms = sum(index.lengths)
        index.total_grams = sum(index.gram_lengths)
        if not (len(index.entries) == len(index.lengths) == len(index.gram_lengths)):
            raise ValueError("index state is inconsistent")
        return index

    def _compact(self) -> None:
        """Renumber the live claims densely and sweep removed ones out of the posting lists."""
        if not self.dead and len(self.entries) == len(self.slot_of):
            return
        renumber: dict[int, int] = {}
        for old, entry in enumerate(self.entries):
            if entry is not None:
                renumber[old] = len(renumber)
        live = [entry for entry in self.entries if entry is not None]
        self.entries = list(live)
        self.lengths = [self.lengths[old] for old in renumber]
        self.gram_lengths = [self.gram_lengths[old] for old in renumber]
        self.slot_of = {entry.claim_id: slot for slot, entry in enumerate(live)}
        for term, (slots, parts) in list(self.postings.items()):
            kept = [(renumber[slot], part) for slot, part in zip(slots, parts, strict=False) if slot in renumber]
            if kept:
                self.postings[term] = (array("I", [slot for slot, _ in kept]), array("f", [part for _, part in kept]))
            else:
                del self.postings[term]
        self.dead = set()
        self.dead_df = Counter()
