"""The preview view model (no browser): escaped text, styling, fold, limit marks, phrase
marks, counts, the rule engine's findings per platform, and pictures made only once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kalender.core.loader import Project, load_project
from kalender.media.mediacache import MediaIndex, RenditionCache
from kalender.rules import Context, check_post
from kalender.site.previews import Preview, Previews, build_previews
from mediafiles import grid_photo, photo, truncated
from previewposts import filler, media_folder, write_post

TODAY = dt.date(2026, 12, 1)


def previews_of(repo: Path, cache: Path | None = None) -> tuple[Project, Previews]:
    project = load_project(repo)
    assert project.calendar is not None and project.report.errors == []
    context = Context(project.calendar, tuple(project.posts))
    findings = {p.id: check_post(p, context) for p in project.posts}
    made = build_previews(project.posts, project.calendar, findings, MediaIndex(None),
                          RenditionCache(cache or repo / ".cache" / "kalender"), TODAY)
    return project, made


def only(previews: Previews, post_id: str, platform: str) -> Preview:
    return next(p for p in previews.of(post_id) if p.platform == platform)


def test_caption_is_escaped_styled_and_keeps_line_breaks(repo: Path) -> None:
    write_post(repo, "2026-12-02-teks", {
        "platforms": ["instagram"],
        "caption": "Baca <b>PKPU</b> & Keputusan @kpu_ri\nbaris dua #JDIHKPU"})
    _, made = previews_of(repo)
    head = str(only(made, "2026-12-02-teks", "instagram").caption.head)  # type: ignore[union-attr]
    assert "&lt;b&gt;PKPU&lt;/b&gt; &amp; Keputusan" in head
    assert "<b>" not in head
    assert '<span class="kk-mention">@kpu_ri</span>\nbaris dua' in head
    assert '<span class="kk-tag">#JDIHKPU</span>' in head


def test_caption_folds_at_the_platform_fold(repo: Path) -> None:
    text = filler(300)
    write_post(repo, "2026-12-02-lipat", {"platforms": ["instagram", "facebook"],
                                          "caption": text})
    _, made = previews_of(repo)
    instagram = only(made, "2026-12-02-lipat", "instagram").caption
    facebook = only(made, "2026-12-02-lipat", "facebook").caption
    assert instagram is not None and facebook is not None
    assert (str(instagram.head), str(instagram.rest)) == (text[:125], text[125:])
    # the preview is a phone: Facebook folds there at 125 (fold_mobile), not at its 477
    assert (str(facebook.head), str(facebook.rest)) == (text[:125], text[125:])


def test_text_past_the_limit_is_marked_from_the_first_character_over(repo: Path) -> None:
    text = filler(290)
    write_post(repo, "2026-12-02-panjang", {"platforms": ["x"], "caption": text})
    _, made = previews_of(repo)
    preview = only(made, "2026-12-02-panjang", "x")
    html = str(preview.caption.head)  # type: ignore[union-attr]
    over = f'<mark class="kk-over" data-rule="text.limit">{text[280:]}</mark>'
    assert html == text[:280] + over
    caption = next(c for c in preview.counts if c.kind == "caption")
    assert (caption.used, caption.limit, caption.over, caption.shown) == (290, 280, True,
                                                                          "290/280")
    assert [f.rule for f in preview.findings if f.rule == "text.limit"] == ["text.limit"]
    assert preview.warning


def test_forbidden_phrase_is_marked_with_its_rule(repo: Path) -> None:
    write_post(repo, "2026-12-02-frasa", {"platforms": ["instagram"],
                                          "caption": "Info ini, sebarkan sebelum dihapus!"})
    _, made = previews_of(repo)
    preview = only(made, "2026-12-02-frasa", "instagram")
    html = str(preview.caption.head)  # type: ignore[union-attr]
    assert '<mark class="kk-phrase" data-rule="content.forbidden">sebarkan sebelum dihapus' \
        in html
    assert "content.forbidden" in {f.rule for f in preview.findings}


def test_findings_are_the_rule_engines_for_that_platform_only(repo: Path) -> None:
    write_post(repo, "2026-12-02-dua", {"platforms": ["x", "instagram"],
                                        "caption": filler(290)})
    project, made = previews_of(repo)
    assert project.calendar is not None
    post = project.posts[0]
    expected = check_post(post, Context(project.calendar, tuple(project.posts)))
    for platform in ("x", "instagram"):
        shown = [(f.rule, f.message) for f in only(made, post.id, platform).findings]
        assert shown == [(p.code, p.message) for p in expected if p.platform == platform]
    assert "text.limit" in {f.rule for f in only(made, post.id, "x").findings}
    assert "text.limit" not in {f.rule for f in only(made, post.id, "instagram").findings}


def test_counts_of_hashtags_mentions_and_media(repo: Path) -> None:
    post_id = "2026-12-02-hitung"
    folder = media_folder(repo, post_id)
    media = [{"file": f"{post_id}/{grid_photo(folder / f'f{n}.png', (600, 400)).name}",
              "alt": f"Foto {n}"} for n in range(5)]
    write_post(repo, post_id, {"platforms": ["x"], "caption": "@a @b #Satu #Dua #Tiga",
                               "media": media})
    _, made = previews_of(repo)
    counts = {c.kind: c for c in only(made, post_id, "x").counts}
    assert (counts["hashtags"].used, counts["hashtags"].warn) == (3, True)  # X advises 2
    assert counts["mentions"].used == 2
    assert (counts["media"].shown, counts["media"].over) == ("5/4", True)
    assert len(only(made, post_id, "x").pictures) == 5


def test_damaged_photo_is_a_finding_on_the_post_not_a_crash(repo: Path) -> None:
    post_id = "2026-12-02-rusak"
    folder = media_folder(repo, post_id)
    good = grid_photo(folder / "utuh.png", (800, 1000))
    source = photo(folder / "sumber.jpg", (1200, 900))
    broken = truncated(source, folder / "rusak.jpg")
    source.unlink()
    write_post(repo, post_id, {"platforms": {"instagram": "carousel"}, "caption": "Dua foto.",
                               "media": [{"file": f"{post_id}/{good.name}", "alt": "Utuh"},
                                         {"file": f"{post_id}/{broken.name}", "alt": "Rusak"}]})
    _, made = previews_of(repo)
    preview = only(made, post_id, "instagram")
    unreadable = [f for f in preview.findings if f.rule == "media.unreadable"]
    assert [f.severity for f in unreadable] == ["error"]
    assert unreadable[0].message.startswith("gambar 'rusak.jpg' rusak dan tidak dapat dibaca")
    assert preview.pictures == ()  # no crop can be promised for a post with a broken file


def test_second_build_with_no_change_encodes_nothing(repo: Path, tmp_path: Path) -> None:
    post_id = "2026-12-02-cache"
    folder = media_folder(repo, post_id)
    media = [{"file": f"{post_id}/{grid_photo(folder / f'f{n}.png', (900 + n, 700)).name}",
              "alt": f"Foto {n}", "focus": [0.3, 0.6]} for n in range(4)]
    write_post(repo, post_id, {"platforms": {"instagram": "carousel", "x": "post"},
                               "caption": "Empat.", "media": media})
    cache = tmp_path / "cache"
    _, first = previews_of(repo, cache)
    made = len(first.files)  # 4 pictures x 2 platforms, the grid tile, the account's picture
    assert first.made.encoded == made == 10
    _, second = previews_of(repo, cache)
    assert (second.made.encoded, second.made.reused) == (0, made)
    assert second.files == first.files
    write_post(repo, post_id, {"platforms": {"instagram": "carousel", "x": "post"},
                               "caption": "Empat.", "media": [
                                   {**m, "focus": [0.9, 0.6]} if i == 0 else m
                                   for i, m in enumerate(media)]})
    _, third = previews_of(repo, cache)
    # Moving the focus right moves the Instagram crop and the grid tile of that picture; X's
    # 16:9 crop of a 900x700 picture keeps its full width, so it does not move.
    assert (third.made.encoded, third.made.reused) == (2, made - 2)


@pytest.mark.parametrize("platform", ["instagram", "x", "facebook", "tiktok", "youtube"])
def test_every_preview_names_the_account_from_satker(repo: Path, platform: str) -> None:
    write_post(repo, "2026-12-02-akun", {"platforms": [platform], "caption": "Halo."})
    project, made = previews_of(repo)
    assert project.calendar is not None
    account = project.calendar.satker.accounts[platform]
    shown = only(made, "2026-12-02-akun", platform).account
    assert (shown.handle, shown.name) == (account.handle, account.name)
    assert shown.avatar is not None and shown.avatar in made.files
