"""Proportional set size (PSS) of a process tree, from /proc, for the benchmarks' peak memory."""

from __future__ import annotations

import os
from pathlib import Path


def tree_pss_kb(root: int) -> int:
    """Proportional set size of `root` and all its descendants, from /proc: pages that forked
    workers share with their parent count once, as they do in the machine's memory."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = {root}, [root]
    while frontier:
        children = [pid for pid, parent in parents.items() if parent in frontier]
        tree.update(children)
        frontier = children
    return sum(_pss_kb(pid) for pid in tree)


def _pss_kb(pid: int) -> int:
    return proc_kb(pid, "smaps_rollup", "Pss:")


def proc_kb(pid: int, file: str, field: str) -> int:
    """A size in kB from /proc/PID/FILE ("Pss:" of smaps_rollup, "VmHWM:" of status); 0 once
    the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/{file}").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0
