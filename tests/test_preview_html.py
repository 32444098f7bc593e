"""The previews of a post page are written in Python (kalender.site.preview_html) instead of
Jinja macros: the same bytes as the macros wrote (kept in tests/data as the reference), for
every shape, with and without pictures, with broken and video media, folded text, counts
past their limit and findings, with and without a comment thread. The bench site and the
example site are also compared whole (handbook, *Kinerja situs*, branch clean3)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import material
import pytest
from markupsafe import Markup

from kalender.core.i18n import page_words, set_language
from kalender.media.images import Framing
from kalender.plugin.pagework import PageWords
from kalender.site.preview_html import PreviewFigures
from kalender.site.preview_model import AccountView, Count, FindingView, Picture, Preview, Text
from kalender.text.counting import Measurement

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
THEME = Path(material.__file__).resolve().parent / "templates"

LAYOUTS = [("instagram", "instagram-feed"), ("instagram", "instagram-carousel"),
           ("instagram", "instagram-reel"), ("facebook", "facebook-reel"),
           ("instagram", "instagram-story"), ("tiktok", "tiktok-video"),
           ("tiktok", "tiktok-photo"), ("youtube", "youtube-short"),
           ("youtube", "youtube-video"), ("x", "x-post"), ("facebook", "facebook-post")]


def href(page: str) -> str:
    return "../../" + page.replace("index.md", "")


def picture(index: int, *, page: bool = True, video: bool = False,
            letterbox: bool = False) -> Picture:
    framing = Framing(source=(4000, 3000), box=(100 * index, 0, 3100, 3000),
                      size=(1080, 1350), focus=(0.3, 0.6))
    return Picture(page=f"kalender/gambar/p{index}.jpg" if page else None,
                   alt=f"Foto <{index}> & \"kutipan\"", width=1080, height=1350,
                   framing=framing, is_video=video, duration="0:42" if video else "",
                   slot=(1080, 1920) if letterbox else None)


def text(field: str, rest: str) -> Text:
    measured = Measurement("x", "post", field, 10, 280, "characters", None, None, None, True, 0)
    return Text(field=field, label=field, head=Markup("Awal <b>#JDIH</b> &amp; teks"),
                rest=Markup(rest), measurement=measured)


def previews() -> Iterator[Preview]:
    counts = (Count("caption", "Keterangan", 300, 280, "karakter", True),
              Count("hashtags", "Tagar", 29, 30, "", False, warn=True),
              Count("media", "Media", 1, 10, "", False))
    findings = (FindingView("content.length", "error", "Galat", "Terlalu <panjang>"),
                FindingView("content.tags", "warning", "Peringatan", "Tagar & lagi"))
    media: list[tuple[tuple[Picture, ...], bool]] = [
        ((), False), ((), True), ((picture(0),), False),
        ((picture(0, video=True, letterbox=True), picture(1)), False),
        (tuple(picture(i, page=i != 2) for i in range(6)), True)]
    number = 0
    for platform, layout in LAYOUTS:
        for pictures, broken in media:
            number += 1
            avatar = "kalender/avatar.png" if number % 2 else None
            texts = (text("title", "" if number % 3 else " sisa judul"),
                     text("caption", " sisa <i>lipatan</i>" if number % 2 else ""))
            yield Preview(
                post_id=f"pos-{number}", platform=platform, platform_name=platform.title(),
                format="feed", format_label="Feed <A>", layout=layout,
                account=AccountView("jdih_kpu", "JDIH <KPU>", avatar, "JK"),
                texts=texts if number % 4 else texts[1:],
                fold_link="... lainnya" if number % 5 == 0 else "lainnya",
                pictures=pictures, counts=counts if number % 3 else counts[2:],
                findings=findings if number % 2 else (), date_label="2 Des",
                broken=broken)


class Approval:
    """Comments on some platforms (the thread each preview shows)."""

    def thread(self, post_id: str, platform: str) -> list[Any]:
        if platform != "x":
            return []
        return [SimpleNamespace(is_open=True, number=1, name="Ana <A>", role="Humas",
                                at="2026-12-01T10:00", when="1 Des", text="Ganti <foto>",
                                resolved_by="", resolved_when="", current=False),
                SimpleNamespace(is_open=False, number=2, name="Budi", role="Kasubbag",
                                at="2026-12-01T11:00", when="1 Des", text="Oke",
                                resolved_by="Ana", resolved_when="2 Des", current=True)]


@pytest.fixture(params=["id", "en"])
def words(request: pytest.FixtureRequest) -> Iterator[PageWords]:
    set_language(request.param)
    with page_words():
        yield PageWords()
    set_language(None)


def environment(words: PageWords) -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([
        jinja2.DictLoader({
            "reference.html": (DATA / "preview_macros_jinja.html").read_text(encoding="utf-8"),
            "partials/kalender/approval_thread.html":
                (DATA / "approval_thread_jinja.html").read_text(encoding="utf-8")}),
        jinja2.FileSystemLoader([str(ROOT / "overrides"), str(THEME)])])
    env = jinja2.Environment(loader=loader, auto_reload=False)
    env.globals.update(t=words)
    return env


def svg(env: jinja2.Environment) -> Any:
    return lambda name: env.loader.get_source(env, f".icons/{name}.svg")[0]  # type: ignore[union-attr]


@pytest.mark.parametrize("approval", [None, Approval()])
def test_each_preview_is_the_bytes_the_macros_wrote(words: PageWords,
                                                    approval: Approval | None) -> None:
    env = environment(words)
    reference = env.from_string(
        '{% import "reference.html" as kp with context %}{{ kp.preview(p) }}')
    env.globals["preview_figure"] = PreviewFigures(words, svg(env))
    written = env.from_string(  # as previews.html calls it
        '{% import "partials/kalender/approval_macros.html" as ka with context %}'
        "{{ preview_figure(p, href, ka.thread, approval) }}")
    shown = list(previews())
    assert len({p.layout for p in shown}) == len(LAYOUTS)
    for p in shown:
        context = {"p": p, "href": href, "approval": approval}
        assert written.render(context) == reference.render(context), p.post_id


def test_a_figure_shows_what_the_reader_needs(words: PageWords) -> None:
    env = environment(words)
    p = next(p for p in previews() if p.layout == "facebook-post" and len(p.pictures) == 6
             and p.findings and len(p.counts) == 3)
    html = str(PreviewFigures(words, svg(env))(p, href, None, None))
    assert 'data-preview="facebook"' in html and 'data-layout="facebook-post"' in html
    assert html.count('class="kk-grid__cell"') == 4  # four cells, then "+2"
    assert 'class="kk-grid__more"' in html
    assert "Foto &lt;0&gt; &amp; &#34;kutipan&#34;" in html
    assert 'data-over="true"' in html and 'data-rule="content.length"' in html
    assert html.count("kk-fb__actions") == 1
