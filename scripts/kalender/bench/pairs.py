"""The honest bench of issue 23: every row a ratio to a bare mkdocs-material site of the same
N pages, with the same Markdown extensions and plugins, measured in pairs (bare, ours, bare,
ours, ...) so that both sides meet the same load of a shared machine.

A figure is the CPU time (user + system) of the measured process and of every process it
waited for (``os.wait4``), not the wall clock, which on a shared host says more about the
neighbours than about the build. Each row prints the median and the minimum of its ratios,
and the target of issue 23 met ("tercapai") or missed ("tidak tercapai"). The servers of
the serve row run in their own process group, which is killed and checked empty at the end.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..core.i18n import t
from . import REPO, child_env, fetch, free_port, helper, kalender, machine, post_path

BASE_DAY = "2026-11-30"  # a Monday; the new-day row advances from it one day at a time
NEW_DAYS = ("2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05")
POLL = 0.01  # seconds between two requests while waiting for a rebuilt page
SAMPLE = 12  # renditions re-encoded to measure the cost of one


@dataclass
class Run:
    """One measured process: CPU seconds, wall seconds, peak RSS (MiB)."""

    cpu: float
    wall: float
    peak: float


@dataclass
class Row:
    """One row of the table: the pairs (bare, ours) measured, and its target."""

    key: str
    target: float | None  # the ratio (or seconds, for ``absolute`` rows) to stay under
    absolute: bool = False  # the target is in seconds of ours, not a ratio
    pairs: list[tuple[Run, Run]] = field(default_factory=list)
    floor: float = 0.0  # added to the bare side (cold build: the image floor)
    clock: str = "cpu"  # which figure of a Run is compared: "cpu" or "wall"

    def ratios(self) -> list[float]:
        return [self.of(ours) / (self.of(bare) + self.floor) for bare, ours in self.pairs]

    def of(self, run: Run) -> float:
        return run.wall if self.clock == "wall" else run.cpu

    def figure(self) -> float:
        """What the target is judged on: the median ratio (or the median wall seconds)."""
        if self.absolute:
            return statistics.median(ours.wall for _, ours in self.pairs)
        return statistics.median(self.ratios())


PEAK_TARGET_MIB = 300e6 / 2**20  # the 300 MB, in the MiB that ru_maxrss gives: 286.1


def measured(argv: Sequence[str], cwd: Path, **env: str) -> Run:
    """Run ``argv`` to its end; its CPU time with the children it waited for."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors,
                                 env={**child_env(), **env})
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            sys.stderr.write(errors.read().decode("utf-8", "replace")[-3000:])
            raise SystemExit(t("bench.failed", name=" ".join(argv[-3:])))
    return Run(usage.ru_utime + usage.ru_stime, time.perf_counter() - started,
               usage.ru_maxrss / 1024)


# --- the bare site ------------------------------------------------------------------------


