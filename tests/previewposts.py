"""A scratch repository whose posts exercise every preview: every platform and format,
folds, limits, multi-picture layouts, a turned photo and videos. Used by the preview and
crop tests; built with ``kalender build`` like a user's repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from mediafiles import grid_photo, photo, truncated, video

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-12-01"
FILLER = ("Kenali hak pilih Anda dan baca aturan pemilu di laman JDIH KPU Kota Singkawang "
          "setiap hari kerja bersama tim hukum kami ")


def filler(length: int) -> str:
    """Plain ASCII text of exactly ``length`` characters (X weighs each as 1)."""
    text = (FILLER * (length // len(FILLER) + 1))[:length]
    return text[:-1] + "." if text.endswith(" ") else text


CAPTION_300 = filler(300)
CAPTION_281 = filler(281)
CAPTION_280 = filler(280)


def write_post(repo: Path, post_id: str, front: dict[str, Any]) -> Path:
    """``posts/YYYY/MM/<post_id>.md`` with ``front`` as its front matter."""
    path = repo / "posts" / post_id[:4] / post_id[5:7] / f"{post_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    base = {"title": post_id[11:].replace("-", " ").capitalize(),
            "date": f"{post_id[:10]} 09:00", "category": "rutin",
            "type": "edukasi-kepemiluan", "status": "draf"}
    text = yaml.safe_dump({**base, **front}, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{text}---\nCatatan.\n", encoding="utf-8")
    return path


def media_folder(repo: Path, post_id: str) -> Path:
    folder = repo / "posts" / post_id[:4] / post_id[5:7] / post_id
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def item(post_id: str, file: Path, alt: str, **extra: Any) -> dict[str, Any]:
    return {"file": f"{post_id}/{file.name}", "alt": alt, **extra}


def images(repo: Path, post_id: str, sizes: list[tuple[int, int]],
           alt: str = "Kartu uji") -> list[dict[str, Any]]:
    folder = media_folder(repo, post_id)
    return [item(post_id, grid_photo(folder / f"kartu-{n}.png", size, cells=6),
                 f"{alt} {n}") for n, size in enumerate(sizes, 1)]


def make_repo(repo: Path) -> Path:
    """Copy the site's configuration into ``repo`` and write every fixture post."""
    shutil.copytree(ROOT / "calendar", repo / "calendar", dirs_exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", repo / "overrides", dirs_exist_ok=True)
    shutil.copytree(ROOT / "docs", repo / "docs", dirs_exist_ok=True)
    (repo / "posts").mkdir(exist_ok=True)
    _posts(repo)
    return repo


def _posts(repo: Path) -> None:
    write_post(repo, "2026-12-02-ig-panjang", {
        "platforms": {"instagram": "feed"}, "caption": CAPTION_300,
        "media": images(repo, "2026-12-02-ig-panjang", [(1080, 1350)])})
    write_post(repo, "2026-12-03-x-lewat", {"platforms": ["x"], "caption": CAPTION_281})
    write_post(repo, "2026-12-03-x-pas", {"platforms": ["x"], "caption": CAPTION_280})
    write_post(repo, "2026-12-04-x-empat", {
        "platforms": ["x"], "caption": "Empat kartu aturan pemilu. #JDIHKPU",
        "media": images(repo, "2026-12-04-x-empat", [(1200, 675)] * 4)})
    folder = media_folder(repo, "2026-12-05-foto-miring")
    turned = photo(folder / "IMG_2041.jpg", (4000, 3000), orientation=6)
    write_post(repo, "2026-12-05-foto-miring", {
        "platforms": {"instagram": "feed"}, "caption": "Foto rapat dari ponsel.",
        "media": [item("2026-12-05-foto-miring", turned, "Foto rapat pleno, tegak")]})
    _video_posts(repo)
    _layout_posts(repo)


def _video_posts(repo: Path) -> None:
    post_id = "2026-12-06-lima-platform"
    clip = video(media_folder(repo, post_id) / "klip.mp4", (360, 640), seconds=4.0)
    write_post(repo, post_id, {
        "platforms": {"instagram": "reel", "x": "post", "facebook": "reel",
                      "tiktok": "video", "youtube": "short"},
        "caption": "Satu video untuk lima platform. #JDIHKPU #KPUSingkawang",
        "captions": {"youtube": {"title": "Lima platform, satu video"}},
        "media": [item(post_id, clip, "Video pendek kartu merah")]})
    post_id = "2026-12-10-youtube"
    folder = media_folder(repo, post_id)
    clip = video(folder / "penjelasan.mp4", (640, 360), seconds=3.0)
    cover = grid_photo(folder / "sampul.png", (1280, 720))
    write_post(repo, post_id, {
        "platforms": {"youtube": "video"},
        "caption": filler(400),
        "captions": {"youtube": {"title": "Cara membaca Peraturan KPU"}},
        "media": [item(post_id, clip, "Video penjelasan", cover=f"{post_id}/{cover.name}")]})


def _layout_posts(repo: Path) -> None:
    post_id = "2026-12-07-carousel"
    write_post(repo, post_id, {
        "platforms": {"instagram": "carousel", "tiktok": "photo"},
        "caption": "Geser untuk tiga kartu. @kpu_ri #JDIHKPU\nBaris kedua tetap baris baru.",
        "captions": {"tiktok": {"title": "Tiga kartu aturan"}},
        "media": images(repo, post_id, [(1080, 1350)] * 3)})
    post_id = "2026-12-08-story"
    write_post(repo, post_id, {
        "platforms": {"instagram": "story"}, "caption": "Cerita hari ini.",
        "media": images(repo, post_id, [(1080, 1920)])})
    post_id = "2026-12-09-x-dua"
    write_post(repo, post_id, {
        "platforms": ["x", "facebook"], "caption": filler(520),
        "media": images(repo, post_id, [(1200, 675), (1080, 1350)])})
    post_id = "2026-12-09-x-tiga"
    write_post(repo, post_id, {
        "platforms": ["x", "facebook"], "caption": "Tiga gambar.",
        "media": images(repo, post_id, [(1200, 675)] * 3)})
    post_id = "2026-12-11-foto-rusak"
    folder = media_folder(repo, post_id)
    whole = photo(folder / "utuh.jpg", (1600, 1200))
    broken = truncated(whole, folder / "rapat.jpg")
    whole.unlink()
    write_post(repo, post_id, {
        "platforms": {"instagram": "feed", "x": "post"}, "caption": "Foto yang rusak.",
        "media": [item(post_id, broken, "Foto rapat")]})
    post_id = "2026-11-20-sudah-tayang"
    write_post(repo, post_id, {
        "status": "diunggah", "platforms": {"instagram": "feed"}, "caption": "Sudah tayang.",
        "media": images(repo, post_id, [(1080, 1080)])})


def build(repo: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """``kalender build`` of ``repo`` with today pinned."""
    return subprocess.run(
        [sys.executable, "-m", "kalender", "--root", str(repo), "build", "--today", TODAY,
         *extra], capture_output=True, text=True, cwd=repo, timeout=600)
