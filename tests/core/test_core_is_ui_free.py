"""The domain core must never import Textual or Rich: both front ends sit on top of it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import factcheck_tui.core


def core_modules() -> list[str]:
    return [info.name for info in pkgutil.walk_packages(factcheck_tui.core.__path__, "factcheck_tui.core.")]


def test_core_has_modules() -> None:
    assert "factcheck_tui.core.storage.repository" in core_modules()


def test_no_core_module_imports_a_ui_library() -> None:
    program = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "leaks = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(leaks))\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
