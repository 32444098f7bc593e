"""Round-trip editing of a post file: change some front-matter values, keep everything else.

The review server's editor saves through here. A person's file is not re-dumped: the front
matter is read as a YAML node tree only to learn on which line each key and each list item
starts; a change replaces just the lines of the values that differ, written the way a person
writes them (plain words unquoted, ``|`` blocks for text of several lines, ``[a, b]`` for
short lists). Lines of keys the edit did not touch, comments, blank lines, the key order and
the body below the front matter stay byte for byte; an edit that changes nothing gives back
the very same bytes. Inside a mapping or a list (``platforms``, ``captions``, ``media``) the
same holds one level down: reordering ``media`` moves each item's own lines, an item's
``alt`` change rewrites that one line.

Pure: text in, text out. Writing the file (atomically, under the approval lock) is the
caller's job (:mod:`kalender.review.api_posts`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

FENCE = "---"
INDENT = 2
PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#\n]*$")
FLOW_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^,\[\]{}#:\n]*$")
Lines = list[str]
KEY_ORDER = ("title", "date", "category", "type", "status", "platforms", "caption", "captions",
             "hashtags", "mentions", "media", "legal_product", "source")  # docs/menulis-pos.md


class EditError(ValueError):
    """The file cannot be edited in place: no front matter, or YAML that does not parse."""


class _TextLoader(yaml.SafeLoader):
    """Safe YAML, timestamps kept as their text (as the post loader reads them)."""


def _timestamp_text(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    assert isinstance(node, yaml.ScalarNode)
    return loader.construct_scalar(node)


_TextLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_text)


@dataclass
class PostText:
    """A post file split for editing: its lines (each with its line end), the front matter's
    first and closing lines, and the line end the file uses."""

    lines: Lines
    start: int  # index of the first front-matter line (after the opening ---)
    end: int  # index of the closing --- line
    newline: str
    bom: str

    @classmethod
    def parse(cls, text: str) -> PostText:
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        lines = text.removeprefix(bom).splitlines(keepends=True)
        if not lines or lines[0].rstrip("\r\n").rstrip() != FENCE:
            raise EditError("no front matter")
        end = next((i for i in range(1, len(lines))
                    if lines[i].rstrip("\r\n").rstrip() in (FENCE, "...")), None)
        if end is None:
            raise EditError("front matter not closed")
        newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
        return cls(lines, 1, end, newline, bom)

    def text(self) -> str:
        return self.bom + "".join(self.lines)

    @property
    def front_matter(self) -> str:
        return "".join(line.rstrip("\r\n") + "\n" for line in self.lines[self.start:self.end])

    def values(self) -> dict[str, Any]:
        """The front matter as Python values (dates as written)."""
        data = yaml.load(self.front_matter, Loader=_TextLoader)  # noqa: S506 - a safe loader
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise EditError("front matter is not a mapping")
        return data

    def node(self) -> yaml.MappingNode:
        try:
            node = yaml.compose(self.front_matter, Loader=_TextLoader)  # noqa: S506
        except yaml.YAMLError as error:
            raise EditError(str(error)) from None
        if node is None:
            return yaml.MappingNode("tag:yaml.org,2002:map", [])
        if not isinstance(node, yaml.MappingNode):
            raise EditError("front matter is not a mapping")
        return node

    @property
    def body(self) -> str:
        return "".join(self.lines[self.end + 1:])


def edit_front_matter(text: str, changes: Mapping[str, Any],
                      remove: Sequence[str] = ()) -> str:
    """``text`` with the front-matter keys of ``changes`` set and those of ``remove`` gone.

    A key set to the value it already has changes nothing; a new key goes after the last
    key. Raises :class:`EditError` when the front matter cannot be read.
    """
    post = PostText.parse(text)
    old = post.values()
    new = {k: v for k, v in old.items() if k not in remove}
    new.update(changes)
    if new == old and list(new) == list(old):
        return text
    body = [line.rstrip("\r\n") for line in post.lines[post.start:post.end]]
    patched = _Patcher(body).mapping(post.node(), old, new, 0, len(body), 0)
    rebuilt = [line + post.newline for line in patched]
    post.lines[post.start:post.end] = rebuilt
    return post.text()


def set_body_section(text: str, heading: str, content: str) -> str:
    """``text`` with the body section ``## heading`` holding ``content`` (added at the end
    when missing; emptied content removes nothing but the section's text)."""
    post = PostText.parse(text)
    body = post.lines[post.end + 1:]
    nl = post.newline
    mark = f"## {heading}"
    at = next((i for i, line in enumerate(body) if line.rstrip("\r\n").strip() == mark), None)
    fresh = [line + nl for line in content.strip("\n").split("\n")] if content.strip() else []
    if at is None:
        if not fresh:
            return text
        if body and not body[-1].endswith(("\n", "\r")):
            body[-1] += nl
        gap = [nl] if body and body[-1].strip() else []
        body = [*body, *gap, mark + nl, *fresh]
    else:
        stop = next((i for i in range(at + 1, len(body)) if body[i].startswith("## ")),
                    len(body))
        tail = [nl] if stop < len(body) else []
        if [line.rstrip("\r\n") for line in body[at + 1:stop] if line.strip()] == [
                line.rstrip("\r\n") for line in fresh]:
            return text
        body[at + 1:stop] = [*fresh, *tail]
    post.lines[post.end + 1:] = body
    return post.text()


