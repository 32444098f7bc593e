"""The mkdocs plugin (entry point ``kalender.plugin:KalenderPlugin``): the only mkdocs code."""

from .site_plugin import KalenderPlugin

__all__ = ["KalenderPlugin"]
