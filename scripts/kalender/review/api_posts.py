"""Writing posts in the browser: create, edit, move, media, preview, history (JSON API).

Routes (docs/review.md)::

    POST /api/posts                         a new proposal (usulan): 201 {"id": ...}
    GET  /api/posts/<id>/source             the front-matter values, the design notes, version
    POST /api/posts/<id>/edit               {version, fields, remove, notes}: change values
    POST /api/posts/<id>/move               {version, date, time}: another day (and time)
    POST /api/posts/<id>/media?alt=&name=   the file's bytes: add a picture or a video
    POST /api/posts/<id>/media/arrange      {version, media: [{file, alt, focus}]}: order, alt
    POST /api/preview                       {id, fields, notes}: previews, counts, findings
    GET  /api/posts/<id>/history            the commits of the post
    GET  /api/posts/<id>/diff?from=&to=     a line diff between two of them

Every change is checked as ``kalender check`` checks a file (the loader reads the bytes
about to be written) before anything is written; then the file is written atomically under
the repository's approval lock and committed as the member (:mod:`.gitcommit`). A save is
refused (409) when the file changed since the person read it, with the other change shown.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..approval.records import write_lock
from ..core.atomic import write_bytes
from ..core.calendar_data import CalendarData, load_calendar
from ..core.editing import (
    EditError,
    PostText,
    body_section,
    edit_front_matter,
    set_body_section,
)
from ..core.i18n import t
from ..core.loader import load_project, post_files_of_days
from ..core.model import CATEGORY_TYPES, Status
from ..core.new_post import post_path, slugify
from ..core.problems import Report
from .gitcommit import Author, GitError, Repository, diff_lines
from .post_edits import (
    EDITABLE,
    IMAGE_LIMIT,
    NAME,
    NOTES,
    SUMMARY,
    TEXT_LIMIT,
    VIDEO_LIMIT,
    VIDEO_SUFFIXES,
    Refusal,
    _arranged,
    _day,
    _free_name,
    _kind,
    _move_files,
    _probe,
    _renamed_media,
    _time,
    _time_of,
    check_bytes,
    finding_fields,
    refuse_problems,
    split_changes,
    text_version,
)

if TYPE_CHECKING:
    from .app import Review

ApiHandler = Callable[["Review", Request], Awaitable[Response]]


@dataclass
class Editor:
    """The writing side of the review server: the repository's git, texts seen by version."""

    root: Path
    git: Repository | None
    seen: OrderedDict[str, str] = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def remember(self, raw: bytes) -> str:
        version = text_version(raw)
        with self.lock:
            self.seen[version] = raw.decode("utf-8", "replace")
            self.seen.move_to_end(version)
            while len(self.seen) > 500:
                self.seen.popitem(last=False)
        return version

    def calendar(self) -> CalendarData:
        calendar = load_calendar(self.root, Report())
        if calendar is None:
            raise Refusal(422, "editing.no_calendar")
        return calendar

    def author(self, member: str) -> Author:
        person = self.calendar().team.members[member]
        return Author(person.name, person.email or f"{member}@kalender.invalid")

    def commit(self, member: str, paths: Iterable[Path], key: str, **params: Any) -> str | None:
        """One commit of ``paths`` by ``member``; None without git (or when git refused: the
        change is written all the same, and the server's log says why)."""
        if self.git is None:
            return None
        try:
            return self.git.commit(list(paths), self.author(member), t(key, **params))
        except GitError as error:
            print(t("editing.git_failed", detail=str(error)), flush=True)
            return None


# -- reading and checking ------------------------------------------------------------------


# -- the operations ------------------------------------------------------------------------


