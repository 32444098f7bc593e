"""The platforms' own responses, read into :class:`~.model.Incoming` comments.

Recognised shapes (field names as the platforms document them; docs/percakapan.md):

- YouTube Data API v3 ``commentThreads.list`` (``kind: youtube#commentThreadListResponse``,
  ``items[].snippet.topLevelComment`` and ``items[].replies.comments[]``) and
  ``comments.list`` (``youtube#commentListResponse``, replies with ``snippet.parentId``).
- Meta Graph API comments edge, ``GET /{object-id}/comments``: ``data[]`` with ``id``,
  ``from``, ``message``, ``created_time`` and nested ``comments.data[]`` (Facebook), or ``id``,
  ``username``, ``text``, ``timestamp`` and nested ``replies.data[]`` (Instagram); also a
  node with its comments expanded (``GET /{object-id}?fields=id,permalink_url,comments``).
- X API v2 tweet lookup or recent search: ``data`` (one tweet or a list) with ``id``,
  ``text``, ``author_id``, ``created_at``, ``conversation_id``, ``in_reply_to_user_id``,
  ``referenced_tweets``; names from ``includes.users[]``.
- TikTok comment list (Research API ``/v2/research/video/comment/list/``): ``data.comments[]``
  with ``id``, ``text``, ``video_id``, ``parent_comment_id``, ``create_time`` (Unix seconds).
- The CSV template: ``platform,post_url,comment_id,parent_id,author,created_at,text``.

Every problem names the file and the JSON path (or CSV line), what was expected and found.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..core.problems import Report
from ..core.source import bounded_text
from .model import PLATFORMS, Incoming

MAX_BYTES = 50_000_000
CSV_COLUMNS = ("platform", "post_url", "comment_id", "parent_id", "author", "created_at", "text")
CSV_REQUIRED = ("platform", "comment_id", "created_at", "text")


class Bad(Exception):
    """A value in the file is not what its platform documents."""

    def __init__(self, where: str, expected: str, found: object) -> None:
        super().__init__(where)
        self.where, self.expected, self.found = where, expected, _shown(found)


def _shown(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(list(value)[:6]) + "}"
    if isinstance(value, list):
        return f"[{len(value)}]"
    text = json.dumps(value, ensure_ascii=False) if value is not None else "null"
    return text if len(text) <= 60 else text[:57] + "..."


class Node:
    """A JSON value with its path (``$.items[3].snippet``), for messages."""

    def __init__(self, value: Any, path: str = "$") -> None:
        self.value, self.path = value, path

    def get(self, key: str) -> Node | None:
        if not isinstance(self.value, dict) or self.value.get(key) is None:
            return None
        return Node(self.value[key], f"{self.path}.{key}")

    def need(self, key: str, expected: str = "") -> Node:
        found = self.get(key)
        if found is None:
            shown = self.value if isinstance(self.value, dict) else self.value
            raise Bad(f"{self.path}.{key}", expected or key, _missing(shown))
        return found

    def text(self, key: str) -> str:
        node = self.need(key, "text")
        if not isinstance(node.value, str | int) or isinstance(node.value, bool):
            raise Bad(node.path, "text", node.value)
        return str(node.value)

    def optional_text(self, key: str) -> str:
        node = self.get(key)
        return str(node.value) if node is not None and isinstance(node.value, str | int) else ""

    def items(self, key: str | None = None) -> Iterator[Node]:
        node = self if key is None else self.get(key)
        if node is None:
            return
        if not isinstance(node.value, list):
            raise Bad(node.path, "list", node.value)
        for index, value in enumerate(node.value):
            yield Node(value, f"{node.path}[{index}]")

    def mapping(self) -> Node:
        if not isinstance(self.value, dict):
            raise Bad(self.path, "object", self.value)
        return self


def _missing(value: object) -> str:
    if isinstance(value, dict):
        return "(tidak ada) " + _shown(value)
    return _shown(value)


def moment(node: Node, key: str) -> dt.datetime:
    """An ISO time (``2026-12-10T01:15:30Z``, ``...+0000``) or Unix seconds."""
    value = node.need(key, "time").value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return dt.datetime.fromtimestamp(value, dt.UTC)
    text = str(value).strip()
    if text.isdigit():
        return dt.datetime.fromtimestamp(int(text), dt.UTC)
    try:
        found = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        found = None
    if found is None or found.tzinfo is None:
        raise Bad(f"{node.path}.{key}", "ISO 8601 time with zone", value)
    return found


# -- recognising a file -----------------------------------------------------------------


def read_file(path: Path, report: Report) -> list[Incoming] | None:
    """The comments in one file, or None (with problems reported) when it cannot be read."""
    text = _text(path, report)
    if text is None:
        return None
    if path.suffix.lower() == ".csv":
        return read_csv(path, text, report)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        report.error(path, exc.lineno, "conversations.bad_json", column=exc.colno, found=exc.msg)
        return None
    reader = detect(data)
    if reader is None:
        report.error(path, 1, "conversations.unknown_shape", found=_shown(data))
        return None
    try:
        return [replace_source(c, path) for c in reader(Node(data))]
    except Bad as bad:
        report.error(path, None, "conversations.bad_value", where=bad.where,
                     expected=bad.expected, found=bad.found)
        return None


def replace_source(comment: Incoming, path: Path) -> Incoming:
    from dataclasses import replace

    return replace(comment, source=path)


def _text(path: Path, report: Report) -> str | None:
    return bounded_text(path, report, MAX_BYTES)


Reader = Callable[[Node], list[Incoming]]


def detect(data: Any) -> Reader | None:
    """The reader for a parsed JSON response, by the fields its platform documents."""
    if not isinstance(data, dict):
        return None
    kind = str(data.get("kind", ""))
    if kind == "youtube#commentThreadListResponse" or kind == "youtube#commentThread":
        return youtube_threads
    if kind == "youtube#commentListResponse":
        return youtube_comments
    inner = data.get("data")
    if isinstance(inner, dict) and "comments" in inner:
        return tiktok_comments
    if "includes" in data or _looks_like_tweets(inner):
        return x_tweets
    if isinstance(inner, list) or isinstance(data.get("comments"), dict):
        return graph_comments
    return None


def _looks_like_tweets(inner: Any) -> bool:
    first = inner[0] if isinstance(inner, list) and inner else inner
    return isinstance(first, dict) and "conversation_id" in first


# -- YouTube ----------------------------------------------------------------------------


def youtube_threads(root: Node) -> list[Incoming]:
    found: list[Incoming] = []
    threads = list(root.items("items")) if root.get("kind") and \
        root.value["kind"] != "youtube#commentThread" else [root]
    for thread in threads:
        snippet = thread.mapping().need("snippet")
        video = snippet.optional_text("videoId")
        top = snippet.need("topLevelComment")
        first = _youtube_comment(top, video, None)
        found.append(first)
        replies = thread.get("replies")
        for reply in replies.items("comments") if replies is not None else ():
            found.append(_youtube_comment(reply, video, first.id))
    return found


def youtube_comments(root: Node) -> list[Incoming]:
    return [_youtube_comment(item, "", None) for item in root.items("items")]


def _youtube_comment(node: Node, video: str, parent: str | None) -> Incoming:
    snippet = node.mapping().need("snippet")
    text = snippet.optional_text("textOriginal") or snippet.text("textDisplay")
    channel = snippet.get("authorChannelId")
    author_id = channel.optional_text("value") if channel is not None else ""
    video = snippet.optional_text("videoId") or video
    return Incoming("youtube", node.text("id"), text, snippet.optional_text("authorDisplayName"),
                    moment(snippet, "publishedAt"),
                    parent=snippet.optional_text("parentId") or parent,
                    post_key=video or None, author_id=author_id, where=node.path)


# -- Meta Graph API (Facebook, Instagram) -----------------------------------------------


def graph_comments(root: Node) -> list[Incoming]:
    """The comments edge (``data[]``) or a node with its ``comments`` field expanded."""
    post_key = None
    edge = root
    if root.get("data") is None and root.get("comments") is not None:
        post_key = _graph_post_key(root)
        edge = root.need("comments")
    found: list[Incoming] = []
    for item in edge.items("data"):
        found.extend(_graph_comment(item, None, post_key))
    return found


def _graph_post_key(node: Node) -> str | None:
    link = node.optional_text("permalink_url") or node.optional_text("permalink")
    return link or node.optional_text("id") or None


def _graph_comment(node: Node, parent: str | None, post_key: str | None) -> list[Incoming]:
    node.mapping()
    instagram = node.get("text") is not None or node.get("timestamp") is not None \
        or node.get("username") is not None
    platform = "instagram" if instagram else "facebook"
    text = node.text("text") if instagram else node.optional_text("message")
    when = moment(node, "timestamp" if instagram else "created_time")
    who = node.get("from")
    author = node.optional_text("username")
    author_id = ""
    if who is not None:
        author = author or who.optional_text("name") or who.optional_text("username")
        author_id = who.optional_text("id")
    parent_node = node.get("parent")
    parent_id = parent or (parent_node.optional_text("id") if parent_node is not None else None)
    media = node.get("media")
    own_key = post_key or (media.optional_text("id") if media is not None else None)
    comment_id = node.text("id")
    if own_key is None and not instagram and "_" in comment_id:
        own_key = comment_id.split("_")[0]  # a Facebook comment id is POST_COMMENT
    comment = Incoming(platform, node.text("id"), text, author, when, parent=parent_id or None,
                       post_key=own_key, author_id=author_id, where=node.path)
    found = [comment]
    nested = node.get("replies" if instagram else "comments") or node.get("comments") \
        or node.get("replies")
    for reply in nested.items("data") if nested is not None else ():
        found.extend(_graph_comment(reply, comment.id, own_key))
    return found


# -- X ----------------------------------------------------------------------------------


def x_tweets(root: Node) -> list[Incoming]:
    users: dict[str, str] = {}
    includes = root.get("includes")
    for user in includes.items("users") if includes is not None else ():
        user.mapping()
        name, handle = user.optional_text("name"), user.optional_text("username")
        users[user.text("id")] = f"{name} (@{handle})" if name and handle else name or handle
    data = root.need("data", "tweet or list of tweets")
    tweets = list(data.items()) if isinstance(data.value, list) else [data]
    found = []
    for tweet in tweets:
        tweet.mapping()
        tweet_id = tweet.text("id")
        conversation = tweet.text("conversation_id")
        if tweet_id == conversation:
            continue  # the post itself, not a reply to it
        author_id = tweet.optional_text("author_id")
        found.append(Incoming("x", tweet_id, tweet.text("text"), users.get(author_id, author_id),
                              moment(tweet, "created_at"), parent=_replied_to(tweet, conversation),
                              post_key=conversation, author_id=author_id, where=tweet.path))
    return found


def _replied_to(tweet: Node, conversation: str) -> str | None:
    for ref in tweet.items("referenced_tweets"):
        if ref.optional_text("type") == "replied_to":
            target = ref.optional_text("id")
            return None if target == conversation else target
    return None


# -- TikTok -----------------------------------------------------------------------------


def tiktok_comments(root: Node) -> list[Incoming]:
    error = root.get("error")
    if error is not None and error.optional_text("code") not in ("", "ok"):
        raise Bad(f"{error.path}.code", "ok", error.value.get("code"))
    found = []
    for item in root.need("data").items("comments"):
        item.mapping()
        video = item.optional_text("video_id")
        parent = item.optional_text("parent_comment_id")
        author = item.optional_text("username") or item.optional_text("display_name")
        found.append(Incoming("tiktok", item.text("id"), item.text("text"), author,
                              moment(item, "create_time"),
                              parent=parent if parent and parent != video else None,
                              post_key=video or None, where=item.path))
    return found


# -- the CSV template -------------------------------------------------------------------


def read_csv(path: Path, text: str, report: Report) -> list[Incoming] | None:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [" ".join(c.strip().lower().split()) for c in next(reader, [])]
    missing = [c for c in CSV_REQUIRED if c not in header]
    if missing:
        report.error(path, 1, "conversations.csv_header", expected=", ".join(CSV_COLUMNS),
                     found=", ".join(header) or "-")
        return None
    found: list[Incoming] = []
    ok = True
    line = reader.line_num + 1
    for cells in reader:
        if any(c.strip() for c in cells):
            comment = _csv_row(dict(zip(header, cells, strict=False)), path, line, report)
            ok = ok and comment is not None
            if comment is not None:
                found.append(comment)
        line = reader.line_num + 1
    return found if ok else None


def _csv_row(row: dict[str, str], path: Path, line: int, report: Report) -> Incoming | None:
    values = {k: (row.get(k) or "").strip() for k in CSV_COLUMNS}
    for column in CSV_REQUIRED:
        if not values[column]:
            report.error(path, line, "conversations.csv_empty", column=column)
            return None
    platform = values["platform"].lower()
    if platform not in PLATFORMS:
        report.error(path, line, "conversations.csv_platform", expected=", ".join(PLATFORMS),
                     found=values["platform"])
        return None
    try:
        when = moment(Node(values), "created_at")
    except Bad as bad:
        report.error(path, line, "conversations.csv_time", expected=bad.expected, found=bad.found)
        return None
    return Incoming(platform, values["comment_id"], row.get("text", "").strip(),
                    values["author"], when, parent=values["parent_id"] or None,
                    post_key=values["post_url"] or None, where=f"{path.name}:{line}",
                    source=path)
