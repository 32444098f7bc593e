"""Pages outside the nav are stitched into Material's frame, rendered once per kind and
folder (kalender.plugin.frames): a reader sees the same pages, byte for byte, as when
base.html rendered each page whole."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import DictLoader, Environment, pass_context
from jinja2.runtime import Context
from mkdocs.utils import normalize_url

from kalender.plugin.frames import install_frames
from samplekeys import KEY_FOLDER
from test_incremental import BUILD_DATE, TODAY, built_and_copied, differing

BASE = """{% set features = ["top"] %}<html><head>
{%- block site_meta %}<meta name="description" content="{{ page.title }}">{% endblock %}
{%- block htmltitle %}<title>{{ page.title }}</title>{% endblock %}
<link rel="stylesheet" href="{{ css | url }}"></head><body>
{%- if page.toc | first is defined %}<a href="{{ (page.toc | first).url | url }}">skip</a>
{%- endif %}{% block header %}<header>{{ page.title }} {{ features }}</header>{% endblock %}
{%- block tabs %}<nav>{{ "index.html" | url }}</nav>{% endblock %}
{%- block site_nav %}<aside>{{ page.toc | length }}</aside>{% endblock %}
{%- block container %}<article>{% block content %}{{ page.content }}{% endblock %}</article>
{%- endblock %}{% block footer %}<footer>{{ features }}</footer>{% endblock %}</body></html>"""
TEMPLATES = {
    "base.html": BASE,
    "main.html": '{% extends "base.html" %}{% block tabs %}{{ super() }}|{% endblock %}',
    "post.html": '{% extends "main.html" %}{% set where = page.url %}'
                 "{% block content %}<h1>{{ page.title }}</h1>{{ where }}{% endblock %}",
    "odd.html": '{% extends "main.html" %}{% block footer %}{{ page.title }}{% endblock %}',
}


@dataclass
class Heading:
    url: str


@dataclass
class Page:
    url: str
    title: str
    content: str = ""
    toc: list[Heading] = field(default_factory=lambda: [Heading("#ringkasan")])


class Shared:
    """Stands for SharedParts: pages under pos/ are outside the nav, the others in it."""

    def links_of(self, page: Page | None, nav: object) -> tuple[str, ...] | None:
        return ("../../",) if page is not None and page.url.startswith("pos/") else None


def environment() -> Environment:
    env = Environment(loader=DictLoader(TEMPLATES))

    @pass_context
    def url(context: Context, value: str) -> str:
        return normalize_url(value, context["page"])

    env.filters["url"] = url
    return env


PAGES = [Page("pos/a/", "Satu"), Page("pos/b/", "Dua", "<p>dua</p>"),
         Page("pos/c/", "Tiga", toc=[Heading("#lain")]), Page("index.html", "Beranda"),
         Page("pos/d/", "Empat", toc=[])]


def rendered(env: Environment, template: str, css: str = "assets/x.css") -> list[str]:
    return [env.get_template(template).render(page=page, nav=[], css=css,
                                              base_url="../..") for page in PAGES]


def test_a_stitched_page_is_the_page_base_html_renders() -> None:
    env = environment()
    frames = install_frames(env, Shared())  # type: ignore[arg-type]
    stitched = rendered(env, "post.html")
    assert stitched == rendered(environment(), "post.html")
    assert frames.stitched == 1  # pos/b/; pos/c/ and pos/d/ have another skip link
    assert "<title>Dua</title>" in stitched[1] and "<h1>Dua</h1>pos/b/" in stitched[1]
    assert "['top']" in stitched[1]  # base.html's own variables, set again


def test_a_template_overriding_a_frame_block_renders_every_page_whole() -> None:
    env = environment()
    frames = install_frames(env, Shared())  # type: ignore[arg-type]
    assert rendered(env, "odd.html") == rendered(environment(), "odd.html")
    assert frames.stitched == 0


def test_a_link_into_the_pages_own_folder_renders_every_page_whole() -> None:
    env = environment()
    frames = install_frames(env, Shared())  # type: ignore[arg-type]
    own = rendered(env, "post.html", css="pos/gaya.css")
    assert own == rendered(environment(), "post.html", css="pos/gaya.css")
    assert frames.stitched == 0


WITHOUT_FRAMES = ("import runpy, sys; import kalender.plugin.site_plugin as p; "
                  "p.install_frames = lambda env, shared: None; "
                  "sys.argv[0] = 'kalender'; runpy.run_module('kalender', run_name='__main__')")


def test_every_page_is_the_bytes_it_was_when_base_html_rendered_each_page(
        tmp_path: Path) -> None:
    framed, plain = built_and_copied(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_FRAMES, "--root", str(plain), "build", "--today",
         TODAY, "--site-dir", str(plain / "site"), "--strict"],
        capture_output=True, text=True, cwd=plain, timeout=600,
        env=dict(os.environ, KALENDER_NOW="2026-12-01T09:00", KALENDER_KEYS=str(KEY_FOLDER),
                 **BUILD_DATE))
    assert result.returncode == 0, result.stderr
    assert differing(framed / "site", plain / "site") == []
