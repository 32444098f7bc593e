"""A comment thread without comments is rendered once per build (kalender.site.threads): a
reader sees the same threads, with and without comments, as when every page rendered each
of its threads."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from kalender.site.threads import KeptThreads
from test_incremental import build, built_and_copied, differing


class Macro:
    """A stand-in for the ``thread`` macro: says what it was given, counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, comments: list[str], post_id: str, platform: str = "",
                 platform_name: str = "") -> Markup:
        self.calls += 1
        return Markup(f"<section data-thread='{platform}'>{platform_name} {len(comments)}"
                      f" {' '.join(comments)}</section>")


def test_an_empty_thread_is_rendered_once_per_platform() -> None:
    macro, kept = Macro(), KeptThreads()
    thread = kept(macro)
    first = thread([], "pos-a", "instagram", "Instagram")
    assert thread([], "pos-b", "instagram", "Instagram") == first
    assert thread([], "pos-c") != first  # the thread on the whole post is another
    assert macro.calls == 2
    assert first == macro([], "pos-b", "instagram", "Instagram")


def test_a_thread_with_comments_is_rendered_every_time() -> None:
    macro, kept = Macro(), KeptThreads()
    thread = kept(macro)
    assert "#1 belum" in thread(["#1", "belum"], "pos-a", "x", "X")
    assert "#2" in thread(["#2"], "pos-b", "x", "X")
    assert macro.calls == 2


def test_every_page_is_the_bytes_it_was_when_each_thread_was_rendered(
        tmp_path: Path) -> None:
    kept, plain = built_and_copied(tmp_path)
    for name in ("previews.html", "approval.html"):
        partial = plain / "overrides" / "partials" / "kalender" / name
        text = partial.read_text(encoding="utf-8")
        assert "kept_threads is defined" in text
        partial.write_text(text.replace("kept_threads is defined", "false"), encoding="utf-8")
    build(plain, plain / "site")
    pages = "".join(p.read_text(encoding="utf-8")
                    for p in (plain / "site" / "pos").glob("*/index.html"))
    assert 'class="kal-thread__empty"' in pages and 'class="kal-comment"' in pages
    assert differing(kept / "site", plain / "site") == []
