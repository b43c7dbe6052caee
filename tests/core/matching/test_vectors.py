"""Sentence vectors: the real WordLlama model, their files beside the digest shards, and matching by meaning."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from factcheck_tui.core.matching import dense
from factcheck_tui.core.matching.dense import VectorIndex
from factcheck_tui.core.matching.embedding import DIMENSION, MODEL_NAME, encoder, text_key
from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.models import ClaimDigest
from factcheck_tui.core.storage.digest_shards import (
    VectorShard,
    read_vector_shard,
    vector_shard_path,
    write_vector_shard,
)
from factcheck_tui.core.storage.repository import Repository

from .conftest import add

PARLER = "Amazon gave Parler one day's notice before cutting off its servers."
PARLER_REWORDED = "AWS only gave Parler 24 hours to find a new host."


def cosine(first: str, second: str) -> float:
    one, other = encoder().embed([first, second])
    return float(one @ other)


def test_the_packaged_model_gives_unit_vectors_that_know_rewordings() -> None:
    vectors = encoder().embed([PARLER, PARLER_REWORDED, ""])
    assert vectors.shape == (3, DIMENSION) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[:2], axis=1), 1.0, atol=1e-5)
    assert not vectors[2].any()  # an empty text has no direction
    assert cosine(PARLER, PARLER_REWORDED) > cosine(PARLER, "The council approved a 4 percent tax rise.") + 0.2
    assert np.array_equal(encoder().embed([PARLER]), encoder().embed([PARLER]))


def test_loading_the_model_leaves_the_root_logger_alone() -> None:
    encoder.cache_clear()
    root = logging.getLogger()
    before = list(root.handlers)
    encoder()
    assert root.handlers == before


def test_a_vector_file_reads_back_and_a_damaged_one_means_recompute(tmp_path) -> None:
    path = tmp_path / "ab.vectors"
    vectors = encoder().embed([PARLER, PARLER_REWORDED])
    write_vector_shard(path, VectorShard(MODEL_NAME, [("ab123-1", "k1"), ("ab123-2", "k2")], vectors))
    shard = read_vector_shard(path)
    assert shard is not None and shard.model == MODEL_NAME and shard.keys == [("ab123-1", "k1"), ("ab123-2", "k2")]
    assert shard.vectors.dtype == np.float16 and np.allclose(shard.vectors, vectors, atol=1e-3)
    path.write_bytes(path.read_bytes()[:-10])
    assert read_vector_shard(path) is None
    assert read_vector_shard(tmp_path / "missing.vectors") is None


def test_vector_index_finds_nearest_and_forgets_removed_claims() -> None:
    texts = [PARLER, PARLER_REWORDED, "Ferry fares double in March.", "The moose walked through the mall."]
    index = VectorIndex()
    index.put_many(["a", "b", "c", "d"], [text_key(text) for text in texts], encoder().embed(texts))
    query = encoder().embed([PARLER])[0]
    assert [claim_id for claim_id, _ in index.nearest(query[None], 2)[0]] == ["a", "b"]
    index.remove("a")
    assert "a" not in index and index.nearest(query[None], 1)[0][0][0] == "b"
    # Overwriting a claim's vector moves it: "c" now says what "a" said.
    index.put_many(["c"], [text_key(PARLER)], encoder().embed([PARLER]))
    assert index.nearest(query[None], 1)[0][0][0] == "c" and len(index) == 3


def test_words_first_then_vectors_refine_the_matches(repo: Repository) -> None:
    _, (first,) = add(repo, "Parler goes dark", [PARLER])
    _, (second,) = add(repo, "Parler searches for a host", [PARLER_REWORDED])
    index = MatchIndex.open(repo, vectors=False)
    assert not index.vectors_ready
    before = index.pair_score(first.id, second.id)
    seen: list[tuple[int, int]] = []
    index.embed(progress=lambda done, total: seen.append((done, total)))
    assert index.vectors_ready and seen[-1] == (2, 2)
    assert index.pair_score(first.id, second.id) > before


def test_vectors_are_stored_beside_the_digests_and_an_edit_re_embeds_one_claim(repo: Repository) -> None:
    story, claims = add(repo, "Parler", [PARLER, "Ferry fares double in March.", "The moose walked through the mall."])
    index = MatchIndex.open(repo)
    path = vector_shard_path(repo.layout.digest_shard(story.id))
    stored = read_vector_shard(path)
    assert stored is not None and {claim_id for claim_id, _ in stored.keys} == {claim.id for claim in claims}

    # Opened again, every vector comes from the file: none is computed.
    counted: list[int] = []
    MatchIndex.open(repo, vectors=False).embed(progress=lambda done, total: counted.append(total))
    assert counted == []

    edited = claims[1].model_copy(update={"text": PARLER_REWORDED, "version": claims[1].version + 1})
    index.update(ClaimDigest.of(story, edited))
    index.save()
    stored = read_vector_shard(path)
    entry, first = index.entry(edited.id), index.entry(claims[0].id)
    assert entry is not None and first is not None
    assert stored is not None and dict(stored.keys)[edited.id] == text_key(entry.words)
    assert dict(stored.keys)[claims[0].id] == text_key(first.words)
    # The edit reached the index's cache and the vector file: the next start embeds nothing.
    counted.clear()
    reopened = MatchIndex.open(repo, vectors=False)
    reopened.embed(progress=lambda done, total: counted.append(total))
    assert counted == []
    assert reopened.entry(edited.id).text == PARLER_REWORDED


def test_a_removed_claim_leaves_the_vectors(repo: Repository) -> None:
    story, claims = add(repo, "Parler", [PARLER, PARLER_REWORDED])
    index = MatchIndex.open(repo)
    index.remove(claims[1].id)
    index.save()
    stored = read_vector_shard(vector_shard_path(repo.layout.digest_shard(story.id)))
    assert stored is not None and [claim_id for claim_id, _ in stored.keys] == [claims[0].id]
    assert index.similar_to(claims[0].id, same_story=True) == []


def test_a_long_story_is_searched_a_block_at_a_time_with_the_same_neighbours(monkeypatch: pytest.MonkeyPatch) -> None:
    generator = np.random.default_rng(7)
    vectors = generator.standard_normal((40, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = VectorIndex(dimension=8)
    claim_ids = [f"c{number}" for number in range(40)]
    index.put_many(claim_ids, claim_ids, vectors)
    whole = index.nearest(vectors[:25], 3, excluded=claim_ids[:5])
    # Three query rows per block against the 40 claims: nine blocks, the last one short.
    monkeypatch.setattr(dense, "BLOCK_SCORES", 3 * 40)
    blocks = index.nearest(vectors[:25], 3, excluded=claim_ids[:5])
    # The same neighbours; a cosine may differ in its last bits with the shape of the product.
    assert [[claim_id for claim_id, _ in found] for found in blocks] == [
        [claim_id for claim_id, _ in found] for found in whole
    ]
    assert [score for found in blocks for _, score in found] == pytest.approx(
        [score for found in whole for _, score in found]
    )
    assert all(len(found) == 3 and not {claim_id for claim_id, _ in found} & set(claim_ids[:5]) for found in whole)
