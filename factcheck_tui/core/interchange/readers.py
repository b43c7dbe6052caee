"""Reading a file of past fact-checks in any accepted form, record by record.

A record that cannot be read becomes a ``Problem`` naming its line (or its place in a JSON
document) and the reading goes on, so that every bad record can be named; the importer decides
whether that stops the import. Only a file that cannot be read at all raises ``InputError``.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.export.csv_table import FORMULA_START, GUARD
from factcheck_tui.core.intake.decoding import DecodedText, text_from_bytes
from factcheck_tui.core.interchange.check_records import (
    Fields,
    PastCheck,
    Problem,
    RecordError,
    column_map,
    past_check,
    plain_fields,
)
from factcheck_tui.core.interchange.claimreview_in import claim_review_fields, find_claim_reviews, json_ld_blocks

Item = PastCheck | Problem
ReadProgress = Callable[[int, int], None]

FORMAT_NAMES = {"jsonl": "JSON Lines", "csv": "CSV", "json": "JSON", "html": "HTML page with JSON-LD"}
SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".json": "json",
    ".jsonld": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
PROGRESS_EVERY = 2000
# A record holding one of these is JSON-LD markup; any other is a plain record.
JSON_LD_KEYS = frozenset({"@type", "@graph", "@context", "claimReviewed"})
PAST_CHECKS = "a file of past fact-checks (JSON-LD, JSON Lines, CSV or an HTML page)"
_WRAPPERS = re.compile(
    r"^\s*(?:<!--|//\s*<!\[CDATA\[|/\*\s*<!\[CDATA\[\s*\*/)|(?:-->|//\s*\]\]>|/\*\s*\]\]>\s*\*/)\s*$"
)


def _no_progress(done: int, total: int) -> None:
    return None


def detect_format(path: Path, payload: bytes) -> str:
    if path.suffix.lower() in SUFFIXES:
        return SUFFIXES[path.suffix.lower()]
    head = payload.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"<":
        return "html"
    if head in (b"{", b"["):
        return "json"
    return "csv"


def _checked(fields: Fields, where: str) -> Iterator[Item]:
    try:
        check, warnings = past_check(fields, where)
    except RecordError as error:
        yield Problem(where, str(error))
        return
    yield from warnings
    yield check


def _object_fields(obj: dict[str, Any]) -> Fields:
    return plain_fields(list(obj.values()), column_map(tuple(obj)))


def _from_reviews(reviews: list[dict[str, Any]], where: str | None) -> Iterator[Item]:
    """Each ClaimReview, named by where it was found, and by its number when that place holds several."""
    for index, review in enumerate(reviews, start=1):
        if where is None:
            place = f"ClaimReview {index}"
        else:
            place = where if len(reviews) == 1 else f"{where}, ClaimReview {index}"
        yield from _checked(claim_review_fields(review), place)


def _from_object(obj: Any, where: str) -> Iterator[Item]:
    """A JSON Lines record: a plain record, or ClaimReview markup (which may hold several reviews)."""
    if not isinstance(obj, dict):
        yield Problem(where, "not a JSON object")
        return
    is_markup = not JSON_LD_KEYS.isdisjoint(obj)
    reviews = find_claim_reviews(obj) if is_markup else []
    if not reviews:
        yield from _checked(_object_fields(obj), where)
    yield from _from_reviews(reviews, where)


def read_json_lines(payload: bytes, progress: ReadProgress) -> Iterator[Item]:
    lines = payload.removeprefix(b"\xef\xbb\xbf").splitlines()
    for number, line in enumerate(lines, start=1):
        if number % PROGRESS_EVERY == 0:
            progress(number, len(lines))
        if not line.strip():
            continue
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as error:
            yield Problem(f"line {number}", f"not valid JSON ({error.msg})")
            continue
        yield from _from_object(obj, f"line {number}")
    progress(len(lines), len(lines))


def _looks_like_json_lines(payload: bytes) -> bool:
    first = next((line for line in payload.removeprefix(b"\xef\xbb\xbf").split(b"\n", 2)[:2] if line.strip()), b"")
    try:
        return isinstance(orjson.loads(first), dict)
    except orjson.JSONDecodeError:
        return False


def parse_json_document(payload: bytes, source: str) -> Any:
    try:
        return orjson.loads(payload.removeprefix(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError as error:
        raise InputError(f"{source}:{error.lineno}: not valid JSON ({error.msg})") from None


def read_json_document(data: Any, source: str) -> Iterator[Item]:
    reviews = find_claim_reviews(data)
    if reviews:
        yield from _from_reviews(reviews, None)
    elif isinstance(data, list):
        for index, obj in enumerate(data, start=1):
            yield from _from_object(obj, f"record {index}")
    elif isinstance(data, dict):
        yield from _from_object(data, "record 1")
    else:
        raise InputError(f"{source}: holds no ClaimReview and no fact-check records")


def _unwrap(block: str) -> str:
    """Some pages hide JSON-LD inside HTML comments or CDATA markers, which crawlers skip.

    They are blanked out rather than cut, so that line numbers in the block stay those of the page.
    """
    return _WRAPPERS.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), block)


def read_html(page: str, source: str, progress: ReadProgress) -> Iterator[Item]:
    blocks = list(json_ld_blocks(page))
    if not blocks:
        raise InputError(f'{source}: the page has no <script type="application/ld+json"> block')
    found = False
    for done, (line, block) in enumerate(blocks, start=1):
        progress(done, len(blocks))
        try:
            data = orjson.loads(_unwrap(block))
        except orjson.JSONDecodeError as error:
            yield Problem(f"line {line + error.lineno - 1}", f"JSON-LD block is not valid JSON ({error.msg})")
            continue
        reviews = find_claim_reviews(data)
        found = found or bool(reviews)
        yield from _from_reviews(reviews, f"line {line}")
    if not found:
        yield Problem("page", "no ClaimReview in the page's JSON-LD")


def _delimiter(header_line: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    counts = {delimiter: header_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _unguard(cell: str) -> str:
    """Undo the apostrophe a spreadsheet export puts before a cell that looks like a formula."""
    return cell[1:] if cell.startswith(GUARD) and cell[1:2] and cell[1] in "".join(FORMULA_START) else cell


def _swallowed_row(row: list[str], delimiter: str, width: int) -> bool:
    """A cell running over several lines, one of which reads as a whole row of its own: a stray
    quote opened the cell and took the rows after it in (valid CSV, but not what was meant)."""
    return any(
        line.count(delimiter) >= width - 1 for cell in row if "\n" in cell for line in cell.splitlines() if line.strip()
    )


def _csv_problem(error: csv.Error) -> str:
    if "unexpected end of data" in str(error):
        return "a quoted cell opens here and never closes (a stray quote?)"
    return f"not valid CSV ({error})"


def read_csv(text: str, source: str, suffix: str, progress: ReadProgress) -> Iterator[Item]:
    total = text.count("\n") + 1
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = _delimiter(header_line, suffix)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(row for row in reader if any(cell.strip() for cell in row))
    except StopIteration:
        raise InputError(f"{source}: the file is empty") from None
    except csv.Error as error:
        raise InputError(f"{source}:{reader.line_num}: the header is not valid CSV ({error})") from None
    columns = column_map(tuple(header))
    if "text" not in columns:
        raise InputError(
            f"{source}: the CSV header has no claim text column (name one of: text, claim, claim reviewed, statement)"
        )
    if "verdict" not in columns and "rating_value" not in columns:
        raise InputError(
            f"{source}: the CSV header has no verdict column (name one of: verdict, rating, label, textual rating)"
        )
    end = reader.line_num
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            end = reader.line_num
            yield Problem(f"line {start}", _csv_problem(error))
            continue
        end = reader.line_num
        if end // PROGRESS_EVERY != (start - 1) // PROGRESS_EVERY:
            progress(end, total)
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            yield Problem(
                f"line {start}", f"has {len(row)} cells but the header has {len(header)} (an unquoted delimiter?)"
            )
            continue
        if end > start and _swallowed_row(row, delimiter, len(header)):
            yield Problem(
                f"line {start}",
                f"a quoted cell runs on to line {end} and takes in what looks like other rows (a stray quote?)",
            )
            continue
        yield from _checked(plain_fields([_unguard(cell) for cell in row], columns), f"line {start}")
    progress(total, total)


def decoded_checks(payload: bytes, source: str) -> DecodedText:
    """The file as text: strictly, since a replaced byte could change what a record says."""
    if not payload.strip():
        raise InputError(f"{source}: the file is empty")
    return text_from_bytes(payload, source, what=PAST_CHECKS, replace_bad_bytes=False)


def read_checks(path: Path, payload: bytes, progress: ReadProgress | None = None) -> tuple[str, Iterator[Item]]:
    """The file's format and its records; ``progress(done, total)`` follows the reading."""
    source = str(path)
    decoded = decoded_checks(payload, source)
    if decoded.encoding != "utf-8" or decoded.warnings:
        # The JSON parser reads UTF-8 bytes; a UTF-16 file is handed over re-encoded, same lines.
        payload = decoded.text.encode("utf-8")
    progress = progress or _no_progress
    fmt = detect_format(path, payload)
    fmt, records = _read_format(fmt, path, payload, decoded.text, progress)
    warnings = [Problem("file", warning.removeprefix(f"{source}: "), skipped=False) for warning in decoded.warnings]
    return fmt, itertools.chain(warnings, records)


def _read_format(fmt: str, path: Path, payload: bytes, text: str, progress: ReadProgress) -> tuple[str, Iterator[Item]]:
    source = str(path)
    if fmt == "jsonl":
        return fmt, read_json_lines(payload, progress)
    if fmt == "json":
        try:
            data = parse_json_document(payload, source)
        except InputError:
            # Many tools write JSON Lines into a file named .json.
            if not _looks_like_json_lines(payload):
                raise
            return "jsonl", read_json_lines(payload, progress)
        progress(1, 1)
        return fmt, read_json_document(data, source)
    if fmt == "html":
        return fmt, read_html(text, source, progress)
    return fmt, read_csv(text, source, path.suffix.lower(), progress)
