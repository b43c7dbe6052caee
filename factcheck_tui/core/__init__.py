"""The domain core: models, extraction, matching, storage and export.

Nothing in this package may import Textual or Rich; both front ends (CLI and TUI) call into it.
"""
