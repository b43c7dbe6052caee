"""The second candidate source: claims' sentence vectors, searched by cosine.

Words find a claim that repeats the rare words of the query; vectors find one that says it in
other words ("one day's notice" / "24 hours"). Every claim's unit vector is a row of one float32
matrix, so a query is one matrix-vector product (about 5 ms over 100,000 claims) and a whole
story's claims are one matrix product. Rows of edited claims are overwritten in place; rows of
removed claims are zeroed (they can then never be a neighbour) and swept out now and then.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from factcheck_tui.core.matching.embedding import DIMENSION

# Removed claims' rows are swept out once this many (or this share of the rows) have died.
DEAD_MIN = 2000
DEAD_SHARE = 0.05
GROWTH = 1.5
# Cosines computed at once by a story's search: 4 million is 16 MB of scores (and 32 MB of the
# partition's row numbers), whatever the sizes of the story and the archive.
BLOCK_SCORES = 4_000_000


class VectorIndex:
    def __init__(self, dimension: int = DIMENSION, capacity: int = 0) -> None:
        # Room for ``capacity`` claims from the start: an archive's vectors are read in one go.
        self._matrix = np.zeros((capacity, dimension), dtype=np.float32)
        self._count = 0
        self._row_of: dict[str, int] = {}
        self._claim_of: list[str | None] = []
        # The fingerprint of the text each claim's vector was made from (``embedding.text_key``).
        self._key_of: dict[str, str] = {}
        self._dead = 0

    def __len__(self) -> int:
        return len(self._row_of)

    def __contains__(self, claim_id: object) -> bool:
        return claim_id in self._row_of

    def claim_ids(self) -> list[str]:
        return list(self._row_of)

    def key(self, claim_id: str) -> str | None:
        return self._key_of.get(claim_id)

    def vector(self, claim_id: str) -> np.ndarray | None:
        row = self._row_of.get(claim_id)
        return None if row is None else self._matrix[row]

    def put_many(self, claim_ids: Sequence[str], keys: Sequence[str], vectors: np.ndarray) -> None:
        """Set the vectors of these claims (new ones are appended, known ones overwritten)."""
        row_of = self._row_of
        new = [claim_id for claim_id in dict.fromkeys(claim_ids) if claim_id not in row_of]
        first = self._count
        self._reserve(first + len(new))
        row_of.update(zip(new, range(first, first + len(new)), strict=True))
        self._claim_of.extend(new)
        self._count += len(new)
        if len(new) == len(claim_ids):
            # All new and distinct (a whole shard read from its file): one block copy.
            self._matrix[first : self._count] = vectors
        else:
            self._matrix[[row_of[claim_id] for claim_id in claim_ids]] = vectors
        self._key_of.update(zip(claim_ids, keys, strict=True))

    def remove(self, claim_id: str) -> bool:
        row = self._row_of.pop(claim_id, None)
        if row is None:
            return False
        self._key_of.pop(claim_id, None)
        self._matrix[row] = 0.0
        self._claim_of[row] = None
        self._dead += 1
        if self._dead > max(DEAD_MIN, DEAD_SHARE * len(self)):
            self._compact()
        return True

    def items(self, claim_ids: Iterable[str]) -> tuple[list[str], list[str], np.ndarray]:
        """(claim ids, text keys, vectors) of those of ``claim_ids`` that have a vector."""
        known = [claim_id for claim_id in claim_ids if claim_id in self._row_of]
        rows = [self._row_of[claim_id] for claim_id in known]
        return known, [self._key_of[claim_id] for claim_id in known], self._matrix[rows]

    def cosines(self, vector: np.ndarray, claim_ids: Sequence[str]) -> list[float]:
        """The cosine of ``vector`` with each claim's vector (0 for a claim without one)."""
        rows = [self._row_of.get(claim_id, -1) for claim_id in claim_ids]
        found = self._matrix[[max(row, 0) for row in rows]] @ vector if rows else np.zeros(0)
        return [float(value) if row >= 0 else 0.0 for value, row in zip(found, rows, strict=True)]

    def nearest(
        self, vectors: np.ndarray, limit: int, *, excluded: Iterable[str] = ()
    ) -> list[list[tuple[str, float]]]:
        """For each query vector (a row), its ``limit`` nearest claims by cosine, best first;
        never one of ``excluded`` (the asking story's own claims: asking for that many more
        neighbours instead made a 5,000-claim story sort 5,000 x 5,000 pairs)."""
        queries = np.atleast_2d(vectors)
        if not self._count or not len(vectors) or limit < 1:
            return [[] for _ in range(len(vectors))]
        masked = [row for claim_id in excluded if (row := self._row_of.get(claim_id)) is not None]
        take = min(limit, self._count - len(masked))
        if take < 1:
            return [[] for _ in range(len(vectors))]
        # A few query rows at a time: all of a 34,000-claim story's scores against as many claims
        # at once (and argpartition's index array beside them) took 12 GB.
        step = max(1, BLOCK_SCORES // self._count)
        found: list[list[tuple[str, float]]] = []
        for start in range(0, len(queries), step):
            found += self._nearest_block(queries[start : start + step], take, masked)
        return found

    def _nearest_block(self, queries: np.ndarray, take: int, masked: list[int]) -> list[list[tuple[str, float]]]:
        scores = queries @ self._matrix[: self._count].T
        if masked:
            # Below any cosine: a masked row can only come out when too few others are left.
            scores[:, masked] = -np.inf
        # The largest ``take`` of each row, unordered, without a negated copy of the scores.
        best = np.argpartition(scores, -take, axis=1)[:, -take:] if take < self._count else None
        found = []
        for position, row_scores in enumerate(scores):
            rows = best[position] if best is not None else np.arange(self._count)
            ordered = rows[np.argsort(-row_scores[rows], kind="stable")][:take]
            found.append(
                [(claim_id, float(row_scores[row])) for row in ordered if (claim_id := self._claim_of[row]) is not None]
            )
        return found

    def _reserve(self, size: int) -> None:
        if size <= len(self._matrix):
            return
        grown = np.zeros((max(size, int(len(self._matrix) * GROWTH)), self._matrix.shape[1]), dtype=np.float32)
        grown[: self._count] = self._matrix[: self._count]
        self._matrix = grown

    def _compact(self) -> None:
        live = [row for row, claim_id in enumerate(self._claim_of) if claim_id is not None]
        claim_ids = [self._claim_of[row] for row in live]
        self._matrix = self._matrix[live].copy()
        self._count = len(live)
        self._claim_of = list(claim_ids)
        self._row_of = {claim_id: row for row, claim_id in enumerate(claim_ids) if claim_id is not None}
        self._dead = 0
