"""The baseline the issue compares with: a TF-IDF logistic regression trained on the ClaimBuster sentences.

Word unigrams (seen in at least three training sentences), sublinear TF-IDF, L2-normalised rows,
classes weighed equally, fitted by full-batch gradient descent with numpy. It only serves as a
yardstick in the bench tables; the app never loads it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

_TOKEN = re.compile(r"[a-z0-9$%]+(?:'[a-z]+)?")
MIN_DF = 3
STEPS = 400
RATE = 0.5
PENALTY = 1e-4


class TfidfLogistic:
    def __init__(self, texts: Sequence[str], labels: Sequence[bool]) -> None:
        tokenised = [set(_TOKEN.findall(text.lower())) for text in texts]
        counts = Counter(token for tokens in tokenised for token in tokens)
        vocabulary = sorted(token for token, count in counts.items() if count >= MIN_DF)
        self.index = {token: column for column, token in enumerate(vocabulary)}
        self.idf = np.array([math.log((1 + len(texts)) / (1 + counts[token])) + 1 for token in vocabulary])
        matrix = self._matrix(texts)
        target = np.array(labels, dtype=np.float32)
        share = target.mean()
        rows = np.where(target == 1, 0.5 / share, 0.5 / (1 - share)).astype(np.float32)
        self.weights = np.zeros(matrix.shape[1], dtype=np.float32)
        self.bias = 0.0
        for _ in range(STEPS):
            probability = 1 / (1 + np.exp(-(matrix @ self.weights + self.bias)))
            error = (rows * (probability - target) / len(target)).astype(np.float32)
            self.weights -= RATE * 10 * (matrix.T @ error + PENALTY * self.weights)
            self.bias -= RATE * float(error.sum())

    def _matrix(self, texts: Sequence[str]) -> np.ndarray:
        matrix = np.zeros((len(texts), len(self.index)), dtype=np.float32)
        for row, text in enumerate(texts):
            for token, count in Counter(_TOKEN.findall(text.lower())).items():
                if (column := self.index.get(token)) is not None:
                    matrix[row, column] = (1 + math.log(count)) * self.idf[column]
            norm = np.linalg.norm(matrix[row])
            if norm:
                matrix[row] /= norm
        return matrix

    def scores(self, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        return list(1 / (1 + np.exp(-(self._matrix(texts) @ self.weights + self.bias))))
