"""``make bench``: how fast the calendar builds, measured against a bare mkdocs site of the
same size in the same run. Not a test: it prints figures, ratios and targets met or missed.
``python -m kalender.bench --n 1000`` measures the rows of issue 23 in pairs
(:mod:`kalender.bench.pairs`); ``--issue-11`` the earlier figures of issue 11 (thumbnails,
export of a week, serve, the roll-up of many offices), kept in this module.

Every measurement runs in a fresh child process, so its peak memory (RSS) is its own. The
peak comes from ``os.wait4``: on Linux the rusage of a reaped child is the larger of its own
and that of every descendant it reaped, so the process-pool workers of the image pipeline
(separate processes) are counted: the figure is the largest process of the measurement.
A child also starts with the peak of the process that forked it, so the bench process does
no heavy work itself (the repository and the approvals are made by helper children).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from PIL import Image, ImageDraw

from ..core.i18n import t

REPO = Path(__file__).resolve().parents[3]
SEED = 2026
PLATFORM_MIX = [  # (platforms block, number of photos); weights in PLATFORM_WEIGHTS
    ("instagram: feed\n  facebook: post", 1), ("instagram: carousel\n  facebook: post", 3),
    ("x: post", 2), ("facebook: post", 1), ("tiktok: photo", 2), ("instagram: story", 1),
]
PLATFORM_WEIGHTS = [4, 3, 2, 2, 1, 1]
TYPES = [("rutin", "edukasi-kepemiluan"), ("rutin", "edukasi-non-kepemiluan"),
         ("rutin", "non-edukasi"), ("sewaktu-waktu", "berita-kegiatan"),
         ("sewaktu-waktu", "materi-penyuluhan")]
PHOTO_SIZE = (4000, 3000)  # 12 megapixels
EXPORT_WEEK = "2026-W49"  # holds the first EXPORT_POSTS posts, approved before the export
EXPORT_MONDAY = dt.date(2026, 11, 30)
EXPORT_POSTS = 50
APPROVAL_NOW = "2026-11-20T09:00"
THUMBNAIL_SAMPLE = 8  # photos thumbnailed (cold) in the thumbnail measurement
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
SERVE_READY_TIMEOUT = 3600.0
REBUILD_TIMEOUT = 900.0


@dataclass
class Figure:
    """One measurement: seconds, the peak RSS (MiB) of its process tree, and extras."""

    name: str
    seconds: float
    peak_mib: float
    extra: dict[str, float] = field(default_factory=dict)


# --- the synthetic repository -------------------------------------------------------------


def photo(path: Path, seed: int) -> None:
    """A 12-megapixel JPEG with content unique to ``seed`` (so no two hash alike)."""
    rng = random.Random(seed)
    image = Image.new("RGB", PHOTO_SIZE, (rng.randrange(256), rng.randrange(256), 90))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(PHOTO_SIZE[0]), rng.randrange(PHOTO_SIZE[1])
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse((x - 400, y - 400, x + 400, y + 400), fill=colour)
    # fine grain like a camera's: the file weighs what a 12 MP phone photo does (~3 MB)
    half = (PHOTO_SIZE[0] // 2, PHOTO_SIZE[1] // 2)
    grain = Image.frombytes("L", half, rng.randbytes(half[0] * half[1]))
    image = Image.blend(image, grain.resize(PHOTO_SIZE).convert("RGB"), 0.25)
    image.save(path, "JPEG", quality=85)


def post_day(index: int, n: int) -> dt.date:
    """The first EXPORT_POSTS posts fill the export week; the others spread over 2026."""
    if index < EXPORT_POSTS:
        return EXPORT_MONDAY + dt.timedelta(days=index % 7)
    spread = n - EXPORT_POSTS
    return dt.date(2026, 1, 5) + dt.timedelta(days=(index - EXPORT_POSTS) * 360 // max(spread, 1))


def make_repo(folder: Path, n: int, photos: int, seed: int = SEED) -> Path:
    """A repository with the real calendar data and ``n`` synthetic posts."""
    for name in ("calendar", "overrides", "docs"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, folder / name)
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "calendar" / "rapat").mkdir(parents=True, exist_ok=True)
    pool = folder / "posts" / "foto"
    pool.mkdir(parents=True)
    for index in range(photos):
        photo(pool / f"foto-{index:04d}.jpg", seed + index)
    rng = random.Random(seed)
    for index in range(n):
        platforms, count = rng.choices(PLATFORM_MIX, PLATFORM_WEIGHTS)[0]
        write_post(folder, post_day(index, n), index, platforms, count, rng.choice(TYPES),
                   [rng.randrange(photos) for _ in range(count)])
    return folder


def post_path(folder: Path, index: int, n: int) -> Path:
    """The file of synthetic post ``index``."""
    day = post_day(index, n)
    return folder / "posts" / f"{day:%Y}" / f"{day:%m}" / f"{day}-pos-{index:05d}.md"


def write_post(folder: Path, day: dt.date, index: int, platforms: str, count: int,
               kind: tuple[str, str], pictures: list[int]) -> None:
    """One synthetic post in the house format, ``count`` photos from the pool."""
    path = folder / "posts" / f"{day:%Y}" / f"{day:%m}" / f"{day}-pos-{index:05d}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    relative = os.path.relpath(folder / "posts" / "foto", path.parent)
    media = "".join(f"  - file: {relative}/foto-{p:04d}.jpg\n    alt: Foto {i + 1} pos {index}\n"
                    for i, p in enumerate(pictures))
    path.write_text(
        f"---\ntitle: Pos uji {index}\ndate: {day} {8 + index % 9:02d}:00\n"
        f"category: {kind[0]}\ntype: {kind[1]}\nstatus: draf\n"
        f"platforms:\n  {platforms}\n"
        f"caption: |\n  Materi edukasi nomor {index} untuk pemilih di Kota Singkawang.\n"
        f"hashtags: [JDIHKPU, KPUSingkawang]\n"
        f"source: \"Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum, Pasal 5\"\n"
        f"media:\n{media}---\n## Ringkasan\nBahan pos {index}.\n",
        encoding="utf-8")


def bare_site(folder: Path, n: int) -> Path:
    """A plain mkdocs-material site of ``n`` bare pages kept out of the nav."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Beranda\n")
    for index in range(n):
        (docs / f"halaman-{index:05d}.md").write_text(f"# Halaman {index}\n\nIsi {index}.\n")
    (folder / "mkdocs.yml").write_text(
        "site_name: Bare\ntheme:\n  name: material\n  font: false\n"
        "nav:\n  - Beranda: index.md\n")
    return folder


