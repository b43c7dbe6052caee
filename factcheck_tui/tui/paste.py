"""A terminal paste arrives whole, as text: escape sequences inside it never become keys.

A reviewer pastes story text copied from anywhere, a terminal with colours included, so a paste
can hold ESC characters and whole escape sequences. Textual's ``XTermParser`` (8.2) keeps a
bracketed paste (``ESC[200~`` … ``ESC[201~``) by appending the characters it reads, but an ESC
inside the paste sends it into its escape-sequence reader, which does not append: what follows
the ESC (up to 32 characters, or up to the next ESC) is turned into key presses, which run the
app's bindings, and never reaches the paste. ``PasteSafeParser`` reads the inside of a bracketed
paste itself, up to the end marker and nothing else, and hands it on as one ``Paste`` event
cleaned like all text from outside (``clean_text``: line breaks kept as ``\\n``, no controls).

The Linux driver builds its parser inside its input thread with no hook to change it, so
``PasteSafeDriver`` is that input loop again with our parser; ``FactcheckApp.get_driver_class``
picks it wherever Textual would pick the Linux driver.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder
from collections.abc import Generator
from contextlib import suppress

from textual import events
from textual._parser import ParseEOF, ParseError, ParseTimeout, Peek1, Read1, TokenCallback
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from factcheck_tui.core.text import clean_text

# How much the input thread reads at once, and how long it waits for input before it looks
# whether the app is closing (both as in Textual's own loop).
_READ_BYTES = 4096
_SELECT_SECONDS = 0.1


class PasteSafeParser(XTermParser):
    """``XTermParser`` for keys, mouse and terminal reports; the inside of a paste is read here."""

    def parse(self, token_callback: TokenCallback[Message]) -> Generator[Read1 | Peek1, str, None]:
        def all_but_pastes(token: Message) -> None:
            # Textual's reader still sees each paste's markers, and reports the (empty) paste
            # between them: the real one is reported below.
            if not isinstance(token, events.Paste):
                token_callback(token)

        keys = super().parse(all_but_pastes)
        awaiting = next(keys)
        # What was read since the last pause: a paste's start marker is one only when its
        # characters came without the pause that ends an escape sequence.
        recent = ""
        while True:
            try:
                character = yield awaiting
            except ParseTimeout as timeout:
                recent = ""
                awaiting = keys.throw(timeout)
                continue
            except ParseEOF as end:
                with suppress(StopIteration):
                    keys.throw(end)
                return
            awaiting = keys.send(character)
            recent = (recent + character)[-len(BRACKETED_PASTE_START) :]
            if recent != BRACKETED_PASTE_START:
                continue
            try:
                pasted = yield from self._read_paste()
            except ParseEOF:
                return
            token_callback(events.Paste(clean_text(pasted)))
            # Textual's reader is waiting inside the paste it saw start: the end marker ends it.
            for marker_character in BRACKETED_PASTE_END:
                awaiting = keys.send(marker_character)
            recent = ""

    def _read_paste(self) -> Generator[Read1, str, str]:
        """Everything up to the end marker, exactly as it came (no timeout: a paste ends with its marker)."""
        pasted: list[str] = []
        tail = ""
        while tail != BRACKETED_PASTE_END:
            character = yield self.read1()
            pasted.append(character)
            tail = (tail + character)[-len(BRACKETED_PASTE_END) :]
        return "".join(pasted[: -len(BRACKETED_PASTE_END)])


class PasteSafeDriver(LinuxDriver):
    """Textual's Linux driver reading the terminal through ``PasteSafeParser``."""

    def run_input_thread(self) -> None:
        # LinuxDriver.run_input_thread, with our parser: read what the terminal sends, decode it
        # as UTF-8 (a character may be split between two reads), and post what the parser makes
        # of it; ``tick`` lets a lone ESC become the escape key once no sequence follows it.
        parser = PasteSafeParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)

        def read_ready(final: bool = False) -> None:
            for _key, mask in selector.select(_SELECT_SECONDS):
                if mask & selectors.EVENT_READ:
                    data = decode(os.read(self.fileno, _READ_BYTES), final=final)
                    if not data:
                        break  # standard input is a pipe that has closed
                    for message in parser.feed(data):
                        self.process_message(message)
            for message in parser.tick():
                self.process_message(message)

        try:
            while not self.exit_event.is_set():
                read_ready()
            selector.unregister(self.fileno)
            read_ready(final=True)
        finally:
            selector.close()
            with suppress(EOFError, ParseError):
                for _message in parser.feed(""):
                    pass
