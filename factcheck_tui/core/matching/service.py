"""``MatchIndex``: "was this already checked?" for a whole database, for the TUI and the CLI.

Open it in a worker thread (``MatchIndex.open``): it loads the saved index from the cache folder
and re-reads only the digest shards that other processes have replaced since, or builds the
index from every claim's digest when there is no usable cache. After that a search costs
milliseconds, and a save of one claim is folded in with ``update`` in well under a millisecond.

From a Textual worker (the core knows nothing of Textual; it only polls ``cancel``)::

    worker = get_current_worker()
    index = MatchIndex.open(repo, config.matching, cancel=lambda: worker.is_cancelled)

After saving a claim: ``index.update(ClaimDigest.of(story, claim))``. To pick up other
reviewers' saves: ``if index.is_stale(): index.refresh()``. One index may be shared between
threads; every method takes its lock.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from typing import Any

from factcheck_tui.core.config import Matching
from factcheck_tui.core.ids import parse_claim_id
from factcheck_tui.core.matching import cache
from factcheck_tui.core.matching.building import build_index
from factcheck_tui.core.matching.cancel import Cancel, check
from factcheck_tui.core.matching.clusters import find_clusters
from factcheck_tui.core.matching.index import Analysis, Entry, LexicalIndex, searchable_text
from factcheck_tui.core.matching.results import Cluster, Decision, Level, Match
from factcheck_tui.core.matching.scoring import Model
from factcheck_tui.core.models import ClaimDigest, StoryKind, StorySummary
from factcheck_tui.core.storage.digest_shards import read_digest_shard
from factcheck_tui.core.storage.jsonstore import Signature, file_signature
from factcheck_tui.core.storage.links import canonical_claim_id
from factcheck_tui.core.storage.repository import Repository

# Candidates re-ranked per query. On the development set MAP@5 stops growing past ~30, and
# scoring more only costs time.
CANDIDATES = 30


def digest_record(digest: ClaimDigest | Mapping[str, Any]) -> dict[str, Any]:
    return digest.model_dump(mode="json") if isinstance(digest, ClaimDigest) else dict(digest)


class MatchIndex:
    def __init__(self, repo: Repository, matching: Matching | None = None) -> None:
        self.repo = repo
        self.thresholds = matching or Matching()
        self.links = repo.links
        self._index = LexicalIndex()
        self._shards: dict[str, Any] = {}
        self._stories: dict[str, StorySummary] = {}
        self._catalog_signature: tuple[Signature | None, ...] | None = None
        self._looked_up: set[str] = set()
        self._dirty = False
        self._lock = threading.RLock()

    # -- opening, building, staying current ----------------------------------------------

    @classmethod
    def open(
        cls, repo: Repository, matching: Matching | None = None, *, cancel: Cancel = None, save: bool = True
    ) -> MatchIndex:
        """The index of ``repo``: from the cache when it is usable, refreshed; else built anew.

        Slow on first use of a large archive, so call it from a worker; ``cancel`` (an Event or
        a callable returning True) stops it with ``MatchingCancelled``.
        """
        index = cls(repo, matching)
        if index._restore(cache.load(repo.layout.cache)):
            index.refresh(cancel=cancel)
        else:
            index.build(cancel=cancel)
        if save:
            index.save()
        return index

    def _restore(self, state: dict[str, Any] | None) -> bool:
        """Take the index from a saved state; False (rebuild) when there is none or it does not fit."""
        if state is None:
            return False
        try:
            restored = LexicalIndex.from_state(state["index"])
            shards = dict(state["shards"])
        except (KeyError, TypeError, ValueError, IndexError):
            return False
        restored.model = self._index.model
        self._index, self._shards = restored, shards
        return True

    def _shard_signatures(self) -> dict[str, Any]:
        return {path.name: file_signature(path) for path in self.repo.digest_shards()}

    def build(self, *, cancel: Cancel = None) -> None:
        """Index every claim in the database from scratch."""
        # Signatures first: a shard saved while we read is then seen as stale and read again.
        shards = self._shard_signatures()
        fresh = build_index(self.repo.digest_shards(), cancel)
        fresh.model = self._index.model
        with self._lock:
            self._index, self._shards, self._dirty = fresh, shards, True
        self._load_stories(force=True)

    def is_stale(self) -> bool:
        """Has any process saved claims since this index last looked? (A few file stats.)"""
        return self._shard_signatures() != self._shards

    def refresh(self, *, cancel: Cancel = None) -> int:
        """Fold in what other processes saved since; returns how many claims changed."""
        current = self._shard_signatures()
        changed_names = [
            name for name in current.keys() | self._shards.keys() if current.get(name) != self._shards.get(name)
        ]
        changes = 0
        for name in changed_names:
            check(cancel)
            changes += self._refresh_shard(name)
            with self._lock:
                if name in current:
                    self._shards[name] = current[name]
                else:
                    self._shards.pop(name, None)
        self._load_stories(force=bool(changes))
        return changes

    def _refresh_shard(self, name: str) -> int:
        stored = {digest["id"]: digest for digest in read_digest_shard(self.repo.layout.digests / name).values()}
        changes = 0
        with self._lock:
            indexed = [
                claim_id
                for story_id, claim_ids in self._index.story_claims.items()
                if self.repo.layout.digest_shard(story_id).name == name
                for claim_id in claim_ids
            ]
            for claim_id in indexed:
                if claim_id not in stored:
                    changes += self._index.remove(claim_id)
            changed = [
                digest
                for claim_id, digest in stored.items()
                if (entry := self._index.entry(claim_id)) is None or _differs(entry, digest)
            ]
            self._index.add_many(Entry.of_digests(changed))
            changes += len(changed)
            self._dirty = self._dirty or bool(changes)
        return changes

    def update(self, digest: ClaimDigest | Mapping[str, Any]) -> None:
        """Fold in one claim that was added or edited here (call it after a save)."""
        record = digest_record(digest)
        with self._lock:
            self._index.add(Entry.of_digest(record))
            self._dirty = True
        story_id = record["story_id"]
        if story_id not in self._stories and story_id not in self._looked_up:
            # A new story: read its title from the catalog once (not on every later edit).
            self._load_stories()
            self._looked_up.add(story_id)

    def remove(self, claim_id: str) -> bool:
        with self._lock:
            removed = self._index.remove(canonical_claim_id(claim_id))
            self._dirty = self._dirty or removed
        return removed

    def save(self) -> None:
        """Write the index to the cache folder if it changed; another process may then load it."""
        with self._lock:
            if not self._dirty:
                return
            state = {"shards": dict(self._shards), "index": self._index.state()}
            self._dirty = False
        cache.save(self.repo.layout.cache, state)

    def _load_stories(self, *, force: bool = False) -> None:
        signature = self.repo.catalog_signature()
        if force or signature != self._catalog_signature:
            stories = {summary.id: summary for summary in self.repo.list_stories()}
            with self._lock:
                self._stories, self._catalog_signature = stories, signature
                self._looked_up = set()

    def __len__(self) -> int:
        return len(self._index)

    # -- asking --------------------------------------------------------------------------

    def level(self, score: float) -> Level | None:
        if score >= self.thresholds.likely:
            return Level.LIKELY
        if score >= self.thresholds.possible:
            return Level.POSSIBLE
        return None

    def search(
        self,
        text: str,
        top_k: int = 10,
        *,
        exclude_claim_ids: Collection[str] = (),
        exclude_story_id: str | None = None,
        for_claim_id: str | None = None,
        any_score: bool = False,
    ) -> list[Match]:
        """Earlier claims that may say the same as ``text``, best first, at least "possible".

        ``for_claim_id`` names the claim being looked at: pairs a reviewer rejected with it are
        left out, and confirmed ones are marked (and shown whatever their score). With
        ``any_score`` (a search someone asked for) the ``top_k`` best come whatever their score;
        those below "possible" count as possible, and their score says how close they are.
        """
        return self._search(
            Analysis.of(text),
            top_k,
            exclude_claim_ids=exclude_claim_ids,
            exclude_story_id=exclude_story_id,
            for_claim_id=for_claim_id,
            any_score=any_score,
        )

    def _search(
        self,
        query: Analysis,
        top_k: int,
        *,
        exclude_claim_ids: Collection[str],
        exclude_story_id: str | None,
        for_claim_id: str | None,
        any_score: bool = False,
    ) -> list[Match]:
        excluded = {canonical_claim_id(claim_id) for claim_id in exclude_claim_ids}
        decisions = self._decisions(for_claim_id)
        limit = max(CANDIDATES, 2 * top_k)
        skippable = (
            len(excluded) + len(self._index.story_claims.get(exclude_story_id, ()))
            if exclude_story_id
            else len(excluded)
        )

        def keep(entry: Entry) -> bool:
            return not (
                entry.dismissed
                or entry.claim_id in excluded
                or entry.story_id == exclude_story_id
                or decisions.get(entry.claim_id) is Decision.REJECTED
            )

        with self._lock:
            scored = {
                self._index.live(hit.slot).claim_id: hit.score
                for hit in self._index.score(query, limit, keep, skippable=skippable)
            }
            for claim_id, decision in decisions.items():
                slot = self._index.slot_of.get(claim_id)
                if (
                    decision is Decision.CONFIRMED
                    and claim_id not in scored
                    and slot is not None
                    and claim_id not in excluded
                ):
                    scored[claim_id] = self._index.similarity(self._index.query(query), slot)
            matches = []
            for claim_id, score in sorted(scored.items(), key=lambda item: -item[1]):
                confirmed = decisions.get(claim_id) is Decision.CONFIRMED
                level = self.level(score) or (Level.POSSIBLE if confirmed or any_score else None)
                if level is None:
                    continue
                entry = self._index.entry(claim_id)
                assert entry is not None
                matches.append(self._match(entry, score, level, confirmed))
        confirmed_first = sorted(matches, key=lambda match: (not match.confirmed, -match.score))
        return confirmed_first[:top_k]

    def similar_to(self, claim_id: str, top_k: int = 10, *, same_story: bool = False) -> list[Match]:
        """Claims in other stories (and the archive) that may be the same as ``claim_id``."""
        claim_id = canonical_claim_id(claim_id)
        entry = self.entry(claim_id)
        if entry is None:
            claim = self.repo.get_claim(claim_id)
            query, story_id = Analysis.of(searchable_text(claim.text, claim.review_title)), claim.story_id
        else:
            # The claim as it was analysed for the index: no second analysis of its text.
            query, story_id = entry.analysis, entry.story_id
        return self._search(
            query,
            top_k,
            exclude_claim_ids=[claim_id],
            exclude_story_id=None if same_story else story_id,
            for_claim_id=claim_id,
        )

    def matches_for_story(self, story_id: str, top_k: int = 5, *, cancel: Cancel = None) -> dict[str, list[Match]]:
        """For each claim of a story, its matches elsewhere: what the claims list marks."""
        return self.matches_for(self.claim_ids(story_id), top_k, cancel=cancel)

    def matches_for(self, claim_ids: Iterable[str], top_k: int = 5, *, cancel: Cancel = None) -> dict[str, list[Match]]:
        """For each of these claims, its matches in other stories; a dismissed claim has none."""
        found = {}
        for position, claim_id in enumerate(claim_ids):
            if position % 16 == 0:
                check(cancel)
            entry = self.entry(claim_id)
            if entry is not None and not entry.dismissed:
                found[claim_id] = self.similar_to(claim_id, top_k)
        return found

    def clusters(self, story_id: str | None = None, *, cancel: Cancel = None) -> list[Cluster]:
        """Groups of claims from different stories that say the same (see ``clusters.find_clusters``)."""
        return find_clusters(self, story_id, cancel=cancel)

    def pair_score(self, claim_id: str, other_id: str) -> float:
        """How similar two indexed claims are, as ``search`` would score the second for the first."""
        with self._lock:
            first = self._require(claim_id)
            slot = self._index.slot_of[self._require(other_id).claim_id]
            return self._index.similarity(self._index.query(first.analysis), slot)

    def candidate_features(self, text: str, limit: int = CANDIDATES) -> list[tuple[str, list[float]]]:
        """The ``limit`` best lexical candidates for ``text`` with the re-ranker's features
        (``features.FEATURE_NAMES``), before any scoring: what ``bench/train_matching.py`` learns from."""
        analysis = Analysis.of(text)
        with self._lock:
            query = self._index.query(analysis)
            return [
                (self._index.live(slot).claim_id, self._index.features(query, slot, word_bm25))
                for slot, word_bm25 in self._index.candidates(analysis, limit)
            ]

    @property
    def model(self) -> Model:
        """The re-ranking model in use (``scoring.load_model()`` unless replaced, as the bench does)."""
        return self._index.model

    @model.setter
    def model(self, model: Model) -> None:
        with self._lock:
            self._index.model = model

    def entry(self, claim_id: str) -> Entry | None:
        with self._lock:
            return self._index.entry(canonical_claim_id(claim_id))

    def story(self, story_id: str) -> StorySummary | None:
        return self._stories.get(story_id)

    def is_archive(self, story_id: str) -> bool:
        summary = self._stories.get(story_id)
        return summary is not None and summary.kind is StoryKind.ARCHIVE

    def story_ids(self) -> Iterable[str]:
        with self._lock:
            return list(self._index.story_claims)

    def claim_ids(self, story_id: str) -> list[str]:
        with self._lock:
            return sorted(self._index.story_claims.get(story_id, ()), key=_claim_order)

    # -- helpers -------------------------------------------------------------------------

    def _require(self, claim_id: str) -> Entry:
        entry = self.entry(claim_id)
        if entry is None:
            self.repo.get_claim(claim_id)  # raises NotFoundError for a claim that does not exist
            raise LookupError(f"{claim_id} is not in the matching index yet")
        return entry

    def _decisions(self, claim_id: str | None) -> dict[str, Decision]:
        if claim_id is None:
            return {}
        claim_id = canonical_claim_id(claim_id)
        return {
            (link.other_id if link.claim_id == claim_id else link.claim_id): link.decision
            for link in self.links.for_claim(claim_id)
        }

    def reference(self, entry: Entry) -> dict[str, Any]:
        """The fields of ``ClaimRef`` for an indexed claim (story title and kind from the catalog)."""
        story = self._stories.get(entry.story_id)
        return {
            "claim_id": entry.claim_id,
            "story_id": entry.story_id,
            "text": entry.text,
            "verdict": entry.verdict,
            "published": date.fromisoformat(entry.published) if entry.published else None,
            "story_title": story.title if story else "",
            "outlet": story.outlet if story else "",
            "archive": bool(story and story.kind is StoryKind.ARCHIVE),
            "review_title": entry.review_title,
        }

    def _match(self, entry: Entry, score: float, level: Level, confirmed: bool) -> Match:
        return Match(**self.reference(entry), score=score, level=level, confirmed=confirmed)


def _differs(entry: Entry, digest: Mapping[str, Any]) -> bool:
    return (
        entry.version != int(digest.get("version", 1))
        or entry.text != digest["text"]
        or entry.verdict != digest.get("verdict")
        or entry.published != digest.get("published")
        or entry.review_title != digest.get("review_title")
        or entry.dismissed != bool(digest.get("dismissed", False))
    )


def _claim_order(claim_id: str) -> tuple[str, int]:
    return parse_claim_id(claim_id)
