"""The review workflow: verdicts, edits, history, desk assignments and filters."""