def bare_config(repo_config: Path) -> str:
    """The repository's ``mkdocs.yml`` without the calendar: the same theme, Markdown
    extensions and plugins (search, offline), no kalender plugin, no custom templates."""
    config = yaml.safe_load(repo_config.read_text(encoding="utf-8"))
    config["site_name"] = "Bare"
    config["plugins"] = [p for p in config.get("plugins", []) if p != "kalender"
                         and not (isinstance(p, dict) and "kalender" in p)]
    theme = config.get("theme", {})
    for key in ("custom_dir", "logo", "favicon"):
        theme.pop(key, None)
    for key in ("extra_css", "extra_javascript", "extra"):
        config.pop(key, None)
    config["nav"] = [{"Beranda": "index.md"}]
    config["strict"] = False
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def bare_site(folder: Path, n: int, repo_config: Path) -> Path:
    """N pages shaped like the posts' text (title, caption, a summary), out of the nav."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Beranda\n", encoding="utf-8")
    for index in range(n):
        (docs / f"halaman-{index:05d}.md").write_text(
            f"# Pos uji {index}\n\nMateri edukasi nomor {index} untuk pemilih di Kota "
            f"Singkawang. #JDIHKPU #KPUSingkawang\n\n## Ringkasan\n\nBahan pos {index}.\n",
            encoding="utf-8")
    (folder / "mkdocs.yml").write_text(bare_config(repo_config), encoding="utf-8")
    return folder


# --- the rows -----------------------------------------------------------------------------


class Bench:
    """The synthetic repository, the bare site and the rows measured on them."""

    def __init__(self, work: Path, n: int, photos: int, pairs: int,
                 rows: frozenset[str] | None = None) -> None:
        self.work, self.n, self.pairs = work, n, pairs
        self.wanted = rows  # the keys of the rows to measure (None: all)
        self.repo = work / "repo"
        helper("repo", str(self.repo), str(n), str(photos))
        self.bare = bare_site(work / "bare", n, self.repo / "mkdocs.yml")
        self.mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
        self.rows: list[Row] = []
        self.edits = 0
        self.day = BASE_DAY
        self.renditions = 0
        self.rendition_cpu = 0.0
        self.removed = work / "removed"  # outputs set aside, removed after the measurements

    def set_aside(self, path: Path) -> None:
        """Move ``path`` out of the way (one rename) instead of removing it before a measured
        build: no build of the bench removes files while another is measured. ext4 without a
        journal (the bench's host) skips, at each file it creates, every inode of the block
        group freed in the last 60 s, 360 s while its inode table block is unwritten
        (``recently_deleted`` in fs/ext4/ialloc.c, the largest kernel cost of a bare build
        under ``perf``): a build paid, in system time, for the files the builds of the last
        minutes had removed, more the later it ran in a bench (issue 23, branch clean8)."""
        if path.exists():
            self.removed.mkdir(exist_ok=True)
            path.rename(self.removed / f"{len(list(self.removed.iterdir()))}-{path.name}")

    def bare_build(self) -> Run:
        """``mkdocs build`` of the bare site into an empty ``site`` (the last one set aside)."""
        self.set_aside(self.bare / "site")
        return measured(self.mkdocs, self.bare)

    def ours(self, *args: str, **env: str) -> Run:
        return measured(kalender(self.repo, *args), self.repo,
                        KALENDER_TODAY=env.pop("today", self.day), **env)

    def paired(self, row: Row, ours: Callable[[int], Run],
               before: Callable[[int], None] = lambda i: None) -> Row:
        if not self.measures(row.key):
            return row
        for index in range(self.pairs):
            before(index)
            # Bare first, then ours first: each side follows the other's build as often,
            # instead of bare always right after ours (issue 23, branch clean8).
            if index % 2 == 0:
                bare = self.bare_build()
                mine = ours(index)
            else:
                mine = ours(index)
                bare = self.bare_build()
            row.pairs.append((bare, mine))
            print(f"  {t('bench.pair_' + row.key)}: {row.pairs[-1][0].cpu:.2f} s / "
                  f"{row.pairs[-1][1].cpu:.2f} s", flush=True)
        self.rows.append(row)
        return row

    def measures(self, key: str) -> bool:
        return self.wanted is None or key in self.wanted

    def edit_caption(self, index: int) -> Path:
        """Change the caption of one post (a different post each time)."""
        self.edits += 1
        number = self.n // 3 + self.edits
        post = post_path(self.repo, number, self.n)
        text = post.read_text(encoding="utf-8")
        post.write_text(text.replace(f"Materi edukasi nomor {number}",
                                     f"Keterangan diubah {self.edits} nomor {number}"),
                        encoding="utf-8")
        return post

    def cold(self, pairs: int) -> Row:
        """``pairs`` cold builds (caches and site removed first), each after a bare one."""
        row = next((r for r in self.rows if r.key == "cold"), None) or Row("cold", 1.3)
        wanted, self.pairs = self.pairs, pairs
        try:
            if row in self.rows:
                self.rows.remove(row)
            self.paired(row, lambda i: self.ours("build"), lambda i: self.empty())
        finally:
            self.pairs = wanted
        if not self.renditions:
            self.renditions, self.rendition_cpu = rendition_cost(self.repo)
        # CPU against CPU: every picture's cost counts whole on both sides. Wall against
        # wall: the issue's floor, the pictures' cost spread over every core.
        row.floor = self.renditions * self.rendition_cpu
        for old in [r for r in self.rows if r.key == "cold_wall"]:
            self.rows.remove(old)
        self.rows.append(Row("cold_wall", 1.3, pairs=row.pairs, clock="wall",
                             floor=row.floor / (os.cpu_count() or 1)))
        return row

    def empty(self) -> None:
        for name in (".cache", "site"):
            self.set_aside(self.repo / name)

    def clean_build(self) -> Run:
        """``kalender build --clean`` into an empty ``site``, as the bare side builds."""
        self.set_aside(self.repo / "site")
        return self.ours("build", "--clean")

    def rows_of_builds(self) -> None:
        self.paired(Row("unchanged", 1.3), lambda i: self.ours("build"))
        self.paired(Row("clean", 1.5), lambda i: self.clean_build())
        def edited(index: int) -> None:
            self.edit_caption(index)

        self.paired(Row("edited", 0.3), lambda i: self.ours("build"), edited)

        def next_day(index: int) -> None:
            self.day = NEW_DAYS[index % len(NEW_DAYS)]

        self.paired(Row("new_day", 0.5), lambda i: self.ours("build"), next_day)

    def help_row(self) -> None:
        ours = [sys.executable, "-m", "kalender", "--help"]
        bare = [sys.executable, "-m", "mkdocs", "--help"]
        row = Row("help", 1.5)
        if not self.measures(row.key):
            return
        for _ in range(max(self.pairs, 5)):
            row.pairs.append((measured(bare, self.work), measured(ours, self.work)))
        self.rows.append(row)

    def serve_row(self) -> None:
        row = Row("serve", 0.25 if self.n <= 1000 else 1.0, absolute=True)
        if not self.measures(row.key):
            return
        with Servers(self) as servers:
            for _ in range(self.pairs):
                row.pairs.append((servers.bare_edit(), servers.ours_edit()))
                print(f"  {t('bench.pair_serve')}: {row.pairs[-1][0].wall:.2f} s / "
                      f"{row.pairs[-1][1].wall:.2f} s", flush=True)
        row.pairs = [(bare, Run(ours.cpu, ours.wall, servers.peak)) for bare, ours in row.pairs]
        self.rows.append(row)


def rendition_cost(repo: Path) -> tuple[int, float]:
    """How many renditions and thumbnails the cold build made, and the CPU seconds one
    costs: a sample re-encoded in one process from an empty cache (``--child renditions``)."""
    out = subprocess.run([sys.executable, "-m", "kalender.bench", "--child", "renditions",
                          str(repo)], check=True, capture_output=True, env=child_env())
    data = json.loads(out.stdout)
    return int(data["count"]), float(data["cpu_each"])


def renditions_child(repo: Path) -> None:
    """Child: count the pictures of the cold build and make a sample of them again, the
    way the build makes them: every rendition of a photo from one job (one decode per
    draft scale, :mod:`kalender.media.batches`), whole photos until SAMPLE renditions."""
    from ..media.batches import by_source, encode_source
    from ..media.images import Framing, image_info
    from ..media.mediacache import Rendition, cache_folder, thumbnail

    manifests = sorted(cache_folder(repo).rglob("manifest.json"))
    entries = [e for m in manifests
               for e in (json.loads(m.read_text()).get("renditions") or {}).values()]
    thumbnails = [p for p in (repo / ".cache").rglob("*.jpg") if "thumbnails" in p.parts]
    with tempfile.TemporaryDirectory() as scratch:
        jobs = []
        for index, entry in enumerate(entries):
            box = tuple(entry["box"])  # in the upright picture, whose size is in its header
            framing = Framing(image_info(Path(entry["source"])).size, box, tuple(entry["size"]))
            rendition = Rendition(Path(entry["source"]), entry["digest"], framing,
                                  tuple(entry["size"]))
            jobs.append((rendition, str(Path(scratch) / f"{index}.jpg")))
        groups, sample = [], 0
        for group in by_source(jobs):
            if sample >= SAMPLE:
                break
            groups.append(group)
            sample += len(group)
        started = time.process_time()
        for group in groups:
            encode_source(group)
        photos = sorted((repo / "posts" / "foto").glob("*.jpg"))[:4]
        for photo in photos:
            thumbnail(photo, Path(scratch) / "mini")
        cpu = time.process_time() - started
    count = len(entries) + len(thumbnails)
    print(json.dumps({"count": count, "cpu_each": cpu / max(sample + len(photos), 1)}))


class Servers:
    """``mkdocs serve`` on the bare site and ``kalender serve`` on the repository, both in a
    process group of their own that is killed at the end."""

    def __init__(self, bench: Bench) -> None:
        self.bench = bench
        self.ports = (free_port(), free_port())
        self.children: list[subprocess.Popen[bytes]] = []
        self.peak = 0.0

    def __enter__(self) -> Servers:
        bench = self.bench
        bare, ours = self.ports
        log = (bench.work / "serve.log").open("ab")
        self.children = [
            subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{bare}"],
                             cwd=bench.bare, stdout=log, stderr=subprocess.STDOUT,
                             env=child_env(), start_new_session=True),
            subprocess.Popen(kalender(bench.repo, "serve", "--dev-addr", f"127.0.0.1:{ours}"),
                             cwd=bench.repo, stdout=log, stderr=subprocess.STDOUT,
                             env={**child_env(), "KALENDER_TODAY": bench.day},
                             start_new_session=True),
        ]
        log.close()
        self.wait(f"http://127.0.0.1:{bare}/", "Beranda", 1800)
        self.wait(f"http://127.0.0.1:{ours}/", "kal-home", 3600)
        time.sleep(1.0)  # let the watchers settle after the first builds
        return self

    def __exit__(self, *exc: object) -> None:
        if len(self.children) > 1:
            self.peak = max(self.peak, _rss(self.children[1].pid))
        for child in self.children:
            with _gone():
                os.killpg(child.pid, signal.SIGTERM)
        for child in self.children:
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                with _gone():
                    os.killpg(child.pid, signal.SIGKILL)
                child.wait()
            with _gone():
                os.killpg(child.pid, signal.SIGKILL)  # the group's stragglers (pool workers)

    def wait(self, url: str, text: str, timeout: float) -> float:
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            if any(child.poll() is not None for child in self.children):
                raise SystemExit(t("bench.serve_died"))
            body = fetch(url)
            if body is not None and text in body:
                return time.perf_counter() - started
            time.sleep(POLL)
        raise SystemExit(t("bench.serve_timeout", url=url, seconds=f"{timeout:.0f}"))

    def timed_edit(self, child: subprocess.Popen[bytes], edit: Callable[[], tuple[str, str]]
                   ) -> Run:
        before = _cpu(child.pid)
        started = time.perf_counter()
        url, text = edit()
        self.wait(url, text, 900)
        wall = time.perf_counter() - started
        if child is self.children[1]:
            self.peak = max(self.peak, _rss(child.pid))
        return Run(_cpu(child.pid) - before, wall, 0.0)

    def bare_edit(self) -> Run:
        def edit() -> tuple[str, str]:
            self.bench.edits += 1
            page = self.bench.bare / "docs" / "halaman-00007.md"
            new = f"Halaman diubah {self.bench.edits}"
            page.write_text(f"# Pos uji 7\n\n{new}\n", encoding="utf-8")
            # the offline plugin turns directory URLs off
            return f"http://127.0.0.1:{self.ports[0]}/halaman-00007.html", new

        return self.timed_edit(self.children[0], edit)

    def ours_edit(self) -> Run:
        def edit() -> tuple[str, str]:
            post = self.bench.edit_caption(0)
            new = f"Keterangan diubah {self.bench.edits} nomor"
            return f"http://127.0.0.1:{self.ports[1]}/pos/{post.stem}/", new

        return self.timed_edit(self.children[1], edit)


class _gone:  # noqa: N801  (a context manager used like a keyword)
    """Ignore a process (group) that is already gone."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, *rest: object) -> bool:
        return kind is ProcessLookupError or kind is PermissionError


def _cpu(pid: int) -> float:
    """CPU seconds (user + system) of a running process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss(pid: int) -> float:
    """Peak RSS (MiB) of a running process, from /proc (VmHWM)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def left_behind(bench: Bench) -> int:
    """Processes still running from the bench's work folder (there should be none)."""
    found = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        found += str(bench.work).encode() in command
    return found


# --- the table ----------------------------------------------------------------------------


def verdict(row: Row) -> str:
    if row.target is None:
        return ""
    return t("bench.met") if row.figure() <= row.target else t("bench.missed")


def table(bench: Bench) -> str:
    """The rows: bare and ours (CPU medians), ratio median and minimum, target, verdict."""
    lines = [t("bench.pairs_header", n=bench.n, pairs=bench.pairs),
             f"{t('bench.col_what'):<46} {t('bench.col_bare'):>8} {t('bench.col_ours'):>8} "
             f"{t('bench.col_median'):>8} {t('bench.col_min'):>8} {t('bench.col_rss'):>9} "
             f"{t('bench.col_target'):>9}"]
    for row in bench.rows:
        bare = statistics.median(row.of(b) + row.floor for b, _ in row.pairs)
        ours = statistics.median(row.of(o) for _, o in row.pairs)
        if row.absolute:
            walls = [o.wall for _, o in row.pairs]
            median, low = f"{statistics.median(walls):.2f} s", f"{min(walls):.2f} s"
            target = f"<= {row.target:.2f} s"
        else:
            median, low = f"{row.figure():.2f}x", f"{min(row.ratios()):.2f}x"
            target = f"<= {row.target:.1f}x" if row.target is not None else ""
        row_peak = f"{max(o.peak for _, o in row.pairs):.0f}"  # this row's own peak RSS
        lines.append(f"{t('bench.pair_' + row.key):<46} {bare:>8.2f} {ours:>8.2f} "
                     f"{median:>8} {low:>8} {row_peak:>9} {target:>9}  {verdict(row)} "
                     f"({t('bench.pairs_count', count=len(row.pairs))})")
    peak, row_key = max((o.peak, row.key) for row in bench.rows for _, o in row.pairs)
    bare_peak = max(b.peak for row in bench.rows for b, _ in row.pairs)
    met = t("bench.met") if peak <= PEAK_TARGET_MIB else t("bench.missed")
    lines.append(t("bench.pairs_peak", peak=f"{peak:.0f}", bare=f"{bare_peak:.0f}",
                   row=t("bench.pair_" + row_key),
                   verdict=met if bench.n >= 10_000 else t("bench.not_at_n")))
    cold = next((row for row in bench.rows if row.key == "cold"), None)
    if cold is not None:
        lines.append(t("bench.pairs_floor", count=bench.renditions,
                       ms=f"{bench.rendition_cpu * 1000:.0f}", cores=os.cpu_count() or 1,
                       floor=f"{cold.floor:.1f}",
                       spread=f"{cold.floor / (os.cpu_count() or 1):.1f}"))
    return "\n".join(lines)


def run_pairs(n: int, photos: int, pairs: int, keep: bool, cold: bool = True,
              until: float | None = None, rows: frozenset[str] | None = None) -> str:
    """Every row of issue 23 on a fresh synthetic repository; the table as text.

    The first cold pair is measured first (every other row needs its caches); the other
    cold pairs come last, each only when it still ends before ``until`` (epoch seconds,
    judged by the first pair's wall time): the table says how many pairs each row has."""
    work = Path(tempfile.mkdtemp(prefix="kalender-bench-"))
    # a bench stopped with SIGTERM still stops its servers and removes its folder
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        print(t("bench.making", n=n, photos=photos, folder=str(work)), flush=True)
        bench = Bench(work, n, photos, pairs, rows)
        cold = cold and bench.measures("cold")
        if cold:
            first = bench.cold(1)
            lasted = first.pairs[0][0].wall + first.pairs[0][1].wall
        else:
            bench.ours("build")
        bench.rows_of_builds()
        bench.help_row()
        bench.serve_row()
        for _ in range(pairs - 1 if cold else 0):
            if until is not None and time.time() + lasted * 1.2 > until:
                break
            bench.cold(1)
        stray = left_behind(bench)
        subprocess.run(["rm", "-rf", str(bench.removed)], check=False)
        text = "\n".join([machine(), table(bench), t("bench.pairs_processes", count=stray)])
        return text
    finally:
        if not keep:
            subprocess.run(["rm", "-rf", str(work)], check=False)


__all__ = ["REPO", "run_pairs", "renditions_child"]
