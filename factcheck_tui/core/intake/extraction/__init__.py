"""Claim extraction: split a story into sentences and rank each one for check-worthiness."""

from factcheck_tui.core.intake.extraction.pipeline import ExtractedClaim, Extraction, Sentence, extract

__all__ = ["ExtractedClaim", "Extraction", "Sentence", "extract"]
