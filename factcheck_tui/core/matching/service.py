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
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from factcheck_tui.core.config import Matching
from factcheck_tui.core.ids import parse_claim_id
from factcheck_tui.core.matching import same_claim
from factcheck_tui.core.matching.building import build_index
from factcheck_tui.core.matching.cancel import Cancel, check
from factcheck_tui.core.matching.clusters import find_clusters
from factcheck_tui.core.matching.dense import VectorIndex
from factcheck_tui.core.matching.embedding import MODEL_NAME, encoder, text_key
from factcheck_tui.core.matching.index import Analysis, Entry, LexicalIndex, left_out, searchable_text
from factcheck_tui.core.matching.pair_features import Query
from factcheck_tui.core.matching.results import Cluster, Decision, Level, Match
from factcheck_tui.core.matching.similarity import Model
from factcheck_tui.core.models import ClaimDigest, StoryKind, StorySummary
from factcheck_tui.core.storage.digest_shards import VectorShard
from factcheck_tui.core.storage.jsonstore import Signature
from factcheck_tui.core.storage.link_decisions import canonical_claim_id
from factcheck_tui.core.storage.repository import Repository

# Candidates re-ranked per query. On the development set MAP@5 stops growing past ~30, and
# scoring more only costs time.
CANDIDATES = 30
# Nearest claims by meaning added to them: they find most of the rewordings words miss, while
# each one more costs a full scoring.
NEIGHBOURS = 20

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class NewsroomClaim:
    """The newsroom claim a search is for: what the newsroom model reads beside each candidate."""

    claim_id: str
    story_id: str
    text: str


def digest_record(digest: ClaimDigest | Mapping[str, Any]) -> dict[str, Any]:
    return digest.model_dump(mode="json") if isinstance(digest, ClaimDigest) else dict(digest)


