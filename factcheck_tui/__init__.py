"""factcheck-tui: a keyboard-driven terminal app for newsroom fact-checkers."""

__version__ = "0.1.0"
