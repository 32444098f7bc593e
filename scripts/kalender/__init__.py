"""Kalender Konten JDIH: the content calendar of a KPU office's legal division.

Data flows one way: files -> :mod:`kalender.core.loader` -> :mod:`kalender.core.model` ->
:mod:`kalender.rules` -> render (site) or export (bundle).
"""

from .core import codecache

__version__ = "0.1.0"

codecache.install()  # before any dataclass of the package is made (core.codecache)