class MatchIndex:
    def __init__(self, repo: Repository, matching: Matching | None = None) -> None:
        self.repo = repo
        self.thresholds = matching or Matching()
        self.links = repo.links
        self.files = repo.matching_files
        self._index = LexicalIndex()
        self._shards: dict[str, Any] = {}
        self._stories: dict[str, StorySummary] = {}
        self._catalog_signature: tuple[Signature | None, ...] | None = None
        self._looked_up: set[str] = set()
        self._dirty = False
        # Sentence vectors of every claim, once ``embed`` has made or read them; until then
        # matching is by words alone.
        self._vectors: VectorIndex | None = None
        # Digest shards (by file name) whose vector file no longer holds what this index holds.
        self._vectors_to_write: set[str] = set()
        # While ``embed`` runs: the claims saved or removed meanwhile (None: all must be checked).
        self._touched: set[str] | None = None
        self._lock = threading.RLock()

    # -- opening, building, staying current ----------------------------------------------

    @classmethod
    def open(
        cls,
        repo: Repository,
        matching: Matching | None = None,
        *,
        cancel: Cancel = None,
        save: bool = True,
        vectors: bool = True,
    ) -> MatchIndex:
        """The index of ``repo``: from the cache when it is usable, refreshed; else built anew.

        Slow on first use of a large archive, so call it from a worker; ``cancel`` (an Event or
        a callable returning True) stops it with ``MatchingCancelled``. With ``vectors`` it also
        gives every claim its sentence vector (``embed``); without, matching is by words until
        the caller runs ``embed`` (the TUI does, in the background, with a progress line).
        """
        index = cls(repo, matching)
        if index._restore(index.files.load_index()):
            index.refresh(cancel=cancel)
        else:
            index.build(cancel=cancel)
        if vectors:
            index.embed(cancel=cancel)
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
        restored.model, restored.lexical_model = self._index.model, self._index.lexical_model
        self._index, self._shards = restored, shards
        return True

    def _shard_signatures(self) -> dict[str, Any]:
        return self.files.shard_signatures()

    def build(self, *, cancel: Cancel = None) -> None:
        """Index every claim in the database from scratch."""
        # Signatures first: a shard saved while we read is then seen as stale and read again.
        shards = self._shard_signatures()
        fresh = build_index(self.repo.digest_shards(), cancel)
        fresh.model, fresh.lexical_model = self._index.model, self._index.lexical_model
        with self._lock:
            self._index, self._shards, self._dirty = fresh, shards, True
            self._vectors, self._touched = None, None
        self._load_stories(force=True)

    @property
    def vectors_ready(self) -> bool:
        return self._vectors is not None

    def embed(self, *, progress: Progress | None = None, cancel: Cancel = None) -> None:
        """Give every indexed claim its sentence vector: read from the vector file beside its
        digest shard when its text is unchanged, else computed (``progress(done, total)`` counts
        these). Matching keeps working by words meanwhile and uses the vectors once this returns."""
        with self._lock:
            wanted = self._embedding_texts()
            # Claims saved or removed from now on are brought up to date at the end.
            self._touched = set()
        try:
            vectors, to_write = self._stored_and_made(wanted, progress, cancel)
        finally:
            with self._lock:
                touched, self._touched = self._touched, None
        with self._lock:
            self._vectors = vectors
            self._vectors_to_write |= to_write
            self._reconcile_vectors(touched)

    def _stored_and_made(
        self, wanted: dict[str, list[tuple[str, str]]], progress: Progress | None, cancel: Cancel
    ) -> tuple[VectorIndex, set[str]]:
        """The vectors of ``wanted`` (claims by shard), read from their files or made, and the
        shards whose files must then be rewritten."""
        vectors = VectorIndex(capacity=sum(len(claims) for claims in wanted.values()))
        missing: list[tuple[str, str, str]] = []  # (claim id, text key, text)
        to_write: set[str] = set()
        for name, claims in wanted.items():
            check(cancel)
            stored = self.files.read_vectors(name)
            known = {key: row for row, key in enumerate(stored.keys)} if stored and stored.model == MODEL_NAME else {}
            found: list[tuple[str, str, int]] = []
            for claim_id, text in claims:
                key = text_key(text)
                row = known.get((claim_id, key))
                if row is None:
                    missing.append((claim_id, key, text))
                else:
                    found.append((claim_id, key, row))
            if found and stored is not None:
                vectors.put_many(
                    [claim_id for claim_id, _, _ in found],
                    [key for _, key, _ in found],
                    stored.vectors[[row for _, _, row in found]],
                )
            if len(found) != len(claims) or len(found) != len(known):
                to_write.add(name)
        if missing:
            total = len(missing)
            made = encoder().embed_batches(
                [text for _, _, text in missing],
                progress=None if progress is None else lambda done: progress(done, total),
                check=lambda: check(cancel),
            )
            vectors.put_many([claim_id for claim_id, _, _ in missing], [key for _, key, _ in missing], made)
        return vectors, to_write

    def _embedding_texts(self) -> dict[str, list[tuple[str, str]]]:
        """(claim id, words to embed) of every indexed claim, by the digest shard it lives in: the
        content words of its text and headline, as the index analysed them."""
        by_shard: dict[str, list[tuple[str, str]]] = {}
        shard_of: dict[str, list[tuple[str, str]]] = {}
        for entry in self._index.live_entries():
            claims = shard_of.get(entry.story_id)
            if claims is None:
                claims = shard_of[entry.story_id] = by_shard.setdefault(self._shard_name(entry.story_id), [])
            claims.append((entry.claim_id, entry.words))
        return by_shard

    def _touch(self, claim_id: str) -> None:
        if self._touched is not None:
            self._touched.add(claim_id)

    def _shard_name(self, story_id: str) -> str:
        return self.files.shard_name(story_id)

    def _reconcile_vectors(self, touched: set[str] | None = None) -> None:
        """Make the vectors hold exactly the indexed claims, each made from its current text:
        only the ``touched`` claims (saved or removed while the vectors were made), or all."""
        vectors = self._vectors
        if vectors is None:
            return
        if touched is None:
            claim_ids: Iterable[str] = {*vectors.claim_ids(), *self._index.slot_of}
        else:
            claim_ids = touched
        stale = []
        for claim_id in claim_ids:
            entry = self._index.entry(claim_id)
            if entry is None:
                if vectors.remove(claim_id):
                    self._vectors_to_write.add(self._shard_name(parse_claim_id(claim_id)[0]))
            elif vectors.key(claim_id) != text_key(entry.words):
                stale.append((self._shard_name(entry.story_id), claim_id, entry.words))
        self._embed_into(vectors, stale)

    def _embed_into(self, vectors: VectorIndex, claims: list[tuple[str, str, str]]) -> None:
        """Embed (shard name, claim id, text) and store them; their shards' files are then rewritten."""
        if not claims:
            return
        made = encoder().embed([text for _, _, text in claims])
        vectors.put_many([claim_id for _, claim_id, _ in claims], [text_key(text) for _, _, text in claims], made)
        self._vectors_to_write.update(name for name, _, _ in claims)

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
        stored = {digest["id"]: digest for digest in self.files.read_digests(name).values()}
        changes = 0
        with self._lock:
            indexed = [
                claim_id
                for story_id, claim_ids in self._index.story_claims.items()
                if self.files.shard_name(story_id) == name
                for claim_id in claim_ids
            ]
            for claim_id in indexed:
                if claim_id not in stored:
                    changes += self._index.remove(claim_id)
                    self._touch(claim_id)
            changed = [
                digest
                for claim_id, digest in stored.items()
                if (entry := self._index.entry(claim_id)) is None or _differs(entry, digest)
            ]
            added = Entry.of_digests(changed)
            self._index.add_many(added)
            for entry in added:
                self._touch(entry.claim_id)
            changes += len(changed)
            self._dirty = self._dirty or bool(changes)
            if self._vectors is not None and changes:
                for claim_id in indexed:
                    if claim_id not in stored and self._vectors.remove(claim_id):
                        self._vectors_to_write.add(name)
                self._embed_into(
                    self._vectors,
                    [(name, entry.claim_id, entry.words) for entry in added],
                )
        return changes

    def update(self, digest: ClaimDigest | Mapping[str, Any]) -> None:
        """Fold in one claim that was added or edited here (call it after a save)."""
        record = digest_record(digest)
        entry = Entry.of_digest(record)
        with self._lock:
            self._index.add(entry)
            self._dirty = True
            self._touch(entry.claim_id)
            if self._vectors is not None:
                text = entry.words
                if self._vectors.key(entry.claim_id) != text_key(text):
                    self._embed_into(self._vectors, [(self._shard_name(entry.story_id), entry.claim_id, text)])
        story_id = record["story_id"]
        if story_id not in self._stories and story_id not in self._looked_up:
            # A new story: read its title from the catalog once (not on every later edit).
            self._load_stories()
            self._looked_up.add(story_id)

    def remove(self, claim_id: str) -> bool:
        claim_id = canonical_claim_id(claim_id)
        with self._lock:
            entry = self._index.entry(claim_id)
            removed = self._index.remove(claim_id)
            self._dirty = self._dirty or removed
            self._touch(claim_id)
            if entry is not None and self._vectors is not None and self._vectors.remove(claim_id):
                self._vectors_to_write.add(self._shard_name(entry.story_id))
        return removed

    def save(self) -> None:
        """Write the index to the cache folder if it changed, and the vectors beside the digest
        shards whose vectors changed; another process may then load them."""
        with self._lock:
            state = {"shards": dict(self._shards), "index": self._index.state()} if self._dirty else None
            self._dirty = False
            vector_files = self._vector_files() if self._vectors is not None else {}
            self._vectors_to_write = set()
        if state is not None:
            self.files.save_index(state)
        for name, shard in vector_files.items():
            self.files.write_vectors(name, shard)

    def _vector_files(self) -> dict[str, VectorShard | None]:
        """What each vector file to be rewritten must now hold, by digest shard name (None: no
        claims left, delete it)."""
        assert self._vectors is not None
        by_shard: dict[str, list[str]] = {name: [] for name in self._vectors_to_write}
        for story_id, claim_ids in self._index.story_claims.items():
            claims = by_shard.get(self._shard_name(story_id))
            if claims is not None:
                claims.extend(sorted(claim_ids))
        files: dict[str, VectorShard | None] = {}
        for name, shard_claims in by_shard.items():
            known, keys, matrix = self._vectors.items(shard_claims)
            files[name] = VectorShard(MODEL_NAME, list(zip(known, keys, strict=True)), matrix) if known else None
        return files

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
        analysis = Analysis.of(text)
        return self._search(
            analysis,
            self._vector_of(analysis.words),
            top_k,
            exclude_claim_ids=exclude_claim_ids,
            exclude_story_id=exclude_story_id,
            for_claim_id=for_claim_id,
            any_score=any_score,
        )

    def _vector_of(self, words: str | tuple[str, ...]) -> np.ndarray | None:
        """The sentence vector of a query's content words, once the claims have theirs (else
        None: words only). Content words, not the raw text: without stop words, @handles and
        links, the cosine ranks the CheckThat! claims better (MAP@5 0.773 against 0.741)."""
        if self._vectors is None:
            return None
        vector: np.ndarray = encoder().embed([words if isinstance(words, str) else " ".join(words)])[0]
        return vector

    def _vector_of_claim(self, entry: Entry) -> np.ndarray | None:
        vectors = self._vectors
        if vectors is None:
            return None
        vector = vectors.vector(entry.claim_id)
        return vector if vector is not None else self._vector_of(entry.words)

    def _query(self, analysis: Analysis, vector: np.ndarray | None) -> Query:
        """The query side of scoring; with a vector, candidates are also judged by their cosine."""
        vectors = self._vectors
        if vector is None or vectors is None:
            return self._index.query(analysis)

        def cosine(entry: Entry) -> float:
            other = vectors.vector(entry.claim_id)
            return float(other @ vector) if other is not None else 0.0

        # Words of like meaning ("amazon"/"aws") count towards what the two texts share.
        return self._index.query(analysis, cosine, encoder().aligner(analysis.words))

    def _neighbours(
        self, vectors: list[np.ndarray | None], limit: int, excluded: Collection[str] = ()
    ) -> list[list[str]]:
        """The ``limit`` nearest claims by meaning of each vector, in one matrix product, leaving
        out ``excluded`` claims."""
        index = self._vectors
        present = [position for position, vector in enumerate(vectors) if vector is not None]
        found: list[list[str]] = [[] for _ in vectors]
        if index is None or not present:
            return found
        nearest = index.nearest(
            np.vstack([vector for vector in vectors if vector is not None]), limit, excluded=excluded
        )
        for position, neighbours in zip(present, nearest, strict=True):
            found[position] = [claim_id for claim_id, _ in neighbours]
        return found

    def _search(
        self,
        analysis: Analysis,
        vector: np.ndarray | None,
        top_k: int,
        *,
        exclude_claim_ids: Collection[str],
        exclude_story_id: str | None,
        for_claim_id: str | None,
        any_score: bool = False,
        neighbours: list[str] | None = None,
        newsroom: NewsroomClaim | None = None,
    ) -> list[Match]:
        """``neighbours``: the query's nearest claims by meaning, when the caller found them
        already (for a whole story at once); else they are looked up here. ``newsroom``:
        the query is this newsroom claim, so other newsroom claims must make the same claim,
        not only share its subject, to be likely (``same_claim``)."""
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
            if neighbours is None:
                own = self._index.story_claims.get(exclude_story_id, ()) if exclude_story_id else ()
                # Rejected pairs are only left out later, so as many more are asked for.
                (neighbours,) = self._neighbours([vector], NEIGHBOURS + len(decisions), [*excluded, *own])
            query = self._query(analysis, vector)
            pool = self._index.pool(
                analysis, limit, keep, skippable=skippable, neighbours=neighbours, neighbour_limit=NEIGHBOURS
            )
            # A search someone asked for lists its best candidates whatever their score, but one
            # that shares no word with the query only when it reaches "possible": meaning alone
            # finds a nearest neighbour for any text at all.
            scored = {
                entry.claim_id: self._newsroom_pair(newsroom, entry, hit.score)
                for hit in self._index.score(query, pool, ceiling=self.thresholds.below_likely)
                if hit.by_words or hit.score >= self.thresholds.possible
                for entry in (self._index.live(hit.slot),)
            }
            for claim_id, decision in decisions.items():
                slot = self._index.slot_of.get(claim_id)
                if (
                    decision is Decision.CONFIRMED
                    and claim_id not in scored
                    and slot is not None
                    and claim_id not in excluded
                ):
                    scored[claim_id] = self._newsroom_pair(
                        newsroom,
                        self._index.live(slot),
                        self._index.similarity(query, slot, ceiling=self.thresholds.below_likely),
                    )
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

    def similar_to(
        self, claim_id: str, top_k: int = 10, *, same_story: bool = False, neighbours: list[str] | None = None
    ) -> list[Match]:
        """Claims in other stories (and the archive) that may be the same as ``claim_id``."""
        claim_id = canonical_claim_id(claim_id)
        entry = self.entry(claim_id)
        if entry is None:
            claim = self.repo.get_claim(claim_id)
            query = Analysis.of(searchable_text(claim.text, claim.review_title))
            vector, story_id, text = self._vector_of(query.words), claim.story_id, claim.text
        else:
            # The claim as it was analysed for the index: no second analysis of its text.
            query, vector, story_id, text = entry.analysis, self._vector_of_claim(entry), entry.story_id, entry.text
        return self._search(
            query,
            vector,
            top_k,
            exclude_claim_ids=[claim_id],
            exclude_story_id=None if same_story else story_id,
            for_claim_id=claim_id,
            neighbours=neighbours,
            newsroom=None if self.is_archive(story_id) else NewsroomClaim(claim_id, story_id, text),
        )

    def matches_for_story(self, story_id: str, top_k: int = 5, *, cancel: Cancel = None) -> dict[str, list[Match]]:
        """For each claim of a story, its matches elsewhere: what the claims list marks."""
        return self.matches_for(self.claim_ids(story_id), top_k, cancel=cancel)

    def matches_for(self, claim_ids: Iterable[str], top_k: int = 5, *, cancel: Cancel = None) -> dict[str, list[Match]]:
        """For each of these claims, its matches in other stories; a dismissed claim has none."""
        entries = [entry for claim_id in claim_ids if (entry := self.entry(claim_id)) is not None]
        entries = [entry for entry in entries if not entry.dismissed]
        neighbours = self.neighbours_of(entries, cancel=cancel)
        found = {}
        for entry in entries:
            # Before every claim (a few milliseconds each): a caller's ``cancel`` may also pause
            # the work here while the reviewer is typing.
            check(cancel)
            found[entry.claim_id] = self.similar_to(entry.claim_id, top_k, neighbours=neighbours[entry.claim_id])
        return found

    def neighbours_of(self, entries: Sequence[Entry], *, cancel: Cancel = None) -> dict[str, list[str]]:
        """Each claim's nearest claims by meaning in other stories, as ``similar_to`` would look
        them up, but in one matrix product per story instead of one per claim (a third of a
        long story's matching time went on those products)."""
        by_story: dict[str, list[Entry]] = {}
        for entry in entries:
            by_story.setdefault(entry.story_id, []).append(entry)
        neighbours: dict[str, list[str]] = {}
        for story_id, story_entries in by_story.items():
            check(cancel)
            # A claim's rejected links are left out of its matches later, so as many more
            # neighbours are asked for (``_search`` does the same for one claim).
            extra = [len(self._decisions(entry.claim_id)) for entry in story_entries]
            with self._lock:
                # The story's own claims are left out: they are never a match.
                own = list(self._index.story_claims.get(story_id, ()))
                near = self._neighbours(
                    [self._vector_of_claim(entry) for entry in story_entries], NEIGHBOURS + max(extra), own
                )
            for entry, found, more in zip(story_entries, near, extra, strict=True):
                neighbours[entry.claim_id] = found[: NEIGHBOURS + more]
        return neighbours

    def clusters(
        self, story_id: str | None = None, *, cancel: Cancel = None, progress: Progress | None = None
    ) -> list[Cluster]:
        """Groups of claims from different stories that say the same (see ``clusters.find_clusters``)."""
        return find_clusters(self, story_id, cancel=cancel, progress=progress)

    def pair_score(self, claim_id: str, other_id: str) -> float:
        """How similar two indexed claims are, as ``search`` would score the second for the first: 0
        when either is left out of matching (dismissed, or page furniture), as search never offers it."""
        with self._lock:
            first, second, score = self._scored_pair(claim_id, other_id)
            if first.dismissed or second.dismissed:
                return 0.0
            newsroom = (
                None if self.is_archive(first.story_id) else NewsroomClaim(first.claim_id, first.story_id, first.text)
            )
            return self._newsroom_pair(newsroom, second, score)

    def newsroom_pair_features(self, claim_id: str, other_id: str) -> list[float]:
        """The newsroom model's features (``same_claim.FEATURE_NAMES``) of two indexed claims, as
        ``pair_score`` reads them: what ``bench/train_same_claim.py`` learns from."""
        with self._lock:
            first, second, score = self._scored_pair(claim_id, other_id)
            return same_claim.pair_features(
                same_claim.Sentence.of(first.text),
                same_claim.Sentence.of(second.text),
                self._both_ways(first.claim_id, second, score),
                self._word_weight,
                self._story_context(first.claim_id, first.story_id, second),
            )

    def _both_ways(self, claim_id: str, other: Entry, score: float) -> float:
        """The higher of ``score`` (``other`` scored for the claim) and the claim scored for
        ``other``: whether two sentences make one claim does not depend on which is read first,
        though the re-ranker, made for a query against a past check, may score them apart
        ("..., Mayor Dahl said on Monday at the Budget Committee" for "..., Dahl said": 0.67,
        the other way 0.93)."""
        slot = self._index.slot_of.get(claim_id)
        if slot is None:
            return score
        query = self._query(other.analysis, self._vector_of_claim(other))
        return max(score, self._index.similarity(query, slot, ceiling=self.thresholds.below_likely))

    def _scored_pair(self, claim_id: str, other_id: str) -> tuple[Entry, Entry, float]:
        """Two indexed claims and the re-ranker's score of the second for the first."""
        first, second = self._require(claim_id), self._require(other_id)
        slot = self._index.slot_of[second.claim_id]
        query = self._query(first.analysis, self._vector_of_claim(first))
        return first, second, self._index.similarity(query, slot, ceiling=self.thresholds.below_likely)

    def _word_weight(self, term: str) -> float:
        """A stem's IDF in rarest-word units: the same scale in a new newsroom and a large archive."""
        return self._index.term_weight(term) / self._index.unit()

    def _story_context(self, claim_id: str, story_id: str, other: Entry) -> same_claim.StoryContext:
        """What the other claims of both sides' stories say (one story when they share it)."""
        sides = dict.fromkeys((story_id,) if self.is_archive(other.story_id) else (story_id, other.story_id))
        stories = [self._index.story_term_counts(story) for story in sides]
        first = self._index.entry(claim_id)
        own = [entry for entry in (other, first if first is not other else None) if entry and entry.story_id in sides]
        own_terms = [frozenset(entry.terms.split()) for entry in own]
        counts = [counts for _, counts in stories]

        def count(term: str) -> int:
            return sum(found[term] for found in counts) - sum(term in terms for terms in own_terms)

        return same_claim.StoryContext(sum(size for size, _ in stories) - len(own), count)

    def _newsroom_pair(self, newsroom: NewsroomClaim | None, entry: Entry, score: float) -> float:
        """``score`` of a claim, the newsroom's or a past check, for a story's claim: when the
        pair is at least possible, the newsroom model (``same_claim``) says whether it may be
        likely. (A typed search has no ``newsroom`` claim: its scores are left as they are.)"""
        if newsroom is None or score < self.thresholds.possible:
            return score
        return same_claim.judge(
            score,
            newsroom.text,
            entry.text,
            self._word_weight,
            both_ways=self._both_ways(newsroom.claim_id, entry, score),
            likely=self.thresholds.likely,
            possible=self.thresholds.possible,
            context=self._story_context(newsroom.claim_id, newsroom.story_id, entry),
        )

    def candidate_features(self, text: str, limit: int = CANDIDATES) -> list[tuple[str, list[float]]]:
        """The ``limit`` best lexical candidates for ``text`` with the re-ranker's features
        (``features.FEATURE_NAMES``), before any scoring: what ``bench/train_matching.py`` learns from."""
        analysis = Analysis.of(text)
        vector = self._vector_of(analysis.words)
        with self._lock:
            (neighbours,) = self._neighbours([vector], NEIGHBOURS)
            query = self._query(analysis, vector)
            return [
                (self._index.live(slot).claim_id, self._index.features(query, slot, word_bm25))
                for slot, word_bm25 in self._index.pool(
                    analysis, limit, neighbours=neighbours, neighbour_limit=NEIGHBOURS
                )
            ]

    @property
    def model(self) -> Model:
        """The re-ranking model in use: with the cosine once vectors are ready, else the one learnt
        without it (``scoring.load_model``, unless replaced, as the bench does)."""
        return self._index.model if self._vectors is not None else self._index.lexical_model

    @model.setter
    def model(self, model: Model) -> None:
        with self._lock:
            if self._vectors is not None:
                self._index.model = model
            else:
                self._index.lexical_model = model

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
        or entry.dismissed != left_out(digest)
    )


def _claim_order(claim_id: str) -> tuple[str, int]:
    return parse_claim_id(claim_id)
