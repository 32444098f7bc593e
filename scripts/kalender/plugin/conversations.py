"""The conversations' part of the mkdocs plugin: the inbox ``percakapan/``, the listening page
``percakapan/pantauan/`` and each post page's thread (slot ``conversation`` of the post page).

The views come from :mod:`kalender.conversations.views`; the templates are
``overrides/kalender/percakapan.html``, ``percakapan_pantauan.html`` and
``overrides/partials/kalender/conversation.html``; the inbox's filters are
``overrides/assets/kalender/percakapan.js``.
"""

from __future__ import annotations

import datetime as dt
import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from ..conversations.canned import load_canned
from ..conversations.store import conversations_of
from ..conversations.views import Context, ConversationViews, build_views, settings_of
from ..core.i18n import t
from ..core.loader import Project
from ..core.overlay import Overlay
from ..core.problems import Report, report_blocks

INBOX_PAGE = "percakapan/index.md"
LISTENING_PAGE = "percakapan/pantauan/index.md"
PAGES = {INBOX_PAGE: ("conversations.site.inbox_title", "kalender/percakapan.html"),
         LISTENING_PAGE: ("conversations.site.listening_title",
                          "kalender/percakapan_pantauan.html")}
log = get_plugin_logger(__name__)


def add_conversations(project: Project, files: Files, config: MkDocsConfig, today: dt.date,
                      overlay: Overlay) -> ConversationViews | None:
    """Build the conversation views and add the inbox and listening pages."""
    calendar = project.calendar
    if calendar is None:
        return None
    report = Report()
    conversations = conversations_of(project.posts, report, calendar.satker.timezone)
    canned = load_canned(calendar.folder, calendar.satker.jdih_url, report)
    for block in report_blocks(report, project.root):  # a warning fails a strict build,
        log.warning("%s", "\n".join(block))  # as kalender check does; worded as it prints
    accounts = calendar.satker.accounts.values()
    settings = settings_of(calendar.satker.extra, calendar.satker.slug,
                           [a.handle for a in accounts] + [a.name for a in accounts])
    context = Context(today, settings, overlay.is_day_off,
                      {m: x.name for m, x in calendar.team.members.items()}, canned,
                      {pid: p.name for pid, p in calendar.platforms.items()})
    views = build_views(conversations, {p.id: p.title for p in project.posts},
                        {pid: p.name for pid, p in calendar.platforms.items()}, context)
    for page, (title, template) in PAGES.items():
        _add_page(files, config, page, t(title), template)
    return views


def _add_page(files: Files, config: MkDocsConfig, page: str, title: str, template: str) -> None:
    if files.get_file_from_path(page) is not None:
        return  # a hand-written page at the same path wins
    meta = {"title": title, "template": template, "hide": ["navigation", "toc"],
            "search": {"exclude": True}}
    files.append(File.generated(config, page, content=f"---\n{json.dumps(meta)}\n---\n"))


def page_data(views: ConversationViews | None, page: str) -> object | None:
    """What the template of ``page`` reads (None: not a conversations page)."""
    if views is None:
        return None
    if page == INBOX_PAGE:
        return views.inbox
    if page == LISTENING_PAGE:
        return views.listening
    return None
