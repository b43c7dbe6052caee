"""Persistence: TinyDB JSON files laid out so that a save costs what the change is.

Import from the modules themselves (``storage.repository.Repository``): this package loads
nothing, so that a process that only reads digest shards does not load the models.
"""
