"""Previews as the apps show them (issue 22): a 9:16 video in an X post is shown whole in
X's 16:9 frame with black bars (X uses no cover), not cut; a video on a format of its own
shape is unchanged; the page draws the letterbox."""

from __future__ import annotations

import shutil
from pathlib import Path

from kalender.site.previews import Preview
from mediafiles import grid_photo, video
from previewposts import ROOT, build, media_folder, write_post
from test_previews import only, previews_of


def tall_video_post(repo: Path, post_id: str, platforms: dict[str, str]) -> None:
    folder = media_folder(repo, post_id)
    video(folder / "klip.mp4", (360, 640), seconds=2.0)
    grid_photo(folder / "sampul.png", (1080, 1920))
    write_post(repo, post_id, {"platforms": platforms, "caption": "Video tegak.",
                               "media": [{"file": f"{post_id}/klip.mp4", "alt": "Video",
                                          "cover": f"{post_id}/sampul.png"}]})


def test_x_shows_a_tall_video_whole_in_a_wide_frame(repo: Path) -> None:
    tall_video_post(repo, "2026-12-02-video-tegak", {"x": "post", "instagram": "reel"})
    _, made = previews_of(repo)
    x: Preview = only(made, "2026-12-02-video-tegak", "x")
    picture = x.pictures[0]
    assert picture.letterboxed and picture.slot == (1200, 675)  # X's 16:9 frame
    assert picture.crop == "0,0,360,640"  # the whole video frame, nothing cut
    assert picture.aspect == "1200 / 675"
    assert picture.framing.source == (360, 640)  # the video itself, not the cover
    reel = only(made, "2026-12-02-video-tegak", "instagram").pictures[0]
    assert not reel.letterboxed and reel.framing.source == (1080, 1920)  # the cover, 9:16


def test_the_page_draws_the_letterbox(repo: Path) -> None:
    tall_video_post(repo, "2026-12-02-video-tegak", {"x": "post"})
    for item in ("overrides", "docs"):
        shutil.copytree(ROOT / item, repo / item)
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    result = build(repo)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (repo / "site" / "pos" / "2026-12-02-video-tegak" / "index.html").read_text(
        encoding="utf-8")
    x_part = page[page.index('data-preview="x"'):]
    x_part = x_part[:x_part.index("</figure>")]
    assert "kk-pic kk-pic--letterbox" in x_part and 'data-crop="0,0,360,640"' in x_part
    assert "aspect-ratio: 1200 / 675" in x_part
