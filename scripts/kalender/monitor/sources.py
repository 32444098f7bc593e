"""Where each office's calendar comes from: a local checkout, a git URL, or another roll-up.

A git URL is cloned once, shallow (``--depth 1``), into the cache folder; later runs fetch
only what is new and move the copy to it (nothing is copied twice). A folder holding
``pantauan.json`` is the output of another roll-up (a province's, read by KPU RI's).
Anything else that cannot be read becomes a :class:`Broken` source with its reason; the
roll-up lists it and goes on with the others.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..core.i18n import t

ROLLUP_FILE = "pantauan.json"
OFFICE_MARKER = Path("calendar") / "satker.yml"
SCP_LIKE = re.compile(r"^[\w.-]+@[\w.-]+:")
GIT_TIMEOUT = 300  # seconds for one clone or fetch
WATCHED = ("posts", "calendar", "laporan", "percakapan")  # folders the figures read


@dataclass(frozen=True)
class SourceSpec:
    """A source as the user named it: a path or URL, and an optional display name."""

    where: str
    name: str = ""
    line: int | None = None  # in the roll-up config, when it came from there


@dataclass(frozen=True)
class Readable:
    """A source ready to read: its folder, its kind and what its content version is."""

    spec: SourceSpec
    folder: Path
    kind: str  # "office" or "rollup"
    version: str  # git commit, or a digest of the watched files' sizes and times
    label: str  # short name: the folder's or the repository's name
    warning: str = ""  # e.g. the URL was unreachable and the cached copy is used


@dataclass(frozen=True)
class Broken:
    """A source that could not be read, and why (in the reader's language)."""

    spec: SourceSpec
    reason: str

    @property
    def label(self) -> str:
        return label_of(self.spec)


def is_url(where: str) -> bool:
    """``https://...``, ``file:///...``, ``ssh://...`` or ``git@host:path``."""
    return "://" in where or bool(SCP_LIKE.match(where))


def label_of(spec: SourceSpec) -> str:
    """The source's short name: its configured name, else the last part of its path or URL."""
    if spec.name:
        return spec.name
    last = spec.where.rstrip("/").replace(":", "/").rsplit("/", 1)[-1]
    return last.removesuffix(".git") or spec.where


def resolve(spec: SourceSpec, cache: Path) -> Readable | Broken:
    """Make ``spec`` readable (cloning or updating a URL), or say why it cannot be."""
    warning = ""
    if is_url(spec.where):
        fetched = fetch(spec.where, cache)
        if isinstance(fetched, str):
            return Broken(spec, fetched)
        folder, warning = fetched
    else:
        folder = Path(spec.where).expanduser()
        if not folder.is_dir():
            return Broken(spec, t("monitor.source.missing", path=spec.where))
    folder = folder.resolve()
    if (folder / ROLLUP_FILE).is_file():
        kind = "rollup"
    elif (folder / OFFICE_MARKER).is_file():
        kind = "office"
    else:
        return Broken(spec, t("monitor.source.not_calendar", path=spec.where,
                              marker=OFFICE_MARKER.as_posix(), rollup=ROLLUP_FILE))
    version = (git_commit(folder) if is_url(spec.where) else None) or files_version(folder)
    return Readable(spec, folder, kind, version, label_of(spec), warning)


# -- git ------------------------------------------------------------------------------------


def clone_folder(url: str, cache: Path) -> Path:
    """The cache folder of ``url``: readable name plus a short digest (two URLs never share)."""
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:10]
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", label_of(SourceSpec(url)))[:40]
    return cache / "sumber" / f"{name}-{digest}"


def fetch(url: str, cache: Path) -> tuple[Path, str] | str:
    """Clone ``url`` shallow, or update the clone; (folder, warning) or the reason it failed.

    When an update fails but an earlier clone exists, that copy is used with a warning.
    """
    folder = clone_folder(url, cache)
    if (folder / ".git").is_dir():
        failed = _git(folder, "fetch", "--depth", "1", "--quiet", "origin", "HEAD")
        if failed is None:
            failed = _git(folder, "reset", "--hard", "--quiet", "FETCH_HEAD")
        if failed is None:
            return folder, ""
        return folder, t("monitor.source.stale", url=url, reason=failed)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".clone-", dir=folder.parent))
    failed = _git(None, "clone", "--depth", "1", "--quiet", "--no-tags", url, str(staging))
    if failed is not None:
        shutil.rmtree(staging, ignore_errors=True)
        return t("monitor.source.unreachable", url=url, reason=failed)
    os.replace(staging, folder)
    return folder, ""


def _git(folder: Path | None, *args: str) -> str | None:
    """Run git; None when it worked, else its last line of error output."""
    command = ["git", *(["-C", str(folder)] if folder else []), *args]
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env,
                              timeout=GIT_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return str(error)
    if done.returncode == 0:
        return None
    lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
    return lines[-1] if lines else f"git {args[0]}: {done.returncode}"


def git_commit(folder: Path) -> str | None:
    """The commit checked out in ``folder`` (None when it is not a git work tree)."""
    try:
        done = subprocess.run(["git", "-C", str(folder), "rev-parse", "HEAD"],
                              capture_output=True, text=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return f"git:{done.stdout.strip()}" if done.returncode == 0 else None


# -- local folders --------------------------------------------------------------------------


def files_version(folder: Path) -> str:
    """A digest of the path, size and modification time of every file the figures read:
    it changes when any of them is edited, added or removed (and costs only a walk)."""
    digest = hashlib.sha256()
    for top in (*WATCHED, ROLLUP_FILE):
        _walk(folder / top, folder, digest)
    return f"stat:{digest.hexdigest()}"


def _walk(path: Path, root: Path, digest: hashlib._Hash) -> None:
    try:
        info = path.stat()
    except OSError:
        return
    if path.is_dir():
        for child in sorted(os.scandir(path), key=lambda e: e.name):
            _walk(Path(child.path), root, digest)
        return
    digest.update(f"{path.relative_to(root)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
