"""Claim matching: "was this already checked?" across stories and the imported archive.

Front ends use ``service.MatchIndex`` (search, similar claims, clusters), ``Repository.links``
(reviewers' confirm/reject decisions) and ``copying.copy_verdict``; none of it knows about
Textual. This package loads nothing itself, so that the worker processes of an index build
(``building``) load only the text analysis they run.
"""