def body_section(text: str, heading: str) -> str:
    """The text of the body section ``## heading`` (empty when there is none)."""
    post = PostText.parse(text)
    lines = [line.rstrip("\r\n") for line in post.lines[post.end + 1:]]
    mark = f"## {heading}"
    at = next((i for i, line in enumerate(lines) if line.strip() == mark), None)
    if at is None:
        return ""
    stop = next((i for i in range(at + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return "\n".join(lines[at + 1:stop]).strip("\n")


# -- patching ------------------------------------------------------------------------------


def _is_filler(line: str) -> bool:
    """A blank line or a comment line: it belongs to no value."""
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


class _Patcher:
    """Rebuilds a range of front-matter lines, reusing the lines of every unchanged value."""

    def __init__(self, lines: Lines) -> None:
        self.lines = lines

    def _parts(self, starts: list[int], begin: int,
               end: int) -> tuple[Lines, list[tuple[int, int]], Lines]:
        """Split ``[begin, end)`` at the children's first lines: the lines before the first
        child, each child's range (with the comments just above it, without the blank and
        comment lines after the last child) and those lines after the last child."""
        if not starts:
            return self.lines[begin:end], [], []
        cut = [self._lead(s, floor) for s, floor in zip(starts, [begin - 1, *starts], strict=False)]
        last = end
        while last > starts[-1] + 1 and _is_filler(self.lines[last - 1]):
            last -= 1
        ranges = list(zip(cut, [*cut[1:], last], strict=True))
        return self.lines[begin:cut[0]], ranges, self.lines[last:end]

    def _lead(self, start: int, floor: int) -> int:
        while start - 1 > floor and self.lines[start - 1].strip().startswith("#"):
            start -= 1
        return start

    def _trailing(self, own: int, end: int) -> int:
        """Where a value's own lines stop: before the blank and comment lines at its end."""
        while end > own + 1 and _is_filler(self.lines[end - 1]):
            end -= 1
        return end

    def mapping(self, node: yaml.MappingNode, old: dict[str, Any], new: dict[str, Any],
                begin: int, end: int, indent: int) -> Lines:
        keys = [str(k.value) for k, _ in node.value]
        starts = [k.start_mark.line for k, _ in node.value]
        head, ranges, tail = self._parts(starts, begin, end)
        spans = dict(zip(keys, zip(ranges, node.value, strict=True), strict=True))
        out = list(head)
        for key in _key_order(keys, [k for k in new if k not in keys]):
            if key not in new:  # removed: its comments stay
                (first, _stop), (key_node, _value) = spans[key]
                out += self.lines[first:key_node.start_mark.line]
                continue
            if key not in spans:
                out += render_entry(key, new[key], indent)
                continue
            (first, stop), (key_node, value_node) = spans[key]
            out += self._entry(key, first, stop, key_node.start_mark.line, value_node,
                               old.get(key), new[key], indent)
        return out + tail

    def _entry(self, key: str, first: int, stop: int, own: int, value_node: yaml.Node,
               old: Any, new: Any, indent: int) -> Lines:
        if old == new and type(old) is type(new):
            return self.lines[first:stop]
        lead = self.lines[first:own]
        body_end = self._trailing(own, stop)
        trailing = self.lines[body_end:stop]
        below = value_node.start_mark.line > own and not getattr(value_node, "flow_style", True)
        if (below and isinstance(value_node, yaml.MappingNode)
                and isinstance(old, dict) and isinstance(new, dict) and new):
            inner = self.mapping(value_node, old, new, own + 1, body_end,
                                 _child_indent(value_node))
            return [*lead, self.lines[own], *inner, *trailing]
        if (below and isinstance(value_node, yaml.SequenceNode) and isinstance(old, list)
                and isinstance(new, list) and new and not _flow_list(new)):
            inner = self.sequence(value_node, old, new, own + 1, body_end,
                                  _dash_column(self.lines, value_node))
            return [*lead, self.lines[own], *inner, *trailing]
        return [*lead, *render_entry(key, new, indent), *trailing]

    def sequence(self, node: yaml.SequenceNode, old: list[Any], new: list[Any],
                 begin: int, end: int, indent: int) -> Lines:
        starts = [item.start_mark.line for item in node.value]
        head, ranges, tail = self._parts(starts, begin, end)
        used: set[int] = set()
        out = list(head)
        for value in new:
            index = _match(value, old, used)
            if index is None:
                out += render_item(value, indent)
                continue
            used.add(index)
            first, stop = ranges[index]
            out += self._item(first, stop, node.value[index], old[index], value, indent)
        return out + tail

    def _item(self, first: int, stop: int, item: yaml.Node, old: Any, new: Any,
              indent: int) -> Lines:
        if old == new:
            return self.lines[first:stop]
        own = item.start_mark.line
        body_end = self._trailing(own, stop)
        lead, trailing = self.lines[first:own], self.lines[body_end:stop]
        if (isinstance(item, yaml.MappingNode) and not item.flow_style
                and isinstance(old, dict) and isinstance(new, dict) and new):
            column = item.start_mark.column
            saved = self.lines[own]
            self.lines[own] = " " * column + saved[column:]  # the dash, for a moment a space
            try:
                inner = self.mapping(item, old, new, own, body_end, column)
            finally:
                self.lines[own] = saved
            return [*lead, *_with_dash(inner, saved[:column], column), *trailing]
        return [*lead, *render_item(new, indent), *trailing]


def _key_order(kept: list[str], added: list[str]) -> list[str]:
    """The keys kept in their order; each new one after the last kept key that comes before
    it in the order of the handbook (``captions`` after ``caption``), else at the end."""
    order = list(kept)
    for key in added:
        rank = KEY_ORDER.index(key) if key in KEY_ORDER else len(KEY_ORDER)
        before = [i for i, k in enumerate(order) if k in KEY_ORDER and KEY_ORDER.index(k) < rank]
        at = before[-1] + 1 if before and rank < len(KEY_ORDER) else len(order)
        order.insert(at, key)
    return order


def _with_dash(inner: Lines, prefix: str, column: int) -> Lines:
    """The first line of a rebuilt mapping item gets its ``- `` back."""
    for number, line in enumerate(inner):
        if not _is_filler(line):
            inner[number] = prefix + line[column:]
            break
    return inner


def _dash_column(lines: Lines, node: yaml.SequenceNode) -> int:
    """The column of a block list's dashes (items are written at the same place)."""
    if not node.value:
        return INDENT
    line = lines[node.value[0].start_mark.line]
    return len(line) - len(line.lstrip(" "))


def _child_indent(node: yaml.MappingNode) -> int:
    return node.value[0][0].start_mark.column if node.value else INDENT


def _match(value: Any, old: list[Any], used: set[int]) -> int | None:
    """The old item a new one continues: an equal one, else the one with the same ``file``."""
    for index, item in enumerate(old):
        if index not in used and item == value:
            return index
    if isinstance(value, dict) and value.get("file"):
        for index, item in enumerate(old):
            if index not in used and isinstance(item, dict) and item.get("file") == value["file"]:
                return index
    return None


# -- writing values the way a person does ---------------------------------------------------


def render_entry(key: str, value: Any, indent: int) -> Lines:
    """``key: value`` as lines at ``indent``."""
    pad = " " * indent
    if isinstance(value, dict) and value:
        lines = [f"{pad}{key}:"]
        for child, item in value.items():
            lines += render_entry(str(child), item, indent + INDENT)
        return lines
    if isinstance(value, list) and value and not _flow_list(value):
        lines = [f"{pad}{key}:"]
        for item in value:
            lines += render_item(item, indent + INDENT)
        return lines
    if isinstance(value, str) and _block_text(value):
        return [f"{pad}{key}: {_block_mark(value)}", *_block_lines(value, indent + INDENT)]
    return [f"{pad}{key}: {scalar_text(value, key=key)}"]


def render_item(value: Any, indent: int) -> Lines:
    """``- value`` as lines at ``indent`` (a mapping's first key on the dash line)."""
    pad = " " * indent
    if isinstance(value, dict) and value:
        lines: Lines = []
        for child, item in value.items():
            lines += render_entry(str(child), item, indent + INDENT)
        first = lines[0]
        lines[0] = pad + "- " + first[indent + INDENT:]
        return lines
    if isinstance(value, str) and _block_text(value):
        return [f"{pad}- {_block_mark(value)}", *_block_lines(value, indent + INDENT)]
    return [f"{pad}- {scalar_text(value)}"]


def _flow_list(value: list[Any]) -> bool:
    """Short lists of words or numbers are written ``[a, b]``, as in the sample posts."""
    return all(_flow_scalar(v) for v in value) and len(", ".join(map(str, value))) <= 80


def _flow_scalar(value: Any) -> bool:
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and bool(FLOW_SAFE.match(value)) and _reads_back(value, True)


def _block_text(value: str) -> bool:
    """Text of several lines goes in a ``|`` block, unless a block cannot hold it exactly."""
    if "\n" not in value.rstrip("\n"):
        return False
    first = value.split("\n", 1)[0]
    return (not first.startswith((" ", "\t")) and not value.endswith("\n\n")
            and "\r" not in value and "\t" not in value)


def _block_mark(value: str) -> str:
    return "|" if value.endswith("\n") else "|-"


def _block_lines(value: str, indent: int) -> Lines:
    pad = " " * indent
    return [pad + line if line else "" for line in value.rstrip("\n").split("\n")]


def scalar_text(value: Any, key: str = "") -> str:
    """One value as it reads on one line: ``true``, ``5``, ``word``, ``"a: b"``, ``[]``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(scalar_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{}"
    text = str(value)
    if PLAIN_SAFE.match(text) and text == text.strip() and _reads_back(text, False):
        return text
    return json.dumps(text, ensure_ascii=False)


def _reads_back(text: str, flow: bool) -> bool:
    """True when ``text`` written plain reads back as the same text."""
    source = f"k: [{text}]" if flow else f"k: {text}"
    try:
        data = yaml.load(source, Loader=_TextLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return False
    expected: Any = [text] if flow else text
    return isinstance(data, dict) and data.get("k") == expected
