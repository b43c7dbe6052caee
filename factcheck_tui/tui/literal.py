"""The one way text from outside our code reaches a widget: as literal text, never as markup.

Story text, titles, outlets, speakers, notes, reviewer names, config values, paths and error
messages quoting any of them are full of brackets ("[sic]", "[the council]", "[/]"). Textual reads
a plain string as content markup almost everywhere (labels, statics, table cells, options,
notifications), so a bracket would vanish, restyle the text or crash the screen. Widgets get
``Text`` objects built here instead, and the few APIs that only take markup get escaped strings.
"""

from __future__ import annotations

from rich.text import Text
from textual.markup import escape

from factcheck_tui.core.text import shown


def literal(text: str, style: str = "") -> Text:
    """``text`` exactly as written, made safe for the terminal, in an optional ``style``."""
    return Text(shown(text), style=style)


def markup_escaped(text: str) -> str:
    """For the APIs that take only a markup string (the command palette's prompts and help)."""
    return escape(shown(text))
