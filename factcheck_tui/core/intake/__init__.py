"""Text intake: files, web pages, feeds, and claim extraction from a story."""
