"""The Textual front end. It renders core models and calls core functions; it holds no domain logic."""
