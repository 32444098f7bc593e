"""Kalender Konten JDIH: the content calendar of a KPU office's legal division.

Data flows one way: files -> :mod:`kalender.core.loader` -> :mod:`kalender.core.model` ->
:mod:`kalender.rules` -> render (site) or export (bundle).
"""

__version__ = "0.1.0"