# --- measuring child processes ------------------------------------------------------------


def child_env() -> dict[str, str]:
    """The environment of every measured child: the repo's package importable, no warnings,
    and Python's bytecode written and read as for an installed package. mkdocs, on the bare
    side, is installed with its bytecode; a ``PYTHONDONTWRITEBYTECODE`` inherited from the
    shell would make every calendar build compile the package's own modules again (some
    0.1 to 0.15 s CPU at every build, not the calendar's work: issue 23, branch edit7)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KALENDER_TODAY="2026-11-30")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "scripts"), env.get("PYTHONPATH", "")])
    return env


def timed(name: str, argv: Sequence[str], cwd: Path) -> tuple[Figure, str]:
    """Run ``argv`` in a child process; its wall time, peak RSS and standard output."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=child_env())
    out, err = _drain(child)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if child.returncode != 0:
        sys.stderr.write(err.decode("utf-8", "replace")[-3000:])
        raise SystemExit(t("bench.failed", name=name))
    return Figure(name, seconds, usage.ru_maxrss / 1024), out.decode("utf-8", "replace")


def _drain(child: subprocess.Popen[bytes]) -> tuple[bytes, bytes]:
    """Read both pipes to the end without reaping the child (wait4 does that)."""
    chunks: dict[str, bytes] = {}

    def read(name: str, stream: IO[bytes]) -> None:
        chunks[name] = stream.read()

    readers = [threading.Thread(target=read, args=(name, getattr(child, name)))
               for name in ("stdout", "stderr")]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    return chunks["stdout"], chunks["stderr"]


def kalender(root: Path, *args: str) -> list[str]:
    """The argv of a ``kalender`` command on the repository ``root``."""
    return [sys.executable, "-m", "kalender", "--root", str(root), *args]


