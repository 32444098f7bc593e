"""A small declared schema for YAML data: types, required keys, choices, unknown keys.

Post front matter and every file of ``calendar/`` are checked through it, so each
problem is reported the same way: the file, the line, what was expected, what was found.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .i18n import t
from .problems import Report
from .yamlsrc import Located

KINDS: dict[str, tuple[type, ...]] = {
    "text": (str, int, float),  # numbers are accepted where text is asked, and kept as text
    "string": (str,),  # text only: a title, a caption, a hashtag (a number there is a slip)
    "number": (int, float),
    "integer": (int,),
    "bool": (bool,),
    "list": (list,),
    "mapping": (dict,),
}


@dataclass(frozen=True)
class Field:
    """What a value must be. ``kind`` is one of KINDS or ``any``; alternatives in ``one_of``."""

    kind: str = "any"
    required: bool = False
    choices: Sequence[str] | Callable[[], Sequence[str]] | None = None
    items: Field | None = None  # for lists
    keys: dict[str, Field] | None = None  # for mappings with fixed keys
    values: Field | None = None  # for mappings with free keys (checked against choices)
    one_of: tuple[Field, ...] = ()
    min_items: int = 0

    def allowed(self) -> Sequence[str]:
        return self.choices() if callable(self.choices) else (self.choices or ())


def kind_name(kind: str) -> str:
    return t("kind.text" if kind == "string" else f"kind.{kind}")


def found_name(value: Any) -> str:
    """``daftar [1, 2]``: the kind of a found value and the value itself."""
    if value is None:
        return t("kind.empty")
    for kind in ("bool", "integer", "number", "list", "mapping"):
        if isinstance(value, KINDS[kind]) and not (kind != "bool" and isinstance(value, bool)):
            return f"{kind_name(kind)} {_short(value)}"
    return f"{kind_name('text')} {_short(value)}"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


# Names people often write for a value the tool knows by another name.
SYNONYMS = {"twitter": "x", "ig": "instagram", "fb": "facebook", "yt": "youtube",
            "tik-tok": "tiktok", "reels": "reel", "stories": "story", "shorts": "short"}


def suggestion(word: str, allowed: Sequence[str]) -> str:
    """`` (maksud Anda `category`?)`` or empty when nothing is close."""
    synonym = SYNONYMS.get(str(word).lower())
    if synonym in allowed:
        return t("schema.did_you_mean", word=synonym)
    close = difflib.get_close_matches(str(word), list(allowed), n=1, cutoff=0.6)
    return t("schema.did_you_mean", word=close[0]) if close else ""


@dataclass
class Validator:
    """Checks a located YAML value against a schema, reporting into ``report``."""

    located: Located
    path: Path
    report: Report
    ok: bool = field(default=True)

    def check(self, spec: Field, value: Any, key_path: tuple[str, ...]) -> bool:
        """True when ``value`` (found at ``key_path``) fits ``spec``; problems reported."""
        if spec.one_of:
            return self._one_of(spec, value, key_path)
        if spec.kind != "any" and not _is_kind(value, spec.kind):
            self.fail(key_path, "schema.wrong_kind", key=_dotted(key_path),
                      expected=kind_name(spec.kind), found=found_name(value))
            return False
        if spec.allowed() and not isinstance(value, dict | list) and not self._choice(
            spec, value, key_path
        ):
            return False
        if isinstance(value, list):
            return self._list(spec, value, key_path)
        if isinstance(value, dict):
            return self._mapping(spec, value, key_path)
        return True

    def _one_of(self, spec: Field, value: Any, key_path: tuple[str, ...]) -> bool:
        for option in spec.one_of:
            if _is_kind(value, option.kind):
                return self.check(option, value, key_path)
        expected = t("schema.or").join(kind_name(o.kind) for o in spec.one_of)
        self.fail(key_path, "schema.wrong_kind", key=_dotted(key_path), expected=expected,
                  found=found_name(value))
        return False

    def _choice(self, spec: Field, value: Any, key_path: tuple[str, ...]) -> bool:
        allowed = spec.allowed()
        if str(value) in allowed:
            return True
        self.fail(key_path, "schema.not_a_choice", key=_dotted(key_path), found=value,
                  allowed=", ".join(allowed), hint=suggestion(str(value), allowed))
        return False

    def _list(self, spec: Field, value: list[Any], key_path: tuple[str, ...]) -> bool:
        ok = True
        if len(value) < spec.min_items:
            self.fail(key_path, "schema.too_few", key=_dotted(key_path), count=spec.min_items)
            ok = False
        if spec.items is not None:
            for index, item in enumerate(value):
                ok = self.check(spec.items, item, (*key_path, str(index))) and ok
        return ok

    def _mapping(self, spec: Field, value: dict[str, Any], key_path: tuple[str, ...]) -> bool:
        ok = True
        if spec.keys is not None:
            for key, item in value.items():
                if key not in spec.keys:
                    self.fail((*key_path, key), "schema.unknown_key", key=_dotted((*key_path, key)),
                              allowed=", ".join(spec.keys), hint=suggestion(key, list(spec.keys)))
                    ok = False
                elif item is not None or spec.keys[key].required:
                    ok = self.check(spec.keys[key], item, (*key_path, key)) and ok
            for key, sub in spec.keys.items():
                if sub.required and value.get(key) in (None, ""):
                    self.fail(key_path, "schema.missing_key", key=_dotted((*key_path, key)))
                    ok = False
        if spec.values is not None:
            allowed = spec.allowed()
            for key, item in value.items():
                if allowed and key not in allowed:
                    self.fail((*key_path, key), "schema.not_a_choice", key=_dotted(key_path),
                              found=key, allowed=", ".join(allowed), hint=suggestion(key, allowed))
                    ok = False
                    continue
                ok = self.check(spec.values, item, (*key_path, key)) and ok
        return ok

    def fail(self, key_path: tuple[str, ...], key: str, /, **params: Any) -> None:
        self.report.error(self.path, self.located.line(*key_path), key, **params)
        self.ok = False


def _is_kind(value: Any, kind: str) -> bool:
    if kind == "any":
        return True
    if isinstance(value, bool) and kind != "bool":
        return False
    return isinstance(value, KINDS[kind])


def _dotted(key_path: tuple[str, ...]) -> str:
    return ".".join(key_path) if key_path else t("schema.top")
