"""Every template environment of a build reads compiled templates from the plugin's cache:
Material's search words are compiled once, then read back by the next build, and say the
same (issue 23, branch edit10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment
from material.plugins.search.plugin import SearchPlugin

from kalender.plugin.build import load_site_config
from kalender.plugin.themecache import JINJA_FOLDER, cache_theme_templates

ROOT = Path(__file__).resolve().parent.parent
KEYS = ("search.config.lang", "search.config.separator", "search.config.pipeline")


def config_with_cache(cache: Path) -> object:
    config = load_site_config(ROOT / "mkdocs.yml")
    plugin = config.plugins["kalender"]  # mkdocs may hand over an earlier test's plugin:
    plugin.templates = None  # type: ignore[attr-defined]  # a new process holds none in memory
    plugin.config["cache_dir"] = str(cache)
    cache_theme_templates(config)
    return config


def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates compiled from source from now on."""
    seen: list[str] = []
    compile_ = Environment.compile

    def counted(self: Environment, source: str, name: str | None = None,
                *args: object, **kwargs: object) -> object:
        seen.append(name or "")
        return compile_(self, source, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Environment, "compile", counted)
    return seen


def test_search_words_compiled_once_and_read_back(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    plain = load_site_config(ROOT / "mkdocs.yml")  # no cache: what the words were
    words = [SearchPlugin()._translate(plain, key) for key in KEYS]  # noqa: SLF001
    seen = compiles(monkeypatch)
    first = config_with_cache(tmp_path)
    assert [SearchPlugin()._translate(first, key) for key in KEYS] == words  # noqa: SLF001
    assert "partials/language.html" in seen
    assert any((tmp_path / JINJA_FOLDER).iterdir())
    seen.clear()
    again = config_with_cache(tmp_path)  # the next build: a new configuration and cache
    assert [SearchPlugin()._translate(again, key) for key in KEYS] == words  # noqa: SLF001
    assert seen == []


def test_pages_environment_shares_the_plugins_cache(tmp_path: Path) -> None:
    config = config_with_cache(tmp_path)
    plugin = config.plugins["kalender"]  # type: ignore[attr-defined]
    env = config.theme.get_env()  # type: ignore[attr-defined]
    assert env.bytecode_cache is plugin.templates is not None


def test_changed_template_compiled_again(tmp_path: Path) -> None:
    def rendered(text: str) -> str:
        env = config_with_cache(tmp_path).theme.get_env()  # type: ignore[attr-defined]
        env.loader = DictLoader({"x.html": text})
        return env.get_template("x.html").render(name="pos")

    assert rendered("Halo {{ name }}") == "Halo pos"
    assert rendered("Halo {{ name }}") == "Halo pos"  # read back from the cache
    assert rendered("Selamat {{ name }}") == "Selamat pos"
