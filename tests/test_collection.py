"""Garbage collection paused for a stage, and as it was afterwards."""

from __future__ import annotations

import gc

import pytest

from generator.collection import collection_paused


def test_paused_meanwhile_and_enabled_again_after_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError), collection_paused():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()


def test_left_disabled_if_it_was() -> None:
    gc.disable()
    try:
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
