"""The HTML of one platform preview on a post page, written in Python.

A post page shows one preview per platform target (:class:`kalender.site.preview_model.
Preview`). They were Jinja macros (``preview``, ``shape``, ``slides``, ...): a dozen macro
calls, an include of every action icon and of the comment thread per preview, about a
third of a post page's render (handbook, *Kinerja situs*, branch ``clean3``). This module
writes the same bytes directly. The markup contract is the one the macros had and the
browser tests read: ``data-preview``, ``data-format``, ``data-layout``, ``data-warning``,
``data-field``, ``data-count``, ``data-rule``, ``data-crop``; the words come from the
catalog through the page's ``t``. ``overrides/partials/kalender/previews.html`` calls
:meth:`PreviewFigures.figure` for each preview; the compact previews of a week card and the
Instagram grid stay Jinja macros (``preview_macros.html``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup, escape

from .preview_model import AccountView, Picture, Preview, Text

Say = Callable[..., str]  # the templates' t(key, **params)
Link = Callable[[str], str]  # the page's href(site page): a URL relative to the page
Thread = Callable[..., Any]  # approval_macros.html's thread(comments, post, platform, name)

IG_ACTIONS = ("heart-outline", "comment-outline", "send-outline", "bookmark-outline")
REEL_ACTIONS = ("heart-outline", "comment-outline", "send-outline", "dots-horizontal")
SHORT_ACTIONS = ("thumb-up-outline", "thumb-down-outline", "comment-outline", "share-outline")
X_ACTIONS = ("comment-outline", "repeat", "heart-outline", "chart-bar", "tray-arrow-up")
LAZY = ' loading="lazy"'


def _e(value: object) -> str:
    return escape(value)


class PreviewFigures:
    """``preview_figure(p, href, thread, approval)`` in the templates: one build's figures
    (the icons' SVG text is read once per build through ``svg``)."""

    def __init__(self, say: Say, svg: Callable[[str], str]) -> None:
        self.say = say
        self.svg = svg
        self.icon_rows: dict[tuple[str, ...], str] = {}

    def __call__(self, p: Preview, href: Link, thread: Thread | None = None,
                 approval: Any = None) -> Markup:
        return Markup(_Figure(self, href).preview(p, thread, approval))

    def icons(self, names: Sequence[str]) -> str:
        """A row of the theme's generic action icons (the same on every page)."""
        key = tuple(names)
        row = self.icon_rows.get(key)
        if row is None:
            cells = "".join(f'<span class="kk-ico">{self.included(name)}</span>'
                            for name in names)
            row = self.icon_rows[key] = (
                f'<div class="kk-icons" role="img" aria-label="{_e(self.say("preview.actions"))}">'
                f"{cells}</div>")
        return row

    def included(self, name: str) -> str:
        """The theme's ``.icons/material/<name>.svg`` as ``{% include %}`` wrote it (Jinja
        drops one newline at the end of a template)."""
        text = self.svg(f"material/{name}")
        return text[:-1] if text.endswith("\n") else text


class _Figure:
    """The figures of one page (its links are relative to it)."""

    def __init__(self, figures: PreviewFigures, href: Link) -> None:
        self.f = figures
        self.t = figures.say
        self.href = href

    def preview(self, p: Preview, thread: Thread | None, approval: Any) -> str:
        t = self.t
        label = t("preview.label", platform=p.platform_name, format=p.format_label)
        shown = ""
        if approval and thread is not None:
            shown = "\n" + str(thread(approval.thread(p.post_id, p.platform), p.post_id,
                                      p.platform, p.platform_name))
        return (
            f'<figure class="kk-preview" data-preview="{_e(p.platform)}" '
            f'data-format="{_e(p.format)}" data-layout="{_e(p.layout)}" '
            f'data-warning="{"true" if p.warning else "false"}" aria-label="{_e(label)}">\n'
            f'  <figcaption class="kk-preview__label"><span class="kk-preview__name">'
            f"{_e(p.platform_name)} · {_e(p.format_label)}</span>{self.badge(p)}</figcaption>\n"
            f'  <div class="kk-preview__frame">{self.shape(p)}</div>\n'
            f"  {self.counts(p)}\n"
            f"  {self.findings(p)}\n"
            f"  {shown}\n"
            f"</figure>")

    # --- the frame around the shape -----------------------------------------------------

    def badge(self, p: Preview) -> str:
        if not p.warning:
            return ""
        severity = ' data-severity="error"' if p.errors else ""
        words = (self.t("preview.warning", count=len(p.findings)) if p.findings
                 else self.t("preview.warning_over"))
        return f'<span class="kk-warn" data-warning-badge{severity}>{_e(words)}</span>'

    def counts(self, p: Preview) -> str:
        t = self.t
        items = []
        for c in p.counts:
            warn = ' data-warn="true"' if c.warn else ""
            unit = f" <small>{_e(c.unit)}</small>" if c.unit else ""
            flag = (f' <em class="kk-counts__flag">{_e(t("preview.count_over"))}</em>' if c.over
                    else f' <em class="kk-counts__flag">{_e(t("preview.count_warn"))}</em>'
                    if c.warn else "")
            items.append(
                f'\n  <li data-count="{c.kind}" data-over="{"true" if c.over else "false"}"'
                f'{warn}><span class="kk-counts__label">{_e(c.label)}</span> '
                f'<b class="kk-counts__value">{_e(c.shown)}</b>{unit}{flag}</li>')
        return (f'<ul class="kk-counts" aria-label="{_e(t("preview.counts_title"))}">'
                f'{"".join(items)}\n</ul>')

    def findings(self, p: Preview) -> str:
        if not p.findings:
            return ""
        items = "".join(
            f'\n  <li data-rule="{_e(f.rule)}" data-severity="{_e(f.severity)}">'
            f'<span class="kk-sev" data-severity="{_e(f.severity)}">{_e(f.severity_label)}'
            f"</span> {_e(f.message)}</li>" for f in p.findings)
        return (f'\n<ul class="kk-findings" aria-label="{_e(self.t("preview.findings_title"))}">'
                f"{items}\n</ul>")

    # --- one shape per platform and format ----------------------------------------------

    def shape(self, p: Preview) -> str:
        layout = p.layout
        if layout in ("instagram-feed", "instagram-carousel"):
            return self.instagram_square(p)
        if layout in ("instagram-reel", "facebook-reel"):
            return self.vertical(p, "reel")
        if layout == "instagram-story":
            return self.vertical(p, "story")
        if p.platform == "tiktok":
            return self.vertical(p, "tiktok")
        if layout == "youtube-short":
            return self.vertical(p, "short")
        if p.platform == "youtube":
            return self.youtube_video(p)
        if p.platform == "x":
            return self.x_post(p)
        return self.facebook_post(p)

    def instagram_square(self, p: Preview) -> str:
        media = (self.slides(p, p.pictures[0].aspect) if p.pictures
                 else self.empty_media("4 / 5", p))
        return (
            f'<div class="kk-post kk-ig">\n'
            f'  <header class="kk-head">{self.avatar(p.account)}<b class="kk-handle">'
            f'{_e(p.account.handle)}</b><span class="kk-head__menu" aria-hidden="true"></span>'
            f"</header>{media}\n"
            f"  {self.f.icons(IG_ACTIONS)}\n"
            f"  {self.text(p.caption, p, p.account.handle)}\n"
            f'  <p class="kk-date">{_e(p.date_label)}</p>\n'
            f"</div>")

    def vertical(self, p: Preview, kind: str) -> str:
        media = self.slides(p, "9 / 16") if p.pictures else self.empty_media("9 / 16", p)
        handle = _e(p.account.handle)
        top = actions = who = title = sound = ""
        if kind == "story":
            top = (f'\n  <div class="kk-vert__top"><span class="kk-progress" aria-hidden="true">'
                   f'</span>{self.avatar(p.account, "small")}<b class="kk-handle">{handle}</b>'
                   f"</div>")
        else:
            actions = self.f.icons(SHORT_ACTIONS if kind == "short" else REEL_ACTIONS)
            at = "@" if kind in ("tiktok", "short") else ""
            who = (f'\n    <div class="kk-vert__who">{self.avatar(p.account, "small")}'
                   f'<b class="kk-handle">{at}{handle}</b></div>')
        if p.title:
            title = (f'<p class="kk-vert__title" data-field="title">{_e(p.title.head)}'
                     f"{_e(p.title.rest)}</p>")
        if kind == "tiktok":
            sound = (f'<p class="kk-vert__sound"><span class="kk-ico kk-ico--small">'
                     f'{self.f.included("music-note")}</span> '
                     f'{_e(self.t("preview.sound", handle=p.account.handle))}</p>')
        return (
            f'<div class="kk-post kk-vert kk-vert--{_e(kind)}">{media}{top}{actions}\n'
            f'  <div class="kk-vert__bottom">{who}{title}\n'
            f"    {self.text(p.caption, p)}{sound}\n"
            f"  </div>\n"
            f"</div>")

    def x_post(self, p: Preview) -> str:
        return (
            f'<div class="kk-post kk-x">\n'
            f"  {self.avatar(p.account)}\n"
            f'  <div class="kk-x__body">\n'
            f'    <header class="kk-x__head"><b>{_e(p.account.name)}</b> <span class="kk-muted">'
            f"@{_e(p.account.handle)} · {_e(p.date_label)}</span></header>\n"
            f"    {self.text(p.caption, p)}\n"
            f"    {self.grid(p)}\n"
            f"    {self.f.icons(X_ACTIONS)}\n"
            f"  </div>\n"
            f"</div>")

    def facebook_post(self, p: Preview) -> str:
        t = self.t
        return (
            f'<div class="kk-post kk-fb">\n'
            f'  <header class="kk-head">{self.avatar(p.account)}<span class="kk-fb__who"><b>'
            f'{_e(p.account.name)}</b><span class="kk-muted">{_e(p.date_label)} · '
            f'{_e(t("preview.fb_public"))}</span></span></header>\n'
            f"  {self.text(p.caption, p)}\n"
            f"  {self.grid(p)}\n"
            f'  <div class="kk-fb__actions" aria-hidden="true"><span>{_e(t("preview.fb_like"))}'
            f'</span><span>{_e(t("preview.fb_comment"))}</span><span>'
            f'{_e(t("preview.fb_share"))}</span></div>\n'
            f"</div>")

    def youtube_video(self, p: Preview) -> str:
        pic = p.pictures[0] if p.pictures else None
        if pic:
            thumb = self.picture(pic, True)
            if pic.duration:
                thumb += f'<span class="kk-yt__time">{_e(pic.duration)}</span>'
        elif p.broken:
            thumb = self.missing()
        else:
            thumb = self.no_media()
        title = (f'<h4 class="kk-yt__title" data-field="title">{_e(p.title.head)}'
                 f"{_e(p.title.rest)}</h4>" if p.title else "")
        return (
            f'<div class="kk-post kk-yt">\n'
            f'  <div class="kk-yt__thumb" style="aspect-ratio: 16 / 9">{thumb}</div>\n'
            f'  <div class="kk-yt__meta">{self.avatar(p.account)}\n'
            f"    <div>{title}\n"
            f'      <p class="kk-muted">{_e(p.account.name)} · {_e(self.t("preview.yt_views"))}'
            f"</p>\n"
            f"    </div>\n"
            f"  </div>\n"
            f'  <div class="kk-yt__desc">{self.text(p.caption, p)}</div>\n'
            f"</div>")

    # --- the parts of a shape -----------------------------------------------------------

    def avatar(self, account: AccountView, size: str = "") -> str:
        sized = f" kk-avatar--{_e(size)}" if size else ""
        inner = (f'<img src="{self.href(account.avatar)}" alt="" width="48" height="48">'
                 if account.avatar else _e(account.initials))
        return f'<span class="kk-avatar{sized}" aria-hidden="true">{inner}</span>'

    def picture(self, pic: Picture, eager: bool = False) -> str:
        if pic.page:
            framing = pic.framing
            html = (
                f'<img class="kk-pic{" kk-pic--letterbox" if pic.letterboxed else ""}" '
                f'src="{self.href(pic.page)}" alt="{_e(pic.alt)}" width="{_e(pic.width)}" '
                f'height="{_e(pic.height)}" data-crop="{_e(pic.crop)}" '
                f'data-source="{_e(framing.source[0])}x{_e(framing.source[1])}" '
                f'data-size="{_e(framing.size[0])}x{_e(framing.size[1])}" '
                f'style="object-position: {_e(pic.position)}"'
                f'{"" if eager else LAZY}>')
        else:
            html = (f'<span class="kk-pic kk-pic--missing" role="img" aria-label="{_e(pic.alt)}">'
                    f'{_e(self.t("preview.no_picture"))}</span>')
        if pic.is_video:
            words = self.t("preview.video", duration=pic.duration)
            html += f'<span class="kk-play" role="img" aria-label="{_e(words)}"></span>'
        return html

    def text(self, x: Text | None, p: Preview, handle: str = "") -> str:
        if not x:
            return ""
        folded = x.folded
        html = [f'<p class="kk-text" data-field="{_e(x.field)}"',
                ' data-folded="true">' if folded else ">"]
        if handle:
            html.append(f'<b class="kk-handle">{_e(handle)}</b> ')
        html.append(f'<span class="kk-text__head">{_e(x.head)}</span>')
        if folded:
            dots = "" if p.fold_link.startswith(".") else "… "
            html.append(
                f'<span class="kk-text__more">{dots}<button type="button" class="kk-more" '
                f'data-fold-link aria-expanded="false">{_e(p.fold_link)}</button></span>'
                f'<span class="kk-text__rest" hidden>{_e(x.rest)}</span>')
        html.append("</p>")
        return "".join(html)

    def slides(self, p: Preview, aspect: str) -> str:
        t = self.t
        many = len(p.pictures) > 1
        total = len(p.pictures)
        html = [f'<div class="kk-slides" style="aspect-ratio: {_e(aspect)}"',
                ' data-carousel data-index="0" aria-roledescription="carousel">' if many else ">",
                '\n  <div class="kk-slides__track">']
        for index, pic in enumerate(p.pictures, 1):
            label = (f' aria-label="{_e(t("preview.slide", number=index, total=total))}"'
                     if many else "")
            html.append(f'\n    <div class="kk-slide"{label}>{self.picture(pic, index == 1)}</div>')
        html.append("\n  </div>")
        if many:
            html.append(
                f'\n  <button type="button" class="kk-arrow kk-arrow--prev" data-slide="-1" '
                f'aria-label="{_e(t("preview.previous"))}" disabled></button>'
                f'\n  <button type="button" class="kk-arrow kk-arrow--next" data-slide="1" '
                f'aria-label="{_e(t("preview.next"))}"></button>'
                f'\n  <span class="kk-slides__counter" aria-hidden="true"><span data-slide-number>'
                f"1</span>/{total}</span>")
        html.append("\n</div>")
        if many:
            dots = "".join('<span class="kk-dot" data-current></span>' if index == 0
                           else '<span class="kk-dot"></span>' for index in range(total))
            html.append(f'\n<div class="kk-dots" aria-hidden="true">{dots}</div>')
        return "".join(html)

    def missing(self) -> str:
        return f'<span class="kk-pic kk-pic--missing">{_e(self.t("preview.no_picture"))}</span>'

    def no_media(self) -> str:
        return f'<span>{_e(self.t("preview.no_media"))}</span>'

    def empty_media(self, aspect: str, p: Preview | None = None) -> str:
        inner = self.missing() if p and p.broken else self.no_media()
        return (f'<div class="kk-slides kk-slides--empty" style="aspect-ratio: {_e(aspect)}">'
                f"{inner}</div>")

    def grid(self, p: Preview) -> str:
        if p.pictures:
            style = (f' style="aspect-ratio: {_e(p.pictures[0].aspect)}"'
                     if len(p.pictures) == 1 else "")
            shown = p.pictures[:4]
            cells = []
            for index, pic in enumerate(shown):
                more = ""
                if index == len(shown) - 1 and p.hidden_pictures:
                    words = self.t("preview.more_pictures", count=p.hidden_pictures)
                    more = f'<span class="kk-grid__more">{_e(words)}</span>'
                cells.append(f'\n  <div class="kk-grid__cell">{self.picture(pic, index == 0)}'
                             f"{more}</div>")
            return f'<div class="kk-grid" data-grid="{p.grid}"{style}>{"".join(cells)}\n</div>'
        if p.broken:
            return f'<div class="kk-grid" data-grid="1">{self.missing()}</div>'
        return ""
