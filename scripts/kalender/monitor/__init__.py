"""The roll-up of many offices (SOP F: monitoring level by level).

Sources (local checkouts, git URLs, or another roll-up's output) -> :mod:`.sources` ->
each office's figures over a period (:mod:`.figures`, cached per office by :mod:`.store`) ->
the roll-up (:mod:`.rollup`) -> its pages and ``pantauan.json`` (:mod:`.render`).
docs/pantauan.md explains every figure.
"""
