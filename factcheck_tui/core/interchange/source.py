"""Reading an input file whole, with one clear line for each way that can fail."""

from __future__ import annotations

from pathlib import Path

from factcheck_tui.core.errors import InputError


def read_source(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read it ({error.strerror})") from None
