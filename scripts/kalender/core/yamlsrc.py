"""Reading YAML the strict way: every value with its line in the file, no guessing.

PyYAML silently keeps the last of two equal keys and expands aliases without limit; this
reader reports both, rejects tabs used for indentation, and never lets a YAML error escape
as an exception: each becomes a :class:`~kalender.core.problems.Problem` with a file line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .i18n import t
from .model import line_of
from .problems import Report

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
MAX_DEPTH = 64  # nesting levels; no file of the project needs more than a handful


@dataclass
class Located:
    """A YAML document read into Python values, with the file line of every key path.

    ``lines["media.0.alt"]`` is the line of that value; ``lines[""]`` the first line.
    """

    value: Any
    lines: dict[str, int] = field(default_factory=dict)
    ok: bool = True  # False when a problem was reported (duplicate key, unreadable value)

    def line(self, *path: str | int) -> int:
        return line_of(self.lines, *path)


class _Loader(yaml.SafeLoader):
    """Composes one document; refuses aliases, which can blow up memory (billion laughs)."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _AliasFound(event.anchor, event.start_mark.line)
        return super().compose_node(parent, index)


class _AliasFound(Exception):
    def __init__(self, anchor: str, line: int) -> None:
        self.anchor, self.line = anchor, line


def read_yaml(text: str, path: Path, report: Report, first_line: int = 1) -> Located | None:
    """Parse ``text`` (which starts at ``first_line`` of ``path``).

    None when it cannot be parsed at all; ``ok`` is False when parts were reported (a
    duplicate key keeps its first value, so the rest can still be checked).
    """
    if not _check_tabs(text, path, report, first_line):
        return None
    try:
        loader = _loader(text)
    except yaml.reader.ReaderError as exc:
        line = first_line + text[: exc.position].count("\n")
        report.error(path, line, "yaml.bad_character", code=f"U+{exc.character:04X}")
        return None
    except _AliasFound as exc:
        report.error(path, first_line + exc.line, "yaml.alias", alias=exc.anchor)
        return None
    except yaml.MarkedYAMLError as exc:
        _syntax_error(exc, path, report, first_line)
        return None
    try:
        node = loader.get_single_node()
        located = Located(None, {"": first_line})
        if node is not None:
            builder = _Builder(loader, path, report, first_line, located.lines)
            located.value = builder.build(node, ())
            located.ok = builder.ok
        return located
    except yaml.reader.ReaderError as exc:
        line = first_line + text[: exc.position].count("\n")
        report.error(path, line, "yaml.bad_character", code=f"U+{exc.character:04X}")
    except _AliasFound as exc:
        report.error(path, first_line + exc.line, "yaml.alias", alias=exc.anchor)
    except yaml.MarkedYAMLError as exc:
        _syntax_error(exc, path, report, first_line)
    except yaml.YAMLError as exc:
        report.error(path, first_line, "yaml.syntax", detail=str(exc))
    except RecursionError:  # the pure-Python composer, deeper than Python's stack
        report.error(path, first_line, "yaml.too_deep", limit=MAX_DEPTH)
    finally:
        loader.dispose()
    return None


def _loader(text: str) -> Any:
    """A composing loader for ``text``: libyaml's when present (seven times faster).

    libyaml composes aliases itself, so its events are scanned for them first.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None:
        return _Loader(text)
    for event in yaml.parse(text, Loader=fast):
        if isinstance(event, yaml.AliasEvent):
            line = event.start_mark.line if event.start_mark else 0
            raise _AliasFound(str(event.anchor), line)
    return fast(text)


def _syntax_error(exc: yaml.MarkedYAMLError, path: Path, report: Report, first_line: int) -> None:
    mark = exc.problem_mark or exc.context_mark
    line = first_line + mark.line if mark else first_line
    context = exc.context_mark
    if context is not None and first_line + context.line != line:
        report.error(path, line, "yaml.syntax_from", detail=_describe(exc),
                     start=first_line + context.line)
    else:
        report.error(path, line, "yaml.syntax", detail=_describe(exc))


def _check_tabs(text: str, path: Path, report: Report, first_line: int) -> bool:
    ok = True
    for index, line in enumerate(text.split("\n")):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            report.error(path, first_line + index, "yaml.tab")
            ok = False
    return ok


# libyaml's wording of the usual mistakes, translated through the catalog.
_PHRASES = {
    "while parsing a block mapping": "yaml.ctx.block_mapping",
    "while parsing a block collection": "yaml.ctx.block_collection",
    "while parsing a flow sequence": "yaml.ctx.flow_sequence",
    "while parsing a flow mapping": "yaml.ctx.flow_mapping",
    "while scanning a simple key": "yaml.ctx.simple_key",
    "while scanning a quoted scalar": "yaml.ctx.quoted",
    "did not find expected key": "yaml.pb.expected_key",
    "did not find expected ',' or ']'": "yaml.pb.flow_sequence_end",
    "did not find expected ',' or '}'": "yaml.pb.flow_mapping_end",
    "mapping values are not allowed in this context": "yaml.pb.mapping_value",
    "could not find expected ':'": "yaml.pb.colon",
    "found unexpected end of stream": "yaml.pb.end_of_stream",
    "did not find expected '-' indicator": "yaml.pb.dash",
    "found character that cannot start any token": "yaml.pb.bad_token",
    "block sequence entries are not allowed in this context": "yaml.pb.sequence_entry",
    "found unknown escape character": "yaml.pb.escape",
    "while increasing block level": "yaml.ctx.block_level",
    "while increasing flow level": "yaml.ctx.block_level",
    "exceeded maximum nesting depth": "yaml.pb.nesting_depth",
}


def _describe(exc: yaml.MarkedYAMLError) -> str:
    parts = [exc.context or "", exc.problem or ""]
    return "; ".join(_translated(p) for p in parts if p)


def _translated(phrase: str) -> str:
    key = _PHRASES.get(phrase.strip())
    return t(key) if key else phrase


class _Builder:
    """Turns a node tree into Python values, recording the file line of every key path."""

    def __init__(
        self, loader: Any, path: Path, report: Report, first_line: int, lines: dict[str, int]
    ) -> None:
        self.loader, self.path, self.report = loader, path, report
        self.first_line, self.lines, self.ok = first_line, lines, True

    def build(self, node: yaml.Node, key_path: tuple[str, ...]) -> Any:
        line = self.first_line + node.start_mark.line
        self.lines[".".join(key_path)] = line if key_path else self.first_line
        if len(key_path) >= MAX_DEPTH and not isinstance(node, yaml.ScalarNode):
            self.fail(line, "yaml.too_deep", limit=MAX_DEPTH)
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, key_path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*key_path, str(i))) for i, item in enumerate(node.value)]
        return self.scalar(node, line)

    def mapping(self, node: yaml.MappingNode, key_path: tuple[str, ...]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = self.first_line + key_node.start_mark.line
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_line, "yaml.key_not_text")
                continue
            key = str(key_node.value)
            if key in seen:
                self.fail(key_line, "yaml.duplicate_key", key=key, first=seen[key])
                continue
            seen[key] = key_line
            result[key] = self.build(value_node, (*key_path, key))
            if isinstance(value_node, yaml.ScalarNode):
                self.lines[".".join((*key_path, key))] = key_line
        return result

    def scalar(self, node: yaml.Node, line: int) -> Any:
        if node.tag == TIMESTAMP_TAG:
            return node.value
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            self.fail(line, "yaml.bad_value", value=node.value, detail=str(exc))
            return None

    def fail(self, line: int, key: str, /, **params: Any) -> None:
        self.report.error(self.path, line, key, **params)
        self.ok = False
