"""Interchange with other tools: past fact-checks in (ClaimReview, JSON Lines, CSV), backups back.

Import from the modules themselves (``interchange.restore.restore_export``): this package loads
nothing, so a command that reads one input file does not load every reader.
"""
