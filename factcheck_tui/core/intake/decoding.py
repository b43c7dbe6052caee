"""Bytes from any intake path (a file, standard input, a fetched page) to text that is safe to keep.

Text is UTF-8, UTF-16 or UTF-32 declared by a byte-order mark, UTF-16 as Windows tools save it
without one, or the charset an HTML page (or a web server) declares. Nothing is ever guessed to be
a legacy encoding: a handful of undecodable bytes (a damaged file) become U+FFFD with a warning
naming where they are; more than that is refused, naming the first bad byte. NUL characters are
removed with a warning, or the input is refused as binary when they come at its start.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.limits import over_limit

STDIN = "-"
SNIFF_BYTES = 8192
READ_CHUNK = 1 << 20
UTF16_SNIFF_MIN_BYTES = 16
UTF16_ZERO_SHARE = 0.6
PRINTABLE_SHARE = 0.98
# More bad bytes than this is not damage but another encoding: refused rather than replaced.
MAX_REPLACED_BYTES = 16
# Longest first: a UTF-32 little-endian mark begins with the UTF-16 one.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    # One line each, already naming the input: bytes replaced, NULs removed.
    warnings: tuple[str, ...] = ()


def marked_encoding(payload: bytes) -> str | None:
    """The encoding a byte-order mark declares, if the bytes start with one."""
    return next((encoding for mark, encoding in _MARKS if payload.startswith(mark)), None)


def is_binary(payload: bytes) -> bool:
    """NUL bytes at the start of a file without a UTF-16/32 mark: a picture, an archive, a database."""
    head = payload[:SNIFF_BYTES]
    return marked_encoding(head) in (None, "utf-8-sig") and b"\x00" in head and not _utf16_without_mark(head)


def text_from_bytes(
    payload: bytes,
    label: str,
    *,
    declared: str | None = None,
    what: str = "text",
    replace_bad_bytes: bool = True,
) -> DecodedText:
    """Decode ``payload`` honestly (see the module's docstring); ``label`` names it in every message.

    ``declared`` is a charset named by the source (an HTML meta tag, an HTTP header); valid UTF-8
    is read as UTF-8 whatever it declares. ``replace_bad_bytes=False`` refuses any bad byte (for
    structured data, where a replaced byte could change a record's meaning).
    """
    marked = marked_encoding(payload)
    if marked in ("utf-16", "utf-32"):
        return _clean(_decoded_strictly(payload, marked, label), marked, label, what)
    if sniffed := _utf16_without_mark(payload[:SNIFF_BYTES]):
        decoded = _decoded_strictly(payload, sniffed, label)
        if sum(ch.isprintable() or ch in "\n\r\t" for ch in decoded) < PRINTABLE_SHARE * len(decoded):
            raise binary_error(label, what)
        return _clean(decoded, sniffed, label, what)
    if is_binary(payload):
        raise binary_error(label, what)
    try:
        return _clean(payload.decode("utf-8-sig"), "utf-8", label, what)
    except UnicodeDecodeError as error:
        first_bad = error
    if declared and _known(declared):
        try:
            return _clean(payload.decode(declared), declared.lower(), label, what)
        except UnicodeDecodeError:
            pass
    bad = _bad_byte_offsets(payload)
    if not replace_bad_bytes or len(bad) > MAX_REPLACED_BYTES:
        raise InputError(
            f"{label}: is not UTF-8 (undecodable byte 0x{payload[first_bad.start]:02x} at offset {first_bad.start}"
            f"{'' if len(bad) <= 1 else f', and {len(bad) - 1:,} more'}); save it as UTF-8 and import it again"
        )
    text = payload.decode("utf-8-sig", errors="replace")
    shown = ", ".join(f"{offset:,}" for offset in bad[:3]) + (", …" if len(bad) > 3 else "")
    replaced = (
        f"{label}: {len(bad)} byte{'s' if len(bad) != 1 else ''} not valid UTF-8 (at offset {shown}) "
        "shown as � in the text; the rest is intact"
    )
    cleaned = _clean(text, "utf-8", label, what)
    return DecodedText(cleaned.text, cleaned.encoding, (replaced, *cleaned.warnings))


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def _bad_byte_offsets(payload: bytes) -> list[int]:
    """Where UTF-8 decoding fails, one offset per run of bad bytes (stops counting past the cap)."""
    offsets: list[int] = []
    position = 0
    while len(offsets) <= MAX_REPLACED_BYTES:
        try:
            payload[position:].decode("utf-8")
            break
        except UnicodeDecodeError as error:
            offsets.append(position + error.start)
            position += error.end
    return offsets


def _decoded_strictly(payload: bytes, encoding: str, label: str) -> str:
    try:
        return payload.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{label}: looks like {encoding.upper()} but byte {error.start} is not valid in it; "
            "save it as UTF-8 and import it again"
        ) from None


def _clean(text: str, encoding: str, label: str, what: str) -> DecodedText:
    """Without NULs: at the start they mean a binary file, elsewhere (a damaged save) they are dropped."""
    if "\x00" not in text:
        return DecodedText(text, encoding)
    if "\x00" in text[:SNIFF_BYTES]:
        raise binary_error(label, what)
    count = text.count("\x00")
    return DecodedText(
        text.replace("\x00", ""),
        encoding,
        (
            f"{label}: {count:,} NUL character{'s' if count != 1 else ''} removed (first at character {text.index(chr(0)):,})",
        ),
    )


def _utf16_without_mark(head: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: mostly-ASCII text has a zero in every other byte."""
    even, odd = head[0::2], head[1::2]
    if len(head) < UTF16_SNIFF_MIN_BYTES:
        return None
    if odd.count(0) > UTF16_ZERO_SHARE * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > UTF16_ZERO_SHARE * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def binary_error(label: str, what: str) -> InputError:
    return InputError(f"{label}: looks like a binary file, not {what}")


# -- reading with a cap ------------------------------------------------------------------------


def read_capped(path: str | Path, limit: int, what: str, *, head_check: Callable[[bytes], None] | None = None) -> bytes:
    """The bytes of a file (or of standard input for ``-``), refused past ``limit`` without reading it all.

    A regular file is measured before it is read; a device or a pipe (``/dev/zero``) is read up to
    the cap and no further. ``head_check`` sees the first chunk, so binary input fails at once.
    """
    if str(path) == STDIN:
        return _read_stream(sys.stdin.buffer, "standard input", limit, what, head_check)
    path = Path(path).expanduser()
    try:
        with open(path, "rb") as handle:
            size = _regular_size(handle)
            if size is not None and size > limit:
                raise over_limit(str(path), size, limit, what)
            return _read_stream(handle, str(path), limit, what, head_check)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read it ({error.strerror})") from None


def _regular_size(handle: BinaryIO) -> int | None:
    st = os.fstat(handle.fileno())
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError
    return st.st_size if stat.S_ISREG(st.st_mode) else None


def _read_stream(
    handle: BinaryIO, label: str, limit: int, what: str, head_check: Callable[[bytes], None] | None
) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = handle.read(min(READ_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        if not chunks and head_check is not None:
            head_check(chunk)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise over_limit(label, None, limit, what)
