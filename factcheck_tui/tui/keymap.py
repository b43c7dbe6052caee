"""Check a user's [keys] table before the app starts: every id must exist, and no key may do two things."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from factcheck_tui.core.errors import ConfigError


def our_classes(app_class: type[App]) -> Iterator[type[DOMNode]]:
    """The app and every screen and widget class of ours that declares bindings."""
    from factcheck_tui.tui import screens, widgets

    yield app_class
    for package in (screens, widgets):
        for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            module = importlib.import_module(info.name)
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ == module.__name__ and "BINDINGS" in cls.__dict__ and issubclass(cls, DOMNode):
                    yield cls


def own_bindings(cls: type) -> list[Binding]:
    return [binding for binding in cls.__dict__.get("BINDINGS", []) if isinstance(binding, Binding)]


def _chain_bindings(cls: type, app_class: type[App]) -> list[Binding]:
    """What is bound while a screen is shown: its own keys, its base classes' and the app's."""
    inherited = [binding for base in cls.__mro__ for binding in own_bindings(base)]
    return inherited + own_bindings(app_class)


def check_keymap(keymap: dict[str, str], app_class: type[App], config_path: Path) -> None:
    classes = list(our_classes(app_class))
    known = {binding.id: binding for cls in classes for binding in own_bindings(cls) if binding.id}
    for binding_id in keymap:
        if binding_id not in known:
            raise ConfigError(
                f"{config_path}: keys.{binding_id}: no action has this id (the help screen, ?, lists them)"
            )
    for cls in classes:
        if not issubclass(cls, Screen):
            continue
        taken: dict[str, Binding] = {}
        for binding in _chain_bindings(cls, app_class):
            keys = keymap.get(binding.id or "", binding.key)
            for key in (part.strip() for part in keys.split(",")):
                other = taken.setdefault(key, binding)
                if (
                    other.id != binding.id
                    and other.action != binding.action
                    and (binding.id in keymap or other.id in keymap)
                ):
                    moved = binding if binding.id in keymap else other
                    kept = other if moved is binding else binding
                    raise ConfigError(
                        f"{config_path}: keys.{moved.id}: {key!r} already means “{kept.description}” ({kept.id})"
                    )