def image_files(folder: Path) -> dict[str, tuple[int, int]]:
    """Every picture under ``folder``: (modification time, inode) by path."""
    found: dict[str, tuple[int, int]] = {}
    for path in folder.rglob("*") if folder.is_dir() else ():
        if path.suffix.lower() in IMAGE_SUFFIXES and path.is_file():
            stat = path.stat()
            found[str(path)] = (stat.st_mtime_ns, stat.st_ino)
    return found


def written_between(before: dict[str, tuple[int, int]],
                    after: dict[str, tuple[int, int]]) -> int:
    """How many pictures were written (new, or replaced) between two snapshots."""
    return sum(1 for path, stamp in after.items() if before.get(path) != stamp)


def measure_builds(repo: Path, bare: Path, shown: Callable[[Figure], None]) -> None:
    """Bare mkdocs cold and warm, then the calendar cold (no caches) and warm; ``shown``
    gets each figure as soon as it is measured."""
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
    shown(timed("bare_cold", mkdocs, bare)[0])
    shown(timed("bare_warm", mkdocs, bare)[0])
    shutil.rmtree(repo / ".cache", ignore_errors=True)
    shutil.rmtree(repo / "site", ignore_errors=True)
    shown(timed("cold", kalender(repo, "build"), repo)[0])
    before = image_files(repo / ".cache")
    warm = timed("warm", kalender(repo, "build"), repo)[0]
    warm.extra["encoded"] = written_between(before, image_files(repo / ".cache"))
    shown(warm)


def measure_edited(repo: Path, n: int) -> Figure:
    """Not a target: ``kalender build`` in a new process after one caption was edited, so
    every post is read and checked again and only the changed pages are rendered (the
    warm build above reads no post at all, since no file changed)."""
    post = post_path(repo, n // 3, n)
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace(f"Materi edukasi nomor {n // 3}",
                                 f"Keterangan build diubah {n // 3}"), encoding="utf-8")
    return timed("edited", kalender(repo, "build"), repo)[0]


# --- kalender serve: one caption edited ---------------------------------------------------


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    """The body of ``url``, or None when the server does not answer (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return str(answer.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, text: str, timeout: float, serve: subprocess.Popen[bytes]) -> float:
    """Poll ``url`` until its body holds ``text``; seconds waited."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if serve.poll() is not None:
            raise SystemExit(t("bench.serve_died"))
        body = fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - started
        time.sleep(0.05)
    raise SystemExit(t("bench.serve_timeout", url=url, seconds=f"{timeout:.0f}"))


