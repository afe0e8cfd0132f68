"""Garbage collection paused while a stage makes many objects that outlive it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage collection meanwhile: each few hundred objects made set off a collection, and
    every so often one that walks all the objects alive (a whole corpus's readings), though
    what the stage makes is hardly ever garbage in a cycle; that little is collected later."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
