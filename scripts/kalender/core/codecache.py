"""What every process compiles again at import, kept from one process to the next.

A new ``kalender build`` after one caption edit spent some 0.13 s of its 0.85 s of CPU
compiling the same text as the process before it (issue 23, branch ``edit14``):

* the methods of some 1,150 dataclasses' ``__init__``, ``__eq__``, ``__repr__``, ...
  (:mod:`dataclasses` writes each as Python source and ``exec``-s it: 0.09 s), and
* some 330 regular expressions (:mod:`re` parses each pattern into the engine's code; it
  keeps them in memory only: 0.035 s).

Both are pure functions of their text: the same source gives the same code object, the
same pattern and flags the same engine code. :class:`CodeCache` keeps both in one
``marshal`` file beside the package's bytecode (``__pycache__``, like a ``.pyc``: not
written when Python writes no bytecode), stamped with the Python version; a file that is
missing, damaged or from another Python is ignored and written again. A source or pattern
not in the file is compiled as before (and added). What is kept is only ever looked up by
the whole text it was compiled from, so nothing stale can be used: a changed dataclass has
another source, a changed pattern another key.

:func:`install` puts it in front of the two compilers (``exec`` as the :mod:`dataclasses`
module sees it, ``re._compiler.compile``) when :mod:`kalender` is imported, before any of
its dataclasses is made. A Python whose :mod:`re` internals are not those of 3.11-3.12
keeps its own regular expression compiler.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import importlib.util
import marshal
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

CACHE_VERSION = 1
CACHE_ENV = "KALENDER_CODE_CACHE"  # the file to use instead (tests); "off": none
MAX_ENTRIES = 20_000  # beyond this, a save keeps only what its process used
WORTH_SAVING = 0.005  # s of CPU compiling what the file did not have: then it is written
_STAMP = (CACHE_VERSION, sys.version, importlib.util.MAGIC_NUMBER)
_compiler: Any = getattr(re, "_compiler", None)  # 3.11+: the pattern compiler
_parser: Any = getattr(re, "_parser", None)
_sre: Any = getattr(_compiler, "_sre", None)
_RE_CACHED = (sys.version_info[:2] in ((3, 11), (3, 12)) and _parser is not None
              and hasattr(_compiler, "_code") and hasattr(_sre, "compile"))


class CodeCache:
    """The compiled sources and patterns of ``path`` (see the module)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        # an entry is let go once used (a process holds no copy of every method's code):
        # the same text again in the same process is compiled again, as without the file
        self.sources, self.patterns = _read(path)
        self.new_sources: dict[str, Any] = {}  # compiled by this process: source -> code
        self.new_patterns: dict[tuple[Any, int], tuple[Any, ...]] = {}  # (pattern, flags)
        self.used: set[int] = set()  # the hashes of the texts this process looked up
        self.compiling = 0.0  # s of CPU spent compiling what the file did not have

    def code(self, source: str) -> Any:
        """The code object of ``source`` (module mode, no ``__future__`` flags inherited:
        as ``exec(source)`` compiles it in :mod:`dataclasses`)."""
        self.used.add(hash(source))
        known = self.sources.pop(source, None) or self.new_sources.get(source)
        if known is None:
            started = time.process_time()
            known = self.new_sources[source] = compile(source, "<string>", "exec",
                                                       dont_inherit=True)
            self.compiling += time.process_time() - started
        return known

    def exec(self, source: Any, globals: Any = None, locals: Any = None) -> None:
        """``exec``, with the code of a source text taken from the cache."""
        if isinstance(source, str):
            source = self.code(source)
        builtins.exec(source, globals, locals)

    def pattern(self, p: Any, flags: int = 0) -> Any:
        """``re._compiler.compile``: a pattern text's engine code from the cache."""
        if not isinstance(p, (str, bytes)) or flags & re.DEBUG:
            return _ORIGINAL_RE(p, flags)
        key = (p, int(flags))
        self.used.add(hash(key))
        args = self.patterns.pop(key, None) or self.new_patterns.get(key)
        if args is None:
            started = time.process_time()
            args = self.new_patterns[key] = _engine_args(p, flags)
            self.compiling += time.process_time() - started
        final, code, groups, groupindex, indexgroup = args
        return _sre.compile(p, final, list(code), groups, dict(groupindex), indexgroup)

    @property
    def added(self) -> int:
        """How many sources and patterns this process compiled."""
        return len(self.new_sources) + len(self.new_patterns)

    def save(self) -> None:
        """Add what this process compiled to the file as it is now (another process may
        have written it meanwhile), when compiling it took :data:`WORTH_SAVING` or more:
        the few patterns a process makes from its data (a temporary file's name, a text
        searched for) are not worth writing the whole file at every run. Past
        :data:`MAX_ENTRIES`, only what this process used is kept."""
        if (self.path is None or self.compiling < WORTH_SAVING or not self.added
                or sys.dont_write_bytecode):
            return
        sources, patterns = _read(self.path)
        sources.update(self.new_sources)
        patterns.update(self.new_patterns)
        if len(sources) + len(patterns) > MAX_ENTRIES:
            sources = {k: v for k, v in sources.items() if hash(k) in self.used}
            patterns = {k: v for k, v in patterns.items() if hash(k) in self.used}
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(marshal.dumps((_STAMP, sources, patterns)))
            os.replace(temporary, self.path)
        except (OSError, ValueError):  # read-only package, or a value marshal cannot keep
            temporary.unlink(missing_ok=True)
            return
        self.new_sources, self.new_patterns, self.compiling = {}, {}, 0.0


def _read(path: Path | None) -> tuple[dict[str, Any], dict[tuple[Any, int], tuple[Any, ...]]]:
    """The sources and patterns kept in ``path``; none when it is missing, damaged, cut
    short or written by another Python (then compiled again, and the file written whole)."""
    if path is None:
        return {}, {}
    try:
        stamp, sources, patterns = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}, {}
    if stamp != _STAMP or not isinstance(sources, dict) or not isinstance(patterns, dict):
        return {}, {}
    return sources, patterns


def _engine_args(pattern: str | bytes, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` hands the engine for ``pattern`` (3.11-3.12)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | parsed.state.flags), [int(op) for op in code],  # plain ints: the
            parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))  # opcodes are not


_ORIGINAL_RE: Any = getattr(_compiler, "compile", None)


def default_path() -> Path | None:
    """The cache file: ``$KALENDER_CODE_CACHE`` ("off": none), else beside the bytecode
    of this module (``__pycache__``, or ``PYTHONPYCACHEPREFIX``)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen in ("", "off") else Path(chosen)
    try:
        bytecode = Path(importlib.util.cache_from_source(__file__))
    except (NotImplementedError, ValueError):
        return None
    return bytecode.with_name(f"kalender-code.{sys.implementation.cache_tag}.marshal")


def install(path: Path | None = None) -> CodeCache:
    """Put a :class:`CodeCache` in front of the dataclasses' and the patterns' compilers
    for the rest of the process, saved when the process ends."""
    cache = CodeCache(path if path is not None else default_path())
    dataclasses.exec = cache.exec  # type: ignore[attr-defined]  # shadows the builtin there
    if _RE_CACHED:
        _compiler.compile = cache.pattern
    atexit.register(cache.save)
    return cache


def uninstall() -> None:
    """The compilers as Python has them (tests)."""
    vars(dataclasses).pop("exec", None)
    if _RE_CACHED:
        _compiler.compile = _ORIGINAL_RE