def measure_serve(repo: Path, n: int) -> Figure:
    """Start ``kalender serve``, edit one caption, time until the post page shows it."""
    port = free_port()
    post = post_path(repo, n // 2, n)
    url = f"http://127.0.0.1:{port}/pos/{post.stem}/"
    log = (repo.parent / "serve.log").open("wb")
    serve = subprocess.Popen(kalender(repo, "serve", "--dev-addr", f"127.0.0.1:{port}"),
                             cwd=repo, stdout=log, stderr=subprocess.STDOUT, env=child_env())
    try:
        started = time.perf_counter()
        wait_for(url, f"nomor {n // 2} untuk pemilih", SERVE_READY_TIMEOUT, serve)
        first = time.perf_counter() - started
        time.sleep(1.0)  # let the watcher settle after the first build
        new = f"Keterangan diubah {random.Random(SEED).randrange(10**9)}"
        text = post.read_text(encoding="utf-8")
        post.write_text(text.replace(f"Materi edukasi nomor {n // 2}", new), encoding="utf-8")
        seconds = wait_for(url, new, REBUILD_TIMEOUT, serve)
    finally:
        serve.terminate()
        _, _, usage = os.wait4(serve.pid, 0)
        serve.returncode = 0
        log.close()
    return Figure("serve", seconds, usage.ru_maxrss / 1024, {"first": first})


# --- thumbnails and export ----------------------------------------------------------------


def measure_thumbnails(repo: Path) -> Figure:
    """Cold thumbnails of sample 12 MP photos through the real pipeline, in one process."""
    figure, out = timed("thumbnails", [sys.executable, "-m", "kalender.bench", "--child",
                                       "thumbnails", str(repo / "posts" / "foto")], repo)
    data = json.loads(out)
    figure.extra = {"count": data["count"], "ms": data["ms_each"]}
    return figure


def thumbnails_child(pool: Path) -> None:
    """Child: thumbnail THUMBNAIL_SAMPLE photos into an empty cache; print ms per photo."""
    from ..media.mediacache import thumbnail

    photos = sorted(pool.glob("*.jpg"))[:THUMBNAIL_SAMPLE]
    # Pillow loads its format plugins on the first image a process opens; that happens once
    # per process, not once per photo, so a tiny picture opens before the clock starts.
    warm = io.BytesIO()
    Image.new("RGB", (8, 8)).save(warm, "JPEG")
    Image.open(io.BytesIO(warm.getvalue())).load()
    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        made = [thumbnail(path, Path(cache)) for path in photos]
        seconds = time.perf_counter() - started
    if not all(made):
        raise SystemExit(t("bench.thumbnail_failed"))
    print(json.dumps({"count": len(photos), "ms_each": seconds * 1000 / len(photos)}))


def run_child(words: list[str]) -> None:
    """The work of a helper child process (``--child KIND ...``)."""
    kind, *rest = words
    if kind == "thumbnails":
        thumbnails_child(Path(rest[0]))
    elif kind == "repo":
        make_repo(Path(rest[0]), int(rest[1]), int(rest[2]))
    elif kind == "approve":
        approve_export_week(Path(rest[0]), int(rest[1]))
    elif kind == "renditions":
        from .pairs import renditions_child

        renditions_child(Path(rest[0]))


def helper(*words: str) -> None:
    """Run a helper child: the bench process itself stays small, because a child starts
    with the peak RSS of the process that forked it (Linux keeps it across exec)."""
    subprocess.run([sys.executable, "-m", "kalender.bench", "--child", *words], check=True,
                   env=child_env())


def approve_export_week(repo: Path, n: int) -> None:
    """Take the EXPORT_POSTS posts of the export week through submit, initial, approve."""
    from ..approval.machine import Action
    from ..workflow.actions import NOW_ENV, perform

    os.environ[NOW_ENV] = APPROVAL_NOW
    steps = ((Action.SUBMIT, "rina"), (Action.INITIAL, "hendra"), (Action.APPROVE, "sari"))
    for index in range(min(EXPORT_POSTS, n)):
        for action, member in steps:
            perform(repo, post_path(repo, index, n).stem, action, member)


def measure_export(repo: Path, n: int) -> Figure:
    """The upload bundle of the export week, its posts approved beforehand (not timed)."""
    helper("approve", str(repo), str(n))
    out = repo.parent / "ekspor"
    figure = timed("export", kalender(repo, "export", "--week", EXPORT_WEEK, "--out", str(out)),
                   repo)[0]
    bundles = list(out.glob("*.zip"))
    figure.extra["bundles"] = len(bundles)
    figure.extra["mb"] = sum(p.stat().st_size for p in bundles) / 1e6
    return figure


# --- the table ----------------------------------------------------------------------------


@dataclass
class Target:
    """One target of issue 11: its label, the figure shown and whether it is met."""

    key: str
    shown: str
    met: bool | None  # None: not measured at this N


def targets(figures: dict[str, Figure], n: int) -> list[Target]:
    """Each target of issue 11, met or missed, from the figures of this run."""
    ratio = figures["warm"].seconds / figures["bare_warm"].seconds
    encoded = int(figures["warm"].extra["encoded"])
    ms = figures["thumbnails"].extra["ms"]
    export = figures["export"].seconds
    peak = max(f.peak_mib for f in figures.values())
    rebuild = figures["serve"].seconds
    return [
        Target("bench.target_warm", f"{ratio:.2f}x", ratio <= 1.3),
        Target("bench.target_encoded", str(encoded), encoded == 0),
        Target("bench.target_thumbnail", f"{ms:.0f} ms", ms <= 40),
        Target("bench.target_export", f"{export:.1f} s", export <= 10),
        Target("bench.target_memory", f"{peak:.0f} MiB", peak <= 500 if n >= 10_000 else None),
        Target("bench.target_rebuild", f"{rebuild:.2f} s", rebuild < 1 if n <= 1000 else None),
    ]


def table(figures: dict[str, Figure], n: int) -> str:
    """The figures of the run and the targets, as plain text."""
    bare = {"cold": figures["bare_cold"].seconds, "warm": figures["bare_warm"].seconds,
            "edited": figures["bare_warm"].seconds}
    rows = [t("bench.header", n=n), f"{t('bench.col_what'):<40} {t('bench.col_seconds'):>9} "
            f"{t('bench.col_ratio'):>8} {t('bench.col_rss'):>9}"]
    for key, figure in figures.items():
        ratio = f"{figure.seconds / bare[key]:.2f}x" if key in bare else ""
        rows.append(f"{t('bench.row_' + key):<40} {figure.seconds:>9.2f} {ratio:>8} "
                    f"{figure.peak_mib:>9.0f}")
    rows.append(t("bench.notes", encoded=int(figures["warm"].extra["encoded"]),
                  first=f"{figures['serve'].extra['first']:.1f}",
                  count=int(figures["thumbnails"].extra["count"]),
                  ms=f"{figures['thumbnails'].extra['ms']:.0f}",
                  per_second=f"{1000 / figures['thumbnails'].extra['ms']:.1f}",
                  mb=f"{figures['export'].extra['mb']:.1f}"))
    rows.append("")
    rows.append(t("bench.targets"))
    for target in targets(figures, n):
        verdict = {True: "bench.met", False: "bench.missed", None: "bench.not_at_n"}[target.met]
        rows.append(f"  {t(target.key):<66} {target.shown:>10}  {t(verdict)}")
    return "\n".join(rows)


def machine() -> str:
    """The machine the figures come from: cores, CPU, memory, load, Python."""
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "?")
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "0")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return t("bench.machine", cores=os.cpu_count() or 0, cpu=cpu,
             memory=f"{int(memory) / 1024 / 1024:.1f}", load=load,
             python=sys.version.split()[0])


