"""Interchange with other tools: past fact-checks in (ClaimReview, JSON Lines, CSV), backups back."""

from factcheck_tui.core.interchange.past_checks import ImportChecksResult, Progress, import_checks
from factcheck_tui.core.interchange.restore import RestoreResult, restore_export

__all__ = ["ImportChecksResult", "Progress", "RestoreResult", "import_checks", "restore_export"]
