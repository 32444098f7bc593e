"""The previews' part of the mkdocs plugin: make the pictures, add them and the Instagram
grid page to the site. Kept apart from :mod:`kalender.plugin.site_plugin` so that file stays
thin; the previews themselves are built by the pure :mod:`kalender.site.previews`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from ..core.i18n import t
from ..core.loader import Project
from ..core.memo import Memory
from ..core.postmemo import DiskMemo
from ..core.problems import Problem
from ..media.mediacache import RenditionCache, cache_folder, index_for
from ..site.previews import KeptPreviews, Previews, build_previews
from .keptfiles import PictureFile, picture_file

GRID_PAGE = "instagram/index.md"
MEASURES_STORE = Path("kalender") / "pictures.pickle"  # what was found in each picture
PREVIEWS_STORE = Path("kalender") / "previews.pickle"  # each post's previews, by its inputs
log = get_plugin_logger(__name__)


def add_previews(project: Project, findings: Mapping[str, Sequence[Problem]], files: Files,
                 config: MkDocsConfig, today: dt.date,
                 memory: Memory | None = None,
                 measured: DiskMemo[Any] | None = None,
                 kept: KeptPreviews | None = None,
                 cache: RenditionCache | None = None,
                 file_of: PictureFile = picture_file) -> Previews | None:
    """Build every preview, add its pictures and the grid page to ``files``
    (``measured``: what earlier builds found in the pictures, ``kept``: the previews of
    the posts' inputs; both saved here; ``cache``: the renditions, some maybe being made
    in worker processes; ``file_of``: the site file of a picture, see plugin.keptfiles)."""
    if project.calendar is None:
        return None
    cache = cache or RenditionCache(cache_folder(project.root))
    previews = build_previews(project.posts, project.calendar, findings,
                              index_for(project.root), cache, today, memory, measured, kept)
    if kept is not None:
        log.info(t("preview.log_kept", count=kept.memo.added, total=len(project.posts)))
    for store in (measured, kept.memo if kept is not None else None):
        if store is not None:
            store.save()
    for page, path in previews.files.items():
        if files.get_file_from_path(page) is None:
            files.append(file_of(config, page, str(path)))
    if files.get_file_from_path(GRID_PAGE) is None:
        files.append(File.generated(config, GRID_PAGE, content=grid_page_source()))
    made = previews.made
    log.info(t("preview.log_made", encoded=made.encoded, reused=made.reused))
    return previews


def grid_page_source() -> str:
    """The Markdown page of the Instagram grid: front matter naming its template."""
    meta = {"title": t("preview.grid_title"), "template": "kalender/instagram.html",
            "hide": ["toc"], "search": {"exclude": True}}
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n"