def run(n: int, photos: int, keep: bool) -> dict[str, Figure]:
    """Every measurement of issue 11 on a fresh synthetic repository of ``n`` posts."""
    work = Path(tempfile.mkdtemp(prefix="kalender-bench-"))
    try:
        print(t("bench.making", n=n, photos=photos, folder=str(work)), flush=True)
        repo = work / "repo"
        helper("repo", str(repo), str(n), str(photos))
        bare = bare_site(work / "bare", n)
        figures: dict[str, Figure] = {}

        def shown(figure: Figure) -> None:
            figures[figure.name] = figure
            print(f"  {t('bench.row_' + figure.name)}: {figure.seconds:.2f} s, "
                  f"{figure.peak_mib:.0f} MiB", flush=True)

        measure_builds(repo, bare, shown)
        for measure in (lambda: measure_edited(repo, n), lambda: measure_serve(repo, n),
                        lambda: measure_thumbnails(repo),
                        lambda: measure_export(repo, n)):
            shown(measure())
        return figures
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


# --- the roll-up of many offices (issue 18) -----------------------------------------------

MONITOR_OFFICES = 40
MONITOR_POSTS = 300


def make_office(folder: Path, posts: int, seed: int) -> Path:
    """An office repository: the real calendar data, ``posts`` text posts in 2026-2."""
    shutil.copytree(REPO / "calendar", folder / "calendar")
    rng = random.Random(seed)
    for index in range(posts):
        day = dt.date(2026, 7, 1) + dt.timedelta(days=index * 183 // posts)
        kind = rng.choice(TYPES)
        path = folder / "posts" / f"{day:%Y}" / f"{day:%m}" / f"{day}-pos-{index:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"---\ntitle: Pos uji {index}\ndate: {day} {8 + index % 9:02d}:00\n"
            f"category: {kind[0]}\ntype: {kind[1]}\nstatus: draf\nplatforms: [x]\n"
            f"caption: Materi edukasi nomor {index} untuk pemilih.\n"
            f"hashtags: [JDIHKPU, KPUSingkawang]\n"
            f"source: \"Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum, Pasal 5\"\n"
            f"---\nBahan pos {index}.\n", encoding="utf-8")
    return folder


