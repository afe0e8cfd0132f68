"""Garbage collection kept off a build's long-lived objects: paused while a stage makes many
that outlive it, or the objects alive now left out of collections while pages render."""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


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


@contextmanager
def made_apart(make: Callable[[], T]) -> Iterator[T]:
    """What `make` gives, made with collection paused, and every object alive then left out of
    collections meanwhile: made while paused, they are all in the youngest generation, and the
    first collection after would walk them all (a second for 10,000 articles' cached readings)."""
    with collection_paused():
        made = make()
        _freeze()  # before collection resumes: any allocation could set one off
    try:
        yield made
    finally:
        _unfreeze()


@contextmanager
def heap_frozen() -> Iterator[None]:
    """The objects there are now (the timeline, views and plan: a build's millions) are left out
    of garbage collections meanwhile: each collection of the oldest generation walked them all,
    a sixth of rendering's time in one process, and none of them is garbage. Nested, the
    objects stay left out until the outermost ends."""
    _freeze()
    try:
        yield
    finally:
        _unfreeze()


_frozen = [0]  # how many freezes are open: gc.unfreeze() ends them all at once


def _freeze() -> None:
    gc.freeze()
    _frozen[0] += 1


def _unfreeze() -> None:
    _frozen[0] -= 1
    if not _frozen[0]:
        gc.unfreeze()


def release_freed_memory() -> None:
    """Gives the memory Python freed back to the system, where the C library allows (glibc on
    Linux): it keeps freed blocks for reuse otherwise, and the build would carry the merge's
    peak through rendering and search; forked render workers would share those pages too."""
    gc.collect()
    return_freed_blocks()


def return_freed_blocks() -> None:
    """Gives the C library's free blocks back to the system (glibc's malloc_trim; a no-op
    elsewhere): a large set or dict freed is one, Python's own small objects are not."""
    if sys.platform == "linux":
        trim = getattr(ctypes.CDLL(None), "malloc_trim", None)  # absent from musl
        if trim is not None:
            trim(0)
