"""What the page's editor asks besides the writing API: the choices of the "new proposal"
form, and a post's own media files (so the focus point is set on the picture itself).

Routes (docs/review.md)::

    GET /api/choices                        categories and their types, platforms and formats
    GET /api/posts/<id>/file?name=<file>    one media file of the post, as uploaded

A media file is served only when the post's front matter names it and it lies in the
post's own folder; anything else is a 404 before any file is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from ..core.calendar_data import CalendarData
from ..core.editing import EditError, PostText
from ..core.i18n import t
from ..core.model import CATEGORY_TYPES
from .post_edits import Refusal

if TYPE_CHECKING:
    from .app import Review

MEDIA_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
               ".webp": "image/webp", ".heic": "image/heic", ".mp4": "video/mp4",
               ".mov": "video/quicktime"}


def choices(calendar: CalendarData) -> dict[str, Any]:
    """The values the form offers, with their labels in the reader's language."""
    return {
        "categories": [{
            "id": category, "label": t(f"site.category.{category}"),
            "types": [{"id": kind, "label": t(f"site.type.{kind}")} for kind in kinds],
        } for category, kinds in CATEGORY_TYPES.items()],
        "platforms": [{"id": p.id, "name": p.name, "default": p.default_format,
                       "formats": list(p.formats)} for p in calendar.platforms.values()],
        "hashtags": list(calendar.satker.hashtags),
    }


def media_file(path: Path, name: str) -> Path:
    """The post's media file ``name`` (as its front matter writes it), or a 404."""
    try:
        media = PostText.parse(path.read_text(encoding="utf-8")).values().get("media") or []
    except (EditError, UnicodeDecodeError):
        media = []
    named = {str(m.get("file")) for m in media if isinstance(m, dict)}
    folder = path.with_suffix("").resolve()
    if name in named:
        target = (path.parent / name).resolve()
        if target.parent == folder and target.is_file() and target.suffix.lower() in MEDIA_TYPES:
            return target
    raise Refusal(404, "review.no_media", "name", post=path.stem, file=name[:80])


def routes(review: Review, wrap: Callable[..., Any]) -> list[Route]:
    """The routes of this module, wrapped like the others (login, errors)."""
    editor = review.editor  # type: ignore[attr-defined]

    async def form_choices(_review: Review, request: Request) -> Response:
        review.required_session(request)
        try:
            calendar = await run_in_threadpool(editor.calendar)
        except Refusal as refusal:
            return refusal.response()
        return JSONResponse(choices(calendar))

    async def file(_review: Review, request: Request) -> Response:
        review.required_session(request)
        path = review.post_path(request.path_params["post_id"])
        try:
            target = await run_in_threadpool(media_file, path, request.query_params.get("name", ""))
        except Refusal as refusal:
            return refusal.response()
        return FileResponse(target, media_type=MEDIA_TYPES[target.suffix.lower()])

    return [
        Route("/api/choices", wrap(form_choices), methods=["GET"]),
        Route("/api/posts/{post_id}/file", wrap(file), methods=["GET"]),
    ]
