"""The compiled dataclass methods and regular expressions kept for the next process
(kalender.core.codecache, issue 23, branch edit14): the same behaviour, no compiling again,
and a damaged or foreign file is compiled again without a traceback."""

from __future__ import annotations

import dataclasses
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kalender.core import codecache
from kalender.core.codecache import CodeCache

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
PATTERNS = [
    (r"(?P<day>\d{1,2})[-/](?P<month>\d{1,2})", 0),
    (r"#\w+|@\w{1,15}", re.IGNORECASE),
    (r"""(?x) kpu \s+ kota   # a comment
         (?<!x) singkawang""", 0),
    (r"^\s*(?:pemilu|pilkada)\b.*$", re.MULTILINE | re.IGNORECASE),
    (rb"\x89PNG\r\n\x1a\n", 0),
    (r"[^\W\d_]+", re.UNICODE),
]
TEXT = "#Pemilu 14-02 KPU kota  singkawang @kpu_skw\npilkada 27/11 ok Ümlaut"


def _fail(*args: object, **kwargs: object) -> object:
    raise AssertionError("compiled again")


@pytest.fixture
def writing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bytecode written (the tests run without it) and every compile worth saving."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(codecache, "WORTH_SAVING", 0.0)


def _record(monkeypatch: pytest.MonkeyPatch, cache: CodeCache) -> type:
    """A frozen dataclass made with ``cache`` in front of the dataclasses' ``exec``."""
    monkeypatch.setattr(dataclasses, "exec", cache.exec, raising=False)

    @dataclasses.dataclass(frozen=True, order=True)
    class Record:
        name: str
        count: int = 3
        tags: tuple[str, ...] = ("a",)

    monkeypatch.delattr(dataclasses, "exec")
    return Record


def test_dataclass_methods_kept_for_the_next_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writing: None) -> None:
    path = tmp_path / "code.marshal"
    first = CodeCache(path)
    made = _record(monkeypatch, first)
    assert first.added > 0
    first.save()
    assert path.is_file()

    monkeypatch.setattr(codecache, "compile", _fail, raising=False)
    again = CodeCache(path)
    kept = _record(monkeypatch, again)
    assert again.added == 0
    one, two = kept("pos", 2), kept("pos")
    assert (one.count, two.count, two.tags) == (2, 3, ("a",))
    assert repr(one) == repr(made("pos", 2)).replace(made.__qualname__, kept.__qualname__)
    assert one == kept("pos", 2) and one != two and one < two
    assert hash(one) == hash(kept("pos", 2))
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.count = 5  # type: ignore[misc]


def test_patterns_kept_behave_as_compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          writing: None) -> None:
    path = tmp_path / "code.marshal"
    first = CodeCache(path)
    for pattern, flags in PATTERNS:
        first.pattern(pattern, flags)
    first.save()

    monkeypatch.setattr(codecache, "_engine_args", _fail)
    again = CodeCache(path)
    for pattern, flags in PATTERNS:
        kept, plain = again.pattern(pattern, flags), codecache._ORIGINAL_RE(pattern, flags)
        assert (kept.pattern, kept.flags, kept.groups, kept.groupindex) == \
               (plain.pattern, plain.flags, plain.groups, plain.groupindex)
        text: str | bytes = TEXT.encode() + b"\x89PNG\r\n\x1a\n" if isinstance(
            pattern, bytes) else TEXT
        assert [m.span() for m in kept.finditer(text)] == \
               [m.span() for m in plain.finditer(text)]  # type: ignore[arg-type]
    assert again.added == 0


@pytest.mark.parametrize("content", [
    b"", b"not marshal at all", marshal.dumps(((0, "another python", b""), {}, {})),
    marshal.dumps([1, 2, 3]), marshal.dumps(("x", "y", "z")),
], ids=["empty", "garbage", "other-python", "a-list", "not-dicts"])
def test_damaged_or_foreign_file_compiled_again_and_rewritten(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writing: None, content: bytes) -> None:
    path = tmp_path / "code.marshal"
    path.write_bytes(content)
    cache = CodeCache(path)
    assert (cache.sources, cache.patterns) == ({}, {})
    compiled = cache.pattern(r"(?P<word>\w+)-\d", 0)
    assert compiled.match("kpu-7").group("word") == "kpu"
    cache.save()
    assert CodeCache(path).patterns  # written whole, readable


def test_cut_short_file_is_compiled_again(tmp_path: Path, writing: None) -> None:
    path = tmp_path / "code.marshal"
    cache = CodeCache(path)
    cache.pattern(r"a+b", 0)
    cache.save()
    path.write_bytes(path.read_bytes()[:-7])
    assert CodeCache(path).patterns == {}


def test_little_compiling_leaves_the_file_alone(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A few patterns a process builds from its data are not worth rewriting the file."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = tmp_path / "code.marshal"
    cache = CodeCache(path)
    cache.pattern(r"\.posts\.pickle\.\d+\.tmp", 0)
    assert 0 < cache.compiling < codecache.WORTH_SAVING
    cache.save()
    assert not path.exists()


def test_no_bytecode_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    monkeypatch.setattr(codecache, "WORTH_SAVING", 0.0)
    cache = CodeCache(tmp_path / "code.marshal")
    cache.pattern(r"x+y", 0)
    cache.save()
    assert not (tmp_path / "code.marshal").exists()


def _imported(cache: Path) -> str:
    """Import the site plugin in a new process; how many sources and patterns it
    compiled, and whether its dataclasses work."""
    env = {**os.environ, "PYTHONPATH": str(SCRIPTS), codecache.CACHE_ENV: str(cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    code = ("import dataclasses, kalender.plugin.site_plugin\n"
            "from kalender.core.model import Week\n"
            "cache = dataclasses.exec.__self__\n"
            "print(cache.added, Week(2026, 49) == Week(2026, 49), Week(2026, 49).shifted(1))\n")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, check=True)
    return done.stdout.strip()


def test_a_new_process_compiles_nothing_again(tmp_path: Path) -> None:
    cache = tmp_path / "code.marshal"
    first = _imported(cache).split(" ", 1)
    assert int(first[0]) > 500 and cache.is_file()
    second = _imported(cache).split(" ", 1)
    assert int(second[0]) < 20  # the same text twice in one process, compiled again
    assert second[1] == first[1]
