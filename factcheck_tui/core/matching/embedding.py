"""Sentence vectors: WordLlama's static token embeddings, averaged, loaded from the wheel offline.

WordLlama (``l2_supercat``) ships its 256-dimension token table and its tokenizer inside the
package, so nothing is fetched at run time: ``load`` points its cache at the package folder and
forbids downloads. A claim's vector is the mean of its tokens' vectors, scaled to length 1, so a
dot product is the cosine. All 256 dimensions are kept: on the CheckThat! claims cosine alone
gives MAP@5 0.741 at 256 dimensions against 0.687 at 128 and 0.598 at 64, and float16 storage
loses nothing measurable (``bench/eval_matching.py``).
"""

from __future__ import annotations

import hashlib
import logging
import pathlib
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

# Written into every stored vector file: vectors of another model or size are computed again.
MODEL_NAME = "wordllama-l2_supercat-256 content-words"
DIMENSION = 256
# Texts embedded per call: big enough that the tokenizer's own threads pay off, small enough
# that progress and cancelling are heard several times a second.
BATCH = 512
# Single words' vectors kept for alignment (``Encoder.aligner``): the words of the
# candidates of recent queries. About 1 KB each.
WORD_CACHE = 20_000


def text_key(text: str) -> str:
    """A short fingerprint of the text a vector was made from: an edited claim no longer fits."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


class Encoder:
    """Turns texts into unit vectors (float32, ``DIMENSION`` wide). Safe to share between threads."""

    def __init__(self) -> None:
        # wordllama's inference module calls logging.basicConfig() when imported, which would
        # send every library's log lines to the terminal the TUI draws on; put the root logger back.
        root = logging.getLogger()
        handlers, level = list(root.handlers), root.level
        try:
            import wordllama
        finally:
            root.handlers[:] = handlers
            root.setLevel(level)
        self._model = wordllama.WordLlama.load(
            cache_dir=pathlib.Path(wordllama.__file__).parent, dim=DIMENSION, disable_download=True
        )
        # The tokenizer keeps padding settings in shared state; one caller at a time.
        self._lock = threading.Lock()
        self._words: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        with self._lock:
            vectors = self._model.embed(list(texts), norm=False, batch_size=BATCH)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        # A text without a single token (empty) has no direction: it stays the zero vector.
        norms[norms == 0] = 1.0
        # Rounded to float16, as they are stored: a vector read back from its file then scores
        # exactly as the one just made.
        rounded: np.ndarray = (vectors / norms).astype(np.float16).astype(np.float32)
        return rounded

    def word_vectors(self, words: Sequence[str]) -> np.ndarray:
        """Unit vectors of single words: the mean of each word's own token vectors, without the
        sentence-start token ``embed`` adds (it would pull every short text towards every other)."""
        with self._lock:
            known = self._words
            missing = [word for word in dict.fromkeys(words) if word not in known]
            if len(known) + len(missing) > WORD_CACHE:
                known.clear()
                missing = list(dict.fromkeys(words))
            if missing:
                encodings = self._model.tokenizer.encode_batch(missing, add_special_tokens=False)
                table = self._model.embedding
                for word, encoding in zip(missing, encodings, strict=True):
                    ids = [token for token, used in zip(encoding.ids, encoding.attention_mask, strict=True) if used]
                    vector = table[ids].mean(axis=0) if ids else np.zeros(DIMENSION, dtype=np.float32)
                    norm = float(np.linalg.norm(vector))
                    known[word] = vector / norm if norm else vector
            if not words:
                return np.zeros((0, DIMENSION), dtype=np.float32)
            return np.vstack([known[word] for word in words])

    def aligner(self, words: Sequence[str]) -> Callable[[Sequence[str]], tuple[list[float], list[float]]]:
        """For a query's ``words``, a function that, given another text's words, says how nearly
        each side has a word for each of the other's: each query word's highest cosine with any of
        the others, and each other word's highest with any query word ("amazon"/"aws" 0.45,
        "shut"/"closed" 0.57, "nurses"/"teachers" 0.0). The query's vectors are looked up once."""
        mine = self.word_vectors(words)

        def align(others: Sequence[str]) -> tuple[list[float], list[float]]:
            if not len(mine) or not others:
                return [0.0] * len(mine), [0.0] * len(others)
            table = mine @ self.word_vectors(others).T
            return table.max(axis=1).tolist(), table.max(axis=0).tolist()

        return align

    def embed_batches(
        self,
        texts: Sequence[str],
        progress: Callable[[int], None] | None = None,
        check: Callable[[], None] = lambda: None,
    ) -> np.ndarray:
        """``embed`` in batches, telling ``progress`` how many are done and calling ``check``
        (which raises to cancel) between batches."""
        parts = []
        for start in range(0, len(texts), BATCH):
            check()
            parts.append(self.embed(texts[start : start + BATCH]))
            if progress is not None:
                progress(min(start + BATCH, len(texts)))
        return np.vstack(parts) if parts else np.zeros((0, DIMENSION), dtype=np.float32)


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The one encoder of this process (loading it takes a few tenths of a second)."""
    return Encoder()
