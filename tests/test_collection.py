"""Garbage collection paused for a stage, and as it was afterwards."""

from __future__ import annotations

import gc

import pytest

from generator.collection import collection_paused, heap_frozen, made_apart


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


def test_what_is_made_apart_is_made_paused_and_frozen_until_the_end() -> None:
    with made_apart(lambda: (gc.isenabled(), [[index] for index in range(1000)])) as made:
        paused, lists = made
        assert not paused and gc.isenabled()
        assert gc.get_freeze_count() > len(lists)
        assert not any(found is lists for found in gc.get_objects())
    assert gc.get_freeze_count() == 0
    assert any(found is lists for found in gc.get_objects(generation=2))


def test_a_nested_freeze_keeps_the_outer_one_until_it_ends() -> None:
    outer = [[1]]
    with heap_frozen():
        inner = [[2]]
        with heap_frozen():
            pass
        with made_apart(lambda: [[3]]):
            pass
        assert not any(found is outer or found is inner for found in gc.get_objects())
    assert gc.get_freeze_count() == 0
    assert any(found is outer for found in gc.get_objects(generation=2))
