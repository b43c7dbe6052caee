"""Helpers shared by the tests: paths, the CLI runner, newsrooms, golden files, ClaimReview rules.

Tests import them from their modules (``from support.cli import factcheck``); conftest.py holds
only fixtures and is never imported as a module.
"""