def measure_monitor(work: Path, offices: int = MONITOR_OFFICES,
                    posts: int = MONITOR_POSTS) -> list[Figure]:
    """``kalender monitor`` over ``offices`` offices: cold, then after one office changed."""
    folders = [make_office(work / f"kantor-{i:03d}", posts, SEED + i) for i in range(offices)]
    argv = [sys.executable, "-m", "kalender", "monitor", *map(str, folders), "--out",
            str(work / "rekap"), "--cache", str(work / "tembolok"), "--semester", "2026-2",
            "--today", "2026-12-04"]
    cold, _ = timed("monitor_cold", argv, work)
    changed_post = sorted((folders[offices // 2] / "posts").rglob("*.md"))[0]
    with changed_post.open("a", encoding="utf-8") as handle:
        handle.write("Tambahan.\n")
    changed, _ = timed("monitor_changed", argv, work)
    return [cold, changed]


def monitor_table(figures: Sequence[Figure]) -> str:
    cold, changed = figures
    peak = max(f.peak_mib for f in figures)
    rows = [t("bench.monitor_header", offices=MONITOR_OFFICES, posts=MONITOR_POSTS)]
    for figure in figures:
        rows.append(f"  {t('bench.row_' + figure.name):<40} {figure.seconds:>9.2f} s "
                    f"{figure.peak_mib:>9.0f} MiB")
    for key, shown, met in (("bench.target_monitor_cold", f"{cold.seconds:.1f} s",
                             cold.seconds <= 60),
                            ("bench.target_monitor_changed", f"{changed.seconds:.1f} s",
                             changed.seconds <= 10),
                            ("bench.target_monitor_rss", f"{peak:.0f} MiB", peak <= 1024)):
        rows.append(f"  {t(key):<66} {shown:>10}  {t('bench.met' if met else 'bench.missed')}")
    return "\n".join(rows)


def run_monitor(keep: bool) -> list[Figure]:
    work = Path(tempfile.mkdtemp(prefix="kalender-bench-monitor-"))
    try:
        return measure_monitor(work)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m kalender.bench --n N [--photos P] [--keep]``."""
    parser = argparse.ArgumentParser(description=t("bench.help"))
    parser.add_argument("--n", type=int, default=1000, help=t("bench.help_n"))
    parser.add_argument("--photos", type=int, default=0, help=t("bench.help_photos"))
    parser.add_argument("--keep", action="store_true", help=t("bench.help_keep"))
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--monitor-only", action="store_true", help=t("bench.help_monitor"))
    parser.add_argument("--pairs", type=int, default=3, help=t("bench.help_pairs"))
    parser.add_argument("--no-cold", action="store_true", help=t("bench.help_no_cold"))
    parser.add_argument("--issue-11", action="store_true", help=t("bench.help_issue_11"))
    parser.add_argument("--until", default=None, help=t("bench.help_until"))
    parser.add_argument("--rows", default=None, help=t("bench.help_rows"))
    args = parser.parse_args(argv)
    if args.child:
        run_child(args.child)
        return
    if args.monitor_only:
        print(machine())
        print(monitor_table(run_monitor(args.keep)))
        return
    n = max(args.n, EXPORT_POSTS)
    photos = args.photos or max(n // 5, THUMBNAIL_SAMPLE)
    if not args.issue_11:
        from .pairs import run_pairs

        until = None
        if args.until:  # HH:MM, UTC, today
            hour, minute = (int(x) for x in args.until.split(":"))
            now = dt.datetime.now(dt.UTC)
            until = now.replace(hour=hour, minute=minute, second=0).timestamp()
        rows = frozenset(args.rows.split(",")) if args.rows else None
        print(run_pairs(n, photos, max(args.pairs, 3), args.keep, cold=not args.no_cold,
                        until=until, rows=rows))
        return
    figures = run(n, photos, args.keep)
    print()
    print(machine())
    print(table(figures, n))
    print(monitor_table(run_monitor(args.keep)))


if __name__ == "__main__":
    main()