class Operations:
    """Each change the browser makes, in the thread pool, under the approval lock."""

    def __init__(self, review: Review, editor: Editor) -> None:
        self.review, self.editor = review, editor

    @property
    def root(self) -> Path:
        return self.review.settings.root

    def source(self, path: Path) -> dict[str, Any]:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        try:
            values = PostText.parse(text).values()
        except EditError:
            raise Refusal(422, "review.post_unreadable", post=path.stem) from None
        return {"id": path.stem, "version": self.editor.remember(raw),
                "fields": {k: v for k, v in values.items() if k in (*EDITABLE, "date",
                                                                     "status", "media")},
                "notes": body_section(text, NOTES), "summary": body_section(text, SUMMARY)}

    def _stale(self, path: Path, version: str, raw: bytes) -> Refusal:
        before = self.editor.seen.get(version)
        now = raw.decode("utf-8", "replace")
        last = self.editor.git.last_author(path) if self.editor.git else None
        who = last.author if last else t("editing.someone")
        return Refusal(409, "editing.stale", "", {
            "diff": diff_lines(before, now) if before is not None else [],
            "by": who, "current": self.source(path)}, post=path.stem, name=who)

    def _read(self, path: Path, version: Any) -> tuple[bytes, str]:
        if not isinstance(version, str) or not version:
            raise Refusal(400, "editing.bad_value", "version", field="version")
        raw = path.read_bytes()
        if text_version(raw) != version:
            raise self._stale(path, version, raw)
        return raw, raw.decode("utf-8")

    def _write(self, path: Path, calendar: CalendarData, text: str) -> bytes:
        raw = text.encode("utf-8")
        _post, problems = check_bytes(self.root, calendar, path, raw)
        if problems:
            raise refuse_problems(text, problems)
        write_bytes(path, raw)
        return raw

    def create(self, member: str, data: dict[str, Any]) -> dict[str, Any]:
        calendar = self.editor.calendar()
        title = data.get("title")
        if not isinstance(title, str) or not title.strip():
            raise Refusal(400, "editing.required", "title", field="title")
        day = _day(data.get("date"))
        time = _time(data.get("time"))
        fields: dict[str, Any] = {"title": title.strip(), "date": f"{day} {time}" if time
                                  else day.isoformat()}
        for key in ("category", "type"):
            if not isinstance(data.get(key), str) or not data[key].strip():
                raise Refusal(400, "editing.required", key, field=key)
        fields["category"], fields["type"] = data["category"].strip(), data["type"].strip()
        if fields["type"] not in CATEGORY_TYPES.get(fields["category"], ()):
            raise Refusal(422, "editing.type_of_category", "type", field="type",
                          category=fields["category"],
                          types=", ".join(CATEGORY_TYPES.get(fields["category"], ())))
        fields["status"] = Status.USULAN.value
        changes, _ = split_changes({"fields": {k: v for k, v in data.items()
                                               if k in EDITABLE and k not in fields}})
        fields.update(changes)
        if "hashtags" not in fields and calendar.satker.hashtags:
            fields["hashtags"] = list(calendar.satker.hashtags)
        slug = slugify(fields["title"])
        if not slug:
            raise Refusal(400, "editing.required", "title", field="title")
        text = edit_front_matter("---\n---\n" + t("new.body"), fields)
        notes = data.get("notes")
        if isinstance(notes, str) and notes.strip():
            text = set_body_section(text, NOTES, notes)
        with self.review.acting, write_lock(self.root):
            path = post_path(self.root, day, slug)
            if path.exists() or self.review_has(path.stem):
                raise Refusal(409, "editing.exists", "title", field="title", post=path.stem)
            path.parent.mkdir(parents=True, exist_ok=True)
            self._write(path, calendar, text)
            commit = self.editor.commit(member, [path], "editing.commit.create",
                                        post=path.stem, title=fields["title"])
        return {"id": path.stem, "commit": commit}

    def review_has(self, post_id: str) -> bool:
        return any(p.stem == post_id for p in (self.root / "posts").rglob(f"{post_id}.md"))

    def edit(self, member: str, path: Path, data: dict[str, Any]) -> dict[str, Any]:
        changes, remove = split_changes(data)
        notes = data.get("notes")
        if notes is not None and (not isinstance(notes, str) or len(notes) > TEXT_LIMIT):
            raise Refusal(400, "editing.bad_value", "notes", field="notes")
        calendar = self.editor.calendar()
        with self.review.acting, write_lock(self.root):
            _raw, text = self._read(path, data.get("version"))
            new = edit_front_matter(text, changes, remove)
            if notes is not None:
                new = set_body_section(new, NOTES, notes)
            if new == text:
                return {"id": path.stem, "version": text_version(_raw), "commit": None,
                        "message": t("editing.nothing_changed")}
            raw = self._write(path, calendar, new)
            names = ", ".join([*changes, *remove, *(["notes"] if notes is not None else [])])
            commit = self.editor.commit(member, [path], "editing.commit.edit", post=path.stem,
                                        fields=names)
        return {"id": path.stem, "version": self.editor.remember(raw), "commit": commit,
                "message": t("editing.saved")}

    def move(self, member: str, path: Path, data: dict[str, Any]) -> dict[str, Any]:
        calendar = self.editor.calendar()
        day = _day(data.get("date"))
        with self.review.acting, write_lock(self.root):
            _raw, text = self._read(path, data.get("version"))
            values = PostText.parse(text).values()
            old_when = str(values.get("date", ""))
            time = _time(data["time"]) if "time" in data else _time_of(old_when)
            slug = path.stem[11:]
            target = post_path(self.root, day, slug)
            if target.resolve() == path:
                return {"id": path.stem, "version": text_version(_raw), "commit": None}
            if target.exists() or self.review_has(target.stem):
                raise Refusal(409, "editing.exists", "date", field="date", post=target.stem)
            changes: dict[str, Any] = {"date": f"{day} {time}" if time else day.isoformat()}
            if values.get("media"):
                changes["media"] = _renamed_media(values["media"], path.stem, target.stem)
            new = edit_front_matter(text, changes)
            _post, problems = check_bytes(self.root, calendar, target, new.encode())
            problems = [p for p in problems if not p.code.startswith("media.")]
            if problems:
                raise refuse_problems(new, problems)
            moved = _move_files(path, target)
            write_bytes(target, new.encode("utf-8"))
            commit = self.editor.commit(member, [*moved, target], "editing.commit.move",
                                        post=path.stem, new=target.stem, date=changes["date"])
        return {"id": target.stem, "version": self.editor.remember(new.encode()),
                "commit": commit, "message": t("editing.moved", date=changes["date"])}

    def add_media(self, member: str, path: Path, body: bytes, alt: str, name: str,
                  version: str) -> dict[str, Any]:
        alt = alt.strip()
        if not alt:
            raise Refusal(400, "editing.alt_required", "alt", field="alt")
        if len(alt) > 1000:
            raise Refusal(400, "editing.bad_value", "alt", field="alt")
        suffix = _kind(body)
        limit = VIDEO_LIMIT if suffix in VIDEO_SUFFIXES else IMAGE_LIMIT
        if len(body) > limit:
            raise Refusal(413, "editing.media_too_large", "file", field="file",
                          limit=limit // (1024 * 1024), size=round(len(body) / 1048576, 1))
        calendar = self.editor.calendar()
        with self.review.acting, write_lock(self.root):
            _raw, text = self._read(path, version)
            folder = path.with_suffix("")
            stem = NAME.sub("-", Path(name).stem.lower()).strip("-")[:60] or "media"
            target = _free_name(folder, stem, suffix)
            staging = self.root / ".kalender" / "unggahan"
            staging.mkdir(parents=True, exist_ok=True)
            handle, temp_name = tempfile.mkstemp(dir=staging, suffix=suffix)
            temp = Path(temp_name)
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(body)
                _probe(temp, suffix, name)
                values = PostText.parse(text).values()
                media = list(values.get("media") or [])
                media.append({"file": f"{path.stem}/{target.name}", "alt": alt})
                new = edit_front_matter(text, {"media": media})
                folder.mkdir(exist_ok=True)
                os.replace(temp, target)
            finally:
                temp.unlink(missing_ok=True)
            try:
                raw = self._write(path, calendar, new)
            except Refusal:
                target.unlink(missing_ok=True)
                raise
            commit = self.editor.commit(member, [path, target], "editing.commit.media",
                                        post=path.stem, file=target.name)
        return {"id": path.stem, "version": self.editor.remember(raw), "commit": commit,
                "file": f"{path.stem}/{target.name}",
                "message": t("editing.media_added", file=target.name)}

    def arrange_media(self, member: str, path: Path, data: dict[str, Any]) -> dict[str, Any]:
        given = data.get("media")
        if not isinstance(given, list):
            raise Refusal(400, "editing.bad_value", "media", field="media")
        calendar = self.editor.calendar()
        with self.review.acting, write_lock(self.root):
            _raw, text = self._read(path, data.get("version"))
            old = {str(m.get("file")): m for m in PostText.parse(text).values().get("media") or []
                   if isinstance(m, dict)}
            media = [_arranged(item, old) for item in given]
            if sorted(m["file"] for m in media) != sorted(old):
                raise Refusal(400, "editing.media_mismatch", "media", field="media")
            new = edit_front_matter(text, {"media": media})
            if new == text:
                return {"id": path.stem, "version": text_version(_raw), "commit": None}
            raw = self._write(path, calendar, new)
            commit = self.editor.commit(member, [path], "editing.commit.arrange", post=path.stem)
        return {"id": path.stem, "version": self.editor.remember(raw), "commit": commit,
                "message": t("editing.saved")}

    def preview(self, data: dict[str, Any]) -> dict[str, Any]:
        from .preview import preview_of

        post_id = data.get("id")
        if not isinstance(post_id, str):
            raise Refusal(400, "editing.bad_value", "id", field="id")
        path = self.review.post_path(post_id)
        changes, remove = split_changes(data)
        text = edit_front_matter(path.read_text(encoding="utf-8"), changes, remove)
        calendar = self.editor.calendar()
        post, problems = check_bytes(self.root, calendar, path, text.encode())
        if post is None:
            return {"previews": [], "findings": [finding_fields(p, text) for p in problems]}
        days = [post.date + dt.timedelta(days=n) for n in range(-7, 8)]
        others = [p for p in load_project(self.root, [
            f for f in post_files_of_days(self.root, days) if f.resolve() != path]).posts]
        return preview_of(post, calendar, others, problems, text)

    def history(self, path: Path) -> dict[str, Any]:
        git = self.editor.git
        if git is None:
            return {"git": False, "versions": [], "message": t("editing.no_git")}
        versions = git.history(path)
        return {"git": True, "versions": [{
            "commit": v.commit, "author": v.author, "when": v.when, "subject": v.subject,
            "path": v.path} for v in versions]}

    def diff(self, path: Path, older: str, newer: str) -> dict[str, Any]:
        git = self.editor.git
        if git is None:
            raise Refusal(409, "editing.no_git")
        versions = {v.commit: v for v in git.history(path)}
        for commit, key in ((older, "from"), (newer, "to")):
            if commit not in versions:
                raise Refusal(400, "editing.bad_value", key, field=key)
        before = git.text_at(older, versions[older].path)
        after = git.text_at(newer, versions[newer].path)
        return {"lines": diff_lines(before, after)}


# -- the endpoints -------------------------------------------------------------------------


def routes(review: Review, wrap: Callable[..., Any], read_json: Callable[..., Any],
           ) -> list[Route]:
    """The routes of this module, wrapped like the others (Origin, CSRF, errors)."""
    editor = Editor(review.settings.root, Repository.open(review.settings.root))
    ops = Operations(review, editor)
    review.editor = editor  # type: ignore[attr-defined]

    def guarded(handler: Callable[[Request, str], Awaitable[Response]]) -> ApiHandler:
        async def run(_review: Review, request: Request) -> Response:
            session = review.required_session(request)
            try:
                return await handler(request, session.member)
            except Refusal as refusal:
                return refusal.response()

        return run

    async def create(request: Request, member: str) -> Response:
        data = await read_json(request)
        result = await run_in_threadpool(ops.create, member, data)
        result["ticket"] = review.builder.request()
        return JSONResponse(result, status_code=201)

    async def source(request: Request, member: str) -> Response:
        path = review.post_path(request.path_params["post_id"])
        return JSONResponse(await run_in_threadpool(ops.source, path))

    def changing(name: str) -> Callable[[Request, str], Awaitable[Response]]:
        async def run(request: Request, member: str) -> Response:
            path = review.post_path(request.path_params["post_id"])
            data = await read_json(request)
            result = await run_in_threadpool(getattr(ops, name), member, path, data)
            result["ticket"] = review.builder.request()
            return JSONResponse(result)

        return run

    async def media(request: Request, member: str) -> Response:
        path = review.post_path(request.path_params["post_id"])
        body = await request.body()
        query = request.query_params
        result = await run_in_threadpool(ops.add_media, member, path, body,
                                         query.get("alt", ""), query.get("name", "media"),
                                         query.get("version", ""))
        result["ticket"] = review.builder.request()
        return JSONResponse(result, status_code=201)

    async def preview(request: Request, member: str) -> Response:
        return JSONResponse(await run_in_threadpool(ops.preview, await read_json(request)))

    async def history(request: Request, member: str) -> Response:
        path = review.post_path(request.path_params["post_id"])
        return JSONResponse(await run_in_threadpool(ops.history, path))

    async def diff(request: Request, member: str) -> Response:
        path = review.post_path(request.path_params["post_id"])
        query = request.query_params
        return JSONResponse(await run_in_threadpool(ops.diff, path, query.get("from", ""),
                                                    query.get("to", "")))

    post = "/api/posts/{post_id}"
    return [
        Route("/api/posts", wrap(guarded(create), change=True), methods=["POST"]),
        Route("/api/preview", wrap(guarded(preview), change=True), methods=["POST"]),
        Route(f"{post}/source", wrap(guarded(source)), methods=["GET"]),
        Route(f"{post}/edit", wrap(guarded(changing("edit")), change=True), methods=["POST"]),
        Route(f"{post}/move", wrap(guarded(changing("move")), change=True), methods=["POST"]),
        Route(f"{post}/media", wrap(guarded(media), change=True), methods=["POST"]),
        Route(f"{post}/media/arrange", wrap(guarded(changing("arrange_media")), change=True),
              methods=["POST"]),
        Route(f"{post}/history", wrap(guarded(history)), methods=["GET"]),
        Route(f"{post}/diff", wrap(guarded(diff)), methods=["GET"]),
    ]


def commit_action(review: Review, member: str, post_id: str, action: str) -> None:
    """Commit what an approval action or a comment wrote (called by the actions route)."""
    editor: Editor | None = getattr(review, "editor", None)
    if editor is None:
        return
    try:
        path = review.post_path(post_id)
    except Exception:  # noqa: BLE001 - the post is gone: nothing to commit
        return
    from ..approval.machine import Action, action_name

    record = path.with_name(path.stem + ".persetujuan.yml")
    editor.commit(member, [path, record], "editing.commit.action", post=post_id,
                  action=action_name(Action(action)))

