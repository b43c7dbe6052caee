"""The claim digests, spread over shard files, and their sentence vectors beside them: read
one shard on its own, in any process.

Kept free of the models and of pydantic, so that the worker processes of an index build
(``matching.building``) start in a few tens of milliseconds.
"""

from __future__ import annotations

import struct
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from factcheck_tui.core.errors import CorruptFileError, SaveFailedError
from factcheck_tui.core.storage.files import atomic_write
from factcheck_tui.core.storage.jsonstore import line_of_key, read_json_file, table_rows

if TYPE_CHECKING:
    import numpy as np

DIGESTS_TABLE = "claims"
_REPEATED_DIGEST_FIELDS = ("story_id", "verdict", "status", "reviewer", "review_title", "published", "updated_at")
# What matching reads from every digest, and the type it must have (a cheap check, no models).
_REQUIRED_TYPES: dict[str, type | tuple[type, ...]] = {"id": str, "story_id": str, "text": str, "version": int}
_OPTIONAL_TYPES: dict[str, type | tuple[type, ...]] = {
    "verdict": (str, type(None)),
    "review_title": (str, type(None)),
    "published": (str, type(None)),
    "dismissed": bool,
    "furniture": bool,
}


def read_digest_shard(path: Path) -> dict[str, Any]:
    """The claim digests of one shard file, by claim id."""
    rows = table_rows(path, read_json_file(path), DIGESTS_TABLE)
    for key, row in rows.items():
        if problem := _row_problem(row):
            raise CorruptFileError(path, f"record {key}: {problem}", line_of_key(path, [DIGESTS_TABLE, key]))
    # The ~50 claims of a story repeat its id, date, reviewer and verdict; one string object
    # for each value instead of one per claim takes a quarter off a loaded archive's memory.
    shared: dict[str, str] = {}
    for row in rows.values():
        for key in _REPEATED_DIGEST_FIELDS:
            value = row.get(key)
            if value.__class__ is str:
                row[key] = shared.setdefault(value, value)
    return rows


def _row_problem(row: dict[str, Any]) -> str | None:
    for name, kind in _REQUIRED_TYPES.items():
        value = row.get(name)
        # bool is an int to Python, never a version.
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            return f"{name}: {value!r} is not {'a whole number' if kind is int else 'text'}"
    for name, kind in _OPTIONAL_TYPES.items():
        if name in row and not isinstance(row[name], kind):
            return f"{name}: {row[name]!r} is not a valid value"
    return None


# -- claim vectors, stored beside their digest shard -----------------------------------------
#
# ``xx.json`` holds a shard's claim digests and ``xx.vectors`` their sentence vectors: each row
# names its claim and a fingerprint of the text it was made from, so a vector whose claim was
# edited since (by any process) is simply made again. The file is derived data: anything odd in
# it means "recompute", never an error.

VECTORS_SUFFIX = ".vectors"
# Claim ids and fingerprints are kept as two newline-joined strings: 100,000 of them split in
# milliseconds, where a JSON list of pairs takes a tenth of a second to parse.
_VECTORS_MAGIC = b"FCVEC2\n"
_HEADER_SIZE = struct.Struct("<Q")


@dataclass(frozen=True)
class VectorShard:
    model: str
    # (claim id, text fingerprint) of each row of ``vectors``.
    keys: list[tuple[str, str]]
    vectors: np.ndarray  # float16, one row per key


def vector_shard_path(digest_shard: Path) -> Path:
    return digest_shard.with_suffix(VECTORS_SUFFIX)


def read_vector_shard(path: Path) -> VectorShard | None:
    """The vectors stored beside a digest shard, or None when there are none usable."""
    import numpy as np  # here, not at the top: the index build's workers never need it

    try:
        payload = path.read_bytes()
        if not payload.startswith(_VECTORS_MAGIC):
            return None
        start = len(_VECTORS_MAGIC) + _HEADER_SIZE.size
        (header_size,) = _HEADER_SIZE.unpack_from(payload, len(_VECTORS_MAGIC))
        header = orjson.loads(payload[start : start + header_size])
        claim_ids, fingerprints = str(header["claims"]), str(header["keys"])
        keys = list(zip(claim_ids.split("\n"), fingerprints.split("\n"), strict=True)) if claim_ids else []
        vectors = np.frombuffer(payload, dtype=np.float16, offset=start + header_size).reshape(
            len(keys), int(header["dimension"])
        )
        return VectorShard(str(header["model"]), keys, vectors)
    except (OSError, ValueError, KeyError, TypeError, struct.error, orjson.JSONDecodeError):
        return None


def write_vector_shard(path: Path, shard: VectorShard) -> None:
    """Best effort, like any cache: vectors that cannot be written are made again next time."""
    import numpy as np

    vectors = np.ascontiguousarray(shard.vectors, dtype=np.float16)
    header = orjson.dumps(
        {
            "model": shard.model,
            "dimension": vectors.shape[1],
            "claims": "\n".join(claim_id for claim_id, _ in shard.keys),
            "keys": "\n".join(key for _, key in shard.keys),
        }
    )
    with suppress(OSError, SaveFailedError):
        atomic_write(path, _VECTORS_MAGIC + _HEADER_SIZE.pack(len(header)) + header + vectors.tobytes(), durable=False)
